"""Forms found by the seventeenth and eighteenth blind sets: the Mexican press's 'mdd' and
'mdp', a Spanish amount opening with 'un millón', a unit printed under one column only, a
column headed by the period it covers ('(month)'), a budget table whose Positions and FTE
sit beside an Amount in thousands and whose amounts print their '$', a caption with an
exception ('except per share'), 'mil 150' for 1,150, counts whose noun was said before ('All
14 were released', '— 23 in the U.S.'); and a slide's running footer and spoken years,
which count nothing.

Each case is a text and the (quote, value, unit) of every quantity it states.
"""

from __future__ import annotations

import pytest

from tests.quantity_rows import assert_same_rows, quote_value_unit

METROS = """                              Employment,       Jobs added,     Job growth,
Metro area                    Dec. 2025         2025            2025 (percent)
                              (thousands)
El Paso                          362.4            6,100              1.7
"""

MONTHLY = """Table 1. Light vehicle production and exports, 2026 (units)

                   Production      Exports      Production   Exports
Month               (month)        (month)      change (%)  change (%)
January             301,245        248,906          -2.8        -4.1
"""

BUDGET = """Comparison of Budget Authority and Request
(Dollars in Thousands)

                                         FY 2025                      FY 2026
                                         Enacted                 President's Budget
                                Pos.     FTE      Amount     Pos.     FTE      Amount
   Operations                 21,340  20,702  $5,247,812   22,180  21,266  $5,618,304
"""

SUMMARY = """($ in millions, except per share)      Q3 2025     Q3 2024      YoY
Revenue                                  642.3       573.5      +12%
"""

# The row label names the unit and its bracket the scale; a label naming no unit counts.
OPERATING_METRICS = """                              Q3 2025   Q3 2024   Change
Loaded miles (millions)        188.4     171.2    +10.0%
Trucks (thousands)              12.1      11.0     1.1
"""

CASES = [
    (
        OPERATING_METRICS,
        [
            ("188.4", 188.4e6, "mile"),
            ("171.2", 171.2e6, "mile"),
            ("+10.0%", 10.0, "percent"),
            ("12.1", 12100.0, "count"),
            ("11.0", 11000.0, "count"),
            ("1.1", 1100.0, "count"),
        ],
    ),
    (
        "Jalisco amarra inversión por 1,200 mdd; el estado aportará 850 mdp.",
        [("1,200 mdd", 1.2e9, "USD"), ("850 mdp", 8.5e8, "MXN")],
    ),
    (
        "En 2025 las exportaciones de Jalisco sumaron 34 mil 612 mdd.",
        [("34 mil 612 mdd", 34.612e9, "USD")],
    ),
    (
        "la garantía será de $1,500,000.00 (un millón quinientos mil pesos 00/100 M.N.) y",
        [("$1,500,000.00", 1.5e6, "MXN"), ("un millón quinientos mil pesos", 1.5e6, "MXN")],
    ),
    (
        METROS,
        [("362.4", 362400.0, "count"), ("6,100", 6100.0, "count"), ("1.7", 1.7, "percent")],
    ),
    (
        MONTHLY,
        [
            ("301,245", 301245.0, "count"),
            ("248,906", 248906.0, "count"),
            ("-2.8", -2.8, "percent"),
            ("-4.1", -4.1, "percent"),
        ],
    ),
    (
        BUDGET,
        [
            ("21,340", 21340.0, "count"),
            ("20,702", 20702.0, "count"),
            ("$5,247,812", 5247812e3, "USD"),
            ("22,180", 22180.0, "count"),
            ("21,266", 21266.0, "count"),
            ("$5,618,304", 5618304e3, "USD"),
        ],
    ),
    (
        SUMMARY,
        [("642.3", 642.3e6, "USD"), ("573.5", 573.5e6, "USD"), ("+12%", 12.0, "percent")],
    ),
    ("• Kidnappings: 14 (163 victims)", [("14", 14.0, "count"), ("163", 163.0, "count")]),
    ("All 14 were released by the next week.", [("14", 14.0, "count")]),
    (
        "A boat carrying 11 people capsized; 4 drowned and 7 were rescued by crews.",
        [("11", 11.0, "count"), ("4", 4.0, "count"), ("7", 7.0, "count")],
    ),
    (
        "con inversión de 420 mdd y mil 150 empleos; a mil 750 kilómetros de la frontera",
        [
            ("420 mdd", 4.2e8, "USD"),
            ("mil 150", 1150.0, "count"),
            ("mil 750 kilómetros", 1750.0, "kilometer"),
        ],
    ),
    (
        "• 34 terminals — 23 in the U.S., 11 in Mexico",
        [("34", 34.0, "count"), ("23", 23.0, "count"), ("11", 11.0, "count")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0].strip()[:50] for c in CASES])
def test_text_yields_its_quantities(text: str, expected: list[tuple]) -> None:
    assert_same_rows(quote_value_unit(text), expected)


# A slide's running footer, spoken years and idioms count nothing.
NOT_QUANTITIES = [
    "TransFrontera | Q3 2025 Earnings | 5\n\nRevenue grew.\n\n"
    "TransFrontera | Q3 2025 Earnings | 6\n",
    "The next joint review is in twenty thirty-six.",
    "Since twenty nineteen the crossings have run twenty-four seven.",
]


@pytest.mark.parametrize("text", NOT_QUANTITIES, ids=[t[:40] for t in NOT_QUANTITIES])
def test_text_yields_no_quantity(text: str) -> None:
    assert quote_value_unit(text) == []
