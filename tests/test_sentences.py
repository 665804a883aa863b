"""Sentence spans, and the index that finds a sentence without splitting the whole text."""

from __future__ import annotations

from bisect import bisect_right
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.extract.sentences import Sentence, SentenceIndex, sentence_spans

SEEDS = sorted((Path(__file__).resolve().parents[2] / "shared" / "seeds").glob("*.txt"))

# Pieces that exercise every boundary rule: full stops after abbreviations and single
# letters, runs of stops, closing quotes, bullets, numbered items, blank lines, title lines.
PIECES = [
    "word",
    "Word",
    " ",
    "  ",
    ".",
    "...",
    "?!",
    "\n",
    "\n\n",
    "U.S.",
    "e.g.",
    "1.",
    "- ",
    "a)",
    "”",
    "(",
    ")",
    "x. Y",
    "etc.",
    "a.m. We",
    "U.S. The",
    "Title Case Line",
    "a long unbroken token without any white space at all",
]
texts = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


def lookup(spans: list[Sentence], offset: int) -> Sentence | None:
    i = bisect_right([s.start for s in spans], offset) - 1
    return spans[i] if i >= 0 else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mexico grew. The U.S. did too.", ["Mexico grew.", "The U.S. did too."]),
        ("Trade rose, e.g. in goods. Next.", ["Trade rose, e.g. in goods.", "Next."]),
        ("Hard wrapped\nline goes on. End.", ["Hard wrapped\nline goes on.", "End."]),
        ("- first item\n- second item", ["- first item", "- second item"]),
        ("BORDER\nThe region is large.", ["BORDER", "The region is large."]),
        ("One.\n\nTwo", ["One.", "Two"]),
        ("“Quoted.” Then more.", ["“Quoted.”", "Then more."]),
        # an abbreviation's stop ends the sentence too before a word that opens one...
        ("She crossed at 3:45 a.m. We asked why.", ["She crossed at 3:45 a.m.", "We asked why."]),
        ("Exports to the U.S. The total grew.", ["Exports to the U.S.", "The total grew."]),
        ("Fees, tolls, etc. These rose.", ["Fees, tolls, etc.", "These rose."]),
        # a Markdown table row stands alone
        ("| 2022 | 15.0% |\n| 2023 | 15.8% |", ["| 2022 | 15.0% |", "| 2023 | 15.8% |"]),
        # a note marker glued after the full stop stays with its sentence
        ("It has 6 in Mexico.ⁱ Under the treaty.", ["It has 6 in Mexico.ⁱ", "Under the treaty."]),
        ("It rose.¹² The rest fell.", ["It rose.¹²", "The rest fell."]),
        ("They agreed.^{iv} The plan.", ["They agreed.^{iv}", "The plan."]),
        ("Exports rose.[^2] Imports fell.", ["Exports rose.[^2]", "Imports fell."]),
        # ...and not before a name
        ("Agents of U.S. Customs and Border Protection met.", None),
        ("It opens at 9 a.m. Eastern time.", None),
    ],
)
def test_sentence_spans(text: str, expected: list[str] | None) -> None:
    expected = [text] if expected is None else expected
    spans = sentence_spans(text)
    assert [s.text for s in spans] == expected
    assert all(text[s.start : s.end] == s.text for s in spans)


@settings(max_examples=500, deadline=None)
@given(texts, st.randoms(use_true_random=False))
def test_local_lookup_agrees_with_full_split(text: str, rng) -> None:
    spans = sentence_spans(text)
    offsets = list(range(len(text)))
    rng.shuffle(offsets)  # any order of questions, since answers are cached as they come
    index = SentenceIndex(text)
    for offset in offsets:
        assert index.at(offset) == lookup(spans, offset), offset


@pytest.mark.parametrize("path", SEEDS, ids=[p.name[:3] for p in SEEDS])
def test_local_lookup_agrees_on_the_seeds(path: Path) -> None:
    text = path.read_bytes().decode("utf-8")
    spans = sentence_spans(text)
    index = SentenceIndex(text)
    for offset in range(0, len(text), 7):
        assert index.at(offset) == lookup(spans, offset)
    assert SentenceIndex(text).sentences == spans


def test_a_run_on_without_sentence_ends_comes_back_bounded_around_the_offset():
    from pipeline.extract.sentences import MAX_SENTENCE_CHARS, SentenceIndex

    text = "5% " * 5000
    index = SentenceIndex(text)
    for offset in (0, 7500, len(text) - 2):
        found = index.at(offset)
        assert found.end - found.start <= MAX_SENTENCE_CHARS
        assert found.start <= offset < found.end
        assert text[found.start : found.end] == found.text
    short = SentenceIndex("It is short. Another one.")
    assert short.at(3).text == "It is short."
