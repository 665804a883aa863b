"""Acronym definitions with offsets: Schwartz & Hearst (2003), extended.

The core is the published algorithm ("A simple algorithm for identifying abbreviation
definitions in biomedical text"): for `long form (SF)`, walk the short form's letters
right to left, find each one in the preceding words right to left, require the first
letter to start a word, and keep the shortest long form that matches within
min(|SF| + 5, 2 |SF|) words. Extensions, each recorded in `pattern`:

- long_form_paren: `Information Sharing Board (ISB)` -- the published case; a leading
  dotted country initialism is part of an official name even when the acronym skips it
  (`U.S. Customs and Border Protection (CBP)`).
- short_form_paren_long: `USMCA (United States-Mexico-Canada Agreement)`.
- paren_long_form_comma: `(Secretaría de Marina, SEMAR)`.
- glossary_line: `IMET: International Military Education and Training` at a line start
  or right after a sentence, several per line allowed.
- long_form_paren_reordered: letters are the name's initials in another order, as when an
  English name keeps its Spanish acronym (`National Migration Institute (INM)`).

Plural acronyms (`UAVs`) are recorded singular; `&`, `-`, `/` and `.` inside an acronym
are kept as printed and skipped when matching letters. Definitions inside an endnotes or
references section are left out: there they belong to a cited title, not to the document.
Where a long form starts (the backward match and its extensions) is `acronym_long_forms`;
this module finds the candidates and records the definitions.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from pipeline.extract.acronym_glossary import SF_TOKEN, capitalized_run, glossary_entries
from pipeline.extract.acronym_long_forms import (
    CONNECTORS,
    WORD_ACRONYM,
    fuller_name_start,
    reordered_initials_start,
    schwartz_hearst_start,
    spelled_by_initials,
    syllabic_name_start,
    translated_name_start,
    valid_long_form,
    with_initialism,
)
from pipeline.extract.acronym_name_start import (
    body_head_start,
    matched_name_start,
    owner_inside,
)
from pipeline.extract.acronym_windows import below_capitals_heading, window_start
from pipeline.extract.quantity_notes import NoteLines
from pipeline.extract.sentences import SentenceIndex, per_text

# A token shaped like a short form (see SF_TOKEN).
_SF_SHAPE = re.compile(SF_TOKEN)
_PAREN = re.compile(r"\(([^()\n]{1,300}?)\)")
_SF_LEAD = re.compile(r"(?:(?:or|hereafter|hereinafter|also known as|known as|the)\s+)?", re.I)
_ROMAN = re.compile(r"[IVXLC]+")
# 'carbon dioxide equivalent (CO2e)', 'particulate matter (PM10)': a formula's or a size's
# digits after two initials, which the name spells out in no digit.
_MEASURE_SUFFIX = re.compile(r"(?<=[A-Za-z]{2})\d[\d.]*[a-z]?\Z")
# '(SENTRI, por sus siglas en inglés)', '(GBIS, for its acronym in Spanish)': the acronym
# is of the name in the other language, so its letters need not spell the printed name.
_OTHER_LANGUAGE = re.compile(r"\b(?:siglas|acr[oó]nimo|acronym|initials)\b", re.I)
# 'U.S. Cus-⏎toms and Border Protection': a word the line break hyphenated.
_LINE_BREAK_HYPHEN = re.compile(r"(?<=[a-z])-[ \t]*\r?\n[ \t]*(?=[a-z])")
# 'United States–Mexico–⏎Canada Agreement': a dash joining names keeps no space at a break.
# A forwarded e-mail quotes each line: 'for U.S. Customs⏎> and Border Protection (CBP)'.
_QUOTED_LINE = re.compile(r"\n[ \t]*(?:>[ \t]*)+")
_LINE_BREAK_AFTER_DASH = re.compile(r"(?<=[–—])[ \t]*\r?\n[ \t]*(?=\S)")
_NOTES_HEADING_LINE = (
    r"[ \t#*]*(?:end\s?notes|notes|foot\s?notes|references|bibliography|works cited|"
    r"sources|citations)[ \t*]*:?[ \t\r]*$"
)
_NOTES_HEADING = re.compile(_NOTES_HEADING_LINE, re.I | re.M)
_NOTES_HEADING_LATER = re.compile(r"\n" + _NOTES_HEADING_LINE, re.I | re.M)
_WORD = re.compile(r"\S+")
_TOKEN = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9&-]*[A-Za-z0-9])?")
_ALNUM = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")


def short_form_parts(token: str) -> tuple[str, str] | None:
    """(singular acronym, printed) when `token` is shaped like an acronym, else None.

    At least two capitals, and capitals at least half the letters, so ordinary words
    (`Exercises`, `CalGuard`) and years never pass; a lower-case `s` ending an
    otherwise valid acronym is the plural.
    """
    if not _SF_SHAPE.fullmatch(token) or "/" in token:
        return None  # 'WSA/CME': two codes (a team's initials), not one acronym
    singular = token
    if len(token) > 2 and token.endswith("s") and not token[-2].islower():
        singular = token[:-1]
    letters = [c for c in singular if c.isalpha()]
    upper = sum(c.isupper() for c in letters)
    if upper < 2 or upper * 2 < len(letters) or _ROMAN.fullmatch(singular):
        return None
    return singular, token


def notes_start(text: str) -> int:
    """Offset where an endnotes / references section begins (len(text) if none)."""
    if _NOTES_HEADING.match(text):
        return 0
    # Searching for a line break first lets the engine skip to each line start at once.
    match = _NOTES_HEADING_LATER.search(text)
    return match.start() + 1 if match else len(text)


def _last_words_start(text: str, start: int, end: int, limit: int) -> int:
    """Start of the last `limit` words before `end`, not counting the connectors a name
    holds (`Instituto de los Mexicanos en el Exterior` is three words long)."""
    count = 0
    for w in reversed(list(_WORD.finditer(text, start, end))):
        if w.group(0).lower() not in CONNECTORS:
            count += 1
            if count == limit:
                return w.start()
    return start


def _record(
    text: str,
    start: int,
    end: int,
    sf: tuple[str, str],
    sf_start: int,
    long_span: tuple[int, int],
    pattern: str,
) -> dict[str, Any]:
    return {
        "char_start": start,
        "char_end": end,
        "quote": text[start:end],
        "acronym": sf[0],
        "acronym_as_printed": sf[1],
        "acronym_start": sf_start,
        "acronym_end": sf_start + len(sf[1]),
        "expansion": " ".join(
            _LINE_BREAK_AFTER_DASH.sub(
                "", _LINE_BREAK_HYPHEN.sub("", _QUOTED_LINE.sub("\n", text[slice(*long_span)]))
            ).split()
        ),
        "expansion_start": long_span[0],
        "expansion_end": long_span[1],
        "pattern": pattern,
    }


def _paren_definitions(text: str, limit: int) -> list[dict[str, Any]]:
    out = []
    notes = NoteLines(text)
    for m in _PAREN.finditer(text):
        if m.start() >= limit and not notes.reads(m.start()):
            continue  # a citation in the notes: a cited title, not a definition
        inner, open_at = m.group(1), m.start()
        win = below_capitals_heading(text, window_start(text, open_at), open_at)
        lead = _SF_LEAD.match(inner).end()
        first, *rest = re.split(r"\s*[,;]\s*", inner[lead:], maxsplit=1)
        sf = short_form_parts(first) or _spelled_roman(text, win, open_at, first)
        if sf:
            stated = bool(rest and _OTHER_LANGUAGE.search(rest[0]))
            rec = _long_form_paren(text, win, open_at, m, sf, m.start(1) + lead, stated)
            if rec:
                out.append(rec)
            continue
        rec = (
            _paren_long_comma(text, m)
            or _short_paren_long(text, win, m)
            or _word_acronym(text, win, open_at, m, first, m.start(1) + lead)
        )
        if rec:
            out.append(rec)
    return out


def _word_acronym(
    text: str, win: int, open_at: int, m: re.Match[str], token: str, sf_start: int
) -> dict[str, Any] | None:
    """'Petróleos Mexicanos (Pemex)': an acronym written as a word, after its name."""
    if not WORD_ACRONYM.fullmatch(token):
        return None
    end = open_at
    while end > win and text[end - 1].isspace():
        end -= 1
    start = syllabic_name_start(text, win, end, token)
    if start is None:
        return None
    return _record(text, start, m.end(), (token, token), sf_start, (start, end), "long_form_paren")


def _spelled_roman(text: str, win: int, open_at: int, token: str) -> tuple[str, str] | None:
    """A roman-numeral-shaped acronym whose letters the words just before it spell
    exactly ('instrumental variables (IV)'); a numeral ('Phase (II)') spells nothing."""
    if not _ROMAN.fullmatch(token):
        return None
    words = _WORD.findall(text, win, open_at)[-len(token) :]
    initials = "".join(w.lstrip('*_“"')[:1] for w in words).upper()
    return (token, token) if len(words) == len(token) and initials == token else None


def _long_form_paren(
    text: str,
    win: int,
    open_at: int,
    m: re.Match[str],
    sf: tuple[str, str],
    sf_start: int,
    stated: bool = False,
) -> dict[str, Any] | None:
    end = open_at
    while end > win and (text[end - 1].isspace() or text[end - 1] in "*_"):
        end -= 1  # and Markdown emphasis: '**Rapid Response Labor Mechanism** (RRM)'
    if text[end - 2 : end] in ("'s", "’s"):
        end -= 2  # 'the Drug Enforcement Administration's (DEA) agents': the name, not its 's
    limit = min(len(sf[0]) + 5, 2 * len(sf[0]))
    cand_start = _last_words_start(text, win, end, limit)
    rel = schwartz_hearst_start(sf[0], text[cand_start:end])
    measure = _MEASURE_SUFFIX.search(sf[0])
    if rel is None and measure:
        rel = schwartz_hearst_start(sf[0][: measure.start()], text[cand_start:end])
    pattern = "long_form_paren"
    if rel is not None and owner_inside(text, cand_start + rel, end, sf[0]):
        rel = None  # '… Administration and Mexico’s National Service for … (SENASICA)'
    start = None
    if rel is not None and valid_long_form(sf[0], text[cand_start + rel : end], in_name=True):
        start = matched_name_start(text, win, cand_start, cand_start + rel, end, sf[0])
        if _WORD.match(text, start).group(0) in CONNECTORS:
            start = None  # '… Control de Drogas (DEA)' matched from 'de': no name opens so
    if start is None:
        start = reordered_initials_start(text, win, end, sf[0])
        pattern = "long_form_paren_reordered"
        if start is None:
            start = translated_name_start(text, win, end, sf[0], stated)
            pattern = "long_form_paren_translated"
        if start is None:
            return None
    return _record(text, start, m.end(), sf, sf_start, (start, end), pattern)


def _paren_long_comma(text: str, m: re.Match[str]) -> dict[str, Any] | None:
    """`(Long Form, ABBR)`."""
    inner = m.group(1)
    cut = max(inner.rfind(","), inner.rfind(";"))
    if cut < 0:
        return None
    sf = short_form_parts(inner[cut + 1 :].strip())
    long = inner[:cut].rstrip()
    if not sf or len(long.split()) < 2:
        return None
    rel = schwartz_hearst_start(sf[0], long)
    if rel is None or not valid_long_form(sf[0], long[rel:]):
        return None
    base = m.start(1)
    sf_start = base + cut + 1 + (len(inner[cut + 1 :]) - len(inner[cut + 1 :].lstrip()))
    start = with_initialism(text, base + rel) if rel else base
    return _record(
        text, m.start(), m.end(), sf, sf_start, (max(start, base), base + len(long)),
        "paren_long_form_comma",
    )  # fmt: skip


def _short_paren_long(text: str, win: int, m: re.Match[str]) -> dict[str, Any] | None:
    """`ABBR (Long Form)`: the whole parenthesis must be the long form."""
    inner = m.group(1).strip()
    if len(inner.split()) < 2:
        return None
    before = re.search(r"(" + SF_TOKEN + r")\s*$", text[win : m.start()])
    sf = short_form_parts(before.group(1)) if before else None
    if not sf:
        return None
    base = m.start(1) + (len(m.group(1)) - len(m.group(1).lstrip()))
    rel = schwartz_hearst_start(sf[0], inner)
    if rel is None or not valid_long_form(sf[0], inner[rel:]):
        return None
    start = with_initialism(text, base + rel)
    prefix = text[base:start].split()
    if any(not (w[0].isupper() or w in CONNECTORS) for w in prefix):
        return None
    sf_start = win + before.start(1)
    return _record(
        text, sf_start, m.end(), sf, sf_start, (base, base + len(inner)), "short_form_paren_long"
    )


def _glossary_definitions(text: str, limit: int) -> list[dict[str, Any]]:
    out = []
    for entry in glossary_entries(text, limit):
        sf = short_form_parts(entry.abbr)
        if not sf:
            continue
        long_start, long = entry.long_start, entry.long
        rel = schwartz_hearst_start(sf[0], long)
        if rel is None or not valid_long_form(sf[0], long, in_name=True):
            continue
        # 'ANAM: Agencia Nacional de Aduanas de México': the shortest match is 'Aduanas de
        # México'; the name whose initials spell more of the letters is the entry's
        rel = fuller_name_start(long, 0, rel, len(long), sf[0])
        if rel and with_initialism(long, rel) != 0 and body_head_start(long, rel) != 0:
            continue  # the letters start inside the entry, after no body's head or country
        if entry.inline:  # the name is the capitalized run after the colon
            long = capitalized_run(long)
            if not spelled_by_initials(long, sf[0]):
                continue
        end = long_start + len(long)
        out.append(_record(text, entry.abbr_start, end, sf, entry.abbr_start, (long_start, end),
                           "glossary_line"))  # fmt: skip
    return out


def _token_counts(text: str, words: set[str]) -> Counter[str]:
    """How often each of `words` stands as a whole `_TOKEN` of `text`: the counts of
    `Counter(_TOKEN.findall(text))`, found with str.find for these words alone. A token is
    a run of letters, digits, `&` and `-` stripped of its leading and trailing `&`, `-`."""
    counts: Counter[str] = Counter()
    for word in words:
        if not _TOKEN.fullmatch(word):
            continue
        at = text.find(word)
        while at >= 0:
            start, end = at, at + len(word)
            while start and text[start - 1] in "&-":
                start -= 1
            while end < len(text) and text[end] in "&-":
                end += 1
            if text[start - 1 : start] not in _ALNUM and text[end : end + 1] not in _ALNUM:
                counts[word] += 1
            at = text.find(word, at + 1)
    return counts


def extract_acronyms(text: str) -> list[dict[str, Any]]:
    """Every acronym definition in `text`, in text order, one row per definition."""
    return [dict(record) for record in _definitions(text)]


@per_text  # organizations reads the same definitions of the same document
def _definitions(text: str) -> list[dict[str, Any]]:
    limit = notes_start(text)
    records = _paren_definitions(text, limit) + _glossary_definitions(text, limit)
    records.sort(key=lambda r: (r["char_start"], r["char_end"]))
    tokens = _token_counts(text, {w for r in records for w in (r["acronym"], r["acronym"] + "s")})
    defined = Counter(r["acronym"] for r in records)
    sentences = SentenceIndex(text)
    for rec in records:
        acronym = rec["acronym"]
        total = tokens[acronym] + tokens[acronym + "s"]
        rec["use_count"] = max(total - defined[acronym], 0)
        sentence = sentences.at(rec["char_start"])
        rec["sentence"] = sentence.text if sentence else rec["quote"]
    return records
