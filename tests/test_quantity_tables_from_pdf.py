"""Tables and pages as PDF-to-text conversion leaves them: columns collapsed to single spaces,
a unit printed as a cell of its row, dot-leader budget tables that print the currency once,
tables flattened to one cell per line, column headers that name a unit in words, and the
page's own numbers (page numbers, running footers, footnote marks).

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

FLATTENED_WITH_UNIT_LINE = """Table 1. U.S. Assistance to Mexico by Account, FY2022-FY2024

(millions of current U.S. dollars)

Account

FY2022

FY2023

FY2024

INCLE

86.5

77.2

6,25

ESF

20.0

17.5

—

Source: CRS, from U.S. Department of State Congressional Budget Justifications.
"""

FLATTENED_WITH_HEADER_UNITS = """Table 1. Selected southern border port projects
Port of entry
State
Project cost ($ millions)
Northbound lanes added
Status
Calexico West
CA
595.0
16
Complete
Otay Mesa East
CA
410.0
10
Under construction
Source: GSA project data as of March 31, 2025.
"""

WAIT_DAYS = """Consulate            B1/B2 interview (calendar days)   Renewal (calendar days)
Mexico City          412   38
Ciudad Juárez        298   29
"""

MULTI_LINE_HEADER = """Table 1: CBP Surveillance Tower Programs on the Southwest Border

Program                                  Towers    Towers     Availability,    Life-cycle cost
                                         planned   deployed   FY 2024          estimate
                                                              (percent)        (dollars in millions)
Autonomous Surveillance Towers (AST)     407       314        74               1,160
Integrated Fixed Towers (IFT)            96        91         88               845
Source: GAO analysis of CBP data.
"""

TRADE_BY_MONTH = """Table 1. U.S. Trade in Goods with Mexico, Census Basis, Seasonally Adjusted
(In millions of dollars. Details may not equal totals due to rounding.)
Period Exports Imports Balance
Sep 2025 28,412 44,608 -16,196
Change from prior month +603 -297 +900
Jan-Sep 2024 249,066 382,770 -133,704
Percent change, year-to-date 2.3 4.0 7.2
Source: U.S. Census Bureau, FT-900 (25-09), exhibit 19.
"""

CHART_IN_POUNDS = """Figure 6. Fentanyl Seized at the Southwest Border, FY 2021-FY 2025 (pounds)
FY 2021 11,201 FY 2022 14,699 FY 2023 27,023
Source: CBP enforcement statistics; DEA analysis
"""

CHART_IN_THOUSANDS = """Chart 1
Border IMMEX Employment Has Eased Since Late 2024
Thousands of workers, June 2025
Ciudad Juárez 318.2   Tijuana 296.5   Reynosa 121.7
NOTES: Data are not seasonally adjusted.
"""

STATS_BOX = """SEPTEMBER 2025 AT A GLANCE

1,146 lbs.
Fentanyl (powder and pills)

47
Narcotics seizure events

$21.4M
Estimated street value
"""

PROJECTS_BY_GOAL = """Table 3. Projects by goal, FY 2023-FY 2024
Goal Projects funded Completed EPA funding ($ thousands) People served
1. Air 14 9 1,842.5 612,000
2. Emergency response 6 6 388.0 --
Total 20 15 2,230.5 612,000
Source: EPA grant records.
"""

WRAPPED_LABELS = """Foreign Assistance Resource Summary ($ in thousands)

Account                            FY 2024     FY 2025     FY 2026   Increase /
                                    Actual    Estimate     Request    Decrease
Economic Support and Development
Fund (ESDF)                              -           -      24,000      24,000
International Narcotics Control
and Law Enforcement (INCLE)         98,800      98,800      84,000     -14,800
Nonproliferation, Anti-terrorism,
Demining and Related Programs
(NADR)                               8,500       8,500       4,500      -4,000
"""

BLANK_LABEL_HEADER = """Table 2. Financing approved in 2024, by sector
                              Projects    Loans            Total
                                          (US$ millions)   (US$ millions)
Water and wastewater               9           118.6          140.5
Solid waste                        3            41.0           43.3
"""

FUNDING_BY_YEAR = """Funding From FY 2020-2025

The amount in millions of dollars that the U.S. (in blue) and Mexico (in gold) have invested.

FY 2020   U.S. 8.9   Mexico 2.4
FY 2021   U.S. 10.7   Mexico 2.6
"""

YEAR_PAIRS = """Favorable view of the U.S. among Mexicans (%)
2015 66 | 2017 30 | 2019 36
"""

GROUPED_HEADER = """Cuadro 1 / Table 1
(Millones de dólares y variación porcentual anual / Millions of US dollars and annual percent)

                                Marzo / March 2026        Ene-Mar / Jan-Mar 2026
Concepto / Concept              Millones    Var. %        Millones      Var. %
                                de dólares  anual         de dólares    anual
Exportaciones totales / Total      59,247.3     6.4         162,418.6      5.1
  Petroleras / Oil                  1,845.2   -11.3           5,236.9     -9.8
"""

LABEL_OVERFLOW = """\
Program                                  Towers    Towers     Availability,    Cost
                                         planned   deployed   (percent)        (dollars in millions)
Integrated Fixed Towers (IFT)            96        91         88               845
Remote Video Surveillance Systems (RVSS) 335       307        81               1,240
"""

UNIT_LINE_CAPTION = """Table 1: U.S. Security Assistance Allocated to Mexico, by Account
Dollars in millions
                  Mérida Initiative    Bicentennial Framework
Account           FY 2008-FY 2021      FY 2022   FY 2023      Total
INCLE                    2,846.3          76.9      94.3    3,017.5
"""

YEARS_IN_HEADER = """Table 1. Southwest Border Encounters by Component
                               Feb.      Jan.      Change vs.
Component                      2026      2026      Jan. 2026
                                                   (%)
U.S. Border Patrol            7,184     6,902        4.1
Office of Field Operations    3,226     3,418       -5.6
"""

YEAR_ROWS = """Table 1. U.S. Imports of Steel from Mexico, 2022-2023

Year    Volume (thousand    Value
        metric tons)        ($ million)
2022    3,981               7,114
2023    3,742               6,488
"""

# A row whose label is in capitals is no running head with its page number at the end:
# its cells stand apart ('MORENA   63   —   1').
VOTES_BY_PARTY = """Grupo parlamentario      A favor   En contra   Abstención
MORENA                      63          —           1
PAN                          4         14           2
"""

# A unit column of USDA tables: a scale and a unit in one cell, for the figures after it;
# '1,000 MT' is such a cell, not a quantity, and 'Mil.' on the next line is no 'mil'.
UNIT_COLUMN = """                               Unit        FY 2024    FY 2025
Corn                           Bil. $        5.32       5.61
                               Mil. MT       22.9       24.1
Pork and pork products         1,000 MT     1,152      1,180
"""

# BEA prints the caption in square brackets; a bracketed figure in a cell of money or of a
# measure is negative (a count's brackets stay unread: see the statements' tests).
BRACKETED_CAPTION = """Table 1. U.S. Direct Investment Position Abroad in Mexico, 2023-2024
[Millions of dollars]
                                   2023r        2024p      Change
All industries total             155,187      161,904       6,717
  Mining                           6,918        6,402        (516)
"""

# A poll's crosstab: a question too long for a caption still ends in its unit '(%)', and
# the row of respondents counts people, not a share.
POLL_CROSSTAB = (
    (
        'Q12. "Thinking about your most recent crossing, how long did it take, from the time you'
        ' got in line until you were through inspection?" Base: respondents who crossed (%)\n'
    )
    + """
                          All     U.S. side   Mexican side
More than 2 hours          22        17            26
Unweighted n            1,104       560           544
"""
)

# Collapsed to single spaces, with a comma in the label and numbers of two comma groups:
# no CSV (every comma groups thousands or is the label's), and '--' cells stand empty.
COLLAPSED_WITH_COMMAS = """Port Trucks Change from Jan. 2025 (%) Buses Personal vehicles Pedestrians
Calexico East, CA 30,102 +1.8 96 221,418 --
San Ysidro, CA -- -- 1,640 1,395,027 1,012,446
All U.S.-Mexico ports 612,744 +3.8 9,812 6,081,330 3,712,908
"""

# Charts flattened to a line per label–value pair, or to a block of labels over a block of
# values, under a title or a unit line that states the unit.
CHART_PAIR_LINES = """Figure 3.14 Remittances as a share of GDP, 2025e (percent)
Nicaragua 27.4
Honduras 26.1
El Salvador 24.3
Source: World Bank.
"""
CHART_BLOCKS = """Figure 3.12 Largest remittance recipients in LAC, 2025e
US$ billion
Mexico
Guatemala
Dominican Republic
64.1
24.8
12.4
Source: World Bank.
"""

# A slide's chart whose title states its unit, with no 'Figure' before it; the axis's
# ticks after the values are counts as before.
SLIDE_CHART = """Where the trucks go
Northbound truck crossings by port, 2025 (thousands)

Laredo
El Paso
Otay Mesa
2,981.4
1,012.7
823.9
"""

TABLES = [
    (
        SLIDE_CHART,
        [
            ("2,981.4", 2_981_400, "count"),
            ("1,012.7", 1_012_700, "count"),
            ("823.9", 823_900, "count"),
        ],
    ),
    (
        CHART_PAIR_LINES,
        [("27.4", 27.4, "percent"), ("26.1", 26.1, "percent"), ("24.3", 24.3, "percent")],
    ),
    (
        CHART_BLOCKS,
        [("64.1", 64.1e9, "USD"), ("24.8", 24.8e9, "USD"), ("12.4", 12.4e9, "USD")],
    ),
    (
        COLLAPSED_WITH_COMMAS,
        [
            ("30,102", 30102, "count"),
            ("+1.8", 1.8, "percent"),
            ("96", 96, "count"),
            ("221,418", 221418, "count"),
            ("1,640", 1640, "count"),
            ("1,395,027", 1395027, "count"),
            ("1,012,446", 1012446, "count"),
            ("612,744", 612744, "count"),
            ("+3.8", 3.8, "percent"),
            ("9,812", 9812, "count"),
            ("6,081,330", 6081330, "count"),
            ("3,712,908", 3712908, "count"),
        ],
    ),
    (
        POLL_CROSSTAB,
        [
            ("2 hours", 2, "hour"),
            ("22", 22, "percent"),
            ("17", 17, "percent"),
            ("26", 26, "percent"),
            ("1,104", 1104, "count"),
            ("560", 560, "count"),
            ("544", 544, "count"),
        ],
    ),
    (
        UNIT_COLUMN,
        [
            ("5.32", 5.32e9, "USD"),
            ("5.61", 5.61e9, "USD"),
            ("22.9", 22.9e6, "ton"),
            ("24.1", 24.1e6, "ton"),
            ("1,152", 1.152e6, "ton"),
            ("1,180", 1.18e6, "ton"),
        ],
    ),
    (
        BRACKETED_CAPTION,
        [
            ("155,187", 155.187e9, "USD"),
            ("161,904", 161.904e9, "USD"),
            ("6,717", 6.717e9, "USD"),
            ("6,918", 6.918e9, "USD"),
            ("6,402", 6.402e9, "USD"),
            ("(516)", -516e6, "USD"),
        ],
    ),
    (
        VOTES_BY_PARTY,
        [
            ("63", 63, "count"),
            ("1", 1, "count"),
            ("4", 4, "count"),
            ("14", 14, "count"),
            ("2", 2, "count"),
        ],
    ),
    (
        YEAR_ROWS,
        [
            ("3,981", 3.981e6, "ton"),
            ("7,114", 7.114e9, "USD"),
            ("3,742", 3.742e6, "ton"),
            ("6,488", 6.488e9, "USD"),
        ],
    ),
    (
        UNIT_LINE_CAPTION,
        [
            ("2,846.3", 2.8463e9, "USD"),
            ("76.9", 7.69e7, "USD"),
            ("94.3", 9.43e7, "USD"),
            ("3,017.5", 3.0175e9, "USD"),
        ],
    ),
    (
        YEARS_IN_HEADER,
        [
            ("7,184", 7184.0, "count"),
            ("6,902", 6902.0, "count"),
            ("4.1", 4.1, "percent"),
            ("3,226", 3226.0, "count"),
            ("3,418", 3418.0, "count"),
            ("-5.6", -5.6, "percent"),
        ],
    ),
    (
        GROUPED_HEADER,
        [
            ("59,247.3", 5.92473e10, "USD"),
            ("6.4", 6.4, "percent"),
            ("162,418.6", 1.624186e11, "USD"),
            ("5.1", 5.1, "percent"),
            ("1,845.2", 1.8452e9, "USD"),
            ("-11.3", -11.3, "percent"),
            ("5,236.9", 5.2369e9, "USD"),
            ("-9.8", -9.8, "percent"),
        ],
    ),
    (
        LABEL_OVERFLOW,
        [
            ("96", 96.0, "count"),
            ("91", 91.0, "count"),
            ("88", 88.0, "percent"),
            ("845", 8.45e8, "USD"),
            # '335' touches its long label and is no cell (left unread); the cells after
            # it still take the header over them, by position
            ("307", 307.0, "count"),
            ("81", 81.0, "percent"),
            ("1,240", 1.24e9, "USD"),
        ],
    ),
    (
        FUNDING_BY_YEAR,
        [
            ("8.9", 8.9e6, "USD"),
            ("2.4", 2.4e6, "USD"),
            ("10.7", 1.07e7, "USD"),
            ("2.6", 2.6e6, "USD"),
        ],
    ),
    (
        YEAR_PAIRS,
        [("66", 66.0, "percent"), ("30", 30.0, "percent"), ("36", 36.0, "percent")],
    ),
    (
        WRAPPED_LABELS,
        [
            ("24,000", 2.4e7, "USD"),
            ("24,000", 2.4e7, "USD"),
            ("98,800", 9.88e7, "USD"),
            ("98,800", 9.88e7, "USD"),
            ("84,000", 8.4e7, "USD"),
            ("-14,800", -1.48e7, "USD"),
            ("8,500", 8.5e6, "USD"),
            ("8,500", 8.5e6, "USD"),
            ("4,500", 4.5e6, "USD"),
            ("-4,000", -4e6, "USD"),
        ],
    ),
    (
        BLANK_LABEL_HEADER,
        [
            ("9", 9.0, "count"),
            ("118.6", 1.186e8, "USD"),
            ("140.5", 1.405e8, "USD"),
            ("3", 3.0, "count"),
            ("41.0", 4.1e7, "USD"),
            ("43.3", 4.33e7, "USD"),
        ],
    ),
    (
        PROJECTS_BY_GOAL,
        [
            ("14", 14.0, "count"),
            ("9", 9.0, "count"),
            ("1,842.5", 1842500.0, "USD"),
            ("612,000", 612000.0, "count"),
            ("6", 6.0, "count"),
            ("6", 6.0, "count"),
            ("388.0", 388000.0, "USD"),
            ("20", 20.0, "count"),
            ("15", 15.0, "count"),
            ("2,230.5", 2230500.0, "USD"),
            ("612,000", 612000.0, "count"),
        ],
    ),
    (
        STATS_BOX,
        [
            ("1,146 lbs", 1146.0, "pound"),
            ("47", 47.0, "count"),
            ("$21.4M", 2.14e7, "USD"),
        ],
    ),
    (
        CHART_IN_POUNDS,
        [
            ("11,201", 11201.0, "pound"),
            ("14,699", 14699.0, "pound"),
            ("27,023", 27023.0, "pound"),
        ],
    ),
    (
        CHART_IN_THOUSANDS,
        [
            ("318.2", 318200.0, "count"),
            ("296.5", 296500.0, "count"),
            ("121.7", 121700.0, "count"),
        ],
    ),
    (
        MULTI_LINE_HEADER,
        [
            ("407", 407.0, "count"),
            ("314", 314.0, "count"),
            ("74", 74.0, "percent"),
            ("1,160", 1.16e9, "USD"),
            ("96", 96.0, "count"),
            ("91", 91.0, "count"),
            ("88", 88.0, "percent"),
            ("845", 8.45e8, "USD"),
        ],
    ),
    (
        TRADE_BY_MONTH,
        [
            ("28,412", 2.8412e10, "USD"),
            ("44,608", 4.4608e10, "USD"),
            ("-16,196", -1.6196e10, "USD"),
            ("+603", 6.03e8, "USD"),
            ("-297", -2.97e8, "USD"),
            ("+900", 9e8, "USD"),
            ("249,066", 2.49066e11, "USD"),
            ("382,770", 3.8277e11, "USD"),
            ("-133,704", -1.33704e11, "USD"),
            ("2.3", 2.3, "percent"),
            ("4.0", 4.0, "percent"),
            ("7.2", 7.2, "percent"),
        ],
    ),
    (
        WAIT_DAYS,
        [
            ("412", 412.0, "day"),
            ("38", 38.0, "day"),
            ("298", 298.0, "day"),
            ("29", 29.0, "day"),
        ],
    ),
    (
        FLATTENED_WITH_UNIT_LINE,
        [
            ("86.5", 8.65e7, "USD"),
            ("77.2", 7.72e7, "USD"),
            ("6,25", None, "USD"),
            ("20.0", 2e7, "USD"),
            ("17.5", 1.75e7, "USD"),
        ],
    ),
    (
        FLATTENED_WITH_HEADER_UNITS,
        [
            ("595.0", 5.95e8, "USD"),
            ("16", 16.0, "count"),
            ("410.0", 4.1e8, "USD"),
            ("10", 10.0, "count"),
        ],
    ),
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
    assert [v for _, v, _ in found] == [
        None if v is None else pytest.approx(v) for _, v, _ in expected
    ]


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


# Short lines with numbers that split into no rows of one kind per column: no table, and
# their numbers stay unread.
NOT_FLATTENED = [
    "Table 2. Results\n\n47\n\nThe next section covers staffing at the ports of entry.\n",
    "Table 3. Contacts\nOffice\nPhone\nMexico City\n555 0142\nLaredo\nExt. 14\n",
    "Page 2\n\n14\n\nThe Committee notes that 14 ports reported.\n",
]


@pytest.mark.parametrize("text", NOT_FLATTENED, ids=[t[:30] for t in NOT_FLATTENED])
def test_short_lines_that_form_no_table_state_no_cells(text: str) -> None:
    lone = {
        r["quote"]
        for r in extract_quantities(text)
        if text[r["char_start"] - 1 : r["char_start"]] in ("", "\n")
        and text[r["char_end"] : r["char_end"] + 1] in ("", "\n")
    }
    assert lone == set()


# The page's own numbers: a page number beside a rule, a running footer, footnote marks.
PAGE_FURNITURE = [
    # a slide's running footer, its number changing from page to page
    "Intro.\nBBBXG Spring 2026 Plenary | For discussion only          1\nSlide.\n"
    "BBBXG Spring 2026 Plenary | For discussion only          2\n",
    "The program grew.\n\n                              | 14\nNATIONAL DRUG THREAT ASSESSMENT",
    "Seizures rose sharply.\n230 INCSR 2026 Volume I\nMore text here.\n231 INCSR 2026 Volume I\n",
    "Respectfully submitted.\n____________________\n1 BFMC estimate based on member reporting.\n",
    "average wait\n\n1 NAFTA took effect on January 1, 1994.\n2 CBP Office of Field Operations.\n",
    "\fContents\n\nLetter                         1\nTowers Were Unavailable 22 Days   12\n"
    "Appendix I   Objectives, Scope, and Methodology   31\n",
]


@pytest.mark.parametrize("text", PAGE_FURNITURE, ids=[t[:30] for t in PAGE_FURNITURE])
def test_page_numbers_footers_and_footnote_marks_are_no_quantities(text: str) -> None:
    assert [r["quote"] for r in extract_quantities(text) if r["unit"] == "count"] == []


# A number opening its line is a quantity when nothing on the page marks it as a page's.
@pytest.mark.parametrize(
    "text",
    [
        "Results:\n12 ports reopened in March after the storm.\nTraffic recovered.\n",
        "The memo notes:\n3 bridges were closed for repairs this year.\n",
    ],
)
def test_a_count_opening_its_line_is_still_read(text: str) -> None:
    assert [r["unit"] for r in extract_quantities(text)] == ["count"]


# Year lines with no unit stated above them: their values are not given one.
def test_year_lines_without_a_stated_unit_stay_unread() -> None:
    text = "Crossings by year\n\nFY 2020   North 8   South 2\nFY 2021   North 10   South 3\n"
    assert {r["unit"] for r in extract_quantities(text)} <= {"count"}
