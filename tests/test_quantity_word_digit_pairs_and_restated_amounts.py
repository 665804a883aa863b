"""Amounts as agreements, contracts and sale notices print them: a number in words and again
in digits in brackets (`four (4) aircraft`, `thirty (30) days`), an amount in words restated
in digits (`one million dollars ($1,000,000)`), and `one` with a scale (`one million`),
which is a quantity although the word `one` alone never is.

Each case is a text and the (quote, value, unit) of every quantity it states.
"""

from __future__ import annotations

from pipeline.extract.quantities import extract_quantities
from tests.quantity_rows import text_tests

CASES = [
    (
        "The Government of Mexico has requested to buy four (4) King Air 350ER aircraft and "
        "eight (8) maritime surveillance radars.",
        [("four", 4, "count"), ("4", 4, "count"), ("eight", 8, "count"), ("8", 8, "count")],
    ),
    (
        "Also included are spare parts, six (6) electro-optical turrets and two flight simulators.",
        [("six", 6, "count"), ("6", 6, "count"), ("two", 2, "count")],
    ),
    (
        "This Memorandum shall remain in effect for a period of five (5) years and may be "
        "extended by written agreement.",
        [("five", 5, "year"), ("5", 5, "year")],
    ),
    (
        "Either Party may terminate it by giving the other ninety (90) days' written notice.",
        [("ninety", 90, "day"), ("90", 90, "day")],
    ),
    (
        "Payment is due within thirty (30) days; no more than twenty-five (25) percent may be "
        "paid in advance.",
        [
            ("thirty", 30, "day"),
            ("30", 30, "day"),
            ("twenty-five", 25, "percent"),
            ("25", 25, "percent"),
        ],
    ),
    (
        "The contractor shall train one hundred twenty (120) officers at the academy.",
        [("one hundred twenty", 120, "count"), ("120", 120, "count")],
    ),
    (
        "The Parties shall contribute one million dollars ($1,000,000) and one thousand "
        "dollars ($1,000) a month for its upkeep.",
        [
            ("one million dollars", 1e6, "USD"),
            ("$1,000,000", 1e6, "USD"),
            ("one thousand dollars", 1000, "USD"),
            ("$1,000", 1000, "USD"),
        ],
    ),
    ("About one million people crossed at the port last year.", [("one million", 1e6, "count")]),
    ("The program will cost one billion pesos.", [("one billion pesos", 1e9, "MXN")]),
    # a bracket after a label still names the unit of a table's figures
    (
        "Exports (US$1,000)   2,345   3,456",
        [("2,345", 2.345e6, "USD"), ("3,456", 3.456e6, "USD")],
    ),
]

NOT_QUANTITIES = [
    # the word 'one' with its digit stays unread, as the word alone does
    "The contractor shall deliver one (1) complete set of drawings.",
    # a number in brackets after a word that does not spell it
    "Subsection (4) applies to the measures listed in paragraph (2).",
    "Article Four (5) was renumbered.",
]


test_text_yields_its_quantities, test_text_yields_no_quantity = text_tests(CASES, NOT_QUANTITIES)


def test_pairs_keep_offsets_sentences_and_forms_of_the_text() -> None:
    text = (
        "Section 3. Term.\nThe term is five (5) years.\n"
        "The buyer may order up to twelve (12) more units for $4.5 million."
    )
    rows = extract_quantities(text)
    assert [(r["quote"], r["form"]) for r in rows] == [
        ("five", "words"),
        ("5", "digits"),
        ("twelve", "words"),
        ("12", "digits"),
        ("$4.5 million", "digits"),
    ]
    for row in rows:
        assert text[row["char_start"] : row["char_end"]] == row["quote"]
        assert row["quote"] in row["sentence"] and row["sentence"] in text
    assert rows[2]["qualifier"] == rows[3]["qualifier"] == "upper_bound"
