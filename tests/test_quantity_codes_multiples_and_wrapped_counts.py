"""Forms the thirty-fourth to thirty-sixth blind sets found: a session's code glued to a
letter (`Panel 5B`), a multiple or a calibre glued to `x` (`2.9x`, `7.62x39mm`), a contact
line's telephone groups, basis points as `bp`, a calibre printed with a space
(`22 .50 caliber rifles`), `N of them.` closing a sentence, a noun opening with a
typesetter's ligature (`ﬂoodgate`), and a count whose line goes on from a hyphenated one
(`volun-⏎teers. The two⏎agencies`).

Each case is a text and the (quote, value, unit) of every quantity it states.
"""

from __future__ import annotations

from tests.quantity_rows import text_tests

CASES = [
    (
        "we expect two more 25 bp cuts, taking it to 6.75%",
        [
            ("two", 2, "count"),
            ("25 bp", 0.25, "percent"),
            ("6.75%", 6.75, "percent"),
        ],
    ),
    ("The 10-year yield rose 12bp in May.", [("10-year", 10, "year"), ("12bp", 0.12, "percent")]),
    (
        "The defendants bought 67 AK-style rifles, 22 .50 caliber rifles and 104 pistols.",
        [("67", 67, "count"), ("22", 22, "count"), ("104", 104, "count")],
    ),
    (
        "CBP completed 112 textile verifications and denied preferential treatment in 29 of them.",
        [("112", 112, "count"), ("29", 29, "count")],
    ),
    (
        "Contractors removed 312,000 tons of\nsediment from 8 sites in the ﬂoodways and\n"
        "cleared three ﬂoodgate structures at Reta-\nmal and Mercedes.",
        [("312,000 tons", 312000, "ton"), ("8", 8, "count"), ("three", 3, "count")],
    ),
    (
        "The section has 287 employees in 9 ﬁeld\noﬃces across the basin.",
        [("287", 287, "count"), ("9", 9, "count")],
    ),
    (
        "The beach was patrolled daily by 148 technicians and volun-\nteers. The two\n"
        "agencies spent $2.74 million on the season.",
        [("148", 148, "count"), ("two", 2, "count"), ("$2.74 million", 2.74e6, "USD")],
    ),
    # a letter glued to a number before a noun is still its scale
    ("Roughly 3m people now work in export plants.", [("3m", 3e6, "count")]),
    ("Exports reached 12B in 2025.", [("12B", 1.2e10, "count")]),
    ("The firm raised $3B last year.", [("$3B", 3e9, "USD")]),
]

NOT_QUANTITIES = [
    # a session's or paper's code
    "Session 3B — Monitoring and Modeling",
    "3B-04 Groundwater level trends in the Mesilla aquifer",
    "Panel 5B.\n5B.1 Who crosses to work?",
    # multiples and calibres glued to 'x'
    "Debt service coverage peaks at 2.9x in 2028 and falls below 1.5x by 2031.",
    "They also bought rounds of 7.62x39mm ammunition.",
    "a 4x4 patrol truck",
    # a contact line's telephone groups, on lines that end like collapsed table rows
    "Authors\nRebecca Ibarra-Stone, Partner | +1 956 555 0142\n"
    "Luis Cantú Garza, Senior Associate (Monterrey) | +52 81 8000 4417\n",
]


test_text_yields_its_quantities, test_text_yields_no_quantity = text_tests(CASES, NOT_QUANTITIES)
