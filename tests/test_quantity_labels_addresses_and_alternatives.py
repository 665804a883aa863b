"""Forms found by the fourteenth blind set: an indented table row whose label states its
unit, statistics in a table that states none, percentage points as 'pp', a number whose
noun and unit were said just before ('extended by another 45'), a quoted speaker's age,
two values set side by side ('3 or 4 days', '7.4 vs. 2.1 percentage points'), and the
numbers of addresses and of legal citations, which are no quantities.

Each case is a text and the (quote, value, unit) of every quantity it states.
"""

from __future__ import annotations

import pytest

from pipeline.extract.quantities import extract_quantities
from tests.quantity_rows import assert_same_rows, quote_value_unit

INDENTED_PERCENT_ROW = """                                  Jan–May 2025   Jan–May 2026   Change
  Applications                          36,904         41,287      +11.9%
  Tasa de reconocimiento (%) /
    Recognition rate (%)                    71             68        -3 pp
"""

REGRESSION_TABLE = """                               (1)        (2)        (3)
                            Employed    Enrolled    Log income
Return of a member           0.059      -0.012      -0.084
Observations                 3,412      2,987       3,412
R-squared                    0.214      0.187       0.331
"""

CASES = [
    (
        INDENTED_PERCENT_ROW,
        [
            ("36,904", 36904.0, "count"),
            ("41,287", 41287.0, "count"),
            ("+11.9%", 11.9, "percent"),
            ("71", 71.0, "percent"),
            ("68", 68.0, "percent"),
            ("-3 pp", -3.0, "percent"),
        ],
    ),
    (
        REGRESSION_TABLE,
        [("3,412", 3412.0, "count"), ("2,987", 2987.0, "count"), ("3,412", 3412.0, "count")],
    ),
    (
        "- The share of manufacturing in total exports rose 0.4 pp to 91.6%.",
        [("0.4 pp", 0.4, "percent"), ("91.6%", 91.6, "percent")],
    ),
    (
        "COMAR must decide each application within 45 business days, which can be extended "
        "by another 45.",
        [("45 business days", 45.0, "day"), ("45", 45.0, "day")],
    ),
    (
        "La COMAR debe resolver en un plazo de 45 días hábiles, prorrogable por otros 45.",
        [("45 días", 45.0, "day"), ("45", 45.0, "day")],
    ),
    (
        "Train 3,000 officers over 2 years, including at least 400 in the 6 border states.",
        [
            ("3,000", 3000.0, "count"),
            ("2 years", 2.0, "year"),
            ("400", 400.0, "count"),
            ("6", 6.0, "count"),
        ],
    ),
    (
        "APHIS found 12 pests of significance in Mexico, of which 7 could follow the pathway.",
        [("12", 12.0, "count"), ("7", 7.0, "count")],
    ),
    (
        "“That was my daughter,” said\nAlejandra, 44. She waited 3 years for a match.",
        [("44", 44.0, "year"), ("3 years", 3.0, "year")],
    ),
    (
        "“He had gone off with a girlfriend,” said Rosa, 58, whose son never came back.",
        [("58", 58.0, "year")],
    ),
    (
        "Characteristics\nLength  3,145 km (1,954 mi)\nLand ports of entry  48\n",
        [("3,145 km", 3145.0, "kilometer"), ("1,954 mi", 1954.0, "mile"), ("48", 48.0, "count")],
    ),
    (
        "We operate 7 manufacturing facilities: 2 in the United States and 5 in Mexico.",
        [("7", 7.0, "count"), ("2", 2.0, "count"), ("5", 5.0, "count")],
    ),
    (
        "APHIS received 31 comments: 19 from domestic producers, 4 from State departments, "
        "3 from importers and 1 from a private citizen.",
        [
            ("31", 31.0, "count"),
            ("19", 19.0, "count"),
            ("4", 4.0, "count"),
            ("3", 3.0, "count"),
            ("1", 1.0, "count"),
        ],
    ),
    (
        "new monuments, which shall not exceed two hundred and fifty-eight in number, shall",
        [("two hundred and fifty-eight", 258.0, "count")],
    ),
    (
        "Source: U.S. Census Bureau, HTS chapters 72, 73 and 76; ITA Steel Import Monitoring "
        "and Analysis (SIMA) system. Licenses are required for every entry of 2 metric tons "
        "or more (about 4,409 pounds) and are issued within 1 day.\n",
        [("2 metric tons", 2.0, "ton"), ("4,409 pounds", 4409.0, "pound"), ("1 day", 1.0, "day")],
    ),
    (
        "Each kit meets the needs of a family of five for 30 days; a crew of four moves it.",
        [("five", 5.0, "count"), ("30 days", 30.0, "day"), ("four", 4.0, "count")],
    ),
    (
        "In total, more than a quarter-million people need assistance.",
        [("a quarter-million", 250000.0, "count")],
    ),
    (
        "Migrants walk for 3 or 4 days through the brush.",
        [("3", 3.0, "day"), ("4 days", 4.0, "day")],
    ),
    (
        "The gap was larger after voluntary returns (7.4 vs.\n2.1 percentage points).",
        [("7.4", 7.4, "percent"), ("2.1 percentage points", 2.1, "percent")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0].strip()[:50] for c in CASES])
def test_text_yields_its_quantities(text: str, expected: list[tuple]) -> None:
    assert_same_rows(quote_value_unit(text), expected)


# Street numbers, a citation's volume and a page's running head count nothing.
NOT_QUANTITIES = [
    "9874 Federal Register / Vol. 91, No. 42 / Tuesday, March 3, 2026 / Proposed Rules",
    "The notice was published on June 10, 2025 (90 FR 24511).",
    "Under the Paperwork Reduction Act of 1995 (44\nU.S.C. 3501 et seq.), the agency asks.",
    "Compliance, PPQ, APHIS, 4700\nRiver Road, Unit 133, Riverdale, MD 20737-1236",
    "Address: 5110 U.S. Highway 59, Freer, TX 78357",
    "2707 Martin Luther King Jr. Avenue SE\nWashington, DC 20528",
    # a two-column list of places is no infobox: nothing says what the numbers count
    "Tijuana  296\nJuarez  140\n",
    "Exports rose 4 from a year earlier.",
    "Sources: INEGI; Banco de México, 2024 series, table 3.",
    "The Group of Seven met in Rome.",
]


@pytest.mark.parametrize("text", NOT_QUANTITIES, ids=[t[:40] for t in NOT_QUANTITIES])
def test_text_yields_no_quantity(text: str) -> None:
    assert extract_quantities(text) == []
