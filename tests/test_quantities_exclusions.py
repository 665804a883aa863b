"""Numbers that are not quantities: every sentence here must yield no row at all."""

from __future__ import annotations

import pytest

from pipeline.extract.quantities import extract_quantities

YEARS_AND_DATES = [
    "In 2020, Mexico became a partner.",
    "– Secretary Antony J. Blinken, January 26, 2021",
    "Secretary Blinken on February 26 will participate in a virtual trip.",
    "Brussels, 17 January 2025",
    "Release Date: Thu, 06/13/2024",
    "Last published date: 2024-01-18",
    "The group met from 2020-2022, primarily in virtual settings.",
    "From 2008 to 2021, the Merida Initiative was the framework.",
    "Between December 2023 and January 2024, crossings changed.",
    "wait times were long in the 1990s and the '80s.",
    "Spring 2025",
    "Mexican students in the 2019/2020 academic year",
    "The upcoming 2026 USMCA review presents an opportunity beyond 2036.",
    "The Bracero Program (1942–1964) ended long ago.",
    "Applications open March 1 and close on April 15.",
]
FISCAL_YEARS = [
    "Funding From FY 2019-2024",
    "From FY 2008-FY 2020, the initiative grew.",
    "The FY2024 budget request is pending.",
    "In fiscal year 2023 alone the task force was busy.",
    "Mission Snapshot FY 2023",
]
TIMES = [
    "At approximately 3:15 p.m., a truck applied for entry.",
    "Applications close at 11:59 p.m. on April 15.",
    "The office opens at 9 a.m. and the hotline runs 24/7.",
]
REFERENCES = [
    "Sections 333, 312, 332 and 321: Government programs used to fund training.",
    "Section 7045(e) of the act requires a report.",
    "cartels designated under Executive Order 14157.",
    "The Omnibus Appropriations Act, 2009 (P.L. 111-8) provided funds.",
    "The Consolidated Appropriations Act, 2022 (P.L. 117-103) provided funds.",
    "See CRS Report R40135 for background.",
    "www.crs.gov\n7-5700",
    "H.R. 2 (118th Congress) would restart construction.",
    "training under 10 U.S.C. 333 authorities",
    "expulsions under Title 42 ended.",
    "consultations under Article 31.2 of the agreement",
    "the BMCR's Intermediate Objective 2.1 on the air domain",
    "Mexico - Level 2: Exercise Increased Caution",
    "may travel to the airport only along Highway 2.",
    "Table 1. U.S. Assistance to Mexico by Account",
    "see Figure 3 and page 12",
    "chaired by USNORTHCOM J59 and DEFENSA S5",
]
NAMES_WITH_NUMBERS = [
    "collaborate to combat the COVID-19 pandemic",
    "temporary work visa programs like H-2A and H-2B",
    "human smuggling and MS-13 respectively",
    "projects such as DHS-69 and DHS-313 should be funded",
    "Since its inception in 2013, the 100,000 Strong in the Americas Innovation Fund has grown.",
    "the Executive Steering Committee for 21st Century Border Management",
    "organizations including the United Nations and the G-20",
    "the Group of Seven met in June.",
    "Leaders of the Group of 20 met in Rio.",
    "Boeing 737 aircraft and F-35 fighters",
]
ORDINALS_AND_RANKS = [
    "ONE HUNDRED NINETEENTH CONGRESS",
    "It marks the twenty-first meeting of the group.",
    "Mexico ranks 2nd globally in total trade.",
    "Anduril Deploys 300th Autonomous Surveillance Tower",
    "Mexico ranks 10th among places of origin.",
    "the 1st Battalion, 41st Infantry Regiment",
    "Mexico is among the world's top 15 oil producers.",
    "Mexico is the second-largest recipient and the third-largest partner.",
]
LIST_AND_NOTE_MARKERS = [
    "1. Summary. Demand has risen.",
    "(a) Expand consular capacity;",
    "(1) Establish a forum.",
    "economic integration in an unstable era.ⁱⁱⁱ The USMCA can serve",
    "securing U.S. interests.^{iv} As the PRC expands",
    "against national security.12 The next section",
    "as shown in earlier work [12] and [3, 4].",
]
URLS_AND_CITATIONS = [
    "permalink: https://www.whitehouse.gov/briefing-room/2021/03/01/fact-sheet/",
    "Journal of Quantitative Criminology 30, 651–676 (2014). doi.org/10.1007/s10940-014-9218-5",
    "Intro.\n- ⁱ Garrison, Cassandra. Reuters. November 27, 2024. www.reuters.com/b/2024-11-26/",
    "Intro.\n- ^{xi} Dickenson, Matthew. Journal 30, 651–676 (2014).",
    "Intro.\n1 U.S. Department of State, Congressional Budget Justification, FY2024, p. 112.",
    "Intro.\n2 See CRS Report R41349, by Clare Ribando Seelke and Kristin Finklea.",
    # in a notes section, a line with any mark of a citation is one, numbers and all
    "Text.\n\nEndnotes\n\n- Pew, “5 million readers,” $3 billion, 40% of all, 12 miles.",
    "Text.\n\nReferences\n\n- Border Report, 5 million readers, 12 miles, 2024.",
    "Source: CRS analysis of 2023 data from 5 agencies.",
    # court reporters' volumes and pages
    "See Brazos Materials, Inc., 98 F.4th 211, 217 (5th Cir. 2024).",
    "Id.; Harlan Cnty., 612 S.W.3d 40, 44 (Tex. 2020).",
    "Twombly, 550 U.S. 544, 570 (2007).",
    "- ^{vi} *Smith & Wesson Brands, Inc. v. Estados Unidos Mexicanos*, 605 U.S. ___ (2025).",
]
VAGUE_AND_FREQUENCIES = [
    # the word 'one' is never a row, with a unit or without
    "It may cost more in any one year.",
    # fractions and the base of a ratio
    "more than two thirds of them reported an incident",
    "requerirán el voto de dos terceras partes de sus integrantes",
    "Mexico buys 1 in 4 tons of the corn we export.",
    "The program lasted one year.",
    # Spanish number words that begin names
    "Dos Bocas began operating in 2024.",
    "Cinco de Mayo is celebrated in many cities.",
    "relations impact the lives and livelihoods of millions of Americans.",
    "hundreds of thousands of people legally cross the border on a daily basis.",
    "Tens of thousands of Americans die every year from opioids.",
    "dozens of recruiters charge millions of dollars in fees.",
    "Since 2017, the CCIB has been conducted twice annually in Mexico.",
    "The group meets three times a year to further joint initiatives.",
    "That is 2 to 3 times what we typically see.",
    "a joint review every six years",
    "a committee that will meet at least once every two years",
    "we benefit from two-way trade and a one-stop registry.",
    "Education is one of the strongest bridges, said one expert.",
    "Sinaloa produces one third of Mexico's corn and two-thirds of its beans.",
]
RATIOS_AND_INDICES = [
    "About 2 in 10 rural households lack piped water.",
    "Some households depend on the money, roughly one in 10.",
    "one in four of them is under 18.",
    "the Gini coefficient stands at 0.40.",
    "At Laredo's World Trade Bridge, 1 truck in 10 took longer than usual.",
    "a market that absorbs roughly 1 of every 5 dollars of U.S. exports",
    # a rate's base
    "Incidence, Change in Rate per 100,000",
    "La tasa de homicidios, de 41.3 por cada 100 mil habitantes, casi duplica el promedio.",
]
CODES_AND_LABELS = [
    "For more information, call (619) 555-0142.",
    "Contact the Commercial Service; tel. +52 55 5080 2000.",
    "Washington, DC 20006 (tel. 202-728-1600).",
    "Colonia Cuauhtémoc, 06500 Mexico City",
    "The briefing is at the Department's headquarters, 2201 C Street NW.",
    "Send comments to 1600 Pennsylvania Avenue.",
    "Drafted: WHA/MEX - J. Doe, ext. 7-4512",
    "Table 1. Corn Production, Supply and Distribution (1,000 MT)",
    "GAIN Report Number: MX2024-0017",
    "For U.S. citizens: +52 (81) 8047-3145",
    # Spanish citations of laws and their clauses
    "El artículo 14 dispone que el Acuerdo entrará en vigor.",
    "Con fundamento en los artículos 76, fracción I, y 89, fracción X, de la Constitución.",
    "Centro Cultural de la Frontera, 1200 E.\nSan Antonio Ave.",
    "CITY HALL COUNCIL CHAMBERS\n1110 HOUSTON STREET",
    "CUSIP: 91087B AR1 (2036 notes) / 91087B AS9 (2056 notes)",
    "Time of day: 12–3 p.m.",
]

CASES = (
    YEARS_AND_DATES
    + FISCAL_YEARS
    + TIMES
    + REFERENCES
    + NAMES_WITH_NUMBERS
    + ORDINALS_AND_RANKS
    + LIST_AND_NOTE_MARKERS
    + URLS_AND_CITATIONS
    + VAGUE_AND_FREQUENCIES
    + RATIOS_AND_INDICES
    + CODES_AND_LABELS
)


@pytest.mark.parametrize("sentence", CASES, ids=[c[:60] for c in CASES])
def test_yields_no_quantity(sentence: str) -> None:
    assert [r["quote"] for r in extract_quantities(sentence)] == []


@pytest.mark.parametrize(
    "text",
    [
        "1," * 5000 + "1",
        "$" * 20000 + "5",
        " " * 20000 + "5 miles",
        "Section 1, " * 3000,
        "\n" * 20000,
        "9" * 20000,
        "a" * 20000,
        "between " * 5000 + "5 and",
    ],
    ids=["commas", "dollars", "spaces", "sections", "newlines", "digits", "letters", "betweens"],
)
def test_degenerate_input_is_linear(text: str) -> None:
    """No pattern backtracks catastrophically: a page of junk is read in well under a
    second (a quadratic scan of these would take minutes)."""
    import time

    start = time.perf_counter()
    extract_quantities(text)
    assert time.perf_counter() - start < 2.0
