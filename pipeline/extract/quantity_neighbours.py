"""The words on either side of a number, read once and shared by every rule: the word right
before it on its line, and the word after it (across a line break only inside hard-wrapped
prose, where a long line breaks mid-sentence).
"""

from __future__ import annotations

import re
from typing import NamedTuple

_WRAPPED_LINE = 60  # hard-wrapped prose breaks lines at about 70 characters
_NARROW_COLUMN = 30  # ... and a two-column page at about 40
# a word may open with a typesetter's ligature ('ﬂoodgate', 'ﬁeld'), as PDF text keeps it
# and may follow a note's marker glued to the number ('140⁴ Mexican officers') or a dot
# leader ('104 ........ matches in all', as a by-the-numbers page prints it)
_NEXT_WORD = re.compile(
    r"[¹²³⁴⁵⁶⁷⁸⁹⁰]{0,3}(?:\*\*|__)?(?:[ \t\xa0]+\.{3,}(?=[ \t\xa0]))?"
    r"[ \t\xa0]*\n?[ \t\xa0]*[“\"‘]?([A-Za-z\ufb00-\ufb06][\w'’.&-]*)"
)
# Abbreviations that end in a full stop inside a sentence.
_ABBREVIATIONS = frozenset(
    ["approx.", "est.", "vs.", "no.", "nos.", "ca.", "c.", "ext.", "tel.", "p.", "pp."]
)


class Neighbours(NamedTuple):
    """The words on either side of a number, read once and shared by every rule."""

    before: str | None  # the word right before, as `word_before` reads it
    before_start: int  # where that word starts (the number's start when there is none)
    after: str | None  # the word right after, as `next_word` reads it

    @property
    def before_lower(self) -> str | None:
        return self.before.lower() if self.before else None

    @property
    def after_lower(self) -> str | None:
        return self.after.lower().rstrip(".,;:") if self.after else None


def neighbours(scan: str, start: int, end: int) -> Neighbours:
    before, before_start = word_before(scan, start)
    return Neighbours(before, before_start, next_word(scan, end))


def word_before(scan: str, start: int) -> tuple[str | None, int]:
    """The word right before `start` on the same line and where it starts, if only spaces
    separate them and no punctuation closes it ('Report, 15,365' and 'Discussion.
    Twenty-five' have none); (None, start) otherwise."""
    i = start - 1
    while i >= 0 and scan[i] in " \t\xa0":
        i -= 1
    if i >= 0 and scan[i] == "\n":
        return _word_ending_wrapped_line(scan, i, start)
    if i == start - 1 or i < 0 or scan[i] in ',;:!?)]”"':
        return None, start
    end = i + 1
    while i >= 0 and not scan[i].isspace():
        i -= 1
    word = scan[i + 1 : end]
    if word.endswith(".") and word.count(".") == 1 and word.lower() not in _ABBREVIATIONS:
        return None, start
    return (word, i + 1) if word[:1].isalpha() else (None, start)


def next_word(scan: str, end: int) -> str | None:
    """The word after `end`; across a line break only inside hard-wrapped prose, where a
    long line breaks mid-sentence ('between 200,000 and 500,000\\nfirearms')."""
    m = _NEXT_WORD.match(scan, end)
    if not m:
        return None
    line_length = end - scan.rfind("\n", 0, end)
    # a narrow column wraps sooner: a line of some length whose next line goes on in lower
    # case ('… after Coast Guard alerts. The two⏎services exchange …'), as does a line
    # that itself goes on from the one above ('volun-⏎teers. The two⏎agencies spent')
    line_start = end - line_length + 1
    goes_on = line_length >= _NARROW_COLUMN or scan[line_start : line_start + 1].islower()
    narrow = goes_on and m.group(1)[0].islower()
    if "\n" in scan[end : m.start(1)] and line_length < _WRAPPED_LINE and not narrow:
        return None
    return m.group(1)


def _word_ending_wrapped_line(scan: str, newline: int, start: int) -> tuple[str | None, int]:
    """The lower-case word ending the line above, when that line is hard-wrapped prose
    broken mid-sentence ('lanes from⏎4 to 9'); (None, start) otherwise."""
    line_start = scan.rfind("\n", 0, newline) + 1
    if newline - line_start < _WRAPPED_LINE or not scan[newline - 1 : newline].islower():
        return None, start
    word_start = max(scan.rfind(" ", line_start, newline), scan.rfind("\t", line_start, newline))
    word = scan[word_start + 1 : newline]
    return (word, word_start + 1) if word.isalpha() and word.islower() else (None, start)
