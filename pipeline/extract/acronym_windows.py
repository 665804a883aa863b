"""Where the long form of an acronym may start: after the last clause boundary before its
bracket (clause punctuation, a blank line, a bullet), read back from the bracket.
"""

from __future__ import annotations

import re

# Where a long-form search window must stop: clause punctuation, blank lines, bullets.
_BOUNDARY = re.compile(r"[.!?](?=\s)|[;:()\[\]]|\n[ \t\r]*\n|\n[ \t]*(?:[-*•▪]|\d{1,3}[.)])[ \t]")
# A character that cannot stand inside a multi-character `_BOUNDARY` match.
_OUTSIDE_BOUNDARY = re.compile(r"[^\n \t\r\-*•▪0-9.)]")
# A full stop after these ends no clause: `U.S. Customs`, `Gen. Smith`.
_INITIALISM = re.compile(r"(?:[A-Za-z]\.){2,}")
_TITLE_ABBREV = re.compile(r"(?:[A-Z]|Mr|Mrs|Ms|Dr|St|No|Gen|Gov|Sen|Rep|Dept|Inc|Corp|Co|Jr|Sr)")


def _is_cut(text: str, m: re.Match[str]) -> bool:
    """Whether a `_BOUNDARY` match ends a clause: a full stop after an initialism or a
    title (`U.S. Customs`, `Gen. Smith`) does not."""
    if m.group(0) != ".":
        return True
    token_start = max(text.rfind(" ", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
    token = text[token_start : m.end()]
    return not (_INITIALISM.fullmatch(token) or _TITLE_ABBREV.fullmatch(token[:-1]))


def boundaries(text: str) -> list[int]:
    """Every clause boundary of `text`, in order."""
    return [m.end() for m in _BOUNDARY.finditer(text) if _is_cut(text, m)]


def below_capitals_heading(text: str, window: int, pos: int, lines: int = 3) -> int:
    """Move a window's start below a heading line in capitals over the name at `pos`
    (`NORTH AMERICAN DEVELOPMENT BANK⏎North American Development Bank (NADBank)`): the
    heading is a line of its own, not the start of the name. Unchanged when the lines
    between are in capitals as well (`U.S. CUSTOMS AND BORDER⏎PROTECTION (CBP)`)."""
    below = pos
    for _ in range(lines):
        brk = text.rfind("\n", window, below)
        if brk < 0:
            return window
        line = text[max(text.rfind("\n", 0, brk) + 1, window) : brk]
        if _is_capitals_heading(line) and any(c.islower() for c in text[brk + 1 : pos]):
            return brk + 1
        below = brk
    return window


def _is_capitals_heading(line: str) -> bool:
    words = [w for w in line.split() if any(c.isalpha() for c in w)]
    return len(words) >= 2 and not any(c.islower() for c in line)


def window_start(text: str, pos: int, width: int = 256) -> int:
    """The last of `boundaries(text)` at or before `pos` - 1 (0 if none), reading back
    `width` characters first, then more: from just after a character no multi-character
    boundary (blank line, bullet) can hold, a scan finds what a scan from the start does."""
    while True:
        lo = max(0, pos - width)
        if lo:
            safe = _OUTSIDE_BOUNDARY.search(text, lo, pos)
            lo = safe.end() if safe else pos
        cut = None
        for m in _BOUNDARY.finditer(text, lo):
            if m.end() > pos - 1:
                break
            if _is_cut(text, m):
                cut = m.end()
        if cut is not None:
            return cut
        if pos <= width:
            return 0
        width *= 4
