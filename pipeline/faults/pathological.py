"""Texts built to make a regex backtrack or a loop go quadratic.

`iter_pathological_inputs(size)` yields each such text at about `size` characters
(the issue's 10 MB of digits is the one named "digits" at the default size). The
benchmark runs every extractor over them with a time budget; the fault matrix runs them
small, for the record contract only. Every text is built from the shape of trouble, not from a seed.
"""

from __future__ import annotations

from collections.abc import Iterator

DEFAULT_SIZE = 10_000_000

_UNITS: dict[str, str] = {
    # one giant number: every quantifier over digits sees the whole text
    "digits": "7",
    # numbers that never end: 1,1,1,... and 1.1.1....
    "digit_groups": "1,",
    "decimal_dots": "1.",
    # a currency sign, scale word and percent, over and over, with no sentence end
    "money_run": "$1 million ",
    "percent_run": "5% ",
    # openers that are never closed: parentheses, quotes, brackets, note markers
    "open_parentheses": "(",
    "acronym_openers": "(A ",
    "open_quotes": "“",
    "open_brackets": "[",
    "note_markers": "^{",
    "roman_superscripts": "ⁱ",
    # words extractors key on, endlessly repeated
    "capital_words": "ABC ",
    "recommend_run": "We recommend that ",
    "citation_run": "See Report, p. 1; ",
    # whitespace only, and one line with no break at all
    "spaces": " ",
    "long_line": "The U.S. gave Mexico $1.5 million (USMCA) in 2021, up 25 percent, ",
    "newlines": "\n",
    "crlf": "\r\n",
    # characters that are letters, digits or dashes in other scripts
    "unicode_digits": "٣",
    "dashes": "–",
}


def iter_pathological_inputs(size: int = DEFAULT_SIZE) -> Iterator[tuple[str, str]]:
    """(name, text of about `size` characters), one at a time: at 10 MB each, holding
    all of them at once would take a quarter of a gigabyte."""
    for name, unit in _UNITS.items():
        yield name, unit * max(1, size // len(unit))


def pathological_inputs(size: int = DEFAULT_SIZE) -> dict[str, str]:
    """Name -> a text of about `size` characters (at least one unit)."""
    return dict(iter_pathological_inputs(size))
