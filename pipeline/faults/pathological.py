"""Texts built to make a regex backtrack or a loop go quadratic.

`pathological_inputs(size)` gives each such text at about `size` characters (the
issue's 10 MB of digits is `pathological_inputs()["digits"]`). The benchmark runs every
extractor over them with a time budget; the fault matrix runs them small, for the
record contract only. Every text is built from the shape of trouble, not from a seed.
"""

from __future__ import annotations

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


def pathological_inputs(size: int = DEFAULT_SIZE) -> dict[str, str]:
    """Name -> a text of about `size` characters (at least one unit)."""
    return {name: unit * max(1, size // len(unit)) for name, unit in _UNITS.items()}
