"""Number typography and captions the fortieth to forty-second blind sets print: no-break
spaces between groups of thousands (`US$ 842 300 million`, as UN and ECLAC texts print
them), common fractions (`2 1⁄2 miles`, `2 1/2 hours`, `$21 1⁄2 million`), a note's
superscript marker glued to the digits (`140⁴ Mexican officers`, `11,900⁹ pounds`), the SI
symbols for day and ton after a space (`540 d`, `96 t/d`), a decimal comma in a share
(`17,09 por ciento`), a statement headed in pesos (`(Ps. millions)`), a caption that names
amounts and their percentage changes, a ratio's base after `in every`, a call's passcode,
a dot leader between a number and what it counts (`104 ........ matches`), and an age
between commas before an auxiliary (`Fuentes, 47, had been driving`).

Each case is a text and the (quote, value, unit) of every quantity it states.
"""

from __future__ import annotations

from tests.quantity_rows import text_tests

CASES = [
    (
        "Exports to the United States reached US$ 505\xa0600 million (6.3 per cent).",
        [("US$ 505\xa0600 million", 5.056e11, "USD"), ("6.3 per cent", 6.3, "percent")],
    ),
    ("The 3\xa0145-kilometre border is long.", [("3\xa0145-kilometre", 3145, "kilometer")]),
    (
        "Exports would be US$ 18\xa0000–24\xa0000 million lower.",
        [("US$ 18\xa0000", 1.8e10, "USD"), ("24\xa0000 million", 2.4e10, "USD")],
    ),
    ("Pens must sit at least 1⁄2 mile from any case.", [("1⁄2 mile", 0.5, "mile")]),
    # a web page's no-break space before the fraction
    ("Flight lines are spaced 2\xa01⁄2 miles apart.", [("2\xa01⁄2 miles", 2.5, "mile")]),
    (
        "Allow 2 1/2 hours for a lot of 60 head and 3 3⁄4 hours for a full load.",
        [("2 1/2 hours", 2.5, "hour"), ("60", 60, "count"), ("3 3⁄4 hours", 3.75, "hour")],
    ),
    ("Mexico’s share for 2026 is $21 1⁄2 million.", [("$21 1⁄2 million", 2.15e7, "USD")]),
    ("Animals walk through a 3⁄4-mile chute.", [("3⁄4-mile", 0.75, "mile")]),
    ("The grant allows 140⁴ Mexican officers to attend.", [("140", 140, "count")]),
    (
        "Seizures fell to 11,900⁹ pounds in FY2025 from 21,900 pounds.",
        [("11,900⁹ pounds", 11900, "pound"), ("21,900 pounds", 21900, "pound")],
    ),
    ("Construction period        540 d", [("540 d", 540, "day")]),
    (
        "Sludge hauled to the landfill: 96 t/d, trucked 27 km.",
        [("96 t", 96, "ton"), ("27 km", 27, "kilometer")],
    ),
    (
        "Sediment removed: 21\u2009400 t per year, up from 9\u2009850 t.",
        [("21\u2009400 t", 21400, "ton"), ("9\u2009850 t", 9850, "ton")],
    ),
    (
        "the duty of 17,09 por ciento has cut shipments by 3,5 por ciento",
        [("17,09 por ciento", 17.09, "percent"), ("3,5 por ciento", 3.5, "percent")],
    ),
    (
        "(Ps. millions)                      3Q25        3Q24      % Chg.\n"
        "Interest income                   18,944      17,206        10.1\n"
        "Net income                         4,812       4,391         9.6\n",
        [
            ("18,944", 1.8944e10, "MXN"),
            ("17,206", 1.7206e10, "MXN"),
            ("10.1", 10.1, "percent"),
            ("4,812", 4.812e9, "MXN"),
            ("4,391", 4.391e9, "MXN"),
            ("9.6", 9.6, "percent"),
        ],
    ),
    (
        "Table 1\n(Millions of dollars and percentages)\n\n"
        "                          2024          2025     Change (%)\n"
        "Exports              475\xa0650       505\xa0600           6.3\n",
        [
            ("475\xa0650", 4.7565e11, "USD"),
            ("505\xa0600", 5.056e11, "USD"),
            ("6.3", 6.3, "percent"),
        ],
    ),
    (
        "THE TOURNAMENT\n  104 ........ matches in all, the most ever\n"
        "  39 ......... days from the opening match to the final\n",
        [("104", 104, "count"), ("39", 39, "day")],
    ),
    (
        "Rogelio Fuentes, 47, had been driving since before midnight.",
        [("47", 47, "year")],
    ),
]

NOT_QUANTITIES = [
    "Trucks crossed in 2024\xa0300 times a day.",
    "On 3/4 the talks began.",
    "In 2025 1/3 of trucks were inspected.",
    "Stored as a ratio of 5 3/2 here.",
    "The 2d Cavalry Regiment and the 3d Battalion deployed.",
    "Branches pay out roughly one in every twelve dollars sent to Mexico.",
    "U.S.: +1 (888) 555-0193 | Passcode: 4471",
    "Background ......... 4\nMethods ........ 12\n",
]


test_text_yields_its_quantities, test_text_yields_no_quantity = text_tests(CASES, NOT_QUANTITIES)
