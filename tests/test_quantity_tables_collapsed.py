"""Tables as PDF-to-text conversion leaves them: columns collapsed to single spaces, a unit
printed as a cell of its row, and dot-leader budget tables that print the currency once.

Each case is a table and the (quote, value, unit) of every quantity it states.
"""

from __future__ import annotations

import pytest

from pipeline.extract.quantities import extract_quantities
from pipeline.extract.quantity_collapsed_tables import collapsed_as_tabs

SHARES_BY_STATE = """TABLE 1. USE OF REMITTANCE INCOME, BY STATE (% OF RECIPIENT HOUSEHOLDS)
State Food Housing Health
Jalisco 81.2 34.5 29.7
All four states 84.6 36.2 32.4
Note: Households could name more than one use."""

FUNDING_SOURCES = """FINANCIAL TERMS AND CONDITIONS

Source Amount (US$) %
IDB (Ordinary Capital) 350,000,000 87.5
Local counterpart 50,000,000 12.5
Total 400,000,000 100
"""

RESULTS_MATRIX = """Indicator Unit Baseline 2024 Target 2031
Sewer collectors rehabilitated km 14 110
Solid waste removed from border channels tons/year 2,300 3,800
Households with new sewer connections households 12,400 18,000
"""

LEADER_TABLE = """                              MEXICO

Appropriations, fiscal year 2025 ............................ $148,500,000
Budget request, fiscal year 2026 ............................  150,000,000
Bill compared with:
    Appropriations, fiscal year 2025 .........................   +9,500,000
"""

TABLES = [
    (
        SHARES_BY_STATE,
        [
            ("81.2", 81.2, "percent"),
            ("34.5", 34.5, "percent"),
            ("29.7", 29.7, "percent"),
            ("four", 4.0, "count"),
            ("84.6", 84.6, "percent"),
            ("36.2", 36.2, "percent"),
            ("32.4", 32.4, "percent"),
        ],
    ),
    (
        FUNDING_SOURCES,
        [
            ("350,000,000", 3.5e8, "USD"),
            ("87.5", 87.5, "percent"),
            ("50,000,000", 5e7, "USD"),
            ("12.5", 12.5, "percent"),
            ("400,000,000", 4e8, "USD"),
            ("100", 100.0, "percent"),
        ],
    ),
    (
        RESULTS_MATRIX,
        [
            ("14", 14.0, "kilometer"),
            ("110", 110.0, "kilometer"),
            ("2,300", 2300.0, "ton"),
            ("3,800", 3800.0, "ton"),
            ("12,400", 12400.0, "count"),
            ("18,000", 18000.0, "count"),
        ],
    ),
    (
        LEADER_TABLE,
        [
            ("$148,500,000", 1.485e8, "USD"),
            ("150,000,000", 1.5e8, "USD"),
            ("+9,500,000", 9.5e6, "USD"),
        ],
    ),
    (
        "The survey has a margin of error of ±2.3 percentage points.",
        [("2.3 percentage points", 2.3, "percent")],
    ),
]


@pytest.mark.parametrize(("table", "expected"), TABLES, ids=[t[0][:40] for t in TABLES])
def test_table_yields_its_quantities(table: str, expected: list[tuple]) -> None:
    found = [(r["quote"], r["value"], r["unit"]) for r in extract_quantities(table)]
    assert [(q, u) for q, _, u in found] == [(q, u) for q, _, u in expected]
    assert [v for _, v, _ in found] == [pytest.approx(v) for _, v, _ in expected]


# Lines that end in numbers but are no collapsed table: prose, a single line, an aligned
# table (already split by runs of spaces).
NOT_COLLAPSED = [
    "The scores rose from 3 to 4 in 2023. Then they fell back to 2 3",
    "Jalisco 81.2 34.5 29.7",
    "Jalisco          81.2    34.5\nMichoacán        86.9    41.3",
    "See the ratios 1 2 and then 3 4.\nThey moved. Again 5 6",
]


@pytest.mark.parametrize("text", NOT_COLLAPSED, ids=[t[:40] for t in NOT_COLLAPSED])
def test_text_that_is_no_collapsed_table_is_left_as_it_is(text: str) -> None:
    assert collapsed_as_tabs(text) == text


def test_collapsed_table_keeps_every_offset() -> None:
    split = collapsed_as_tabs(SHARES_BY_STATE)
    assert len(split) == len(SHARES_BY_STATE)
    assert split.replace("\t", " ") == SHARES_BY_STATE
    assert "Jalisco\t81.2\t34.5\t29.7" in split
    assert "State\tFood\tHousing\tHealth" in split


# A bare amount on a leader line takes no currency when none is printed above it, nor
# across a line that is neither a leader line nor a sub-head.
@pytest.mark.parametrize(
    "table",
    [
        "Ports of entry .............. 48 ports\nInspection lanes ............ 310\n",
        "Total .......... $12,000\nThe next section covers staffing.\nStaff ....... 310\n",
    ],
)
def test_leader_amount_without_a_printed_currency_is_no_money(table: str) -> None:
    found = {r["quote"]: r["unit"] for r in extract_quantities(table)}
    assert found.get("310") != "USD"
