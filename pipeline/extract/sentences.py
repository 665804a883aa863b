"""Sentence (and list item) spans with offsets into the original text.

A fact's `sentence` is what a reader needs to judge it, so boundaries follow how the
documents are laid out: blank lines and bullet items always end a sentence; a single
newline inside a hard-wrapped paragraph does not.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

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
_BULLET = re.compile(r"[ \t]*(?:[-*•▪◦‣–]|\d{1,3}[.)]|[a-z][.)])[ \t]+")
_END = re.compile(r"[.!?]+[\"”’')\]]*(?=\s)")
_BLANK = re.compile(r"\n[ \t\r]*\n")


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
    return prev[-1] in '.!?:;”"' or _is_title_line(prev)


def _line_breaks(text: str) -> list[int]:
    """Offsets where a single newline ends a sentence."""
    cuts = []
    for m in re.finditer(r"\n", text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        prev = text[line_start : m.start()].rstrip(" \t\r")
        nxt_end = text.find("\n", m.end())
        nxt = text[m.end() : nxt_end if nxt_end != -1 else len(text)]
        if _ends_line_sentence(prev, nxt):
            cuts.append(m.start())
    return cuts


def sentence_spans(text: str) -> list[Sentence]:
    """Split `text` into sentences; spans are stripped of surrounding white space."""
    cuts = set(_line_breaks(text))
    for m in _END.finditer(text):
        token_start = max(text.rfind(" ", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
        token = text[token_start : m.start()].lower().lstrip("(\"“'")
        if token in _ABBREVIATIONS or re.fullmatch(r"[a-z]", token):
            continue
        nxt = text[m.end() : m.end() + 3].lstrip()
        if nxt and (nxt[0].islower() or nxt[0] in ",;"):
            continue
        cuts.add(m.end())
    for m in _BLANK.finditer(text):
        cuts.add(m.start())
    bounds = sorted(cuts | {len(text)})
    out: list[Sentence] = []
    start = 0
    for end in bounds:
        seg = text[start:end]
        lead = len(seg) - len(seg.lstrip())
        trail = len(seg.rstrip())
        if trail > lead:
            out.append(Sentence(start + lead, start + trail, seg[lead:trail]))
        start = end
    return out


class SentenceIndex:
    """Find the sentence around an offset in O(log n)."""

    def __init__(self, text: str) -> None:
        self.sentences = sentence_spans(text)
        self._starts = [s.start for s in self.sentences]

    def at(self, offset: int) -> Sentence | None:
        i = bisect_right(self._starts, offset) - 1
        if i >= 0 and self.sentences[i].start <= offset < max(self.sentences[i].end, offset + 1):
            return self.sentences[i]
        return None
