"""Tables as PDF-to-text conversion and cost estimates print them: a rule of box-drawing
characters between the header and the rows (and above the total), a column header that
abbreviates its unit (`Volume (million lb)`), and a cost table whose caption is an indented
line (`By Fiscal Year, Millions of Dollars`) over a header of years.

Each case is a table and the (quote, value, unit) of every quantity it states.
"""

from __future__ import annotations

import pytest

from pipeline.extract.quantities import extract_quantities

BOX_RULED = """   Table 4. Volume by port of entry (million pounds)

   Port of entry              April        May       June     Q2 2026   Chg. (%)
   ───────────────────────────────────────────────────────────────────────────────
   Calexico, CA                 212         197        203        612        2.4
   Eagle Pass, TX               148         151        160        459       -0.8
   ───────────────────────────────────────────────────────────────────────────────
   Total                        360         348        363      1,071        1.1
"""

HEADER_ABBREVIATED_UNIT = """   Commodity           Volume (million lb)    Share of total (%)
   ──────────────────────────────────────────────────────────
   Onions                              212                  6.1
   Limes                               188                  5.4
"""

COST_ESTIMATE = """Table 2.
Estimated Increases in Spending Subject to Appropriation Under S. 1204
                                   By Fiscal Year, Millions of Dollars
                          2026    2027    2028   2026-2028
Port Staffing
  Estimated Authorization   12      57      64       133
  Estimated Outlays          9      41      60       110
Components may not sum to totals because of rounding.
"""

# A ruled table that states no unit: its cells stay counts, and the header's '(%)' over
# the last column is that column's alone.
RULED_WITHOUT_UNIT = """   Port                 Trucks     Buses    Share (%)
   ─────────────────────────────────────────────────
   Laredo                1,204        88        61.0
   ═════════════════════════════════════════════════
   Total                 1,975       140       100.0
"""

TABLES = [
    (
        BOX_RULED,
        [
            ("212", 2.12e8, "pound"),
            ("197", 1.97e8, "pound"),
            ("203", 2.03e8, "pound"),
            ("612", 6.12e8, "pound"),
            ("2.4", 2.4, "percent"),
            ("148", 1.48e8, "pound"),
            ("151", 1.51e8, "pound"),
            ("160", 1.6e8, "pound"),
            ("459", 4.59e8, "pound"),
            ("-0.8", -0.8, "percent"),
            ("360", 3.6e8, "pound"),
            ("348", 3.48e8, "pound"),
            ("363", 3.63e8, "pound"),
            ("1,071", 1.071e9, "pound"),
            ("1.1", 1.1, "percent"),
        ],
    ),
    (
        HEADER_ABBREVIATED_UNIT,
        [
            ("212", 2.12e8, "pound"),
            ("6.1", 6.1, "percent"),
            ("188", 1.88e8, "pound"),
            ("5.4", 5.4, "percent"),
        ],
    ),
    (
        COST_ESTIMATE,
        [
            ("12", 1.2e7, "USD"),
            ("57", 5.7e7, "USD"),
            ("64", 6.4e7, "USD"),
            ("133", 1.33e8, "USD"),
            ("9", 9e6, "USD"),
            ("41", 4.1e7, "USD"),
            ("60", 6e7, "USD"),
            ("110", 1.1e8, "USD"),
        ],
    ),
    (
        RULED_WITHOUT_UNIT,
        [
            ("1,204", 1204.0, "count"),
            ("88", 88.0, "count"),
            ("61.0", 61.0, "percent"),
            ("1,975", 1975.0, "count"),
            ("140", 140.0, "count"),
            ("100.0", 100.0, "percent"),
        ],
    ),
]


@pytest.mark.parametrize(("table", "expected"), TABLES, ids=[t[0][:40] for t in TABLES])
def test_table_yields_its_quantities(table: str, expected: list[tuple]) -> None:
    found = [(r["quote"], r["value"], r["unit"]) for r in extract_quantities(table)]
    assert [(q, u) for q, _, u in found] == [(q, u) for q, _, u in expected]
    assert [v for _, v, _ in found] == [pytest.approx(v) for _, v, _ in expected]


# An indented line of prose over figures is no caption: the figures keep their own units.
@pytest.mark.parametrize(
    "text",
    [
        "                          2026    2027\n  Inspections completed   412     530\n",
        "      By fiscal year the program grew.\n"
        "                          2026    2027\n"
        "  Inspections completed   412     530\n",
    ],
)
def test_a_table_without_a_caption_keeps_counts(text: str) -> None:
    units = {r["unit"] for r in extract_quantities(text)}
    assert units == {"count"}
