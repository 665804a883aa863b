"""Endnote entries and the markers in the body that point at them.

Two shapes of note numbering are read:
- markers that cannot be mistaken for anything else: superscript roman numerals or
  digits (`ⁱⁱ`, `¹²`) and caret forms (`^{xiii}`, `^v`, `^{12}`); an entry is a line
  that starts with one of them, wherever it stands;
- plain digits (`12.`, `[12]`, `Mexico.12`), which are everywhere in ordinary prose, so
  they count only under a notes heading (`Endnotes`, `Notes`, `References`...), as an
  unbroken 1, 2, 3... run of entries, and a body marker only when its number is one of
  those entries.

The entry's bibliographic fields are read in `pipeline.extract.bibliography`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from typing import Any

from pipeline.extract.bibliography import ENTRY_FIELDS, is_explanation, parse_entry
from pipeline.extract.sentences import SentenceIndex, per_text

_SUPERSCRIPT_ROMAN = {"ⁱ": "i", "ᵛ": "v", "ˣ": "x", "ˡ": "l"}
_SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}

# Markers that are unambiguous anywhere in a text.
_MARKER = re.compile(
    r"(?P<markdown>\[\^(?:[ivxlc]{1,8}|\d{1,3})\])"  # '[^1]': a Markdown footnote
    r"|(?P<sup_roman>[ⁱᵛˣˡ]{1,8})"
    r"|(?P<sup_digits>[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})"
    r"|\^\{(?P<caret_braced>[ivxlc]{1,8}|\d{1,3})\}"
    r"|\^(?P<caret>[ivxlc]{1,8}|\d{1,3})(?![A-Za-z0-9])"
)
_MARKER_LEAD = re.compile(r"[ⁱᵛˣˡ⁰¹²³⁴⁵⁶⁷⁸⁹^\[]")  # one class: the engine skips to it in C
# Plain-digit markers, trusted only when the document has numbered notes.
_DIGIT_MARKER = re.compile(
    r"\[(?P<bracket>\d{1,3})\]"
    r"|(?<=[A-Za-z)\]”\"’][.,;:])(?P<glued>\d{1,3})(?=\s|$)"
    r"|(?<=[A-Za-z][”\"’)])(?P<glued_quote>\d{1,3})(?=[\s.,;:]|$)"
)
_NOTES_HEADING = re.compile(
    r"^[ \t]*(?:#{1,6}[ \t]*)?[*_]{0,2}(?:end[ \t]?notes|notes|foot[ \t]?notes|references"
    r"|sources|works[ \t]cited|bibliography|citations)[*_]{0,2}:?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_LINE = re.compile(r"[^\n]*\n?")
_ENTRY_START = re.compile(
    r"[ \t]*(?:[-*•][ \t]*)?"
    r"(?P<marker>[ⁱᵛˣˡ]{1,8}|[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}|\^\{(?:[ivxlc]{1,8}|\d{1,3})\}"
    r"|\^(?:[ivxlc]{1,8}|\d{1,3})(?![A-Za-z0-9])|\[\^(?:[ivxlc]{1,8}|\d{1,3})\](?=:)):?[ \t]*(?=\S)"
)
_DIGIT_ENTRY_START = re.compile(
    r"[ \t]*(?:[-*•][ \t]*)?(?P<marker>\[\d{1,3}\]|\d{1,3}[.)])[ \t]+(?=\S)"
    # a footnote as PDF text gives it: the number, a space, then the entry's first word;
    # or the number glued to that word, as GAO reports print them ('1The ports', '3See')
    r"|[ \t]*(?P<bare>\d{1,3})(?:[ \t]+(?=[A-Z“\"])|(?=[A-Z][a-z]))"
)
_PAGE_BREAK = re.compile(r"[ \t]*\n(?:[ \t]*\n)+[ \t]*")
_IBID = re.compile(r"[*_ \t]*ibid\b", re.IGNORECASE)
# Units written with a superscript power (km², m³): not note markers.
_POWER_UNITS = {"m", "km", "cm", "mm", "ft", "mi", "in", "yd", "sq"}


def roman_to_int(numeral: str) -> int | None:
    """Value of a lower-case roman numeral; None unless written in canonical form."""
    total = 0
    for i, ch in enumerate(numeral):
        value = _ROMAN_VALUES[ch]
        nxt = _ROMAN_VALUES[numeral[i + 1]] if i + 1 < len(numeral) else 0
        total += -value if value < nxt else value
    return total if total > 0 and int_to_roman(total) == numeral else None


def int_to_roman(number: int) -> str:
    out = []
    for value, letters in ((100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"),
                           (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):  # fmt: skip
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)


MAX_NOTE_NUMBER = 9999


def marker_number(marker: str) -> int | None:
    """The note number a printed marker stands for (`ⁱⁱ` -> 2, `^{xiii}` -> 13, `[4]` -> 4,
    `[^5]:` -> 5)."""
    core = marker.strip("^{}[]().:")
    if core and all(ch in _SUPERSCRIPT_ROMAN for ch in core):
        core = "".join(_SUPERSCRIPT_ROMAN[ch] for ch in core)
    core = core.translate(_SUPERSCRIPT_DIGITS)
    number = None
    if core.isdigit():
        number = int(core)
    elif core and all(ch in _ROMAN_VALUES for ch in core):
        number = roman_to_int(core)
    # Notes are numbered from 1; `^0` or a 30-digit run is no note a reader could follow.
    return number if number is not None and 1 <= number <= MAX_NOTE_NUMBER else None


def _notes_sections(text: str) -> list[int]:
    return [m.end() for m in _NOTES_HEADING.finditer(text)]


def _entry_lines(text: str) -> list[tuple[int, int, str]]:
    """(start, end, text) of every line, end excluding the newline."""
    lines = []
    for m in _LINE.finditer(text):
        if m.start() == len(text):
            break
        body = m.group(0).rstrip("\n")
        lines.append((m.start(), m.start() + len(body), body))
    return lines


@per_text  # citations, citation mentions and quotes all read the same entries
def _entries(text: str) -> list[tuple[int, int, str, int]]:
    """(marker start, entry end, marker, number) of every endnote entry, in text order."""
    notes_from = min(_notes_sections(text), default=None)
    entries: list[tuple[int, int, str, int]] = []
    digit_run: list[tuple[int, int, str, int]] = []
    current: list[Any] | None = None
    for start, end, line in _entry_lines(text):
        m = _ENTRY_START.match(line)
        digit = None
        if not m and notes_from is not None and start >= notes_from:
            digit = _DIGIT_ENTRY_START.match(line)
        match = m or digit
        # the group that matched: 'marker', or 'bare' for a PDF footnote's plain number
        group = "bare" if digit and digit["bare"] else "marker"
        marker = match[group] if match else None
        number = marker_number(marker) if marker else None
        if match and number is not None:
            if digit:
                expected = digit_run[-1][3] + 1 if digit_run else 1
                if number != expected:
                    current = None
                    continue
            current = [start + match.start(group), end, marker, number]
            (digit_run if digit else entries).append(current)  # type: ignore[arg-type]
        elif current is not None and line.strip() and not _is_heading_line(line):
            # A wrapped entry goes on until a blank line.
            current[1] = end
        else:
            current = None
    entries.extend(digit_run)
    return sorted((s, e, mk, n) for s, e, mk, n in entries)


def _is_heading_line(line: str) -> bool:
    return bool(_NOTES_HEADING.match(line))


def extract_citations(text: str) -> list[dict[str, Any]]:
    """One record per endnote entry: the marker as printed, its number and the
    bibliographic fields that can be read from the entry's punctuation."""
    return [dict(record) for record in _citation_records(text)]


@per_text  # quotes skips the entries' spans
def _citation_records(text: str) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    last_cited: int | None = None
    for start, end, marker, number in _entries(text):
        quote = text[start:end].rstrip()
        body = quote[len(marker) :].strip().removeprefix(":").strip()  # '[^1]: Author
        record: dict[str, Any] = {
            "char_start": start,
            "char_end": start + len(quote),
            "quote": quote,
            "marker": marker,
            "number": number,
            "ibid_of": None,
        }
        if _IBID.match(body):
            record.update(dict.fromkeys(ENTRY_FIELDS))
            record["ibid_of"] = last_cited
        elif is_explanation(body):
            record.update(dict.fromkeys(ENTRY_FIELDS))  # a note that explains cites nothing
        else:
            record.update(parse_entry(body))
            last_cited = number
        out.append(record)
    return out


def _body_markers(text: str, entries: list[tuple[int, int, str, int]]) -> list[tuple[int, int]]:
    inside = [(s, e) for s, e, _, _ in entries]
    numbered = {n for _, _, mk, n in entries if mk[0].isdigit() or mk[0] == "["}
    found: list[tuple[int, int]] = []
    for m in _markers(text):
        if m["sup_digits"]:
            word = re.search(r"[A-Za-z]*$", text[max(0, m.start() - 4) : m.start()]).group(0)
            before = text[m.start() - 1 : m.start()]
            if before.isdigit() or word.lower() in _POWER_UNITS:
                continue
        found.append((m.start(), m.end()))
    if numbered:
        for m in _DIGIT_MARKER.finditer(text):
            if int(m.group(m.lastgroup)) in numbered:
                found.append((m.start(), m.end()))
    return sorted((s, e) for s, e in found if not any(a <= s < b for a, b in inside))


def _markers(text: str) -> Iterator[re.Match[str]]:
    """`_MARKER.finditer(text)`, trying the pattern only at the characters a marker starts
    with: led by named groups, it is otherwise tried at every character."""
    end = 0
    for lead in _MARKER_LEAD.finditer(text):
        if lead.start() >= end:
            m = _MARKER.match(text, lead.start())
            if m:
                end = m.end()
                yield m


def _sentence_of(
    text: str, index: SentenceIndex, markers: list[tuple[int, int]], start: int, end: int
) -> str:
    """The sentence a marker closes or stands in. A marker glued after a full stop
    hides the sentence boundary from the splitter, so pieces are cut again there."""
    sentence = index.at(max(start - 1, 0)) or index.at(start)
    if sentence is None:
        return text[start:end]
    lo, hi = sentence.start, max(sentence.end, end)
    position = bisect_left(index.sentences, lo, key=lambda s: s.start)
    while position > 0 and text[lo].islower():
        # A sentence cut by a page break: its first half stops without punctuation.
        previous = index.sentences[position - 1]
        if not _PAGE_BREAK.fullmatch(text[previous.end : lo]) or previous.text[-1] in ".!?:;":
            break
        lo, position = previous.start, position - 1
    piece_start = lo
    for m_start, m_end in markers[bisect_left(markers, (lo, lo)) :]:
        if m_start >= hi:
            break
        closes = text[m_start - 1 : m_start] in '.!?”"’' and text[m_end : m_end + 1].isspace()
        if not closes:
            continue
        if m_end < end:
            piece_start = m_end
        else:
            return text[piece_start:m_end].strip()
    return text[piece_start:hi].strip()


def _out_of_sequence(numbers: list[int]) -> set[int]:
    """Positions (into `numbers`, the first mention of each note in text order) that are
    not on the longest increasing run: notes are numbered in order of first citation,
    so those markers are most likely misprinted."""
    if not numbers:
        return set()
    best = [1] * len(numbers)
    prev = [-1] * len(numbers)
    for i in range(len(numbers)):
        for j in range(i):
            if numbers[j] < numbers[i] and best[j] + 1 > best[i]:
                best[i], prev[i] = best[j] + 1, j
    i = max(range(len(numbers)), key=best.__getitem__)
    keep = set()
    while i != -1:
        keep.add(i)
        i = prev[i]
    return set(range(len(numbers))) - keep


def extract_citation_mentions(text: str) -> list[dict[str, Any]]:
    """One record per note marker in the body, with the sentence that carries it."""
    entries = _entries(text)
    known = {n for _, _, _, n in entries}
    markers = _body_markers(text, entries)
    index = SentenceIndex(text)
    records = []
    first_seen: dict[int, int] = {}
    for start, end in markers:
        marker = text[start:end]
        number = marker_number(marker)
        if number is None:
            continue
        first_seen.setdefault(number, len(records))
        records.append(
            {
                "char_start": start,
                "char_end": end,
                "quote": marker,
                "marker": marker,
                "number": number,
                "sentence": _sentence_of(text, index, markers, start, end),
                "flag": None if not entries or number in known else "no_matching_endnote",
            }
        )
    firsts = sorted(first_seen.values())
    for pos in _out_of_sequence([records[i]["number"] for i in firsts]):
        record = records[firsts[pos]]
        record["flag"] = record["flag"] or "out_of_sequence"
    return records


# Markers that can be dropped from running text without losing words.
NOTE_MARKER = _MARKER
