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
from bisect import bisect_right
from collections.abc import Callable
from typing import Any, NamedTuple

from pipeline.extract.numbers import parse_digits, parse_words

Records = list[dict[str, Any]]

_BRACKETED_DIGITS = re.compile(r"[ \t\xa0]?\((?P<digits>[0-9]{1,3}(?:,[0-9]{3})*|[0-9]+)\)")
# Up to five words before the bracket, the longest run of them that spells the digits.
_WORDS_BEFORE = re.compile(r"(?:[^\W\d_]+[- \t\xa0]){0,5}[^\W\d_]+\Z")


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
            first = re.match(r"[^\W\d_]+", words[cut:])
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
    pieces, done = [], 0
    kept_until: list[int] = []  # in the copy: where each removed bracket was
    removed_before: list[int] = [0]
    for pair in pairs:
        pieces.append(text[done : pair.bracket_start])
        kept_until.append(pair.bracket_start - removed_before[-1])
        removed_before.append(removed_before[-1] + pair.bracket_end - pair.bracket_start)
        done = pair.bracket_end
    copy = "".join(pieces) + text[done:]

    def in_text(at: int) -> int:  # a character of the copy, at its place in `text`
        return at + removed_before[bisect_right(kept_until, at)]

    by_word_start = {pair.word_start: pair for pair in pairs}
    out: Records = []
    for record in extract(copy):
        at, stop = record["char_start"], record["char_end"]
        start, end = in_text(at), in_text(stop - 1) + 1
        sentence = record.get("sentence")
        if sentence:  # the sentence as printed, so that it holds the quote
            found = copy.rfind(sentence, max(0, stop - len(sentence)), at + len(sentence))
            if found != -1:
                record["sentence"] = text[in_text(found) : in_text(found + len(sentence) - 1) + 1]
        pair = by_word_start.get(start)
        if pair is None or end < pair.word_end:
            record.update(char_start=start, char_end=end, quote=text[start:end])
            out.append(record)
            continue
        # 'five (5) years': the word's row quotes the words, the digits' row the digits
        word_end = min(end, pair.word_end)
        record.update(char_start=start, char_end=word_end, quote=text[start:word_end])
        digits = dict(record, form="digits", quote=text[pair.digits_start : pair.digits_end])
        digits.update(char_start=pair.digits_start, char_end=pair.digits_end)
        out += [record, digits]
    return out
