"""Word lists compiled as regex tries.

Python's regex engine tries the alternatives of a group one after the other, but skips an
alternative at once when its first character is a literal that does not match. A flat list
of a hundred words therefore costs a hundred checks at every position; the same words as a
trie cost one check per distinct first letter. The scan runs at every lead character of
every document, so this is what keeps it near the speed of a bare regex.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def word_list(text: str) -> list[str]:
    """The words of a space-separated list written as one string."""
    return text.split()


def case_variants(word: str) -> list[str]:
    """The word as printed in running text, at a sentence start, in title case and in capitals."""
    title = " ".join(w[:1].upper() + w[1:] for w in word.split(" "))
    return sorted({word, word[:1].upper() + word[1:], title, word.upper()})


def regex_trie(items: Iterable[tuple[str, str]]) -> str:
    """An alternation of literal words, each followed by its own suffix pattern, arranged as
    a trie. Longer words are tried before their prefixes ('Sections' before 'Section')."""
    root: dict = {}
    for word, suffix in items:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node.setdefault("", []).append(suffix)
    return _emit(root)


def _emit(node: dict) -> str:
    options = [_char(c) + _emit(child) for c, child in sorted(node.items()) if c]
    suffixes = dict.fromkeys(node.get("", []))  # unique, in insertion order
    options += [f"(?:{s})" if s else "" for s in suffixes]
    if len(options) == 1:
        return options[0]
    return "(?:" + "|".join(options) + ")"


def _char(char: str) -> str:
    # A space inside a phrase may be any run of blanks, or a line break in wrapped text.
    return r"[ \t\n\xa0]+" if char == " " else re.escape(char)


def words_trie(words: Iterable[str], suffix: str = "") -> str:
    """A trie of plain words sharing one suffix."""
    return regex_trie((w, suffix) for w in words)
