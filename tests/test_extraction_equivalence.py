"""The fast paths of extraction answer exactly as the plain ones they replace.

- org_names scans only around head nouns and skips lower-case text in one match; every
  name it finds must be the one a word-by-word scan of the whole text finds
  (`reference_runs` below is that scan, as the extractor had it before).
- SentenceIndex objects of one text share what they learnt; an index whose text was
  already asked about must answer like a fresh index of an equal text.
- acronyms reads back from a parenthesis only to the clause boundary before it, tries
  glossary entries only where one may start, and counts only the defined acronyms; each
  must agree with the whole-text computation it replaced; entries said in passing are
  found from their colon, as the plain pattern tried at every capital found them.
- citations tries its note-marker pattern only at the characters a marker starts with.
- quotes reads paragraphs with an unrolled pattern that must cut them where the plain one did.
- organizations looks for lead phrases and acronym mentions with patterns led by
  literals; they must find what the plain patterns find.
- Extractors that reuse another's per-document result (organizations reads the acronym
  definitions) must hand every caller records of its own.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.extract import (
    acronym_glossary,
    acronym_windows,
    acronyms,
    citations,
    org_layout,
    org_names,
    organizations,
    quotes,
)
from pipeline.extract.acronyms import extract_acronyms, notes_start
from pipeline.extract.org_names import (
    _attributive_count,
    _lowercase_head,
    _names_in_run,
    _split_commas,
    find_mentions,
)
from pipeline.extract.org_runs import _OWNER_BREAKS, _TOKEN, _is_title_line, _Tok, runs
from pipeline.extract.org_vocabulary import _CONNECT
from pipeline.extract.sentences import SentenceIndex, sentence_spans

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED = REPO_ROOT.parent / "shared"
DOCUMENTS = (
    sorted((SHARED / "seeds").glob("*.txt"))
    + sorted((REPO_ROOT / "tests" / "corpus").glob("*/*.txt"))
    + sorted((REPO_ROOT / "tests" / "heldout").glob("*.txt"))
)
SETTINGS = settings(
    max_examples=400,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

Run = tuple[list[_Tok], "_Tok | None"]


def reference_runs(text: str, limit: int) -> list[Run]:
    """Every run of capitalized words, one token at a time over the whole text."""
    runs: list[Run] = []
    run: list[_Tok] = []
    last_newline = -2

    def close(after: _Tok | None = None) -> None:
        nonlocal run
        if run:
            runs.append((run, after))
        run = []

    for m in _TOKEN.finditer(text, 0, limit):
        kind = m.lastgroup
        if kind == "newline":
            line = text[text.rfind("\n", 0, m.start()) + 1 : m.start()]
            if not text[last_newline + 1 : m.start()].strip() or _is_title_line(line):
                close()
            last_newline = m.start()
        elif kind in ("word", "num"):
            word = m.group(0)
            if word.endswith(("'s", "’s")):
                stem = _Tok(m.start(), m.end() - 2, word[:-2], "cap")
                if stem.text[:1].isupper() and not (run and run[-1].text in _OWNER_BREAKS):
                    run.append(stem)
                close()
            elif word[0].isupper() or (kind == "num" and run == []) or word[0].isdigit():
                run.append(_Tok(m.start(), m.end(), word, "cap"))
            elif word in _CONNECT and run:
                run.append(_Tok(m.start(), m.end(), word, "conn"))
            else:
                close(_Tok(m.start(), m.end(), word, "lower"))
        elif kind == "amp" and run:
            run.append(_Tok(m.start(), m.end(), "&", "conn"))
        elif kind == "comma" and run:
            run.append(_Tok(m.start(), m.end(), ",", "comma"))
        elif kind == "paren" and run:
            run.append(_Tok(m.start(), m.end(), m.group("abbr"), "paren"))
        else:
            close()
    close()
    return runs


def reference_mentions(text: str, limit: int) -> list[org_names.Mention]:
    """find_mentions over every run of the whole text, none skipped."""
    found = []
    for run, after in reference_runs(text, limit):
        run = _attributive_count(text, run, after)
        in_run = []
        for part in _split_commas(run):
            in_run += _names_in_run(text, part)
        tail = [t for t in run if not in_run or t.start >= in_run[-1].end]
        low = _lowercase_head(text, tail, after)
        found += in_run + ([low] if low else [])
    return sorted(found, key=lambda m: m.start)


def _plain(runs: list[Run]) -> list[tuple]:
    def tok(t: _Tok | None) -> tuple | None:
        return None if t is None else (t.start, t.end, t.text, t.kind)

    return [(tuple(tok(t) for t in run), tok(after)) for run, after in runs]


# Words and separators the run scanner and the name rules key on: heads first and last,
# lower-case heads, connectors, possessives, parenthesized acronyms, numbers and years,
# initialisms, accented capitals, underscores, hyphens, title lines and blank lines.
ORG_WORDS = [
    "Department", "of", "Homeland", "Security", "the", "The", "Board", "Board's", "Group",
    "Working", "Task", "Force", "Forces", "Armed", "Joint", "Alpha", "program", "programs",
    "Fulbright", "fund", "Fund", "initiative", "and", "&", "Guardia", "Nacional",
    "Secretaría", "de", "Marina", "y", "Instituto", "Migración", "Mexico's", "Council’s",
    "U.S.", "U.S.-Mexico", "(CBP)", "(ISB)", "(a)", "(the Board)", "1,000", "2024", "300",
    "Cal", "Guard", "members", "Army", "Air", "Navy", "Command", "Protection", "Migrant",
    "Protocols", "Border", "Patrol", "Customs", "Capacity", "Training", "Édouard", "élan",
    "x_Board", "_Board", "co-Board", "Office", "offices", "In", "Act", "Agreement",
    "Treaty", "Water", "for", "on", "against", "a", "para", "21st", "Century", "Executive",
    "Steering", "Committee", "Management", "Public", "Health", "Alcohol", "Tobacco",
    "Explosives", "Bureau", "e.g.", "a.b.", "Funding", "led", "by", "met", "with",
]  # fmt: skip
ORG_SEPARATORS = [
    " ", " ", " ", ", ", ",", ". ", ".", "\n", "\n\n", "\n \n", "\t", "\r\n", "; ", ": ",
    "(", ")", "-", "’", "'", "“", "”", "—", "\u00a0", "  ", "/", "_",
]  # fmt: skip
org_texts = st.lists(
    st.one_of(st.sampled_from(ORG_WORDS), st.sampled_from(ORG_SEPARATORS)), max_size=120
).map("".join)


def _assert_same_names(text: str, limit: int) -> None:
    fast = runs(text, limit)
    every = _plain(reference_runs(text, limit))
    fast_plain = _plain(fast)
    # The fast scan finds whole runs of the plain scan, in order, never a run of its own.
    positions = [every.index(run) for run in fast_plain]
    assert positions == sorted(set(positions))
    assert find_mentions(text, limit) == reference_mentions(text, limit)


@SETTINGS
@given(org_texts, st.floats(0, 1))
def test_names_found_around_heads_are_the_names_of_a_whole_scan(text: str, cut: float) -> None:
    _assert_same_names(text, len(text))
    _assert_same_names(text, int(len(text) * cut))


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_names_of_real_documents_are_those_of_a_whole_scan(path: Path) -> None:
    text = path.read_bytes().decode("utf-8")
    _assert_same_names(text, notes_start(text))
    _assert_same_names(text, len(text))
    rng = random.Random(path.name)
    for _ in range(3):  # a document cut anywhere: a run may end at the limit
        _assert_same_names(text, rng.randrange(len(text) + 1))


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("The Department of Homeland Security (DHS) met.", ["Department of Homeland Security"]),
        ("Officials of Mexico and Canada met in Ottawa on Tuesday.", []),
        ("students in the Fulbright program travel", ["Fulbright program"]),
        (
            "The Joint Task Force Alpha and the Border Patrol's agents",
            ["Joint Task Force Alpha", "Border Patrol"],
        ),
    ],
)
def test_names_in_sentences(text: str, names: list[str]) -> None:
    assert [m.name for m in find_mentions(text, len(text))] == names
    assert find_mentions(text, len(text)) == reference_mentions(text, len(text))


SENTENCE_PIECES = [
    "word", "Word", " ", ".", "...", "?!", "\n", "\n\n", "U.S.", "e.g.", "1.", "- ", "a)",
    "”", "(", ")", "x. Y", "etc.", "Title Case Line", "Mr.", "no.", "\t",
]  # fmt: skip
sentence_texts = st.lists(st.sampled_from(SENTENCE_PIECES), min_size=1, max_size=60).map("".join)


def _fresh_copy(text: str) -> str:
    copy = (text + "#")[:-1]
    assert copy == text and (copy is not text or len(text) < 2)
    return copy


@SETTINGS
@given(st.lists(sentence_texts, min_size=1, max_size=8), st.randoms(use_true_random=False))
def test_an_index_sharing_what_others_learnt_answers_like_a_fresh_one(
    texts: list[str], rng: random.Random
) -> None:
    # Several texts in turn, more than the shared memory holds, each asked about in a
    # random order, some split whole on the way: later indexes of a text inherit that.
    for text in texts:
        taught = SentenceIndex(text)
        for offset in rng.sample(range(len(text)), k=len(text) // 2):
            taught.at(offset)
        if rng.random() < 0.5:
            assert taught.sentences == sentence_spans(text)
    for text in texts:
        shared, fresh = SentenceIndex(text), SentenceIndex(_fresh_copy(text))
        offsets = list(range(len(text)))
        rng.shuffle(offsets)
        for offset in offsets:
            assert shared.at(offset) == fresh.at(offset), offset
        assert shared.sentences == fresh.sentences == sentence_spans(text)


def test_an_equal_text_read_anew_starts_a_fresh_index() -> None:
    text = "First one. Second one.\n\nA third."
    SentenceIndex(text).sentences  # noqa: B018 -- teach the shared state the whole split
    copy = _fresh_copy(text)
    assert SentenceIndex(copy)._b is not SentenceIndex(text)._b
    assert SentenceIndex(copy)._b.all is None  # nothing learnt about the copy yet
    assert SentenceIndex(copy).at(12) == SentenceIndex(text).at(12)


def test_acronym_records_belong_to_each_caller() -> None:
    text = "The Information Sharing Board (ISB) met. The ISB reports to Congress."
    first = extract_acronyms(text)
    assert [r["acronym"] for r in first] == ["ISB"]
    first[0]["acronym"] = "changed"
    first.append({})
    again = extract_acronyms(text)
    assert [r["acronym"] for r in again] == ["ISB"]
    assert again[0]["use_count"] == 1


# The patterns as they were before the fast paths, tried at every character.
REFERENCE_GLOSSARY = re.compile(
    r"(?:^|(?<=[.;] )|(?<=[.;]  ))[ \t]*(?:[-*•▪][ \t]+)?(?P<abbr>"
    + acronym_glossary.SF_TOKEN
    + r")"
    r"(?P<sep>[ \t]*:[ \t]+|[ \t]+[–—=-][ \t]+|\t+)(?=[^\s])",
    re.M,
)
REFERENCE_NOTES_HEADING = re.compile(
    r"^[ \t#*]*(?:end\s?notes|notes|foot\s?notes|references|bibliography|works cited|"
    r"sources|citations)[ \t*]*:?[ \t\r]*$",
    re.I | re.M,
)
# Clause boundaries (blank lines, bullets, numbered items, initialisms, titles), glossary
# lines, note headings, acronyms glued to `&` and `-`, and long stretches with and without
# a character that can start a fresh scan.
ACRONYM_PIECES = [
    "ISB", "ISBs", "CBP", "U.S.", "Gen.", "Dr.", "etc.", "the", "Board", "of", " ", "  ",
    "\t", "\n", "\n\n", "\n \n", "\r\n", ". ", ".  ", "; ", ";", ":", ": ", " - ", " – ",
    "(", ")", "[", "]", "- ", "* ", "• ", "1. ", "12) ", "-", "&", "-ISB-", "&CBP", "ISB&",
    "x", "Notes", "NOTES:", "## References", "(ISB)", "ISB: Information Sharing Board",
    "through", "That’s", "d'", "ACE", "A", "C5&T", "ABCDEFGHIJK", "Aa",
    "via SENTRI: Secure", "users’ ACE: Automated", "d' CBP: X", "a ABCDEFGHIJ: Z",
    "- CBP: Customs and Border Protection", " ".join(["1."] * 120), "word " * 70,
    "\n- 1) \t" * 40, "\n12) x" * 30, "\n 3. x" * 30, "\n\t 4) " * 30,
]  # fmt: skip
acronym_texts = st.lists(st.sampled_from(ACRONYM_PIECES), max_size=50).map("".join)


@SETTINGS
@given(acronym_texts, st.randoms(use_true_random=False), st.integers(1, 300))
def test_the_clause_before_a_parenthesis_is_the_one_a_whole_scan_finds(
    text: str, rng: random.Random, width: int
) -> None:
    # A narrow first read lands the fresh scan's start anywhere, inside bullets too.
    cuts = acronym_windows.boundaries(text)
    positions = range(len(text) + 1)
    for pos in rng.sample(positions, k=min(len(positions), 60)):
        before = [c for c in cuts if c <= pos - 1]
        assert acronym_windows.window_start(text, pos, width) == (before[-1] if before else 0), pos


@SETTINGS
@given(acronym_texts, st.floats(0, 1))
def test_glossary_entries_and_notes_headings_are_those_of_the_plain_patterns(
    text: str, cut: float
) -> None:
    limit = int(len(text) * cut)
    fast = [
        (m.start("abbr"), m.end(), m["sep"])
        for m in acronym_glossary.line_entry_matches(text, limit)
    ]
    plain = [
        (m.start("abbr"), m.end(), m["sep"]) for m in REFERENCE_GLOSSARY.finditer(text, 0, limit)
    ]
    assert fast == plain
    heading = REFERENCE_NOTES_HEADING.search(text)
    assert notes_start(text) == (heading.start() if heading else len(text))


REFERENCE_INLINE_ENTRY = re.compile(
    r"(?<=[a-z’'] )(?P<abbr>[A-Z][A-Z0-9&]{1,9})(?P<sep>:[ \t]+)(?=[A-Z])"
)


@SETTINGS
@given(acronym_texts, st.floats(0, 1))
def test_entries_said_in_passing_are_those_of_the_plain_pattern(text: str, cut: float) -> None:
    limit = int(len(text) * cut)
    fast = [tuple(e) for e in acronym_glossary._inline_entry_starts(text, limit)]
    plain = [
        (m["abbr"], m.start("abbr"), m["sep"], m.end(), True)
        for m in REFERENCE_INLINE_ENTRY.finditer(text, 0, limit)
    ]
    assert fast == plain


@SETTINGS
@given(acronym_texts, st.lists(st.sampled_from(["ISB", "ISBs", "CBP", "x", "A-B", "U.S."])))
def test_counts_of_the_defined_acronyms_are_those_of_every_token(
    text: str, extra: list[str]
) -> None:
    every = Counter(acronyms._TOKEN.findall(text))
    words = {*extra, *list(every)[:5]}
    counts = acronyms._token_counts(text, words)
    assert {w: counts[w] for w in words} == {w: every[w] for w in words}


REFERENCE_LEAD = re.compile(
    r"\b(?:(?:co-)?(?:led|chaired|headed)[ \t\n]+by|under[ \t\n]+the[ \t\n]+"
    r"(?:leadership|chairmanship)[ \t\n]+of)[ \t\n]+(?:the[ \t\n]+)?"
    + org_layout._LEAD.pattern.split("(?:the[ \\t\\n]+)?", 1)[1]
)
LEAD_PIECES = [
    "led by", "co-led by", "chaired by", "co-chaired by", "headed by", "co-headed by",
    "under the leadership of", "under the chairmanship of", "called by", "xled by", "_led by",
    "éled by", "-led by", "Led by", "the", "USSPACECOM", "Department of State", "U.S.",
    " ", "\n", "\t", ", ", "and", "(", "ISB", "ISBs", "CBP", "A&B", "-", "&", "_", "é", "2",
]  # fmt: skip
lead_texts = st.lists(st.sampled_from(LEAD_PIECES), max_size=40).map("".join)


@SETTINGS
@given(lead_texts, st.floats(0, 1))
def test_lead_phrases_are_those_of_the_plain_pattern(text: str, cut: float) -> None:
    limit = int(len(text) * cut)
    fast = [(m.span(), m.span("lead")) for m in org_layout._LEAD.finditer(text, 0, limit)]
    plain = [(m.span(), m.span("lead")) for m in REFERENCE_LEAD.finditer(text, 0, limit)]
    assert fast == plain


@SETTINGS
@given(lead_texts, st.floats(0, 1), st.sets(st.sampled_from(["ISB", "CBP", "A&B", "ISBs", "U.S."])))
def test_acronym_mentions_are_the_acronym_tokens_of_a_whole_scan(
    text: str, cut: float, names: set[str]
) -> None:
    limit = int(len(text) * cut)
    fast = [(s, e) for s, e, _ in organizations._acronym_tokens(text, limit, names)]
    every = organizations._ACRONYM_TOKEN.finditer(text, 0, limit)
    assert fast == [m.span() for m in every if m.group() in names]


MARKER_PIECES = [
    "ⁱ", "ⁱⁱⁱⁱⁱⁱⁱⁱⁱ", "ᵛ", "ˣ", "ˡ", "¹", "²", "³", "⁰", "¹²³⁴", "^", "^{", "}", "^{xii}",
    "^{12}", "^v", "^12", "^12a", "^ix.", "x", " ", "km", "2", ".", "\n",
]  # fmt: skip


@SETTINGS
@given(st.lists(st.sampled_from(MARKER_PIECES), max_size=40).map("".join))
def test_note_markers_are_those_of_the_plain_pattern(text: str) -> None:
    fast = [(m.span(), m.lastgroup) for m in citations._markers(text)]
    assert fast == [(m.span(), m.lastgroup) for m in citations._MARKER.finditer(text)]


def test_citation_records_belong_to_each_caller() -> None:
    text = "Trade grew.¹\n\n¹ U.S. Census Bureau, “Trade,” 2023.\n"
    first = citations.extract_citations(text)
    assert [r["number"] for r in first] == [1]
    first[0]["number"] = 99
    assert [r["number"] for r in citations.extract_citations(text)] == [1]


REFERENCE_PARAGRAPH = re.compile(r"(?:[^\n]|\n(?![ \t]*\n))+")


@SETTINGS
@given(st.text(alphabet="ab \t\n\r“”", max_size=80), st.integers(0, 80), st.integers(0, 80))
def test_paragraphs_are_those_of_the_plain_pattern(text: str, start: int, end: int) -> None:
    fast = [m.span() for m in quotes._PARAGRAPH.finditer(text, start, end)]
    assert fast == [m.span() for m in REFERENCE_PARAGRAPH.finditer(text, start, end)]
