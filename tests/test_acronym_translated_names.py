"""Acronyms kept from a name in the other language, and where such a long form starts.

Real sentences from public documents: an English name printed before its Spanish
acronym (`Ministry of Economy (SE)`), the owner before a name that holds a possessive of
its own, a heading in capitals above a name, a Spanish article opening a place's name,
and the sentences that must yield nothing.
"""

import pytest

from pipeline.extract.acronyms import extract_acronyms


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a two-letter acronym after a name a body noun heads
        (
            "The Ministry of Economy (SE) and the Office of the United States Trade\n"
            "Representative (USTR) concluded two days of technical talks.",
            [
                ("SE", "Ministry of Economy", "long_form_paren_translated"),
                ("USTR", "Office of the United States Trade Representative", "long_form_paren"),
            ],
        ),
        # the owner's possessive left out, the name's own possessive kept
        (
            "Mexico’s Attorney\nGeneral’s Office (FGR) has used U.S.-donated scanners.",
            [("FGR", "Attorney General’s Office", "long_form_paren_translated")],
        ),
        # named things that keep their Spanish acronym in an English name
        (
            "plants registered under the Manufacturing,\nMaquila and Export Services "
            "Industry (IMMEX) programme",
            [
                (
                    "IMMEX",
                    "Manufacturing, Maquila and Export Services Industry",
                    "long_form_paren_translated",
                )
            ],
        ),
        (
            "fewer than 2,000 remote workers had registered with the SAT’s Federal Taxpayer "
            "Registry (RFC) as of March.",
            [("RFC", "Federal Taxpayer Registry", "long_form_paren_translated")],
        ),
        (
            "under tariff items 1701.14.99 and 1701.99.99 of the Law of General Import and "
            "Export\nTaxes (LIGIE).",
            [("LIGIE", "Law of General Import and Export Taxes", "long_form_paren_translated")],
        ),
        (
            "Labels must comply with NOM-051; the Official Mexican Standard (NOM) requires it.",
            [("NOM", "Official Mexican Standard", "long_form_paren_translated")],
        ),
        (
            "The Nuevo León Automotive Cluster (CLAUT)\ncounts 400 member firms.",
            [("CLAUT", "Nuevo León Automotive Cluster", "long_form_paren_translated")],
        ),
        # a sentence's capitalized opening words are not part of the name
        (
            "According to the National Registry of Missing and Disappeared Persons (RNPDNO), "
            "cases rose.",
            [
                (
                    "RNPDNO",
                    "National Registry of Missing and Disappeared Persons",
                    "long_form_paren_translated",
                )
            ],
        ),
        # a heading in capitals over the name is a line of its own
        (
            "NORTH AMERICAN DEVELOPMENT BANK\nNorth American Development Bank (NADBank) · "
            "PROJECT FACT SHEET",
            [("NADBank", "North American Development Bank", "long_form_paren")],
        ),
        (
            "AGENCY UPDATE\nDrug Enforcement Administration (DEA) agents seized 40 pounds.",
            [("DEA", "Drug Enforcement Administration", "long_form_paren")],
        ),
        # after an English article, a Spanish one opens a place's name
        (
            "was a record year for the El Paso Public Library\n(EPPL). Our 15 locations",
            [("EPPL", "El Paso Public Library", "long_form_paren")],
        ),
        # ... but a name printed in capitals across two lines is one name
        (
            "U.S. CUSTOMS AND BORDER\nPROTECTION (CBP)",
            [("CBP", "U.S. CUSTOMS AND BORDER PROTECTION", "long_form_paren")],
        ),
    ],
)
def test_translated_names_and_where_they_start(sentence, expected):
    found = [(r["acronym"], r["expansion"], r["pattern"]) for r in extract_acronyms(sentence)]
    assert found == expected


@pytest.mark.parametrize(
    "sentence",
    [
        # a congressional district, not an acronym of the office
        "Office of Congresswoman (AZ-07) — Constituent Services",
        # a web address after the name it stands for
        "Applicants must register in the System for Award Management (SAM.gov) first.",
        # two letters after a name no body noun heads: a state, not an acronym
        "Trucks crossed at the Port of Laredo (TX) on Monday.",
        "Crossings at the Santa Teresa Port of Entry (NM) doubled.",
    ],
)
def test_sentences_without_translated_definitions(sentence):
    assert extract_acronyms(sentence) == []
