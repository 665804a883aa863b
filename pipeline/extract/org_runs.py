"""Runs of capitalized words that may hold the name of a body, found near head nouns.

`org_names` reads the names inside these runs; this module only cuts the text into them
as a scan of the whole text would, starting at each head noun (`_ANCHOR`) instead of at
every word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.extract.org_vocabulary import _ANY_HEAD, _CONNECT, _LOWER_HEADS
from pipeline.extract.quantity_trie import words_trie
from pipeline.extract.sentences import NOTE_MARKER_CHARS as _M

_TOKEN = re.compile(
    r"(?P<paren>\((?P<abbr>[A-Za-z0-9][A-Za-z0-9&./-]{0,14})\))"
    r"|(?P<num>\d{1,3}(?:,\d{3})+)"
    # a note marker glued to a word ('Initiative¹', 'Mexico.ⁱ') is not part of it
    r"|(?P<word>(?:[^\W\d_]\.){2,}(?:-[^\W_][\w'’/&-]*)?"
    rf"|[^\W_{_M}](?:[^\W{_M}]|['’&/.-](?=[^\W{_M}]))*)"
    rf"|(?P<comma>,)|(?P<amp>&)|(?P<newline>\n)|(?P<other>[^\w\s]|[{_M}]+)"
)
# What lies between runs, cut exactly as _TOKEN cuts it (a parenthesis first, then both
# word shapes) but only where a word starts lower-case: nothing here can open a run.
_NO_RUN = re.compile(
    r"(?:\([A-Za-z0-9][A-Za-z0-9&./-]{0,14}\)"
    r"|[a-z]\.(?:[^\W\d_]\.)+(?:-[^\W_][\w'’/&-]*)?"
    rf"|[a-z](?:[^\W{_M}]|['’&/.-](?=[^\W{_M}]))*"
    rf"|\W|_|[{_M}])*+"
)
# Where a run that holds a name may be: a head noun, as a whole word or the end of one.
_ANCHOR = re.compile(words_trie(sorted({*_ANY_HEAD, *_LOWER_HEADS}), rf"(?![^\W{_M}])"))
# The last lower-case word between white space: one whole token, and no connector, so it
# closes any run open before it.
_LAST_CLOSER = re.compile(
    r".*(?<=\s)(?!(?:" + "|".join(sorted(_CONNECT - {"&"})) + r")\s)[a-z]+(?=\s)", re.DOTALL
)


@dataclass(slots=True)
class _Tok:
    start: int
    end: int
    text: str
    kind: str  # cap, conn, comma, paren, lower


# After these, a possessive opens another name rather than ending this one.
_OWNER_BREAKS = frozenset(("and", "&", "y", ","))


def _is_title_line(line: str) -> bool:
    words = re.findall(r"[^\W\d_][\w'’&.-]*", line)
    return bool(words) and all(w[0].isupper() or w in _CONNECT for w in words)


def runs(text: str, limit: int) -> list[tuple[list[_Tok], _Tok | None]]:
    """Runs of capitalized words that may hold a name, each with the lower-case word right
    after it, in text order.

    Only a run with a head noun in it, or a lower-case head after it, can hold a name, and
    most runs have neither (a sentence's first word, a place, a date). So the scan starts
    at each head (`_ANCHOR`), backs up to the last word that surely ended any run before
    it (`_LAST_CLOSER`), and reads from there until the run around the head is closed: the runs
    it finds are exactly those a scan of the whole text finds there."""
    runs: list[tuple[list[_Tok], _Tok | None]] = []
    done = 0  # everything before `done` is read, and no run is open there
    for anchor in _ANCHOR.finditer(text, 0, limit):
        if anchor.end() > done:
            start = _closed_before(text, done, anchor.start())
            done = _scan(text, start, anchor.end(), limit, runs)
    return runs


def _closed_before(text: str, floor: int, at: int) -> int:
    """The end of the last word before `at` (and after `floor`) that closes any run."""
    width = 200
    while True:
        lo = max(floor, at - width)
        last = _LAST_CLOSER.match(text, lo, at)
        if last is not None:
            return last.end()
        if lo == floor:
            return floor
        width *= 4


def _scan(
    text: str, pos: int, stop: int, limit: int, runs: list[tuple[list[_Tok], _Tok | None]]
) -> int:
    """Read runs from `pos`, where no run is open, until one is closed at or after `stop`;
    return where reading stopped. Between runs, `_NO_RUN` passes over everything that
    cannot open one in a single match."""
    run: list[_Tok] = []
    skip, token = _NO_RUN.match, _TOKEN.search
    while True:
        if not run:
            if pos >= stop:
                return pos
            pos = skip(text, pos, limit).end()  # type: ignore[union-attr]
            if pos >= stop:
                return pos
        m = token(text, pos, limit)
        if m is None:
            if run:
                runs.append((run, None))
            return limit
        pos = m.end()
        kind = m.lastgroup
        if kind == "newline":
            # A blank line, a title-case line, or the document's first line ends a run.
            line_start = text.rfind("\n", 0, m.start()) + 1
            line = text[line_start : m.start()]
            if run and (not line_start or not line.strip() or _is_title_line(line)):
                runs.append((run, None))
                run = []
        elif kind == "word" or kind == "num":
            word = m.group()
            if word.endswith(("'s", "’s")):
                stem = word[:-2]
                if stem[:1].isupper() and not (run and run[-1].text in _OWNER_BREAKS):
                    # the possessive ends the name ('Department of Homeland Security's
                    # budget'), unless it owns what follows ('Labor and Mexico's Secretaría')
                    run.append(_Tok(m.start(), m.end() - 2, stem, "cap"))
                if run:
                    runs.append((run, None))
                    run = []
            elif word[0].isupper() or word[0].isdigit():
                run.append(_Tok(m.start(), m.end(), word, "cap"))
            elif word in _CONNECT and run:
                run.append(_Tok(m.start(), m.end(), word, "conn"))
            elif run:
                runs.append((run, _Tok(m.start(), m.end(), word, "lower")))
                run = []
        elif kind == "amp" and run:
            run.append(_Tok(m.start(), m.end(), "&", "conn"))
        elif kind == "comma" and run:
            run.append(_Tok(m.start(), m.end(), ",", "comma"))
        elif kind == "paren" and run:
            run.append(_Tok(m.start(), m.end(), m.group("abbr"), "paren"))
        elif run:
            runs.append((run, None))
            run = []
