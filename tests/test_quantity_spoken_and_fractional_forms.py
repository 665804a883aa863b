"""Quantities as speech and older print state them: estimates said as a list whose unit
comes once at the end (`seven, eight hours`, `eighty, eighty-five percent`), two values
set against each other in words (`two or three percentage points`), halves said in words
(`sixty-two and a half percent`) or printed as a vulgar fraction (`1½ percent`); and a
figure's share printed in brackets beside it in a leader table, which states no unit for
the rows below.

Each case is a text and the (quote, value, unit) of every quantity it states.
"""

from __future__ import annotations

import pytest

from tests.quantity_rows import assert_same_rows, quote_value_unit

LEADER_TABLE_WITH_SHARES = """Exports by destination, year to date:

   United States ............ 237,561   (84.9%)
   Canada ...................  19,027    (6.8%)
   Germany ..................   5,316    (1.9%)
"""

CASES = [
    (
        "At the Pharr bridge a driver can wait seven, eight hours.",
        [("seven", 7, "hour"), ("eight hours", 8, "hour")],
    ),
    ("A driver can wait 7, 8 hours.", [("7", 7, "hour"), ("8 hours", 8, "hour")]),
    (
        "It went from seventy-five percent to, say, eighty, eighty-five percent, every one.",
        [
            ("seventy-five percent", 75, "percent"),
            ("eighty", 80, "percent"),
            ("eighty-five percent", 85, "percent"),
        ],
    ),
    (
        "phased out over five, ten or fifteen years",
        [("five", 5, "year"), ("ten", 10, "year"), ("fifteen years", 15, "year")],
    ),
    (
        "You get maybe two or three percentage points of reshoring.",
        [("two", 2, "percent"), ("three percentage points", 3, "percent")],
    ),
    (
        "The content rule went from sixty-two and a half percent under NAFTA.",
        [("sixty-two and a half percent", 62.5, "percent")],
    ),
    ("Two and a half years later", [("Two and a half years", 2.5, "year")]),
    (
        "the average wait is, say, two point\nfour hours, you multiply",
        [("two point\nfour hours", 2.4, "hour")],
    ),
    ("two and a half million people", [("two and a half million", 2_500_000, "count")]),
    (
        "Staff recommends a consolidation of about 1½ percent of GDP.",
        [("1½ percent", 1.5, "percent")],
    ),
    ("growth of 2¼ percent in 2026", [("2¼ percent", 2.25, "percent")]),
    ("holders of more than 66⅔% of the principal", [("66⅔%", 200 / 3, "percent")]),
    (
        LEADER_TABLE_WITH_SHARES,
        [
            ("237,561", 237_561, "count"),
            ("84.9%", 84.9, "percent"),
            ("19,027", 19_027, "count"),
            ("6.8%", 6.8, "percent"),
            ("5,316", 5316, "count"),
            ("1.9%", 1.9, "percent"),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0].strip()[:50] for c in CASES])
def test_text_yields_its_quantities(text: str, expected: list[tuple]) -> None:
    assert_same_rows(quote_value_unit(text), expected)


NOT_LISTS = [
    # a date, then a share: the day is no item of a list
    ("On March 7, 8 percent of them left.", [("8 percent", 8, "percent")]),
    ("In 2019, 8 percent of them left.", [("8 percent", 8, "percent")]),
    # a comma pair is a list only when the first is close below the second
    ("Of those 12, 8 percent were women.", [("8 percent", 8, "percent")]),
    # 'one' is never a row, in a list or not
    ("It takes one, two days.", [("two days", 2, "day")]),
    # a count is whole: half a point of something is no count
    ("It would cost about one and a half points of growth.", []),
]


@pytest.mark.parametrize(("text", "expected"), NOT_LISTS, ids=[c[0][:40] for c in NOT_LISTS])
def test_text_yields_only_what_it_states(text: str, expected: list[tuple]) -> None:
    assert_same_rows(quote_value_unit(text), expected)
