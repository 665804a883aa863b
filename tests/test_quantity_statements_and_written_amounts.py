"""Forms found by the thirteenth blind set: tables whose unit lines head groups of rows
(statistical annexes), labels that wrap inside their bracket, financial statements in
thousands with the currency printed on their first rows and negatives in brackets, a change
or fall that prints its unit once, and amounts written out in words as treaties and
Mexican legal texts print them.

Each case is a text and the (quote, value, unit) of every quantity it states.
"""

from __future__ import annotations

import pytest

from pipeline.extract.quantities import extract_quantities
from tests.quantity_rows import assert_same_rows, quote_value_unit

GROUPED_UNIT_LINES = """Table 2. Mexico: Balance of Payments, 2023–26

                                        2023     2024     2025     2026
                                                                   Proj.
   (Annual percentage change, unless otherwise indicated)
     Exports of goods                    5.1      2.4     -1.0      1.8

   (In billions of U.S. dollars)
     Remittances                        63.3     64.7     61.8     62.5
"""

WRAPPED_LABEL = """   Memorandum items:
     Exchange rate (pesos per U.S.
       dollar, end of period)            16.92    20.79    18.41
"""

STATEMENT_IN_THOUSANDS = """                                              Year Ended December 31,
(in thousands)                               2025            2024
Net sales                               $  318,204      $  297,911
Cost of sales                             (251,377)       (236,048)
Gross profit                               66,827          61,863
"""

# The same shape without a currency: a count in thousands; brackets around a count are no
# sign, and what they mean is left unread.
COUNTS_IN_THOUSANDS = """(in thousands)                               2025            2024
Northbound trucks                          3,412           3,198
Empty containers                            (214)           (187)
"""

# A row label without figures that ends in a bracket heads the rows under it, as a line
# that is only a bracket does; a row's own label still wins ('Terminal dwell (hours)').
LABELLED_GROUP = """OPERATING STATISTICS                       2025          2024      % Change
Carloads and units (thousands)
  Chemical and petroleum                  198.4         206.1         (3.7)
Total carloads and units                1,515.1       1,468.0          3.2
Terminal dwell (hours)                     21.8          23.4         (6.8)
"""

# USITC prints each group's unit and scale on its own line, centred over the figures and
# under the rows of the group before: '(1,000 pounds)' is in thousands of pounds.
CENTRED_GROUP_LINES = """Source                               2022            2023
                                    Quantity (1,000 pounds)
Mexico                          4,102,337       4,388,910
                                    Value (1,000 dollars)
Mexico                          2,618,440       2,902,176
"""

TABLES = [
    (
        CENTRED_GROUP_LINES,
        [
            ("4,102,337", 4_102_337_000, "pound"),
            ("4,388,910", 4_388_910_000, "pound"),
            ("2,618,440", 2_618_440_000, "USD"),
            ("2,902,176", 2_902_176_000, "USD"),
        ],
    ),
    (
        LABELLED_GROUP,
        [
            ("198.4", 198_400, "count"),
            ("206.1", 206_100, "count"),
            ("(3.7)", -3.7, "percent"),
            ("1,515.1", 1_515_100, "count"),
            ("1,468.0", 1_468_000, "count"),
            ("3.2", 3.2, "percent"),
            ("21.8", 21.8, "hour"),
            ("23.4", 23.4, "hour"),
            ("(6.8)", -6.8, "percent"),
        ],
    ),
    (
        GROUPED_UNIT_LINES,
        [
            ("5.1", 5.1, "percent"),
            ("2.4", 2.4, "percent"),
            ("-1.0", -1.0, "percent"),
            ("1.8", 1.8, "percent"),
            ("63.3", 63.3e9, "USD"),
            ("64.7", 64.7e9, "USD"),
            ("61.8", 61.8e9, "USD"),
            ("62.5", 62.5e9, "USD"),
        ],
    ),
    (
        WRAPPED_LABEL,
        [("16.92", 16.92, "MXN"), ("20.79", 20.79, "MXN"), ("18.41", 18.41, "MXN")],
    ),
    (
        STATEMENT_IN_THOUSANDS,
        [
            ("318,204", 318204e3, "USD"),
            ("297,911", 297911e3, "USD"),
            ("(251,377)", -251377e3, "USD"),
            ("(236,048)", -236048e3, "USD"),
            ("66,827", 66827e3, "USD"),
            ("61,863", 61863e3, "USD"),
        ],
    ),
    (
        COUNTS_IN_THOUSANDS,
        [
            ("3,412", 3412e3, "count"),
            ("3,198", 3198e3, "count"),
        ],
    ),
]

# A change or a fall prints its unit once, after the second value; a unit printed on the
# first value stays its own.
CHANGES = [
    (
        "Proposals to cut the standard workweek from 48 to 40 hours would raise labor costs.",
        [("48", 48.0, "hour"), ("40 hours", 40.0, "hour")],
    ),
    (
        "The unemployment rate fell from 3.1 to 2.6 percent.",
        [("3.1", 3.1, "percent"), ("2.6 percent", 2.6, "percent")],
    ),
    (
        "Remittances rose from 3 to 4.5 billion dollars.",
        [("3", 3e9, "USD"), ("4.5 billion dollars", 4.5e9, "USD")],
    ),
    (
        "GSA has obligated $2.6 billion to 14 projects.",
        [("$2.6 billion", 2.6e9, "USD"), ("14", 14.0, "count")],
    ),
]

# Amounts written out: a scale inside the number, the older plural scale, a line break
# inside the words, Spanish hundreds, and the '$' of a Mexican legal text that restates
# the amount in pesos.
WRITTEN_AMOUNTS = [
    (
        "with a salary of not less than four thousand five hundred dollars per annum",
        [("four thousand five hundred dollars", 4500.0, "USD")],
    ),
    (
        "The sum of three millions two hundred and fifty thousand dollars shall be paid.",
        [("three millions two hundred and fifty thousand dollars", 3.25e6, "USD")],
    ),
    (
        "the sum of ten millions of dollars in gold coin",
        [("ten millions of dollars", 1e7, "USD")],
    ),
    (
        "the sum of one hundred and twenty-five\nthousand dollars ($125,000).",
        [
            ("one hundred and twenty-five\nthousand dollars", 125000.0, "USD"),
            ("$125,000", 125000.0, "USD"),
        ],
    ),
    ("with interest at six per centum per annum.", [("six per centum", 6.0, "percent")]),
    (
        "Se pagará un aprovechamiento de $2,500.00 (dos mil quinientos pesos 00/100 M.N.) "
        "por vehículo.",
        [("$2,500.00", 2500.0, "MXN"), ("dos mil quinientos pesos", 2500.0, "MXN")],
    ),
    (
        "un monto de $12,500,000.00 (doce millones quinientos mil pesos\n00/100 M.N.) para",
        [
            ("$12,500,000.00", 1.25e7, "MXN"),
            ("doce millones quinientos mil pesos", 1.25e7, "MXN"),
        ],
    ),
    ("El albergue recibió quinientos migrantes.", [("quinientos", 500.0, "count")]),
    (
        "The project cost $5 million (about 90 million pesos).",
        [("$5 million", 5e6, "USD"), ("90 million pesos", 9e7, "MXN")],
    ),
]

# Spanish ranges open with 'entre' or 'de'; a unit may sit one modifier after its number,
# across a line break; a value set against the one before it takes its unit.
RANGES_AND_MODIFIERS = [
    (
        "vehículos con una antigüedad de entre 8 y 15 años, lo que dificulta",
        [("8", 8.0, "year"), ("15 años", 15.0, "year")],
    ),
    ("Los permisos duran de 3 a 5 años.", [("3", 3.0, "year"), ("5 años", 5.0, "year")]),
    ("una multa de mil quinientos pesos", [("mil quinientos pesos", 1500.0, "MXN")]),
    (
        "the fall is concentrated among girls aged 15\nto 17. The coefficient is small.",
        [("15", 15.0, "year"), ("17", 17.0, "year")],
    ),
    (
        "Over the ten\nfiscal years shown, admissions rose.",
        [("ten\nfiscal years", 10.0, "year")],
    ),
    (
        "Road blockades closed our plant for 3 production days last year.",
        [("3 production days", 3.0, "day")],
    ),
    (
        "The peso averaged about 18.70 to the dollar in the quarter, versus 17.20 a year ago.",
        [("18.70", 18.7, "MXN"), ("17.20", 17.2, "MXN")],
    ),
    (
        "Crossings rose 5 percent, versus 3 a year earlier.",
        [("5 percent", 5.0, "percent"), ("3", 3.0, "percent")],
    ),
]

CASES = TABLES + CHANGES + WRITTEN_AMOUNTS + RANGES_AND_MODIFIERS


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0].strip()[:50] for c in CASES])
def test_text_yields_its_quantities(text: str, expected: list[tuple]) -> None:
    assert_same_rows(quote_value_unit(text), expected)


NOT_AMOUNTS = [
    "They made ten thousand two-way trips.",
    "Table 3 lists the ports.\n(In percent)\n",
    "o bien el equivalente a 30 veces el valor diario",
    "and no two monuments shall stand on the same ridge",
    "We ended the quarter with net leverage of 1.6 times, and we bought back shares.",
    # running heads of a scanned volume, after a page break, with their page numbers
    "\f1130                    TREATIES AND CONVENTIONS.\n\nThe parties agree.\n"
    "\f1132                    TREATIES AND CONVENTIONS.\n",
    "                       CONVENTION—MEXICO. 1897.                          1131\n",
]


@pytest.mark.parametrize("text", NOT_AMOUNTS, ids=[t[:40] for t in NOT_AMOUNTS])
def test_text_yields_no_quantity(text: str) -> None:
    assert extract_quantities(text) == []
