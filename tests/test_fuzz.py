"""Property tests over every extractor in the registry: no text may break the contract.

Generic over `FACT_EXTRACTORS`: a new extractor is fuzzed the day it is registered.
The contract (pipeline.faults.properties): never raise; every span inside the text;
`quote == text[char_start:char_end]`; every number finite; types, required fields and
enums as the table's schema says -- a record that breaks it would fail a blocking check
and hold back a whole release.

Budget: the "fuzz" profile runs FUZZ_EXAMPLES examples per test (default 600, about
3,000 in all); set FUZZ_EXAMPLES higher for a deeper local run. In CI the examples are
derandomized, so a red build is reproducible, not flaky.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.extract.registry import FACT_EXTRACTORS
from pipeline.extract.sentences import sentence_spans
from pipeline.faults.properties import record_problems

REPO_ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "600"))
settings.register_profile(
    "fuzz",
    max_examples=EXAMPLES,
    deadline=None,  # time is the benchmark's business; CI machines are shared
    database=None,  # write nothing into the repository
    derandomize=bool(os.environ.get("CI")),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    print_blob=True,
)
FUZZ = settings.get_profile("fuzz")

# Characters the extractors key on, beside letters: money, numbers, brackets, quotes,
# note markers, dashes and spaces in several scripts.
SYMBOLS = list("0123456789$%,.;:-–—()[]{}^\"'“”‘’§¶*#/\\ \n\r\t\u00a0\u2009ⁱⅰ¹²³½٣")
WORDS = [
    "million", "billion", "thousand", "percent", "per", "year", "day", "miles", "tons",
    "U.S.", "Mexico", "USMCA", "(DHS)", "Department", "of", "Homeland", "Security",
    "recommend", "should", "Recommendation", "Congress", "said", "“We", "are”", "See",
    "Report", "p.", "Id.", "ibid", "et", "al.", "2021", "FY2024", "$1.5", "10,0000",
    "\\$807bn", "2,000-miles", "approximately", "more", "than", "nearly", "over",
]  # fmt: skip


def _seed_sentences() -> list[str]:
    sentences = []
    for path in sorted((REPO_ROOT / "raw").glob("*.txt")):
        text = path.read_bytes().decode("utf-8")
        sentences += [s.text for s in sentence_spans(text) if 20 <= len(s.text) <= 600]
    return sentences


SEED_SENTENCES = _seed_sentences()


def _assert_contract(text: str) -> None:
    for table, extract in FACT_EXTRACTORS.items():
        records = extract(text)
        problems = record_problems(table, text, records)
        assert not problems, f"{table} on {text!r}: {problems[:5]}"


@st.composite
def mutated_sentences(draw: st.DrawFn) -> str:
    """A seed sentence with a few edits: cut, duplicated, spliced or retyped pieces."""
    text = draw(st.sampled_from(SEED_SENTENCES))
    for _ in range(draw(st.integers(1, 4))):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, min(len(text), start + 40)))
        edit = draw(st.sampled_from(["delete", "insert", "duplicate", "replace", "case"]))
        if edit == "delete":
            text = text[:start] + text[end:]
        elif edit == "insert":
            text = text[:start] + draw(st.text(SYMBOLS, max_size=8)) + text[start:]
        elif edit == "duplicate":
            text = text[:end] + text[start:end] * draw(st.integers(1, 5)) + text[end:]
        elif edit == "replace":
            text = text[:start] + draw(st.text(max_size=6)) + text[end:]
        else:
            text = text[:start] + text[start:end].swapcase() + text[end:]
    return text


def test_the_registry_is_fuzzed_whole():
    # The properties below loop over the registry; an empty one would test nothing.
    assert len(FACT_EXTRACTORS) >= 1
    assert len(SEED_SENTENCES) > 50


@FUZZ
@given(st.text(max_size=500))
def test_arbitrary_unicode(text):
    _assert_contract(text)


@FUZZ
@given(
    st.text(SYMBOLS + list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"), max_size=400)
)
def test_text_made_of_the_characters_extractors_key_on(text):
    _assert_contract(text)


@FUZZ
@given(st.lists(st.sampled_from(WORDS), max_size=40), st.sampled_from([" ", "\n", ", ", "  "]))
def test_word_soup(words, separator):
    _assert_contract(separator.join(words))


@FUZZ
@given(mutated_sentences())
def test_mutated_seed_sentences(text):
    _assert_contract(text)


@FUZZ
@given(st.sampled_from(SEED_SENTENCES), st.sampled_from(["\ufeff", "\r\n", "\u00a0", "\t"]))
def test_seed_sentences_with_bom_crlf_and_odd_spaces(sentence, oddity):
    text = oddity + sentence.replace("\n", oddity if oddity != "\ufeff" else "\n") + oddity
    _assert_contract(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "\ufeff",
        "$",
        "%",
        "()",
        "$.",
        "1,",
        ",1",
        "$1,",
        "1e309",
        "$1e999 billion",
        "9" * 400 + " billion",
        "$" + "9" * 320 + " trillion",
        "1" + ",000" * 120,
        "0.0000000000000000000000000000001 percent",
        "The U.S. (",
        "“",
        "[i]",
        "^{xiii}",
        "ⁱⁱ",
    ],
)
def test_edge_texts(text):
    _assert_contract(text)
