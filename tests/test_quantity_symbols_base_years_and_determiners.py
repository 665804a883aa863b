"""Forms the thirty-ninth blind set's dashboard, changelog, data dictionary and agenda
print, and that any text may: the hour's SI symbol after digits (`2.4 h`, never the `h` of
`eighth`), a capital scale letter set apart after a currency mark (`$164.7 B`), the year
prices are stated in (`(2018 dollars)`, `constant 2024 pesos`), a determiner between a
number and a unit of time (`400 each year` counts, it lasts no years), and a water
treaty's numbered cycle (`cycle 36`).

Each case is a text and the (quote, value, unit) of every quantity it states.
"""

from __future__ import annotations

from tests.quantity_rows import text_tests

CASES = [
    (
        "Crossing time fell from 2.7 h in Q4 2024 to 2.4 h in Q4 2025.",
        [("2.7 h", 2.7, "hour"), ("2.4 h", 2.4, "hour")],
    ),
    ("Average crossing time  ▼ 0.3 h", [("0.3 h", 0.3, "hour")]),
    ("Drivers work a 12-h shift at the yard.", [("12-h", 12, "hour")]),
    ("Two-way trade  $164.7 B  ▲ 4.1%", [("$164.7 B", 1.647e11, "USD"), ("4.1%", 4.1, "percent")]),
    ("The state received a $5 M grant.", [("$5 M", 5e6, "USD")]),
    ("The agency hires about 400 each year.", [("400", 400, "count")]),
    ("Inspectors cleared 1,200 every day and 900 that week.", [("1,200", 1200, "count")]),
    ("Crews needed 3 more years to finish the levee.", [("3 more years", 3, "year")]),
    (
        "Mexico closed cycle 35 owing 263,000 acre-feet.",
        [("263,000 acre-feet", 263000, "acre_foot")],
    ),
]

NOT_QUANTITIES = [
    "The Binational Commission held its eighth session in Mexico City.",
    "Coast Guard Eighth District officials said",
    "Talks resumed at 14 h 30 in the Foreign Ministry.",
    "Route 5 B is closed to trucks.",
    "- New column `exports_usd_mn_real` (2018 dollars), deflated with the U.S. CPI.",
    "All figures are in constant 2024 pesos.",
    "Real GDP is expressed in 2013 dollars.",
    "1944 Water Treaty: cycle 36 deliveries",
    "CBP revises about 1 row in 400 each year.",
]


test_text_yields_its_quantities, test_text_yields_no_quantity = text_tests(CASES, NOT_QUANTITIES)
