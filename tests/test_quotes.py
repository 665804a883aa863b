"""Quoted statements with speaker, role and date; scare quotes, names and titles are not
statements."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.extract.quotes import extract_quotes, parse_speaker

REPO = Path(__file__).resolve().parent.parent
RAW = REPO / "raw"
CORPUS = REPO / "tests" / "corpus" / "structure"


def read(path: Path) -> str:
    return path.read_bytes().decode("utf-8")


def quotes_of(name: str) -> tuple[str, list[dict]]:
    text = read(RAW / name)
    rows = extract_quotes(text)
    for r in rows:
        assert text[r["char_start"] : r["char_end"]] == r["quote"]
    return text, rows


def test_state_fact_sheet_quote_with_speaker_and_date() -> None:
    _, rows = quotes_of("001_1cb4359ec7be3ce3.txt")
    assert len(rows) == 1
    row = rows[0]
    assert row["quote"].startswith("“We value our bond with Mexico")
    assert row["quote"].endswith("relationship.”")
    assert (row["speaker"], row["speaker_role"], row["speaker_kind"]) == (
        "Antony J. Blinken",
        "Secretary",
        "person",
    )
    assert (row["date"], row["date_text"]) == ("2021-01-26", "January 26, 2021")


def test_press_release_quotes_by_the_adjutant_general() -> None:
    _, rows = quotes_of("003_c0f9455023bfcfeb.txt")
    assert len(rows) == 2
    assert {r["speaker"] for r in rows} == {"Matt Beevers"}
    assert {r["speaker_role"] for r in rows} == {"CalGuard Major General and Adjutant General"}
    assert rows[0]["attribution"] == "CalGuard Major General and Adjutant General Matt Beevers"
    assert rows[0]["text"].endswith("State Partnership Program")  # the comma is punctuation
    assert rows[1]["text"].startswith("This partnership will strengthen")


def test_brochure_goal_attributed_to_the_roundtable() -> None:
    _, rows = quotes_of("000_b260a5a1ffb7bc83.txt")
    assert len(rows) == 1  # the Title Case objective name in straight quotes is not a quote
    assert rows[0]["speaker"] == "Bilateral Military Cooperation Roundtable"
    assert rows[0]["speaker_kind"] == "organization"
    assert rows[0]["attribution"] == "Bilateral Military Cooperation Roundtable Strategic Goal"
    assert rows[0]["text"].startswith("The Armed Forces of Mexico and the United States")


def test_white_house_display_quote_without_speaker() -> None:
    _, rows = quotes_of("002_19013b2228f71610.txt")
    assert len(rows) == 1  # the quoted title in the front matter is not a statement
    assert rows[0]["speaker"] is None
    assert rows[0]["text"] == (
        "We are friends and allies, and our relationship is based on mutual respect for our "
        "peoples and our nations’ sovereignty."
    )
    assert "\n" in rows[0]["quote"]  # a hard-wrapped quote keeps its span


def test_memo_quote_and_no_scare_quotes_or_endnote_titles() -> None:
    text, rows = quotes_of("004_56bb4bad0c193031.txt")
    assert [r["text"] for r in rows] == ["[being] more careful with [Mexico’s] southern border"]
    assert (rows[0]["speaker"], rows[0]["speaker_role"]) == ("López Obrador", "President")
    assert rows[0]["char_start"] < text.index("\nEndnotes\n")


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("“Our border is a bridge, not a wall,” said Governor Maria Lopez.", "Maria Lopez"),
        ('"Public health does not stop at a checkpoint," Governor Lee said.', "Lee"),
        ("Health Secretary Ana Ruiz said, “This agreement means care will come faster.”",
         "Ana Ruiz"),
        ("According to Health Minister Jorge Salas, the registry will “protect children who "
         "move between schools.”", "Jorge Salas"),
        ("“Cooperation saves lives.”\n— Pan American Health Organization, March 3, 2025",
         "Pan American Health Organization"),
        ("The report concludes: “Wait times doubled in two years.”", None),
        ("As Secretary Blinken put it, “We are stronger when we act together.”", "Blinken"),
        ("“We will not accept any intervention,” President Sheinbaum warned.", "Sheinbaum"),
    ],
)  # fmt: skip
def test_statements(sentence: str, speaker: str | None) -> None:
    rows = extract_quotes(sentence)
    assert len(rows) == 1
    assert rows[0]["speaker"] == speaker


@pytest.mark.parametrize(
    "sentence",
    [
        "Merida took an approach of “shared responsibility” built on four pillars.",
        "He criticized the initiative and the “kingpin strategy” at its beginning.",
        'Officials describe a "whole-of-government effort" at the ports.',
        "The BMCR's Intermediate Objective 2.1 \"Strengthen Operational Compatibility in the "
        'Air/Space Domain."',
        'The "Sembrando Vidas" program plants trees.',
        "Clinic directors welcomed the “binational approach to shared health care” model.",
        "- ^{xvii} “Preclearance.” U.S. Customs and Border Protection. Accessed April 4, 2025.",
        'title: "FACT SHEET: U.S. – Mexico Bilateral Cooperation"',
    ],
)
def test_not_statements(sentence: str) -> None:
    assert extract_quotes(sentence) == []


_SAID = "“Cooperation across the border works,” said Governor Maria Lopez"


@pytest.mark.parametrize(
    ("paragraph", "speakers"),
    [
        # the next quote of the paragraph carries the speaker over the rest of the
        # attribution's sentence...
        (f"{_SAID} in a statement released in Mexicali. “We will present the suspects "
         "within 48 hours.”", ["Maria Lopez", "Maria Lopez"]),
        (f"{_SAID}. “We will do more next year.”", ["Maria Lopez", "Maria Lopez"]),
        # ...but not over a sentence of its own, nor into the next paragraph
        (f"{_SAID}. Officials met later. Then the minister spoke. “We will do more next "
         "year.”", ["Maria Lopez", None]),
        (f"{_SAID}.\n\n“We will do more next year.”", ["Maria Lopez", None]),
    ],
)  # fmt: skip
def test_an_unattributed_quote_continues_the_speaker_before_it(
    paragraph: str, speakers: list[str | None]
) -> None:
    assert [r["speaker"] for r in extract_quotes(paragraph)] == speakers


def test_quote_never_runs_across_a_blank_line() -> None:
    text = "He called it “a new phase\n\nof the relationship and a new start.” Later."
    assert extract_quotes(text) == []


def test_pronoun_takes_the_last_named_speaker() -> None:
    rows = extract_quotes(read(CORPUS / "press_release_quotes.txt"))
    proud = next(r for r in rows if r["text"] == "We are proud to lead")
    assert proud["speaker"] == "Ana Ruiz" and proud["attribution"] == "she"
    assert [r["speaker"] for r in rows] == [
        "Ana Ruiz",
        "Ana Ruiz",
        "Ana Ruiz",
        "Lee",
        "Jorge Salas",
        "Pan American Health Organization",
    ]
    assert rows[-1]["date"] == "2025-03-03"


@pytest.mark.parametrize(
    ("attribution", "speaker", "role", "kind"),
    [
        ("Secretary Antony J. Blinken, January 26, 2021", "Antony J. Blinken", "Secretary",
         "person"),
        ("CalGuard Major General and Adjutant General Matt Beevers", "Matt Beevers",
         "CalGuard Major General and Adjutant General", "person"),
        ("President Andrés Manuel López Obrador", "Andrés Manuel López Obrador", "President",
         "person"),
        ("Jane Doe, Director of the Border Health Office", "Jane Doe",
         "Director of the Border Health Office", "person"),
        ("Bilateral Military Cooperation Roundtable Strategic Goal",
         "Bilateral Military Cooperation Roundtable", None, "organization"),
        ("he", None, None, None),
    ],
)  # fmt: skip
def test_parse_speaker(attribution: str, speaker: str | None, role: str | None, kind: str | None):
    parsed = parse_speaker(attribution)
    assert (parsed["speaker"], parsed["speaker_role"], parsed["speaker_kind"]) == (
        speaker,
        role,
        kind,
    )


def test_a_verb_that_introduces_the_next_quote_does_not_claim_the_one_before() -> None:
    text = (
        "As Secretary Blinken put it, “We are stronger when we act together.” The Mexican "
        "Foreign Ministry responded: “Cooperation must respect our sovereignty.”"
    )
    assert [r["speaker"] for r in extract_quotes(text)] == ["Blinken", "Mexican Foreign Ministry"]
