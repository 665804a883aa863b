"""Quantities as consumer documents, sports and culture pages and labor documents print
them, the forms the forty-sixth to forty-eighth blind sets showed: a count spelled out and
glued to its noun (`an eight-bout card`), a column or row of ages (`Age`), ages in prose
(`Tiago Rennó, 29, whose`, `seniors (65 and older)`, `children 12 and under`, `adults
18–49`), a two-column table of one figure per label under its unit (`CHARGES (USD)`,
`Vacation days`), a row label wrapped over a line that holds a figure of its own, a rate's
label (`hours per week: 40`) and a label led by its unit (`Hours paid in 2025:`); and the
numbers that name: a tournament's `round of 16`, an era's `1200 BCE`, a masked account's
last digits, a share spelled as a compound (`two-thirds`).

Each case is a text and the (quote, value, unit) of every quantity it states.
"""

from __future__ import annotations

from tests.quantity_rows import text_tests

CASES = [
    (
        "The 12-round fight is the main event of an eight-bout card that celebrates",
        [("12", 12, "count"), ("eight", 8, "count")],
    ),
    (
        "The show is the first of a three-venue tour; the five-member panel agreed.",
        [("three", 3, "count"), ("five", 5, "count")],
    ),
    (
        "Tale of the tape\n"
        "                          CASTAÑEDA         BRENNAN\n"
        "Age                       28                30\n"
        "Record                    31-1              26-0-1\n"
        "Knockouts (KOs)           24                17\n",
        [("28", 28, "year"), ("30", 30, "year"), ("24", 24, "count"), ("17", 17, "count")],
    ),
    (
        "Place  Bib    Name                          Age  City\n"
        "1      1042   Daniel Ortega Mireles         27   Chihuahua, CHIH\n"
        "2      1187   Samuel Kiprono                31   Albuquerque, NM\n",
        [("27", 27, "year"), ("31", 31, "year")],
    ),
    (
        "to level through Brazilian-born midfielder Tiago Rennó, 29, whose curling shot",
        [("29", 29, "year")],
    ),
    (
        "with substitute defender Iván Cárdenas Ruelas, 22, heading home in the 88th minute",
        [("22", 22, "year")],
    ),
    (
        "Admission: $30 general; $26 seniors (65 and older) and students; free for "
        "children 17 and under.",
        [("$30", 30, "USD"), ("$26", 26, "USD"), ("65", 65, "year"), ("17", 17, "year")],
    ),
    (
        "Among adults 18–49 the audience was 4.3 million, up 36%.",
        [
            ("18", 18, "year"),
            ("49", 49, "year"),
            ("4.3 million", 4300000, "count"),
            ("36%", 36, "percent"),
        ],
    ),
    (
        "CHARGES (USD)\n"
        "Line-haul transportation, 8,400 lbs @ $0.46/lb              3,864.00\n"
        "Shuttle to hillside address                                   275.00\n"
        "                                                          ---------\n"
        "SUBTOTAL                                                    4,139.00\n"
        "Discount: winter move, 8%                                    -331.12\n",
        [
            ("8,400 lbs", 8400, "pound"),
            ("$0.46", 0.46, "USD"),
            ("3,864.00", 3864, "USD"),
            ("275.00", 275, "USD"),
            ("4,139.00", 4139, "USD"),
            ("8%", 8, "percent"),
            ("-331.12", -331.12, "USD"),
        ],
    ),
    (
        "  Years of service        Vacation days\n"
        "  1 year                  5\n"
        "  3 years                 10\n"
        "  8 years                 15\n",
        [
            ("1 year", 1, "year"),
            ("5", 5, "day"),
            ("3 years", 3, "year"),
            ("10", 10, "day"),
            ("8 years", 8, "year"),
            ("15", 15, "day"),
        ],
    ),
    (
        "Category                     MXN / month     USD / month\n"
        "Food (market, eating out)       19,200          1,049\n"
        "Housekeeper (1 day a week),\n"
        "  taxis and bus                  4,300            235\n",
        [
            ("19,200", 19200, "MXN"),
            ("1,049", 1049, "USD"),
            ("1 day", 1, "day"),
            ("4,300", 4300, "MXN"),
            ("235", 235, "USD"),
        ],
    ),
    ("6. Anticipated hours per week: 40", [("40", 40, "hour")]),
    ("Hours paid in 2025: 2,212.5, of which most were regular.", [("2,212.5", 2212.5, "hour")]),
]

NOT_QUANTITIES = [
    "Tickets for the round of 16 go on sale Friday.",
    "Related: Leagues Cup bracket | Round of 16 tickets | Highlights",
    "Earliest work ........ c. 1200 BCE",
    "Clave Bancaria Estandarizada (CLABE): **** **** **** 4471",
    "nearly two-thirds of the works have never been shown",
    "Three-quarters of our scholars are the first in their families",
    "a two-track strategy that secures gas supply",
    "We only have until eleven-thirty, so let me get right to it.",
]


test_text_yields_its_quantities, test_text_yields_no_quantity = text_tests(CASES, NOT_QUANTITIES)
