"""Counts whose context, not a noun right after them, says what they count: a verb that
opens a recommendation, a title-case heading, and a noun said before ('the remaining 93
would not'). Each case lists every quantity the sentence states, as
(quote, value, unit, qualifier, period, rate, range_role, flag).
"""

from __future__ import annotations

import pytest

from tests.quantity_rows import assert_same_rows
from tests.test_quantities_damaged_and_listed import rows

E, A, L = "exact", "approximate", "lower_bound"


# A count opened by an imperative verb (recommendations, commitments) or counted in a
# title-case heading, where a capital before the number says nothing of a name.
VERBS_AND_HEADINGS = [
    (
        "- Reinstate 37 workers dismissed last year and pay them 100 percent of lost wages.",
        [
            ("37", 37.0, "count", E, None, None, None, None),
            ("100 percent", 100.0, "percent", E, None, None, None, None),
        ],
    ),
    (
        "2. Ports of entry. Deploy 150 additional officers at the 12 highest-volume crossings.",
        [
            ("150", 150.0, "count", E, None, None, None, None),
            ("12", 12.0, "count", E, None, None, None, None),
        ],
    ),
    (
        "5. Justice. Train 3,000 Mexican police officers, prosecutors and forensic experts.",
        [("3,000", 3000.0, "count", E, None, None, None, None)],
    ),
    (
        "- Fund 200 additional industry operations investigators.",
        [("200", 200.0, "count", E, None, None, None, None)],
    ),
    (
        "Embassy Welcomes Record Fulbright Cohort and Announces 350 New Scholarships",
        [("350", 350.0, "count", E, None, None, None, None)],
    ),
    (
        "Evidence from a 2025 Survey of Recipient Households in Four Mexican States",
        [("Four", 4.0, "count", E, "2025", None, None, None)],
    ),
    (
        "Top Five States of Residence for Mexican Immigrants, 2024",
        [("Five", 5.0, "count", E, "2024", None, None, None)],
    ),
    (
        'title: "FACT SHEET: United States and Mexico Take Three New Steps Against Fentanyl"',
        [("Three", 3.0, "count", E, None, None, None, None)],
    ),
]
# Numbers that name things stay names, in headings too, and a noun that names things by
# number is no imperative.
NAMES_IN_HEADINGS = [
    "Section 232 Tariffs on Steel and Aluminum Imports from Mexico",
    "Title 42 Expulsions Rise Along the Border",
    "Group of Seven Leaders Meet in Rome",
    "Chapter 11 Disputes Under the USMCA",
    "Phase 2 Projects Begin in Sonora",
    "Highway 2 Upgrades Completed",
    "Track 2 diplomacy has kept the talks alive.",
    "The Fund 2 program closed.",
    "Mexico Hosts the Group of Seven Summit",
]

# The counted noun was said before: a word says so ('remaining', 'only'), or a hedge and a
# place or share follow.
NOUN_SAID_BEFORE = [
    (
        "Officials told GAO the remaining 93 would not be in place until next year.",
        [("93", 93.0, "count", E, None, None, None, None)],
    ),
    (
        "Exercise increased caution in 17 states and normal precautions in the remaining "
        "two, Campeche and Yucatan.",
        [
            ("17", 17.0, "count", E, None, None, None, None),
            ("two", 2.0, "count", E, None, None, None, None),
        ],
    ),
    (
        "We found that 11 of the 27 indicators had targets, and only 4 had baseline data.",
        [
            ("11", 11.0, "count", E, None, None, None, None),
            ("27", 27.0, "count", E, None, None, None, None),
            ("4", 4.0, "count", E, None, None, None, None),
        ],
    ),
    (
        "Train officers, including at least 400 in the 6 northern border states.",
        [
            ("400", 400.0, "count", L, None, None, None, None),
            ("6", 6.0, "count", E, None, None, None, None),
        ],
    ),
    (
        "The plan will add 8 commercial lanes to the existing 10, officials said.",
        [
            ("8", 8.0, "count", E, None, None, None, None),
            ("10", 10.0, "count", E, None, None, None, None),
        ],
    ),
]
# A capacity: what a place was built for, in the people or things it holds.
CAPACITIES = [
    (
        "Shelter capacity reached 260 people at the shelter, which was built for 120.",
        [
            ("260", 260.0, "count", E, None, None, None, None),
            ("120", 120.0, "count", E, None, None, None, None),
        ],
    ),
    (
        "Detainees were held in facilities built for 400.",
        [("400", 400.0, "count", E, None, None, None, None)],
    ),
]
# 'one account in 4 or more states' is no ratio like '1 truck in 10': the 4 counts states.
NOT_RATIOS = [
    (
        "Cash is deposited into one account in 4 or more states.",
        [("4", 4.0, "count", L, None, None, None, None)],
    ),
]
# A footnote that opens with its marker and only explains states quantities as the body
# does; one with a citation's marks ('accessed', a page) states none.
EXPLANATORY_NOTES = [
    (
        "Text.\n[40] The 1,214 files include 311 opened before 2018; 47 families asked that",
        [
            ("1,214", 1214.0, "count", E, "2018", None, None, None),
            ("311", 311.0, "count", E, "2018", None, None, None),
            ("47", 47.0, "count", E, "2018", None, None, None),
        ],
    ),
]
# Events counted in millions: 'crossed 7.9 million times' is no multiple.
MILLIONS_OF_TIMES = [
    (
        "Commercial trucks crossed northbound 7.9 million times in 2025, up 4.6%.",
        [
            ("7.9 million", 7.9e6, "count", E, "2025", None, None, None),
            ("4.6%", 4.6, "percent", E, "2025", None, None, None),
        ],
    ),
]
# A vote's tally by label counts votes, a printed zero too.
VOTE_TALLIES = [
    (
        "Motion carried. For: 7 Against: 0 Abstain: 0",
        [
            ("7", 7.0, "count", E, None, None, None, None),
            ("0", 0.0, "count", E, None, None, None, None),
            ("0", 0.0, "count", E, None, None, None, None),
        ],
    ),
    (
        "RESULTADO\n\nEn contra              21\nAbstenciones            4\n",
        [
            ("21", 21.0, "count", E, None, None, None, None),
            ("4", 4.0, "count", E, None, None, None, None),
        ],
    ),
]
# Two ages joined by 'and': both are ages, as a range's two ends are.
AGES = [
    (
        "Both drivers, ages 23 and 31, were arrested at the scene.",
        [
            ("23", 23.0, "year", E, None, None, None, None),
            ("31", 31.0, "year", E, None, None, None, None),
        ],
    ),
]
NOT_SAID_BEFORE = [
    "Text.\n²⁵ Banco de México, Ingresos por Remesas, series SE27803, accessed December 2, 2025.",
    "The terminal was built for 2020 traffic standards.",
    "About 5 in 10 Mexicans approve.",
    "Nearly 3 in 4 respondents agreed.",
    "Sales rose to about 40 in 2024.",
    "The remaining 2025 funds were spent.",
]

CASES = (
    VERBS_AND_HEADINGS
    + NOUN_SAID_BEFORE
    + CAPACITIES
    + AGES
    + NOT_RATIOS
    + EXPLANATORY_NOTES
    + VOTE_TALLIES
    + MILLIONS_OF_TIMES
)
EMPTY = NAMES_IN_HEADINGS + NOT_SAID_BEFORE


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[c[0][:60] for c in CASES])
def test_sentence_yields_its_counts(sentence: str, expected: list[tuple]) -> None:
    assert_same_rows(rows(sentence), expected)


@pytest.mark.parametrize("sentence", EMPTY, ids=[s[:60] for s in EMPTY])
def test_sentence_yields_nothing(sentence: str) -> None:
    assert rows(sentence) == []
