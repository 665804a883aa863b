"""Numbers and units that a line break splits with a hyphen, as PDF text prints them.

Text taken from a PDF keeps the typesetter's hyphenation: `$3.4 bil-⏎lion`, `30 per-⏎cent`,
`forty-⏎five percent`, `1,954-⏎mile`. The quantity extractor reads a copy of the text in
which such a break is joined (`billion`, `percent`, `forty-five`, `1,954-mile`) and every
offset is mapped back, so a row's quote is the text as printed, break and all. Only
breaks inside the words a quantity is made of are joined; any other hyphenated word is
left as it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from pipeline.extract.numbers import SCALE_WORDS, SMALL_NUMBERS, SPANISH_NUMBERS, TENS
from pipeline.extract.quantity_copies import Records, read_copy
from pipeline.extract.quantity_units import UNITS

_BREAK = re.compile(r"-\r?\n[ \t]*(?=[a-z0-9])")  # a literal first: the engine skips to it
_WORD_BEFORE = re.compile(r"[^\W\d_]+\Z")
_WORD_AFTER = re.compile(r"[^\W\d_]+")
_VOCABULARY = frozenset(
    [*SCALE_WORDS, *SMALL_NUMBERS, *TENS, *SPANISH_NUMBERS, "hundred", "percent"]
    + [form for form in UNITS if form.isalpha()]
)
_NUMBER_WORDS = frozenset([*SMALL_NUMBERS, *TENS])


def _joined(text: str) -> tuple[str, list[int]] | None:
    """The text with quantity words' hyphenated breaks joined, and for each of its
    characters the offset it came from; None when there is nothing to join."""
    pieces: list[str] = []
    origin: list[int] = []
    done = 0
    for m in _BREAK.finditer(text):
        if not m.start() or not text[m.start() - 1].isalnum():
            continue
        before = _WORD_BEFORE.search(text, max(0, m.start() - 20), m.start())
        after = _WORD_AFTER.match(text, m.end())
        if before is None:  # a number before the hyphen: '1,954-⏎mile' keeps its hyphen
            keep = 1 if text[m.start() - 1].isdigit() and after else None
        elif after is None:
            keep = None
        elif (before.group() + after.group()).lower() in _VOCABULARY:
            keep = 0  # 'bil-⏎lion', 'per-⏎cent'
        elif {before.group().lower(), after.group().lower()} <= _NUMBER_WORDS:
            keep = 1  # 'forty-⏎five'
        else:
            keep = None  # any other word: left as printed
        if keep is None:
            continue
        pieces.append(text[done : m.start() + keep])
        origin.extend(range(done, m.start() + keep))
        done = m.end()
    if not pieces:
        return None
    pieces.append(text[done:])
    origin.extend(range(done, len(text)))
    return "".join(pieces), origin


def on_joined_text(extract: Callable[[str], Records], text: str) -> Records:
    """Run `extract` on the text with hyphenated breaks joined; offsets and quotes of its
    records point into `text` itself."""
    joined = _joined(text)
    if joined is None:
        return extract(text)
    clean, origin = joined
    return read_copy(extract, text, clean, origin)
