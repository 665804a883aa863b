"""Tokens of the clause around a number, for the measure grammar (`quantity_measure`).

A token is a word (an abbreviation with its full stops, 'U.S.'; a possessive with its
apostrophe), a number or one mark, with its offsets. The clause is cut where the sentence
splitter would end a sentence, at ';', and at lines that end a clause (a short line, a line
before a 'Label: value' line).
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_left
from typing import NamedTuple

from pipeline.extract.sentences import _ABBREVIATIONS, _newline_cuts, abbreviation_ends_sentence

# Characters read before and after a number.
REACH_BEFORE, REACH_AFTER = 100, 90
# A token: an abbreviation with its full stops ('U.S.', 'U.S.-Mexico'), a word (an ordinal
# joined to one: '2nd-generation'), a number (with letters glued to it: '2nd', '10k'; 'FY2022'
# is a word) or one other character.
_TOKEN = re.compile(
    r"(?P<w>(?:[A-Za-z]\.){2,}(?:-[A-Za-z][\w'’&/-]*\w)?|[A-Za-z][\w'’&/-]*\w|[A-Za-z]"
    r"|[0-9]{1,3}(?:st|nd|rd|th)-[A-Za-z][\w'’&/-]*\w)"
    r"|(?P<n>[0-9]+(?:[.,][0-9]+)*[A-Za-z]*)|(?P<p>[^\s\w])"
)
_new = tuple.__new__  # builds a Token without the keyword handling of its constructor
_TRAILING = frozenset(",.;:!?)")  # marks glued after a plain word ('Mexico,')
_STOPS = frozenset(".!?")
_CLOSERS = frozenset("\"”’')]")
_SHORT_LINE = 50  # a line this short is a list item or a heading, not a wrapped paragraph line
_LABEL_LINE = re.compile(r"[ \t]*(?:[-*•][ \t]*)?(?:\*\*)?[A-Z][^\n:.]{0,60}:")


class Token(NamedTuple):
    text: str
    low: str
    kind: str  # w (word), n (number) or p (punctuation)
    start: int
    end: int
    capital: bool  # written with a capital first letter


def _token(word: str, kind: str, start: int) -> Token:
    return _new(Token, (word, word.lower(), kind, start, start + len(word), word[0].isupper()))


class _Tokenized(threading.local):
    """The tokens of the stretch of one text read last, per thread. Quantities are measured
    in text order and their windows overlap (several numbers in a sentence), so each stretch
    is tokenized once and the windows are slices of it."""

    text: str | None = None
    lo = hi = 0
    tokens: list[Token]
    starts: list[int]


_TOKENIZED = _Tokenized()
_GAP = 200  # characters tokenized on the way to a window rather than starting afresh


def tokens(text: str, start: int, end: int) -> list[Token]:
    """The tokens lying wholly in text[start:end]."""
    done = _TOKENIZED
    if done.text is not text or start < done.lo or start > done.hi + _GAP:
        # from the white space before the window (searched a bounded way: a text may have
        # none for megabytes), so that chunks are whole
        reach = max(0, start - _GAP)
        lo = max(text.rfind(" ", reach, start), text.rfind("\n", reach, start), reach - 1) + 1
        done.text, done.lo, done.hi, done.tokens, done.starts = text, lo, lo, [], []
    if end > done.hi:
        reach = min(len(text), end + _GAP)
        hi = min(
            i for i in (text.find(" ", end, reach), text.find("\n", end, reach), reach) if i != -1
        )
        fresh = _tokenize(text, done.hi, hi)
        done.tokens.extend(fresh)
        done.starts.extend(t.start for t in fresh)
        done.hi = hi
    first, last = bisect_left(done.starts, start), bisect_left(done.starts, end)
    window = done.tokens[first:last]
    while window and window[-1].end > end:
        window.pop()
    return window


def _tokenize(text: str, start: int, end: int) -> list[Token]:
    """The tokens of text[start:end]. White-space chunks that are plain words (most of them)
    become a token as they are; only the others go through the token pattern."""
    out: list[Token] = []
    pos, find, append = start, text.find, out.append
    for chunk in text[start:end].split():
        pos = find(chunk, pos)
        if chunk.isalpha() and chunk.isascii():
            append(_new(Token, (chunk, chunk.lower(), "w", pos, pos + len(chunk), chunk < "a")))
        elif chunk[-1] in _TRAILING and chunk[:-1].isalpha() and chunk.isascii():
            word, mark = chunk[:-1], pos + len(chunk) - 1
            append(_new(Token, (word, word.lower(), "w", pos, mark, word < "a")))
            append(_new(Token, (chunk[-1], chunk[-1], "p", mark, mark + 1, False)))
        else:
            for m in _TOKEN.finditer(chunk):
                word, at = m.group(), pos + m.start()
                if m.lastgroup == "p" and word in "'’" and out and out[-1].low.endswith("s"):
                    # the apostrophe of a plural possessive ('companies' costs') stays on it
                    if out[-1].end == at:
                        owner = out.pop()
                        out.append(_token(owner.text + word, "w", owner.start))
                    continue
                out.append(_token(word, m.lastgroup or "p", at))
        pos += len(chunk)
    return out


def _line_cuts(text: str, newline: int) -> bool:
    """Whether a newline ends the clause: where it ends a sentence, and also after a short
    line or before a 'Label: value' line (indicator lists the sentence splitter joins)."""
    if newline <= _SHORT_LINE or text.rfind("\n", newline - _SHORT_LINE, newline) != -1:
        return True
    return bool(_LABEL_LINE.match(text, newline + 1)) or _newline_cuts(text, newline)


def _ends_sentence(text: str, tokens: list[Token], k: int, limit: int) -> bool:
    """Whether the '.', '!' or '?' at tokens[k] ends a sentence (the rules of the sentence
    splitter, read on tokens): white space after it, then no lower-case word, and no
    abbreviation or initial before it. `limit` is where the text after `tokens` goes on."""
    j = k + 1
    while j < len(tokens) and tokens[j].text in _CLOSERS and tokens[j].start == tokens[j - 1].end:
        j += 1
    gap_end = tokens[j].start if j < len(tokens) else limit
    if not text[tokens[j - 1].end : gap_end + 1][:1].isspace():
        return False
    following = text[gap_end : gap_end + 1] if j >= len(tokens) else tokens[j].text[0]
    if following.islower() or following in (",", ";"):
        return False
    if k == 0:
        return True
    owner = tokens[k - 1].low.lstrip("(\"“'")
    if owner in _ABBREVIATIONS:
        return abbreviation_ends_sentence(owner, _word_at(text, tokens, j, gap_end))
    return not (len(owner) == 1 and owner.isalpha())


def _word_at(text: str, tokens: list[Token], j: int, at: int) -> str:
    """The word that tokens[j] is, or that starts at `at` past the tokens read."""
    if j < len(tokens):
        return tokens[j].text
    end = at
    while end < len(text) and text[end].isalpha():
        end += 1
    return text[at:end]


def _dotted_end(text: str, tokens: list[Token], k: int, limit: int) -> bool:
    """Whether tokens[k], an abbreviation written with its own full stops ('U.S.',
    'a.m.'), ends the sentence too (`abbreviation_ends_sentence`)."""
    token = tokens[k]
    if token.kind != "w" or not token.text.endswith("."):
        return False
    gap_end = tokens[k + 1].start if k + 1 < len(tokens) else limit
    if not text[token.end : gap_end + 1][:1].isspace():
        return False
    return abbreviation_ends_sentence(token.low[:-1], _word_at(text, tokens, k + 1, gap_end))


def window(
    text: str, start: int, end: int, reach: int = REACH_BEFORE
) -> tuple[list[Token], list[Token]]:
    """The tokens of the clause before the number (at most `reach` characters back) and
    after it, cut at sentence ends, ';' and lines that end a clause."""
    lo, hi = max(0, start - reach), min(len(text), end + REACH_AFTER)
    newline = text.rfind("\n", lo, start)
    while newline != -1 and not _line_cuts(text, newline):
        newline = text.rfind("\n", lo, newline)
    before = tokens(text, max(lo, newline + 1), start)
    for k in range(len(before) - 1, -1, -1):
        mark = before[k].text
        if (
            mark == ";"
            or (mark in _STOPS and _ends_sentence(text, before, k, start))
            or _dotted_end(text, before, k, start)
        ):
            before = before[k + 1 :]
            break
    newline = text.find("\n", end, hi)
    while newline != -1 and not _line_cuts(text, newline):
        newline = text.find("\n", newline + 1, hi)
    after = tokens(text, end, hi if newline == -1 else newline) if end > start else []
    for k, token in enumerate(after):
        if token.text == ";" or (token.text in _STOPS and _ends_sentence(text, after, k, hi)):
            return before, after[:k]
        if _dotted_end(text, after, k, hi):
            return before, after[: k + 1]
    return before, after
