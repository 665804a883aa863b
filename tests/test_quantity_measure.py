"""What each quantity measures: real sentences from the seeds, the own test documents and the
blind held-out documents, sentences of other shapes, and the properties every measure has
(short, lower-case, made of its own sentence's words)."""

from __future__ import annotations

import re
import threading
from pathlib import Path

import pytest

from pipeline.extract import quantity_measure_words as vocab
from pipeline.extract.quantities import extract_quantities
from pipeline.extract.quantity_measure import measure_of

REPO = Path(__file__).resolve().parent.parent
TEXTS = sorted(
    path
    for folder in ("raw", "tests/corpus/quantities", "tests/heldout")
    for path in REPO.glob(f"{folder}/*.txt")
)


def measures(text: str) -> dict[str, str | None]:
    """Quote -> measure for every quantity of `text` (the first one of a repeated quote)."""
    out: dict[str, str | None] = {}
    for record in extract_quantities(text):
        out.setdefault(record["quote"], record["measure"])
    return out


# (sentence, quote, measure): sentences as the seed documents print them.
SEEDS = [
    ("Funding Fiscal Year 2024: \\$39.84 million", "\\$39.84 million", "funding"),
    (
        "The different U.S. authorities and programs that fund some of the \\$39.84 million "
        "that the U.S. has invested in the BMCR framework with Mexico.",
        "\\$39.84 million",
        "investment in bmcr framework",
    ),
    (
        "- With 2,000-miles of border and 55 active land ports of entry, bilateral relations "
        "directly impact the lives and livelihoods of millions of Americans.",
        "2,000-miles",
        "border",
    ),
    (
        "- With 2,000-miles of border and 55 active land ports of entry, bilateral relations "
        "directly impact the lives and livelihoods of millions of Americans.",
        "55",
        "active land ports of entry",
    ),
    (
        "- Every day, we benefit from $1.8 billion in two-way trade; outside of the pandemic, "
        "hundreds of thousands of people legally cross the border on a daily basis.",
        "$1.8 billion",
        "two-way trade",
    ),
    (
        "- Additionally, 1.5 million U.S. citizens live in Mexico, and Mexico is the top "
        "foreign destination for U.S. travelers.",
        "1.5 million",
        "u.s. citizens living in mexico",
    ),
    (
        "- The United States has committed to provide $2 billion to the Global Alliance on "
        "Vaccines and Immunization to support vaccine procurement and distribution.",
        "$2 billion",
        "commitment to global alliance on vaccines and immunization",
    ),
    ("In 2020, two-way trade in goods totaled $538.1 billion.", "$538.1 billion",
     "two-way trade in goods"),
    (
        "This includes our close coordination to support processing at designated ports of "
        "entry the estimated 26,000 individuals with active U.S. immigration cases under the "
        "now-terminated Migrant Protection Protocols (MPP).",
        "26,000",
        "individuals with active u.s. immigration cases",
    ),
    (
        "- The border region represents a combined population of approximately 15 million "
        "people.",
        "15 million",
        "border region combined population",
    ),
    (
        "- From FY 2008-FY 2020, the United States has appropriated more than $3.2 billion in "
        "equipment, training, and capacity building support through the Merida Initiative.",
        "$3.2 billion",
        "appropriations through merida initiative",
    ),
    (  # hard-wrapped, with no-break spaces after full stops
        "transnational organized crime.\xa0 Through the Merida Initiative, the\n"
        "United States has appropriated more than $3.2 billion in equipment,\n"
        "training, and capacity building from FY 2008 – FY 2020.\xa0 We regularly",
        "$3.2 billion",
        "appropriations through merida initiative",
    ),
    (
        "The Fulbright program in Mexico is one of the largest in the world with nearly $5 "
        "million in annual contributions from the Governments of the United States and Mexico.",
        "$5 million",
        "annual contributions from governments",
    ),
    (
        "More than 14,000 Mexicans studied in the United States in the 2019/2020 academic year.",
        "14,000",
        "mexicans studying in united states",
    ),
    (
        "Mexico impacts the lives of millions of Americans every day.\xa0 Each day,\n"
        "nearly $1.9 billion in trade crosses our shared border.\xa0 Today,",
        "$1.9 billion",
        "trade crossing shared border",
    ),
    (
        "California and Mexico’s geographic proximity fosters deep cultural ties and shared "
        "interests, particularly along our 140-mile border.",
        "140-mile",
        "california-mexico border",
    ),
    (
        "There are over 400 servicemembers deployed statewide, including at ports of entry, to "
        "combat transnational criminal organizations and seize illegal narcotics.",
        "400",
        "servicemembers deployed statewide",
    ),
    (
        "It’s important to remember that an estimated 32% of Cal Guard’s servicemembers "
        "dedicated to the Counterdrug Task Force were reassigned.",
        "32%",
        "cal guard servicemembers dedicated to counterdrug task force",
    ),
    (
        "Recently, Governor Newsom announced significant strides toward taking down organized "
        "drug rings, including the seizure of over 35,065 pounds of fentanyl and more than "
        "51.8 million pills containing fentanyl, with a street value of more than $498.4 "
        "million since 2021.",
        "35,065 pounds",
        "fentanyl seized",
    ),
    (
        "Including the seizure of over 35,065 pounds of fentanyl and more than 51.8 million "
        "pills containing fentanyl, with a street value of more than $498.4 million since 2021.",
        "$498.4 million",
        "street value",
    ),
    ("Nearly 40 percent of the Cal Guard’s personnel identify as Latino/Hispanic.",
     "40 percent", "cal guard personnel identifying as latino/hispanic"),
    (
        "Mexico ranks 2nd globally in total two-way trade with California ($97.8 billion), "
        "after China ($137.9 billion) and Mexican-owned companies in California support more "
        "than 13,800 jobs.",
        "$97.8 billion",
        "total two-way trade with california",
    ),
    (
        "Mexico ranks 2nd globally in total two-way trade with California ($97.8 billion), "
        "after China ($137.9 billion) and Mexican-owned companies in California support more "
        "than 13,800 jobs.",
        "$137.9 billion",
        "china total two-way trade with california",
    ),
    (
        "Mexico ranks 2nd globally in total two-way trade with California ($97.8 billion), "
        "after China ($137.9 billion) and Mexican-owned companies in California support more "
        "than 13,800 jobs.",
        "13,800",
        "jobs supported by mexican-owned companies in california",
    ),
    ("Since 2019, California and Mexico have signed seven memorandums of understanding.",
     "seven", "memorandums of understanding signed by california and mexico"),
    (
        "Stabilizing trade with Mexico is also of crucial importance for American consumers, "
        "as 20.1% of U.S. agriculture imports come from Mexico.",
        "20.1%",
        "u.s. agriculture imports",
    ),
    (
        "In 2023, Mexico was the United States largest trading partner in goods, totaling "
        "\\$807bn in two-way trade in goods, surpassing the People's Republic of China (PRC).",
        "\\$807bn",
        "two-way trade in goods",
    ),
    (
        "Between December 2023 and January 2024, U.S. Customs and Border Patrol reported a 50% "
        "decrease in migrant crossings.",
        "50%",
        "decrease in migrant crossings",
    ),
    (
        "The U.S. can build on policies from the Inflation Reduction Act (IRA) that gave \\$400 "
        "billion for companies to produce electronic charging machines, where the money would "
        "cover 80% of companies' startup costs.",
        "\\$400 billion",
        "companies to produce electronic charging machines",
    ),
    (
        "The U.S. can build on policies from the Inflation Reduction Act (IRA) that gave \\$400 "
        "billion for companies to produce electronic charging machines, where the money would "
        "cover 80% of companies' startup costs.",
        "80%",
        "companies startup costs",
    ),
]  # fmt: skip


# Sentences of the own test documents and of the blind held-out documents.
OTHERS = [
    (
        "• U.S. goods exports to Mexico were $334.0 billion and imports from Mexico totaled "
        "$505.9 billion.",
        {"$334.0 billion": "u.s. goods exports to mexico", "$505.9 billion": "imports from mexico"},
    ),
    (
        "• U.S. foreign direct investment in Mexico stood at $144.6 billion in 2023, while "
        "Mexican direct investment in the United States reached $21.6 billion.",
        {
            "$144.6 billion": "u.s. foreign direct investment in mexico",
            "$21.6 billion": "mexican direct investment in united states",
        },
    ),
    (
        "• Since FY 2008, Congress has appropriated about $3.6 billion for security and "
        "rule-of-law programs under the Mérida Initiative.",
        {"$3.6 billion": "appropriations under mérida initiative"},
    ),
    (
        "Mexico and the United States share a 1,954-mile (3,145-kilometer) border, and "
        "cross-border ties in commerce, family, and culture are extensive.",
        {
            "1,954-mile": "mexico-united states border",
            "3,145-kilometer": "mexico-united states border",
        },
    ),
    (
        "Mexico's economy grew by 1.5 percent in 2024, down from 3.2 percent in 2023.",
        {"1.5 percent": "mexico economy", "3.2 percent": "mexico economy"},
    ),
    (
        "U.S. Border Patrol apprehensions at the southwest border fell from a record 2.05 "
        "million in FY2022 to 1.53 million in FY2024.",
        {
            "2.05 million": "u.s. border patrol apprehensions at southwest border",
            "1.53 million": "u.s. border patrol apprehensions at southwest border",
        },
    ),
    (
        "Mexico's public sector borrowing requirement stood at 5.9% of GDP in 2024, the highest "
        "level since the 1980s.",
        {"5.9%": "mexico public sector borrowing requirement"},
    ),
    (
        "- Fentanyl: 21,148 lbs (9,593 kg), about 87% of all fentanyl seized by CBP nationwide",
        {
            "21,148 lbs": "fentanyl",
            "9,593 kg": "fentanyl",
            "87%": "fentanyl seized by cbp nationwide",
        },
    ),
    (
        "- Methamphetamine: 138,000 pounds, or roughly 62.6 metric tons",
        {"138,000 pounds": "methamphetamine", "62.6 metric tons": "methamphetamine"},
    ),
    (
        "Southwest border ports processed 7.3 million commercial trucks, about 20,000 per day, "
        "and 79.6 million personal vehicles in FY2024.",
        {
            "7.3 million": "commercial trucks processed by southwest border ports",
            "20,000": "commercial trucks processed by southwest border ports",
            "79.6 million": "personal vehicles",
        },
    ),
    (
        "The border region is home to roughly 15 million people in 10 states, 4 in the United "
        "States and 6 in Mexico.",
        {"10": "states", "4": "states in united states", "6": "states in mexico"},
    ),
    (
        "One electric-vehicle maker announced a plant worth US$5 bn in Santa Catarina, and a "
        "Korean steelmaker committed MXN 12,500 million (about US$735 million) in Coahuila.",
        {
            "US$5 bn": "plant in santa catarina",
            "MXN 12,500 million": "commitment in coahuila",
            "US$735 million": "commitment in coahuila",
        },
    ),
    (
        "Investigators estimate that the organization moved between 150 and 200 firearms a "
        "month across the border.",
        {"150": "firearms", "200": "firearms"},
    ),
    (
        "Our border agencies coordinate at forty-eight crossing points along a border of "
        "nearly two thousand miles.",
        {"forty-eight": "crossing points along border", "two thousand miles": "border"},
    ),
    (
        "Small exporters should budget US$8k–12k for product certification and labeling under "
        "Mexico's NOM standards, and about 7,500 pesos a year for customs broker registration.",
        {
            "US$8k": "budget for product certification",
            "12k": "budget for product certification",
            "7,500 pesos": "customs broker registration",
        },
    ),
    (
        "Remittances reached a record USD 63.3 billion in 2023, up 7.6 percent from the prior "
        "year.",
        {"USD 63.3 billion": "remittances", "7.6 percent": "remittances"},
    ),
    (
        "Sinaloa, which produces one third of Mexico's white corn, received 40 percent less "
        "rainfall than normal.",
        {"40 percent": "rainfall"},
    ),
    (
        "Mexico recorded US$36.9 billion of foreign direct investment in 2024, of which 41% "
        "came from the United States.",
        {"US$36.9 billion": "foreign direct investment", "41%": "foreign direct investment"},
    ),
    (
        "Trade between the European Union and Mexico reached €82.4bn in 2023, and EU firms "
        "hold an FDI stock of €213 billion in Mexico.",
        {
            "€82.4bn": "trade between european union and mexico",
            "€213 billion": "fdi stock in mexico",
        },
    ),
    (
        "Mexican officials estimate that \"nearshoring\" investment announcements of "
        "$100–$110 billion were made between 2022 and 2024.",
        {"$100": "investment announcements", "$110 billion": "investment announcements"},
    ),
]  # fmt: skip


# Shapes of sentence written for these tests: one rule each.
SHAPES = [
    # a seizing verb before the count and who did it
    ("The agency seized 4,200 pounds of methamphetamine.", "4,200 pounds",
     "methamphetamine seized by agency"),
    # the parties of 'their'
    ("Canada and the United States guard their 5,525-mile border together.", "5,525-mile",
     "canada-united states border"),
    # a verb with a noun of its own, its recipient
    ("The program disbursed $45 million to local governments.", "$45 million",
     "disbursements to local governments"),
    # a verb with a noun of its own, its purpose
    ("The Department obligated $12 million for border security.", "$12 million",
     "obligations for border security"),
    # a verb without such a noun names only a recipient; 'for X' is the purpose
    ("The state provided $15 million for workforce training.", "$15 million",
     "workforce training"),
    ("The state gave $9 million to rural clinics.", "$9 million", "given to rural clinics"),
    # money placed somewhere
    ("Investors hold assets of $2 billion in Monterrey.", "$2 billion", "assets in monterrey"),
    # a plural subject's verb is not part of the noun phrase
    ("Some 40 states sell more to Mexico than to Canada.", "40", "states"),
    ("Nearly 900 trucks wait each day at the crossing.", "900", "trucks"),
    # a singular subject's verb
    ("The backlog lasts 45 days.", "45 days", "backlog"),
    # the subject after an aside
    ("Remittances, mostly from the United States, reached $64.7 billion.", "$64.7 billion",
     "remittances"),
    # a modal's verb ends the subject read backwards
    ("The tariff would raise food prices by 2 percent.", "2 percent", "food prices"),
    # 'stood at N% of GDP': the subject, not the base
    ("Public debt stood at 49% of GDP.", "49%", "public debt"),
    # a restatement in parentheses takes the measure before it
    ("Imports of steel totaled 1.2 million tons (1.1 million metric tons).",
     "1.1 million metric tons", "imports of steel"),
    # 'from ... to ...'
    ("Seizures rose from 400 kilograms in 2020 to 900 kilograms in 2023.", "900 kilograms",
     "seizures"),
    # an elided noun with a place of its own
    ("The network counts 12 offices in Texas and 5 in Arizona.", "5", "offices in arizona"),
    # a participle and its object
    ("Officers found $2 million in currency leaving the country.", "$2 million",
     "currency leaving country"),
    # a date is no place
    ("About 60 percent of the vote in the June 2 election went to Morena.", "60 percent",
     "vote"),
    # 'worth'
    ("The firm announced a plant worth $1 billion.", "$1 billion", "plant"),
    # a label in bold
    ("**Personnel deployed:** 2,500", "2,500", "personnel deployed"),
]  # fmt: skip


# Sentences whose numbers measure nothing the sentence names.
NOTHING = [
    ("They numbered 40.", "40"),
    ("And 30% of them lack water.", "30%"),
    ("Of those, 12 percent were later released.", "12 percent"),
]


@pytest.mark.parametrize(("text", "quote", "measure"), SEEDS)
def test_seed_sentences(text: str, quote: str, measure: str) -> None:
    assert measures(text)[quote] == measure


@pytest.mark.parametrize(("text", "expected"), OTHERS)
def test_other_documents(text: str, expected: dict[str, str]) -> None:
    found = measures(text)
    assert {quote: found.get(quote) for quote in expected} == expected


@pytest.mark.parametrize(("text", "quote", "measure"), SHAPES)
def test_sentence_shapes(text: str, quote: str, measure: str) -> None:
    assert measures(text)[quote] == measure


@pytest.mark.parametrize(("text", "quote"), NOTHING)
def test_numbers_that_measure_nothing_named(text: str, quote: str) -> None:
    assert measures(text)[quote] is None


def test_a_clause_end_bounds_the_phrase() -> None:
    text = "Trade grew; 55 ports are open. 30 percent of trade is moved by truck."
    found = measures(text)
    assert found["55"] == "ports"
    assert found["30 percent"] == "trade"


# Words a measure may hold that its sentence does not: the -ing form of a verb of state,
# the participle of an act, the noun of a verb that moves money.
DERIVED = {"by"} | (
    set(vocab.STATE_VERBS.values()) | set(vocab.ACTIONS.values()) | set(vocab.FUNDING.values())
)


def _sentence_words(sentence: str) -> set[str]:
    plain = re.sub(r"['’]s\b|['’]", "", sentence.lower())
    pieces = re.split(r"[^\w./&-]+", plain) + re.split(r"[^\w]+", plain)
    return {piece.strip(".") for piece in pieces}


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_every_measure_is_short_lower_case_and_from_its_sentence(path: Path) -> None:
    text = path.read_bytes().decode("utf-8")
    for record in extract_quantities(text):
        measure = record["measure"]
        if measure is None:
            continue
        words = measure.split()
        assert 1 <= len(words) <= vocab.MAX_WORDS, measure
        assert measure == measure.lower()
        known = _sentence_words(record["sentence"]) | DERIVED
        for word in words:
            parts = [word, *word.split("-")] if "-" in word else [word]
            assert any(part.strip(".") in known or part in known for part in parts), (
                word,
                measure,
                record["sentence"],
            )


def test_the_same_measures_in_any_order_and_from_any_thread() -> None:
    """Measures are read through a per-thread cache of the text last tokenized: reading
    documents interleaved, backwards or from another thread changes nothing."""
    texts = [p.read_bytes().decode("utf-8") for p in TEXTS[:6]]
    calls = [
        (text, r["char_start"], r["char_end"], r["kind"], r["measure"])
        for text in texts
        for r in extract_quantities(text)
    ]
    shuffled = calls[::-1] + calls[::2] + calls[1::2]
    assert [measure_of(*c[:4]) for c in shuffled] == [c[4] for c in shuffled]
    results: list[list[str | None]] = [[], []]

    def read(slot: int, batch: list[tuple]) -> None:
        results[slot] = [measure_of(*c[:4]) for c in batch]

    workers = [
        threading.Thread(target=read, args=(0, calls)),
        threading.Thread(target=read, args=(1, calls[::-1])),
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert results[0] == [c[4] for c in calls]
    assert results[1] == [c[4] for c in calls[::-1]]


@pytest.mark.parametrize(
    ("text", "number", "before", "after"),
    [
        # the full stop of 'U.S.' or 'a.m.' ends the clause too when a sentence opens after it
        ("Exports to the U.S. The total reached 475 dollars.", "475", "The total reached", None),
        ("A bus of 120 migrants left at 3 a.m. We stayed.", "120", None, "migrants left at 3 a.m."),
        # ...but not before a name
        (
            "Agents of U.S. Customs seized 300 kilograms.",
            "300",
            "Agents of U.S. Customs seized",
            None,
        ),
    ],
)
def test_the_measure_window_stops_where_the_sentence_does(text, number, before, after):
    from pipeline.extract.quantity_measure_tokens import window

    start = text.index(number)
    tokens_before, tokens_after = window(text, start, start + len(number))
    if before is not None:
        assert " ".join(t.text for t in tokens_before) == before
    if after is not None:
        assert " ".join(t.text for t in tokens_after) == after
