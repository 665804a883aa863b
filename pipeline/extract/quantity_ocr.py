"""Numbers that optical character recognition damaged, flagged instead of guessed.

Text read off a scanned page prints a letter for a digit (`l0 percent`, `2OO,OOO jobs`) or
splits a number with a space (`up to 1 5 percent`: 15? 1.5?). Read as printed, the first
is no number at all and the second a wrong one (`5 percent`). The quantity extractor reads
a copy in which each damaged number has the shape of a number (`10`, `200,000`, `1,5`), so
that its unit, kind and place in a range come out as for any other; every row that quotes
a damaged number then keeps its row with no value and the flag `malformed_number`, since
what the page printed cannot be read safely. The copy has the text's length, so offsets
and quotes point into the text as printed.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from pipeline.extract.quantity_copies import Records, read_copy
from pipeline.extract.quantity_trie import word_list

# A digit run in which 'l', 'I' or 'O' stands for a digit: at least one digit and one such
# letter, nothing glued to it ('C0NFIDENTIAL', 'FR0M' and 'B2O' are words or codes).
_LETTER_FOR_DIGIT = re.compile(
    r"(?<![\w.,])(?=[0-9lIO,.]*[0-9])(?=[0-9,.]*[lIO])[0-9lIO](?:[0-9lIO,.]*[0-9lIO])?(?!\w)"
)
_AS_DIGIT = str.maketrans("lIO", "110")
# Either kind of damage puts a digit next to a letter 'l', 'I', 'O' or next to a spaced
# digit. Most texts have neither; looking for that first, from digits only, costs a
# fraction of the full patterns, which try every position.
_HINT = re.compile(r"[0-9](?:[,.]?[lIO]|(?<=[lIO][0-9])|(?<=[lIO][,.][0-9])| [0-9])")
# 'up to 1 5 percent', 'was 37 5 percent shorter': one or two digits, a space, one digit,
# and a percent or a scale word. The copy reads it as '1,5', a decimal comma, which the
# extractor flags as malformed.
_SPLIT_DIGITS = re.compile(
    r"(?<![\w.,])(?<!No\. )([0-9]{1,2}) ([0-9](?:\.[0-9]+)?)"
    r"(?=[ \t]?(?:%|percent\b|per cent\b|million\b|billion\b))"
)
_LABELS = frozenset(
    word_list(
        """table figure fig chart section chapter article page item step phase tier level
        group annex appendix question rank no number line"""
    )
)
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\.?[ \t]+\Z")


def _damaged(text: str) -> list[tuple[int, int, str]]:
    """Each damaged number as (start, end, its reading in the copy)."""
    if not _HINT.search(text):
        return []
    found = [
        (m.start(), m.end(), m.group().translate(_AS_DIGIT))
        for m in _LETTER_FOR_DIGIT.finditer(text)
    ]
    for m in _SPLIT_DIGITS.finditer(text):
        label = _WORD_BEFORE.search(text, max(0, m.start() - 16), m.start())
        if label and label.group(1).lower() in _LABELS:
            continue  # 'Table 1 5 percent of...' is a label, then a number
        found.append((m.start(), m.end(), f"{m.group(1)},{m.group(2)}"))
    return found


def on_ocr_read(extract: Callable[[str], Records], text: str) -> Records:
    """Run `extract` on a copy of `text` in which damaged numbers are read as digits; a
    row that quotes one is kept, with no value and the flag `malformed_number`."""
    damaged = _damaged(text)
    if not damaged:
        return extract(text)
    pieces, done = [], 0
    for start, end, reading in sorted(damaged):
        pieces += [text[done:start], reading]
        done = end
    copy = "".join(pieces) + text[done:]
    records = read_copy(extract, text, copy, range(len(copy)))  # the copy keeps the length
    for record in records:
        start, end = record["char_start"], record["char_end"]
        if any(start < d_end and d_start < end for d_start, d_end, _ in damaged):
            record.update(value=None, flag="malformed_number")
    return records
