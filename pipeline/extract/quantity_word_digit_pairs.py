"""Numbers printed twice, in words and then in digits in brackets: `four (4) aircraft`,
`within thirty (30) days`, as agreements, contracts and legal notices print them.

Read as printed, the bracket stands between the word and what it counts, so the word
counts nothing and the bracketed digits look like a list or note number. The quantity
extractor reads a copy without the bracket, and every offset is mapped back: the word
then reads with its noun or unit. Each row read from such a word gains
a second row for the digits, with the same value and unit, since each printing of a
restated figure is its own row. `one (1)` stays as printed: the word `one` is never a row.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from pipeline.extract.numbers import parse_digits, parse_words
from pipeline.extract.quantity_copies import Records, read_copy

_BRACKETED_DIGITS = re.compile(r"[ \t\xa0]?\((?P<digits>[0-9]{1,3}(?:,[0-9]{3})*|[0-9]+)\)")
# Up to five words before the bracket, the longest run of them that spells the digits.
_WORDS_BEFORE = re.compile(r"(?:[^\W\d_]+[- \t\xa0]){0,5}[^\W\d_]+\Z")
_WORD = re.compile(r"[^\W\d_]+")


class _Pair(NamedTuple):
    word_start: int
    word_end: int
    bracket_start: int  # the space before '(' when there is one
    bracket_end: int
    digits_start: int
    digits_end: int


def _pairs(text: str) -> list[_Pair]:
    found: list[_Pair] = []
    for m in _BRACKETED_DIGITS.finditer(text):
        value = parse_digits(m.group("digits"))
        if value is None or value == 1:
            continue
        before = _WORDS_BEFORE.search(text, max(0, m.start() - 60), m.start())
        if before is None:
            continue
        words = before.group()
        for cut in [0, *(i + 1 for i, ch in enumerate(words) if ch in "- \t\xa0")]:
            first = _WORD.match(words, cut)
            if first and not parse_words(first.group()):
                continue  # 'engines and six (6)': the pair opens on a number word
            if parse_words(words[cut:]) == value:
                start = before.start() + cut
                found.append(_Pair(start, m.start(), m.start(), m.end(), *m.span("digits")))
                break
    return found


def on_word_digit_pairs_read(extract: Callable[[str], Records], text: str) -> Records:
    """Run `extract` on a copy of `text` without the brackets of word-and-digits pairs;
    offsets point into `text`, and a row read from the word is followed by one for its
    digits."""
    pairs = _pairs(text) if "(" in text else []
    if not pairs:
        return extract(text)
    pieces, origin, done = [], [], 0
    for pair in pairs:
        pieces.append(text[done : pair.bracket_start])
        origin.extend(range(done, pair.bracket_start))
        done = pair.bracket_end
    pieces.append(text[done:])
    origin.extend(range(done, len(text)))
    by_word_start = {pair.word_start: pair for pair in pairs}
    out: Records = []
    for record in read_copy(extract, text, "".join(pieces), origin):
        start, end = record["char_start"], record["char_end"]
        pair = by_word_start.get(start)
        if pair is None or end < pair.word_end:
            out.append(record)
            continue
        # 'five (5) years': the word's row quotes the words, the digits' row the digits
        word_end = min(end, pair.word_end)
        record.update(char_end=word_end, quote=text[start:word_end])
        digits = dict(record, form="digits", quote=text[pair.digits_start : pair.digits_end])
        digits.update(char_start=pair.digits_start, char_end=pair.digits_end)
        out += [record, digits]
    return out
