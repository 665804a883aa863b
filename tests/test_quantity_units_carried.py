"""Where a number's unit is printed somewhere other than right after it: an exchange rate
per `US$` priced in the currency named before it, `half a ton`, a part of a measured whole
(`on 41 of the 59 days`); and a fiscal-year span that must not swallow the number after
it (`in FY 2022 to 154 days`).

Each case is a text and the (quote, value, unit) of every quantity it states.
"""

from __future__ import annotations

import pytest

from tests.quantity_rows import assert_same_rows, quote_value_unit

CASES = [
    (
        "Processing rose from 98 days in FY 2022 to 154 days; the goal is under 120 days.",
        [("98 days", 98, "day"), ("154 days", 154, "day"), ("120 days", 120, "day")],
    ),
    ("from FY2022 through FY2024, 300 agents were hired", [("300", 300, "count")]),
    ("In FY 2024-25 it spent $5 million.", [("$5 million", 5e6, "USD")]),
    ("Assumes peso at 18.50 per US$ and no change.", [("18.50", 18.5, "MXN")]),
    ("the peso closed at 17.2 per USD on Friday", [("17.2", 17.2, "MXN")]),
    (
        "This cell moved more than half a ton of methamphetamine.",
        [("half a ton", 0.5, "ton")],
    ),
    ("Inspections took half an hour.", [("half an hour", 0.5, "hour")]),
    (
        "Sewage reached the United States on 41 of the 59 days in the period.",
        [("41", 41, "day"), ("59 days", 59, "day")],
    ),
    ("She spent 3 of her 10 years abroad.", [("3", 3, "year"), ("10 years", 10, "year")]),
    (
        "The record shows that for 38 of those days the equipment sat idle.",
        [("38", 38, "day")],
    ),
    (
        "As of December 31, 2025, the net debt totaled Ps. 17,848.3 billion, up 4.1%.",
        [("Ps. 17,848.3 billion", 17_848.3e9, "MXN"), ("4.1%", 4.1, "percent")],
    ),
    (
        "The margin of error is ±2.4 percentage points overall and ±3.4 points for the U.S.",
        [("2.4 percentage points", 2.4, "percent"), ("3.4 points", 3.4, "percent")],
    ),
    (
        "Exchange rate, end of period (Ps./U.S.$)     20.58     19.49",
        [("20.58", 20.58, "MXN"), ("19.49", 19.49, "MXN")],
    ),
    # an infographic's value and its unit in capitals is no section number; a '+' between
    # a number and its unit makes a lower bound of the amount
    ("Average wait\n2.7 HRS\nat peak", [("2.7 HRS", 2.7, "hour")]),
    ("Longest waits: 4+ hours", [("4+ hours", 4, "hour")]),
    # a confidence interval's bounds are in the estimate's unit, not the level's ('95%')
    (
        "works for pay by 5.9 percentage points (95% CI 4.1–7.9; p < 0.01).",
        [
            ("5.9 percentage points", 5.9, "percent"),
            ("95%", 95, "percent"),
            ("4.1", 4.1, "percent"),
            ("7.9", 7.9, "percent"),
        ],
    ),
    ("elasticity is 0.214 (95% CI 0.121–0.307).", [("95%", 95, "percent")]),
    # a change that starts in words takes the unit its end prints
    (
        "Mexico raised its tariff from zero to 20 percent in May.",
        [("zero", 0, "percent"), ("20 percent", 20, "percent")],
    ),
    # a part of counted things stays a count
    ("For 9 of the 23 workers, records were missing.", [("9", 9, "count"), ("23", 23, "count")]),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:50] for c in CASES])
def test_text_yields_its_quantities(text: str, expected: list[tuple]) -> None:
    assert_same_rows(quote_value_unit(text), expected)


# nothing priced per dollar without a currency named before it
NOT_QUANTITIES = ["It costs 5 per US$ spent.", "half a world away"]


@pytest.mark.parametrize("text", NOT_QUANTITIES)
def test_text_yields_no_quantity(text: str) -> None:
    assert quote_value_unit(text) == []
