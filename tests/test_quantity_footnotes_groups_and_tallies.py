"""Forms the twenty-fourth and twenty-fifth blind sets found: footnotes that wrap under
their separator, a table's group label that gives the rows under it back the caption's
unit, a chart's year–value pairs aligned like cells, a defendant's age before his role,
a motion's tally, imperatives that count, events counted after a place's name, the
second number of a change, a program list's repeated counts, 'the two' before a verb, and
the conversions' marks: a footnote's marker glued after a unit, `&nbsp;`, a collapsed table
of marketing years, a narrow column's line breaks.

Each case is a text and the (quote, value, unit) of every quantity it states.
"""

from __future__ import annotations

from tests.quantity_rows import text_tests

_COMMISSION_TABLE = """Table 3.1 Grants and funding, FY2023-FY2024
(US$ thousands unless otherwise noted)

                                        FY2023      FY2024      Change (%)
Grants awarded (number)
  Mexican students to the U.S.             121         134          10.7
  U.S. scholars to Mexico                   12          17          41.7
Funding
  U.S. Government                        5,318       5,580           4.9
Expenditure
  Administration                           780         742          (4.9)
"""

CASES = [
    (
        _COMMISSION_TABLE,
        [
            ("121", 121, "count"),
            ("134", 134, "count"),
            ("10.7", 10.7, "percent"),
            ("12", 12, "count"),
            ("17", 17, "count"),
            ("41.7", 41.7, "percent"),
            ("5,318", 5_318_000, "USD"),
            ("5,580", 5_580_000, "USD"),
            ("4.9", 4.9, "percent"),
            ("780", 780_000, "USD"),
            ("742", 742_000, "USD"),
            ("(4.9)", -4.9, "percent"),
        ],
    ),
    (
        "FUNDING FROM FY 2021–2025\n\nThe amount in millions of dollars that the U.S. has "
        "invested each fiscal year.\n\nFY21  2.9   FY22  3.4   FY23  3.8\n\nFor more "
        "information: www.phe.gov",
        [("2.9", 2.9e6, "USD"), ("3.4", 3.4e6, "USD"), ("3.8", 3.8e6, "USD")],
    ),
    (
        "  • Marisela Ochoa Benítez, 44, the business’s bookkeeper – 8 years in prison;",
        [("44", 44, "year"), ("8 years", 8, "year")],
    ),
    (
        "An amendment to raise the authorization to $1.2 billion failed, 24 to 39.",
        [("$1.2 billion", 1.2e9, "USD"), ("24", 24, "count"), ("39", 39, "count")],
    ),
    (
        "The bill passed 52-10 and was approved by a vote of 7 to 2.",
        [("52", 52, "count"), ("10", 10, "count"), ("7", 7, "count"), ("2", 2, "count")],
    ),
    (
        "- Pre-position 4 shared engine strike teams of 5 engines each at Nogales.",
        [("4", 4, "count"), ("5", 5, "count")],
    ),
    ("4. Adopt 5 common indicators for visitor safety.", [("5", 5, "count")]),
    (
        "The center has sent crews to Mexico 14 times since 2000.",
        [("14", 14, "count")],
    ),
    (
        "Complaints rose from 118 in 2021 to 297 in 2024.ⁱⁱ",
        [("118", 118, "count"), ("297", 297, "count")],
    ),
    (
        "units employed 214 locally employed staff in FY2025, up from 71 and 190 in\nFY2022.",
        [("214", 214, "count"), ("71", 71, "count"), ("190", 190, "count")],
    ),
]

CASES += [
    # a program list of short lines: its counts repeat a noun, not a running footer's title
    (
        "Border Water Research Network\n12 universities\n\\$3.8 million\n\nAdvanced "
        "Manufacturing Consortium\n15 universities\n\\$6.25 million\n",
        [
            ("12", 12, "count"),
            ("\\$3.8 million", 3.8e6, "USD"),
            ("15", 15, "count"),
            ("\\$6.25 million", 6.25e6, "USD"),
        ],
    ),
    ("9. Promote 20 lesser-known destinations.", [("20", 20, "count")]),
    (
        "Since the partnership began in 2023, the two have held 14 exchanges.",
        [("two", 2, "count"), ("14", 14, "count")],
    ),
]

CASES += [
    # a row with a bar inside the text is no footer
    ("Item | Ports with inspections" + " " * 17 + "12\nMore rows here.", [("12", 12, "count")]),
    # a footnote's marker glued after the scale or the unit, as PDF text prints it
    (
        "imports reached $19.7 billion1, up 8.2 percent; they total $412 million4 and",
        [
            ("$19.7 billion", 19.7e9, "USD"),
            ("8.2 percent", 8.2, "percent"),
            ("$412 million", 412e6, "USD"),
        ],
    ),
    (
        "an estimated 62%¹ of the fine particles; trucks idle for 2.3 hours² in the queue.",
        [("62%", 62, "percent"), ("2.3 hours", 2.3, "hour")],
    ),
    # ... but a length unit's '2' squares it
    ("an area of 14 km2 in all", [("14 km2", 14, "square_kilometer")]),
    # an HTML entity left between a number and its unit
    (
        "authorities seized 1,318&nbsp;kilograms, worth $46&nbsp;million.",
        [("1,318&nbsp;kilograms", 1318, "kilogram"), ("$46&nbsp;million", 46e6, "USD")],
    ),
    # a collapsed table whose rows are marketing years
    (
        "Table 2. Mexican Sugar Exports\n(metric tons, raw value, unless noted)\n\n"
        "Marketing year Export limit Actual exports Refined share (%)\n"
        "2021/22 1,190,540 1,098,200 21.4\nAverage 1,171,310 1,092,220 25.1\n\nSource: CRS.",
        [
            ("1,190,540", 1_190_540, "ton"),
            ("1,098,200", 1_098_200, "ton"),
            ("21.4", 21.4, "percent"),
            ("1,171,310", 1_171_310, "ton"),
            ("1,092,220", 1_092_220, "ton"),
            ("25.1", 25.1, "percent"),
        ],
    ),
    # a narrow column wraps before the noun
    (
        "after Coast Guard alerts. The two\nservices exchange patrol schedules.",
        [("two", 2, "count")],
    ),
]

CASES += [
    # a chart set as an aligned table under a sentence that states its money, as seed 000
    # prints its funding chart
    (
        "Funding From FY 2020-2024\n\nThe amount in millions of dollars that the U.S. and "
        "Mexico have invested each year.\n\n        FY20     FY21     FY22\n"
        "U.S.    3.1      4.8      7.25\nMexico  1.2      1.9      2.6\n",
        [
            ("3.1", 3.1e6, "USD"),
            ("4.8", 4.8e6, "USD"),
            ("7.25", 7.25e6, "USD"),
            ("1.2", 1.2e6, "USD"),
            ("1.9", 1.9e6, "USD"),
            ("2.6", 2.6e6, "USD"),
        ],
    ),
    # a count whose noun a relative clause follows
    (
        "capture systems at 40 municipal landfills, starting with the 12 that serve the border.",
        [("40", 40, "count"), ("12", 12, "count")],
    ),
]

CASES += [
    # a chart's label-value pairs split by bars, under a title that says what it counts
    (
        "Figure 4. Aerospace employment by state, 2025 (workers)\nBaja California 17,200 | "
        "Querétaro 14,000 | Chihuahua 13,100 | Other states 3,700\n",
        [
            ("17,200", 17_200, "count"),
            ("14,000", 14_000, "count"),
            ("13,100", 13_100, "count"),
            ("3,700", 3_700, "count"),
        ],
    ),
    (
        "Figure 1. Median daily pay by state (MXN)\n  Michoacán 278 | Sonora 318 | Sinaloa 326\n",
        [("278", 278, "MXN"), ("318", 318, "MXN"), ("326", 326, "MXN")],
    ),
    # a caption that states a unit for each measure its rows name; 'volume' across a
    # table's gap is a row label, not 'Volume 1,061'
    (
        "Table 1. Imports\n(volume in thousand metric tons; value in millions of U.S. dollars)"
        "\n                    2021       2022\nMexico volume       1,061        957\n"
        "Mexico value        2,742      2,810\n",
        [
            ("1,061", 1_061_000, "ton"),
            ("957", 957_000, "ton"),
            ("2,742", 2742e6, "USD"),
            ("2,810", 2810e6, "USD"),
        ],
    ),
]

CASES += [
    # a Markdown table whose note under it states what its values are in
    (
        "| Product | 2024 | 2025 | Change (%) |\n|---|---|---|---|\n| Corn | 5,018 | 5,390 | "
        "7.4 |\n| Dairy products | 2,471 | 2,519 | 1.9 |\n\n*Values in millions of U.S. "
        "dollars. Source: USDA.*\n",
        [
            ("5,018", 5018e6, "USD"),
            ("5,390", 5390e6, "USD"),
            ("7.4", 7.4, "percent"),
            ("2,471", 2471e6, "USD"),
            ("2,519", 2519e6, "USD"),
            ("1.9", 1.9, "percent"),
        ],
    ),
    # an infobox label that names the unit among its words
    (
        "AT A GLANCE\n\nCompliance officers trained                      1,215\n"
        "Training hours delivered                        14,820\n",
        [("1,215", 1215, "count"), ("14,820", 14_820, "hour")],
    ),
]

NOT_QUANTITIES = [
    # footnotes under their separator, wrapped over lines: their numbers are marks
    "calls per month.2\n\n__________________________\n1 Department of State, Bureau of "
    "Consular Affairs, “Mexico\nCountry Information,” accessed February 20, 2026.\n2 CRS "
    "communication with the Department of State, January\n14, 2026.\n",
    "__________________________\n3 Department of State, “Smart Traveler Enrollment Program\n"
    "Data,” provided to CRS, February 2026.\n4 See H.R. 2471, 119th Congress.\n",
    # the marks of footnotes printed partly as superscripts
    "The committee will report to the Presidents.\n\n___________\n1 U.S. Census Bureau, "
    "USA Trade Online, accessed January 2026.\n² Secretaría de Economía, 2025.\n"
    "³ FDA Database, 2025.\n4 Includes insurance.\n",
    # a footer with a bar in its title closing a page, its number far to the right
    "Text of the memo.\n\nPaso del Norte Policy Lab | Policy Memo 2026-02" + " " * 30 + "2\n",
    "Text of the memo.\n\nPaso del Norte Policy Lab | Policy Memo 2026-02" + " " * 30 + "2\n"
    "\fSecond page.",
    # a running head whose page number stands after its title, and before it on the
    # facing page
    "9874        Federal Register / Vol. 91, No. 38 / Thursday, February 26, 2026 / Proposed "
    "Rules\n\nText.\n\f                Federal Register / Vol. 91, No. 38 / Thursday, "
    "February 26, 2026 / Proposed Rules        9875\n",
    # a name with a number is still a name after a capitalized word that is no verb
    "Phase 2 will begin in 2026. Track 2 talks resumed.",
    "Title 42 ended in 2023.",
    # a running footer: the page's number before the report's title, on every page
    "text of page one\n\n12 Congressional Research Service\n\fMore text\n\n"
    "13 Congressional Research Service\n",
]


test_text_yields_its_quantities, test_text_yields_no_quantity = text_tests(CASES, NOT_QUANTITIES)
