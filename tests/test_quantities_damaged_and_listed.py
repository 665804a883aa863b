"""Quantity forms found by the blind sets: numbers damaged by OCR (flagged, never guessed),
lists and amounts that share one unit, a word between a number and its unit, durations back
from the time of writing, and numbers that are addresses or article citations.

Each case lists every quantity the sentence states, as
(quote, value, unit, qualifier, period, rate, range_role, flag).
"""

from __future__ import annotations

import pytest

from pipeline.extract.quantities import extract_quantities
from tests.quantity_rows import assert_same_rows

E, A, L, M = "exact", "approximate", "lower_bound", "malformed_number"


def rows(text: str) -> list[tuple]:
    return [
        (
            r["quote"],
            r["value"],
            r["unit"],
            r["qualifier"],
            r["period"],
            r["rate"],
            r["range_role"],
            r["flag"],
        )
        for r in extract_quantities(text)
    ]


# A letter printed for a digit, or a space inside a number: the row is kept with no value.
OCR_DAMAGED = [
    (
        "Mexico's average applied tariff on U.S. goods is l0 percent, compared with 4 percent.",
        [
            ("l0 percent", None, "percent", E, None, None, None, M),
            ("4 percent", 4.0, "percent", E, None, None, None, None),
        ],
    ),
    (
        "The agreement will support 2OO,OOO additional export-related jobs by 1995.",
        [("2OO,OOO", None, "count", E, "1995", None, None, M)],
    ),
    (
        "Critics cite studies projecting losses of up to 1 5 percent of jobs in the sector.",
        [("1 5 percent", None, "percent", "upper_bound", None, None, None, M)],
    ),
    (
        # a decimal point lost after two digits: 37.5? 375? Flagged, not read as 5 percent
        "The median time to consent was 37 5 percent shorter than in fiscal year 2022.",
        [("37 5 percent", None, "percent", E, None, None, None, M)],
    ),
    (
        "The program will cost $l.5 billion over the decade.",
        [("$l.5 billion", None, "USD", E, None, None, None, M)],
    ),
]
# Letters and digits that OCR mixed up but that are no number, and labels before a number.
OCR_NOT_NUMBERS = [
    "C0NFIDENTIAL MEMORANDUM FR0M the Office on the 0utlook",
    "Signed August l7, 1993, at the White House.",
    "The COVID-l9 response was coordinated by the B2O working group.",
]


# The unit is printed once, after the last item.
SHARED_UNIT_LISTS = [
    (
        "Remaining tariffs are phased out over 5, 10 or 15 years.",
        [
            ("5", 5.0, "year", E, None, None, None, None),
            ("10", 10.0, "year", E, None, None, None, None),
            ("15 years", 15.0, "year", E, None, None, None, None),
        ],
    ),
    (
        "Average wages grew 2.5, 3.1, and 4 percent in the three border states.",
        [
            ("2.5", 2.5, "percent", E, None, None, None, None),
            ("3.1", 3.1, "percent", E, None, None, None, None),
            ("4 percent", 4.0, "percent", E, None, None, None, None),
            ("three", 3.0, "count", E, None, None, None, None),
        ],
    ),
    (
        "The new lanes sit 3, 4, and 5 miles from the bridge.",
        [
            ("3", 3.0, "mile", E, None, None, None, None),
            ("4", 4.0, "mile", E, None, None, None, None),
            ("5 miles", 5.0, "mile", E, None, None, None, None),
        ],
    ),
]
LISTS_THAT_SHARE_NOTHING = [
    "as amended by Sections 5, 10 and 15 percent of the base",
    "See pages 5, 10 and 15 percent of the annex for the schedule.",
]


# An amount with a scale and nothing after it takes the currency of the scaled amount
# before it in its sentence.
CURRENCY_CARRIED = [
    (
        "Michoacán (1,512 millones de dólares), Jalisco (1,489 millones) y Guanajuato"
        " (1,371 millones) concentraron 29.4 por ciento.",
        [
            ("1,512 millones de dólares", 1.512e9, "USD", E, None, None, None, None),
            ("1,489 millones", 1.489e9, "USD", E, None, None, None, None),
            ("1,371 millones", 1.371e9, "USD", E, None, None, None, None),
            ("29.4 por ciento", 29.4, "percent", E, None, None, None, None),
        ],
    ),
    (
        "Exports rose to $3.2 billion from 2.9 billion.",
        [
            ("$3.2 billion", 3.2e9, "USD", E, None, None, None, None),
            ("2.9 billion", 2.9e9, "USD", E, None, None, None, None),
        ],
    ),
    (
        "GDP was US$1.79 trillion and a population of approximately 130 million.",
        [
            ("US$1.79 trillion", 1.79e12, "USD", E, None, None, None, None),
            ("130 million", 1.3e8, "count", A, None, None, None, None),
        ],
    ),
    (
        "The $1.2 billion plan reaches 2.7 million people. Some 3 million crossed.",
        [
            ("$1.2 billion", 1.2e9, "USD", E, None, None, None, None),
            ("2.7 million", 2.7e6, "count", E, None, None, None, None),
            ("3 million", 3e6, "count", A, None, None, None, None),
        ],
    ),
]


# A word between the number and its unit stays in the quote ('5 business days').
MODIFIED_UNITS = [
    (
        "Congress then has 90 legislative days to act, and no amendments are permitted.",
        [("90 legislative days", 90.0, "day", E, None, None, None, None)],
    ),
    (
        "TxDOT maintains more than 80,000 centerline miles of state highways.",
        [("80,000 centerline miles", 80000.0, "mile", L, None, None, None, None)],
    ),
]


# Forms of the fifth and sixth blind sets.
PRINTED_FORMS = [
    (
        "Beef and beef products          1,356          +12.7%",
        [
            ("1,356", 1356.0, "count", E, None, None, None, None),
            ("+12.7%", 12.7, "percent", E, None, None, None, None),
        ],
    ),
    (
        "FDI in Mexico totaled 36 thousand 210 million dollars in the first half of 2025.",
        [("36 thousand 210 million dollars", 3.621e10, "USD", E, "2025", None, None, None)],
    ),
    (
        "The investments total 12 thousand 400 million pesos and create 20 thousand jobs.",
        [
            ("12 thousand 400 million pesos", 1.24e10, "MXN", E, None, None, None, None),
            ("20 thousand", 2e4, "count", E, None, None, None, None),
        ],
    ),
    (
        "for water and wastewater projects within 100\n    kilometers of the border",
        [("100\n    kilometers", 100.0, "kilometer", "upper_bound", None, None, None, None)],
    ),
    (
        '"Los hogares dejarán de recibir alrededor de 1.2 mil millones de\npesos," dijo.',
        [("1.2 mil millones de\npesos", 1.2e9, "MXN", A, None, None, None, None)],
    ),
    (
        "The Security Group has met six times and oversees 17 working groups.",
        [
            ("six", 6.0, "count", E, None, None, None, None),
            ("17", 17.0, "count", E, None, None, None, None),
        ],
    ),
    (
        "Our guide has been downloaded 9,400 times.",
        [("9,400", 9400.0, "count", E, None, None, None, None)],
    ),
    (
        "Twelve of the 15 “development poles” announced so far are in the south.",
        [
            ("Twelve", 12.0, "count", E, None, None, None, None),
            ("15", 15.0, "count", E, None, None, None, None),
        ],
    ),
    (
        '---\ntitle: "Treasury Sanctions Network That Moved Over $180 Million"\n'
        "date: 2025-03-04\npermalink: /news/2025/03/04/release-12\n---\n\nIt named 12 people.",
        [
            ("$180 Million", 1.8e8, "USD", L, None, None, None, None),
            ("12", 12.0, "count", E, None, None, None, None),
        ],
    ),
]
# A count glued to its noun, or before a number-led modifier.
GLUED_AND_MODIFIED_COUNTS = [
    (
        "Medical teams set up a 40-bed field hospital and treated 1,120 residents.",
        [
            ("40", 40.0, "count", E, None, None, None, None),
            ("1,120", 1120.0, "count", E, None, None, None, None),
        ],
    ),
    (
        "Crews worked in two 12-hour shifts during the final 21 days of the project.",
        [
            ("two", 2.0, "count", E, None, None, None, None),
            ("12-hour", 12.0, "hour", E, None, None, None, None),
            ("21 days", 21.0, "day", E, None, None, None, None),
        ],
    ),
]
# Forms of the seventh and eighth blind sets.
SCALES_AND_SHARES = [
    (
        "Surpluses, in billions of dollars, were with Netherlands ($5.2), Hong Kong\n($3.9).",
        [
            ("$5.2", 5.2e9, "USD", E, None, None, None, None),
            ("$3.9", 3.9e9, "USD", E, None, None, None, None),
        ],
    ),
    (
        "El CIAM recibió más de un millón de llamadas y orientó a medio millón de personas.",
        [
            ("un millón", 1e6, "count", L, None, None, None, None),
            ("medio millón", 5e5, "count", E, None, None, None, None),
        ],
    ),
    (
        "CBP had deployed 314 of 407 planned towers; of those, 186 are in Arizona.",
        [
            ("314", 314.0, "count", E, None, None, None, None),
            ("407", 407.0, "count", E, None, None, None, None),
            ("186", 186.0, "count", E, None, None, None, None),
        ],
    ),
    (
        '"We won nine of eleven claims," she said.',
        [
            ("nine", 9.0, "count", E, None, None, None, None),
            ("eleven", 11.0, "count", E, None, None, None, None),
        ],
    ),
    (
        "The reservoirs sit roughly 300 river miles apart.",
        [("300 river miles", 300.0, "mile", A, None, None, None, None)],
    ),
    (
        "OIG inspected the center in Donna, Texas, from March 11 to 13, 2025, and found 3 cells.",
        [("3", 3.0, "count", E, "2025-03-11", None, None, None)],
    ),
    (
        "Most sourced inputs outside North America.3 Twelve respondents reported delays.",
        [("Twelve", 12.0, "count", E, None, None, None, None)],
    ),
    (
        "It reached 420,000 young people between the ages of 12 and 29 years.",
        [
            ("420,000", 4.2e5, "count", E, None, None, None, None),
            ("12", 12.0, "year", E, None, None, "low", None),
            ("29 years", 29.0, "year", E, None, None, "high", None),
        ],
    ),
]
# Ages printed without a unit are years (the ninth set's conv. 1).
AGES = [
    (
        "Among Mexicans ages 18 to 29, 35% view the U.S. favorably, against 24% of those 50 "
        "and older.",
        [
            ("18", 18.0, "year", E, None, None, "low", None),
            ("29", 29.0, "year", E, None, None, "high", None),
            ("35%", 35.0, "percent", E, None, None, None, None),
            ("24%", 24.0, "percent", E, None, None, None, None),
            ("50", 50.0, "year", E, None, None, None, None),
        ],
    ),
    (
        "Juan Ortega Ruiz, also known as “El Ingeniero,” 52, of Culiacán, ran the plaza.",
        [("52", 52.0, "year", E, None, None, None, None)],
    ),
    (
        "Only 6 per cent were under age 18, and 59% of adults under 30 agreed.",
        [
            ("6 per cent", 6.0, "percent", E, None, None, None, None),
            ("18", 18.0, "year", E, None, None, None, None),
            ("59%", 59.0, "percent", E, None, None, None, None),
            ("30", 30.0, "year", "upper_bound", None, None, None, None),
        ],
    ),
    (
        "The top two states, California and Texas, were home to 58% of them; the first 6 "
        "projects will be reviewed.",
        [
            ("two", 2.0, "count", E, None, None, None, None),
            ("58%", 58.0, "percent", E, None, None, None, None),
            ("6", 6.0, "count", E, None, None, None, None),
        ],
    ),
    (
        "For adults under 30 (n=247) the margin is wider.\nConverter stations: 2, one on each side",
        [
            ("30", 30.0, "year", "upper_bound", None, None, None, None),
            ("247", 247.0, "count", E, None, None, None, None),
            ("2", 2.0, "count", E, None, None, None, None),
        ],
    ),
    (
        "The largest groups lived in Los Angeles, followed by Chicago (560,000).",
        [("560,000", 560000.0, "count", E, None, None, None, None)],
    ),
]
# Forms of the eleventh set.
LIST_ITEMS_AND_UNITS = [
    (
        "Results:\n- Arrested 32 thousand 418 people.\n- Secured 14,862 firearms.",
        [
            ("32 thousand 418", 32418.0, "count", E, None, None, None, None),
            ("14,862", 14862.0, "count", E, None, None, None, None),
        ],
    ),
    (
        "Mexico shipped about 266,000 short tons of aluminum.",
        [("266,000 short tons", 266000.0, "ton", A, None, None, None, None)],
    ),
]
# Ratios in Spanish, addresses, phone numbers, photo counters: no quantity.
NOT_QUANTITIES_EITHER = [
    "Tres de cada diez casos se concentraron en la frontera.",
    "Washington, DC Office\n2448 Rayburn House Office Building\nWashington, DC 20515",
    "Llame sin costo al 1 (520) 623 7800 desde Estados Unidos.",
    "[Photo 1 of 4] Tractor-trailers line up on the approach to the bridge.",
    "Chemists use precursors such as 4-AP and 1-boc-\n4-piperidone.",
    "In 2024, 52, of them fell; see notes (12), (3, 5) and (1-3).",
    "Crews rehearsed a response to a magnitude 7.8 earthquake.",
    "The President signed Proclamations 10895 and 10896 on steel.",
]


# A count alone after a label that names what it counts.
LABELLED_COUNTS = [
    (
        "Resumen de la jornada:\n• Cruces fronterizos: 57\n• Fecha: 12 de marzo",
        [("57", 57.0, "count", E, None, None, None, None)],
    ),
    (
        "Estimated Number of Annual Responses per Respondent: 122.\nTotal burden follows.",
        [("122", 122.0, "count", E, None, "per_year", None, None)],
    ),
]
# Labels that name an identifier, not things counted.
LABELLED_IDENTIFIERS = [
    "Case No.: 1234\nPage: 12\nVersion: 2\nFiscal Year: 2025",
]
# Frequencies and multiples, page counters, codes and labels glued to a number: no quantity.
NOT_COUNTED_TIMES_AND_PAGES = [
    "The group meets three times a year.",
    "That is 2 to 3 times what we typically see.",
    "Crossings are three times higher than in the spring.",
    "Page 2 of 4 IDB-DOC#: EZSHARE-1823467102-9",
    "Página 3 de 7 Comisiones Unidas",
    "The indictment in Case 24-cr-01178 was unsealed.",
    "Seizures saw a 3-fold rise under a 2-stage design and in two-way trade.",
]


# A duration back from the time of writing is a duration, as every blind annotator read it.
TIME_BACK = [
    (
        "Mexico now buys about 70 per cent of its gas abroad, up from 30 per cent ten years ago.",
        [
            ("70 per cent", 70.0, "percent", A, None, None, None, None),
            ("30 per cent", 30.0, "percent", E, None, None, None, None),
            ("ten years", 10.0, "year", E, None, None, None, None),
        ],
    ),
    (
        "Investigations rose to 1,200, up from 987 two years earlier.",
        [
            ("1,200", 1200.0, "count", E, None, None, None, None),
            ("987", 987.0, "count", E, None, None, None, None),
            ("two years", 2.0, "year", E, None, None, None, None),
        ],
    ),
]


# An address, an article list, a CSV field that ends before a unit: no quantity.
NOT_QUANTITIES = [
    "1200 Zaragoza St., Laredo, TX 78040 | Newsroom: (956) 555-0142",
    "© 2025 Frontera Unida · 1200 E. Yandell Dr., El Paso, TX 79902",
    "Con fundamento en los artículos 85, 86 y 94 de la Ley Orgánica del Congreso.",
    "y 113, 117, 135 y 182 del Reglamento del Senado de la República",
    'Change vs 2023,"Percent change in total trade from calendar year 2023",,,,,,,,,',
]

CASES = (
    OCR_DAMAGED
    + SHARED_UNIT_LISTS
    + CURRENCY_CARRIED
    + MODIFIED_UNITS
    + PRINTED_FORMS
    + GLUED_AND_MODIFIED_COUNTS
    + LABELLED_COUNTS
    + SCALES_AND_SHARES
    + AGES
    + LIST_ITEMS_AND_UNITS
    + TIME_BACK
)
EMPTY = (
    OCR_NOT_NUMBERS
    + LISTS_THAT_SHARE_NOTHING
    + NOT_COUNTED_TIMES_AND_PAGES
    + LABELLED_IDENTIFIERS
    + NOT_QUANTITIES_EITHER
    + NOT_QUANTITIES
)


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[c[0][:60] for c in CASES])
def test_sentence_yields_its_quantities(sentence: str, expected: list[tuple]) -> None:
    assert_same_rows(rows(sentence), expected)


@pytest.mark.parametrize("sentence", EMPTY, ids=[s[:60] for s in EMPTY])
def test_sentence_yields_nothing(sentence: str) -> None:
    assert rows(sentence) == []


@pytest.mark.parametrize("sentence", [c[0] for c in CASES], ids=[c[0][:60] for c in CASES])
def test_quotes_are_the_text_as_printed(sentence: str) -> None:
    for record in extract_quantities(sentence):
        assert record["quote"] == sentence[record["char_start"] : record["char_end"]]
        assert record["quote"] in record["sentence"]
