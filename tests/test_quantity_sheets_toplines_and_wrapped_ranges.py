"""Forms the thirty-seventh and thirty-ninth blind sets print: a spreadsheet saved as text
whose headers state `(t)` for metric tons and `(USD 000)` for thousands of dollars, a
poll's topline that prints `%` on its first row only, and hard-wrapped prose whose line
breaks before a count (`lanes from⏎4 to 9`, `41 years old, and⏎eleven were designed`).

Each case is a text and the (quote, value, unit) of every quantity it states.
"""

from __future__ import annotations

from tests.quantity_rows import text_tests

CASES = [
    (
        "Volume in metric tons; value in thousands of U.S. dollars\t\t\n"
        "Product\tHS code\tVolume 2024 (t)\tVolume 2025 (t)\tValue 2025 (USD 000)\n"
        "Avocado (aguacate)\t0804.40\t1,204,310\t1,281,950\t3,412,880\n",
        [
            ("1,204,310", 1204310, "ton"),
            ("1,281,950", 1281950, "ton"),
            ("3,412,880", 3412880000, "USD"),
        ],
    ),
    (
        "Q1. Are relations going in the right direction?\n"
        "                                   Total    U.S.    MX\n"
        "  Right direction                   31%     34%    28%\n"
        "  Wrong track                       58      55     61\n"
        "  Don't know / refused              11      11     11\n",
        [
            ("31%", 31, "percent"),
            ("34%", 34, "percent"),
            ("28%", 28, "percent"),
            ("58", 58, "percent"),
            ("55", 55, "percent"),
            ("61", 61, "percent"),
            ("11", 11, "percent"),
            ("11", 11, "percent"),
            ("11", 11, "percent"),
        ],
    ),
    # a table whose first row of figures is not all shares keeps its cells as counts
    (
        "Port             Lanes    Share\n"
        "Laredo              14      31%\n"
        "Otay Mesa            9      12%\n",
        [("14", 14, "count"), ("31%", 31, "percent"), ("9", 9, "count"), ("12%", 12, "percent")],
    ),
    (
        "The project will increase the number of commercial inspection lanes from\n"
        "4 to 9 and the number of privately owned vehicle lanes from 2 to 6.",
        [("4", 4, "count"), ("9", 9, "count"), ("2", 2, "count"), ("6", 6, "count")],
    ),
    (
        "Many of these facilities were built long ago: the average port is 41 years old, and\n"
        "eleven were designed before the North American Free Trade Agreement took effect.",
        [("41 years", 41, "year"), ("eleven", 11, "count")],
    ),
]

NOT_QUANTITIES = [
    "Product\tHS code\tValue 2025 (USD 000)\tValue 2024 (USD 000)",
]


test_text_yields_its_quantities, test_text_yields_no_quantity = text_tests(CASES, NOT_QUANTITIES)
