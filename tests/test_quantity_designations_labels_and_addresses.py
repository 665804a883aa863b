"""Forms the thirty-fifth blind set's sale notice, research note, cost estimate and funding
notice print: a count before a military designation (`eight AN/APS-143C(V)3 radars`, where
`AN` is no article), a count whose noun is left out before a year (`the remaining two in
2029`, `reached 412 in 2025,`), a range after a label that counts (`Number of Awards: 2 to
3`), a minus sign before an escaped dollar (`-\\$500,000`), and a street address whose
street is not called a street (`2800 Defense Pentagon, Washington, DC 20301`).

Each case is a text and the (quote, value, unit) of every quantity it states.
"""

from __future__ import annotations

from tests.quantity_rows import text_tests

CASES = [
    (
        "The Government of Mexico has requested eight AN/APS-143C(V)3 multi-mode radars.",
        [("eight", 8, "count")],
    ),
    (
        "The first two aircraft would be delivered within 730 days of that date and the "
        "remaining two in 2029.",
        [("two", 2, "count"), ("730 days", 730, "day"), ("two", 2, "count")],
    ),
    (
        "Announced nearshoring projects tracked by our team reached 412 in 2025, worth "
        "US$38.6 billion.",
        [("412", 412, "count"), ("US$38.6 billion", 3.86e10, "USD")],
    ),
    (
        "  Anticipated Number of Awards:   2 to 3\n  Award Ceiling:                  $4,500,000\n",
        [("2", 2, "count"), ("3", 3, "count"), ("$4,500,000", 4.5e6, "USD")],
    ),
    (
        "* = between -\\$500,000 and \\$500,000; n.e. = not estimated.",
        [("-\\$500,000", -5e5, "USD"), ("\\$500,000", 5e5, "USD")],
    ),
    # the unit carried to 'another' is still carried when no year follows
    (
        "within 45 business days, which can be extended by another 45.",
        [("45 business days", 45, "day"), ("45", 45, "day")],
    ),
]

NOT_QUANTITIES = [
    "DSCA | 2800 Defense Pentagon, Washington, DC 20301-2800 | Accessibility | FOIA",
    "Write to us at 1600 Amphitheatre Parkway, Mountain View, CA 94043.",
    # a hyphen between a label's digits makes a code, not a range
    "Press Release Number: 25-1187",
    "The index reached 55 in 2024 and fell back.",
]


test_text_yields_its_quantities, test_text_yields_no_quantity = text_tests(CASES, NOT_QUANTITIES)
