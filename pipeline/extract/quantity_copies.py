"""Reading a copy of a text. The quantity extractor runs on copies in which a printed form
is mended so that the rules read it as they read any other: a hyphenated line break joined
(`quantity_line_breaks`), a damaged digit read as one (`quantity_ocr`), the bracket of a
word-and-digits pair taken out (`quantity_word_digit_pairs`). Every record is then moved
back onto the text as printed: its offsets, its quote and its sentence.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

Records = list[dict[str, Any]]


def read_copy(
    extract: Callable[[str], Records], text: str, copy: str, origin: Sequence[int]
) -> Records:
    """Run `extract` on `copy`, whose character i was `text[origin[i]]`; the offsets,
    quotes and sentences of its records point into `text`."""
    records = extract(copy)
    for record in records:
        at, stop = record["char_start"], record["char_end"]
        start, end = origin[at], origin[stop - 1] + 1
        record.update(char_start=start, char_end=end, quote=text[start:end])
        sentence = record.get("sentence")
        if sentence:  # the sentence as printed too, so that it holds the quote
            found = copy.rfind(sentence, max(0, stop - len(sentence)), at + len(sentence))
            if found != -1:
                record["sentence"] = text[origin[found] : origin[found + len(sentence) - 1] + 1]
    return records
