"""Glossary entries, `ABBR: Long Form`: where each stands and the stretch of text its
name is read from. An entry opens a line (`IMET: International Military Education and
Training`, `ABBR – Long Form`, `ABBR<TAB>Long Form`), follows a sentence (`. FSMA: Food
Safety …`), or is said in passing (`filed through ACE: Automated Commercial Environment`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from pipeline.extract.acronym_long_forms import CONNECTORS

# A short-form token: starts and ends with a letter or digit; may hold & - / . inside.
SF_TOKEN = r"[A-Za-z0-9](?:[A-Za-z0-9&./-]{0,12}[A-Za-z0-9])?"
_WORD = re.compile(r"\S+")
# Glossary entries: `ABBR: Long Form`, `ABBR – Long Form`, `ABBR<TAB>Long Form`.
_GLOSSARY_ENTRY = (
    r"[ \t]*(?:[-*•▪][ \t]+)?(?P<abbr>" + SF_TOKEN + r")"
    r"(?P<sep>[ \t]*:[ \t]+|[ \t]+[–—=-][ \t]+|\t+)(?=[^\s])"
)
# An entry starts a line or follows a sentence (`. ` or `; `, maybe two spaces, which the
# entry's leading blanks take). Led by a character class, the pattern is tried only there.
_GLOSSARY_FIRST = re.compile(_GLOSSARY_ENTRY)
_GLOSSARY = re.compile(r"[\n.;](?:(?<=\n)| )" + _GLOSSARY_ENTRY)
# What a glossary line says about the name after it: a clause after a comma or a dash.
_GLOSS = re.compile(
    r",[ \t]+(?:the|a|an|which|that|who|whose|used|also|el|la|los|las|un|una|que)\b"
    r"|[ \t]+[–—][ \t]+"
)
# Said in passing: 'filed through ACE: Automated Commercial Environment', 'That’s SENTRI:
# Secure Electronic …'. Mid-sentence, the name's initials must spell the letters exactly.
# Led by the colon, the search skips ahead by a literal instead of trying every capital;
# the letters before it are read back from there.
_INLINE_COLON = re.compile(r":(?<=[A-Z0-9&]:)[ \t]+(?=[A-Z])")
_INLINE_ABBR = re.compile(r"[A-Z][A-Z0-9&]{1,9}")
_LOWER_OR_APOSTROPHE = frozenset("abcdefghijklmnopqrstuvwxyz’'")
# A glossary's name ends with its sentence ('BWT: Border Wait Times. Our method …').
_SENTENCE_END = re.compile(r"(?<=[a-z]{2})\.[ \t]+(?=[A-Z])")
_NEXT_ENTRY = re.compile(r"[.;][ \t]+(?=" + SF_TOKEN + r"[ \t]*:[ \t])")


class _EntryStart(NamedTuple):
    abbr: str
    abbr_start: int
    sep: str
    end: int  # where the name starts
    inline: bool


class GlossaryEntry(NamedTuple):
    abbr: str
    abbr_start: int
    long_start: int
    long: str  # the text the name is read from, cut at the entry's end
    inline: bool  # said in passing: the name's initials must spell the letters exactly


def glossary_entries(text: str, limit: int) -> Iterator[GlossaryEntry]:
    for m in _entry_starts(text, limit):
        inline = m.inline
        if not inline and ":" not in m.sep and not _at_line_start(text, m.abbr_start):
            continue
        long_start = m.end
        line_end = text.find("\n", long_start)
        if inline and line_end >= 0:  # prose: the name may wrap once
            line_end = text.find("\n", line_end + 1)
        long_end = min(line_end if line_end >= 0 else len(text), limit)
        nxt = _NEXT_ENTRY.search(text, long_start, long_end)
        if nxt:
            long_end = nxt.start()
        stop = _SENTENCE_END.search(text, long_start, long_end)
        if stop:
            long_end = stop.start()
        gloss = _GLOSS.search(text, long_start, long_end)
        if gloss:  # 'NAPAPI: North American Plan for …, the trilateral plan signed in 2012'
            long_end = gloss.start()
        long = text[long_start:long_end].rstrip(" \t\r.;,")
        yield GlossaryEntry(m.abbr, m.abbr_start, long_start, long, inline)


def capitalized_run(long: str) -> str:
    """'Automated Commercial Environment, and the broker' -> 'Automated Commercial
    Environment': the words up to the first that is neither capitalized nor a connector."""
    end = 0
    for w in _WORD.finditer(long):
        word = w.group().rstrip(",;:")
        if not (word[:1].isupper() or word in CONNECTORS):
            break
        end = w.start() + len(word)
        if word != w.group():
            break  # a comma ends the name
    return long[:end]


def line_entry_matches(text: str, limit: int) -> Iterator[re.Match[str]]:
    """Entries that open a line or follow a sentence, in order."""
    first = _GLOSSARY_FIRST.match(text, 0, limit)
    if first:
        yield first
    yield from _GLOSSARY.finditer(text, first.end() if first else 0, limit)


def _entry_starts(text: str, limit: int) -> list[_EntryStart]:
    entries = [
        _EntryStart(m["abbr"], m.start("abbr"), m["sep"], m.end(), False)
        for m in line_entry_matches(text, limit)
    ]
    seen = {e.abbr_start for e in entries}
    inline = (e for e in _inline_entry_starts(text, limit) if e.abbr_start not in seen)
    return sorted([*entries, *inline], key=lambda e: e.abbr_start)


def _inline_entry_starts(text: str, limit: int) -> Iterator[_EntryStart]:
    """`… through ACE: Automated …`: letters right before the colon, led by a space that
    follows a lower-case word."""
    for m in _INLINE_COLON.finditer(text, 0, limit):
        colon = m.start()
        space = text.rfind(" ", max(0, colon - 11), colon)
        if space < 1 or text[space - 1] not in _LOWER_OR_APOSTROPHE:
            continue
        if _INLINE_ABBR.fullmatch(text, space + 1, colon):
            yield _EntryStart(text[space + 1 : colon], space + 1, m.group(), m.end(), True)


def _at_line_start(text: str, pos: int) -> bool:
    line = text[text.rfind("\n", 0, pos) + 1 : pos]
    return not line.strip(" \t-*•▪")
