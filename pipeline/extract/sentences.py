"""Sentence (and list item) spans with offsets into the original text.

A fact's `sentence` is what a reader needs to judge it, so boundaries follow how the
documents are laid out: blank lines and bullet items always end a sentence; a single
newline inside a hard-wrapped paragraph does not.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

# Abbreviations that end in a full stop without ending the sentence.
_ABBREVIATIONS = {
    "u.s",
    "u.k",
    "u.n",
    "d.c",
    "e.g",
    "i.e",
    "etc",
    "vs",
    "no",
    "nos",
    "mr",
    "mrs",
    "ms",
    "dr",
    "gen",
    "lt",
    "col",
    "sgt",
    "maj",
    "capt",
    "adm",
    "sen",
    "rep",
    "gov",
    "st",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "inc",
    "corp",
    "co",
    "ltd",
    "jr",
    "sr",
    "approx",
    "fig",
    "p",
    "pp",
    "vol",
    "ed",
    "al",
    "p.l",
    "a.m",
    "p.m",
    "u.s.a",
}
# Abbreviations whose full stop also ends the sentence when a word that opens sentences
# follows ('crossed at 3:45 a.m. We requested', 'trade with the U.S. The program'); before
# a name it does not ('U.S. Customs', '9 a.m. Eastern').
_MAY_END = frozenset(("a.m", "p.m", "etc", "u.s", "u.k", "u.n", "d.c", "u.s.a"))
_SENTENCE_OPENERS = frozenset(
    {
        "The",
        "This",
        "That",
        "These",
        "Those",
        "It",
        "Its",
        "We",
        "I",
        "He",
        "She",
        "They",
        "Our",
        "Their",
        "There",
        "In",
        "On",
        "At",
        "As",
        "But",
        "However",
        "Meanwhile",
        "Since",
        "After",
        "Before",
        "When",
        "While",
        "If",
        "Yet",
        "Today",
    }
)
_WORD_AFTER = re.compile(r"\s*([A-Za-z]+)")


def abbreviation_ends_sentence(abbreviation: str, next_word: str) -> bool:
    """Whether the full stop of `abbreviation` (lower case, without its last stop) ends
    the sentence as well, given the word after it."""
    return abbreviation in _MAY_END and next_word in _SENTENCE_OPENERS


_BULLET = re.compile(r"[ \t]*(?:[-*•▪◦‣–]|\d{1,3}[.)]|[a-z][.)])[ \t]+")
# Superscript note markers (roman ⁱ ᵛ ˣ ˡ ᶦ and digits): Python counts them as word
# characters, but in running text they are never part of a word.
NOTE_MARKER_CHARS = "ⁱᵛˣˡᶦ⁰¹²³⁴⁵⁶⁷⁸⁹"
# A note marker glued after the full stop stays with its sentence ('in Mexico.ⁱ Under',
# 'agreed.^{iv} The', 'rose.[^2] Exports').
_END = re.compile(
    r"[.!?]+[\"”’')\]]*"
    rf"(?:[{NOTE_MARKER_CHARS}]{{1,8}}|\^\{{?(?:[ivxlc]{{1,8}}|\d{{1,3}})\}}?|\[\^?\d{{1,3}}\])?"
    r"(?=\s)"
)
_NEWLINE = re.compile(r"\n")
_T = TypeVar("_T")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


def _is_title_line(line: str) -> bool:
    words = re.findall(r"[A-Za-z][\w'’&-]*", line)
    if not words or len(line) > 120:
        return False
    small = {"of", "and", "the", "for", "in", "on", "to", "a", "an", "at", "by", "with", "from"}
    return all(w[0].isupper() or w.lower() in small for w in words)


def _ends_line_sentence(prev: str, nxt: str) -> bool:
    if not prev.strip() or not nxt.strip():
        return True
    if _BULLET.match(nxt) or _BULLET.match(prev):
        return True
    if prev.lstrip().startswith("|") or nxt.lstrip().startswith("|"):
        return True  # a Markdown table row stands alone

    return prev[-1] in '.!?:;”"' or _is_title_line(prev)


def _newline_cuts(text: str, newline: int) -> bool:
    """Whether the newline at `newline` ends a sentence (a blank line always does)."""
    line_start = text.rfind("\n", 0, newline) + 1
    prev = text[line_start:newline].rstrip(" \t\r")
    nxt_end = text.find("\n", newline + 1)
    nxt = text[newline + 1 : nxt_end if nxt_end != -1 else len(text)]
    return _ends_line_sentence(prev, nxt)


def _line_breaks(text: str) -> list[int]:
    """Offsets where a single newline ends a sentence."""
    return [m.start() for m in _NEWLINE.finditer(text) if _newline_cuts(text, m.start())]


def _stop_cuts(text: str, m: re.Match[str]) -> bool:
    """Whether the full stop (or ! ?) run matched by `_END` ends a sentence."""
    token_start = max(text.rfind(" ", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
    token = text[token_start : m.start()].lower().lstrip("(\"“'")
    if token in _ABBREVIATIONS:
        after = _WORD_AFTER.match(text, m.end())
        return bool(after) and abbreviation_ends_sentence(token, after.group(1))
    if len(token) == 1 and "a" <= token <= "z":
        return False
    nxt = text[m.end() : m.end() + 3].lstrip()
    return not (nxt and (nxt[0].islower() or nxt[0] in ",;"))


def _segments(text: str, cuts: list[int]) -> list[Sentence]:
    out: list[Sentence] = []
    start = 0
    for end in cuts:
        seg = text[start:end]
        lead = len(seg) - len(seg.lstrip())
        trail = len(seg.rstrip())
        if trail > lead:
            out.append(Sentence(start + lead, start + trail, seg[lead:trail]))
        start = end
    return out


def sentence_spans(text: str) -> list[Sentence]:
    """Split `text` into sentences; spans are stripped of surrounding white space."""
    cuts = set(_line_breaks(text))
    cuts.update(m.end() for m in _END.finditer(text) if _stop_cuts(text, m))
    return _segments(text, sorted(cuts | {len(text)}))


MAX_SENTENCE_CHARS = 2000


class _Boundaries:
    """What SentenceIndex learns about one text: where a sentence may end, which of those
    places were judged, and (once asked for) every sentence."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.all: list[Sentence] | None = None
        self.starts: list[int] = []
        self.last: tuple[int, int, Sentence | None] = (-1, -1, None)
        self.newlines: list[int] = []
        self.stops: list[re.Match[str]] = []
        self.stop_ends: list[int] = []
        self.listed = False
        self.judged: dict[tuple[int, bool], bool] = {}


_SHARED_TEXTS = 2  # the document being extracted, and one more


def per_text(compute: Callable[[str], _T]) -> Callable[[str], _T]:
    """Memoize `compute(text)` for the few texts seen last, keyed by the text object.

    Every extractor of a document is called with the same str, and several of them need
    the same structure of it (its sentence boundaries, its acronym definitions, its
    endnotes). Keying by identity, not equality, costs nothing per call and means an equal
    text read anew is computed afresh. The value is shared: callers only read it (or, like
    SentenceIndex, add what they learn that any other caller would learn the same).
    """
    cache: dict[int, tuple[str, _T]] = {}
    lock = threading.Lock()

    def shared(text: str) -> _T:
        with lock:
            hit = cache.get(id(text))
        if hit is not None:
            return hit[1]
        value = compute(text)
        with lock:
            if len(cache) >= _SHARED_TEXTS:
                del cache[next(iter(cache))]
            # The entry holds the text, so no other object can take its id while cached.
            cache[id(text)] = (text, value)
        return value

    shared.__doc__ = compute.__doc__
    return shared


_boundaries_of = per_text(_Boundaries)


class SentenceIndex:
    """Find the sentence around an offset.

    `at` decides only the sentence boundaries next to the offset it is asked about, since
    every boundary rule looks at its own line and the few characters around it: the places
    where a sentence may end (newlines, runs of full stops) are listed once, and only those
    next to the offset are judged. A caller that needs a handful of sentences from a long
    document never splits all of it. The answer is the same as looking the offset up in
    `sentence_spans(text)`. Indexes of the same text object share what they learnt, so
    the extractors of one document list and judge its boundaries once.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._b = _boundaries_of(text)

    @property
    def sentences(self) -> list[Sentence]:
        """Every sentence of the text, in order."""
        b = self._b
        if b.all is None:
            spans = sentence_spans(self.text)
            # Starts before spans: a reader that sees `all` set finds its starts too.
            b.starts = [s.start for s in spans]
            b.all = spans
        return b.all

    def at(self, offset: int) -> Sentence | None:
        """The last sentence that starts at or before `offset`, or None.

        A run-on longer than MAX_SENTENCE_CHARS (a flattened table, hostile text) comes
        back as the MAX_SENTENCE_CHARS characters around `offset`: every fact row carries
        its sentence, and an unbounded one would make outputs grow with the square of
        such a text.
        """
        found = self._at(offset)
        if found is None or found.end - found.start <= MAX_SENTENCE_CHARS:
            return found
        half = MAX_SENTENCE_CHARS // 2
        start = max(found.start, min(offset - half, found.end - MAX_SENTENCE_CHARS))
        end = min(found.end, start + MAX_SENTENCE_CHARS)
        return Sentence(start, end, self.text[start:end])

    def _at(self, offset: int) -> Sentence | None:
        b = self._b
        if b.all is not None:
            i = bisect_right(b.starts, offset) - 1
            return b.all[i] if i >= 0 else None
        lo, hi, found = b.last
        if lo <= offset < hi:
            return found
        if not b.listed:
            b.newlines = [m.start() for m in _NEWLINE.finditer(self.text)]
            b.stops = list(_END.finditer(self.text))
            b.stop_ends = [m.end() for m in b.stops]
            b.listed = True
        start = self._cut_before(offset)
        end = self._cut_after(offset)
        seg = self.text[start:end]
        lead = len(seg) - len(seg.lstrip())
        if start + lead > offset or not seg.strip():
            # The offset sits in the blank run before this segment's first character.
            return self._at(start - 1) if start > 0 else None
        found = Sentence(start + lead, start + len(seg.rstrip()), seg.strip())
        b.last = (start + lead, end, found)
        return found

    def _newline_cuts(self, i: int) -> bool:
        judged = self._b.judged
        key = (i, False)
        if key not in judged:
            judged[key] = _newline_cuts(self.text, self._b.newlines[i])
        return judged[key]

    def _stop_cuts(self, j: int) -> bool:
        judged = self._b.judged
        key = (j, True)
        if key not in judged:
            judged[key] = _stop_cuts(self.text, self._b.stops[j])
        return judged[key]

    def _cut_before(self, offset: int) -> int:
        """The last sentence boundary at or before `offset` (0 when there is none)."""
        newlines, stop_ends = self._b.newlines, self._b.stop_ends
        i = bisect_right(newlines, offset) - 1
        j = bisect_right(stop_ends, offset) - 1
        while i >= 0 or j >= 0:
            newline = newlines[i] if i >= 0 else -1
            stop = stop_ends[j] if j >= 0 else -1
            if newline >= stop:
                if self._newline_cuts(i):
                    return newline
                i -= 1
            else:
                if self._stop_cuts(j):
                    return stop
                j -= 1
        return 0

    def _cut_after(self, offset: int) -> int:
        """The first sentence boundary after `offset` (the text's end when there is none)."""
        newlines, stop_ends = self._b.newlines, self._b.stop_ends
        i = bisect_right(newlines, offset)
        j = bisect_right(stop_ends, offset)
        end = len(self.text)
        while i < len(newlines) or j < len(stop_ends):
            newline = newlines[i] if i < len(newlines) else end + 1
            stop = stop_ends[j] if j < len(stop_ends) else end + 1
            if newline <= stop:
                if self._newline_cuts(i):
                    return newline
                i += 1
            else:
                if self._stop_cuts(j):
                    return stop
                j += 1
        return end
