"""Where a long form starts when its letters spell only its last words.

Real sentences from public documents: a program's name of four capitalized words before
its `for` (`Special Supplemental Nutrition Program for Women, Infants, and Children`),
the same name wrapped so that it opens a line, the city that owns a bureau (`Laredo
Convention & Visitors Bureau`) or names a statistical area; and the sentences whose start
must stay where it is.
"""

import pytest

from pipeline.extract.acronyms import extract_acronyms


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # four words of the program's head before its preposition
        (
            "Families use the Special Supplemental Nutrition Program for Women, Infants, "
            "and Children (WIC), bringing",
            [("WIC", "Special Supplemental Nutrition Program for Women, Infants, and Children")],
        ),
        # the same head opening a line that a sentence wrapped onto
        (
            "use the Supplemental Nutrition Assistance Program (SNAP) and the\n"
            "Special Supplemental Nutrition Program for Women, Infants, and Children (WIC), "
            "bringing",
            [
                ("SNAP", "Supplemental Nutrition Assistance Program"),
                ("WIC", "Special Supplemental Nutrition Program for Women, Infants, and Children"),
            ],
        ),
        # the city that owns a bureau, after a heading line or an article
        (
            "VISIT LAREDO\nLaredo Convention & Visitors Bureau (CVB)\n\n2025 Visitor Profile",
            [("CVB", "Laredo Convention & Visitors Bureau")],
        ),
        (
            "Contact the Laredo Convention & Visitors Bureau (CVB) for group rates.",
            [("CVB", "Laredo Convention & Visitors Bureau")],
        ),
        # the place a statistical area is named for
        (
            "- The El Paso Metropolitan Statistical Area (MSA) added 4,820 nonfarm jobs",
            [("MSA", "El Paso Metropolitan Statistical Area")],
        ),
        # a bureau without a place keeps its own start
        (
            "Staff of the Federal Bureau of Investigation (FBI) said on Monday",
            [("FBI", "Federal Bureau of Investigation")],
        ),
        (
            "In 2025 the Census Bureau (CB) said",
            [("CB", "Census Bureau")],
        ),
    ],
)
def test_where_a_long_form_starts(sentence, expected):
    found = [(r["acronym"], r["expansion"]) for r in extract_acronyms(sentence)]
    assert found == expected


@pytest.mark.parametrize(
    "sentence",
    [
        # a wrapped line that ends a sentence: the head opens the next one
        "Enrollment closed on Friday.\nSpecial Programs for Migrant Students begin in May.",
        # a bureau named without brackets or a colon defines nothing
        "the Laredo Convention & Visitors Bureau counted 2.1 million visitors",
    ],
)
def test_sentences_without_a_definition(sentence):
    assert extract_acronyms(sentence) == []
