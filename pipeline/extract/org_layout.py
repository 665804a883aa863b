"""What a document's layout says about the bodies it names: the heading each one stands
under, and who the text says leads or chairs it.

Headings come in three shapes, tried in this order because a document that has the
first kind uses the others for something else (a brochure's title-case lines are the
names of its boards, not sections):
- ALL-CAPS lines (`DOMAIN AWARENESS`); an ALL-CAPS line right under another one, with
  only blank lines between, is its tagline, not a new section;
- bold paragraph labels (`**Economic Cooperation:**`);
- short stand-alone title lines between blank lines, with no closing punctuation, that
  are not themselves a name.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from pipeline.extract.sentences import SentenceIndex

_LINE = re.compile(r"[^\n]*")
_BULLET = re.compile(r"[ \t]*(?:[-*•▪◦‣]|\d{1,3}[.)])[ \t]")
_BOLD_LABEL = re.compile(r"[ \t]*\*\*(?P<label>[^*\n]{2,80}?)\*\*")
_ASCII_LOWER = re.compile(r"[a-z]")
# Each phrase starts with a literal letter and checks the word boundary before it right
# after (`(?<!\w.)`), so the engine jumps to the letters c, l, h, u instead of trying a
# leading `\b` at every character.
_LEAD = re.compile(
    r"(?:c(?<!\w.)(?:o-(?:led|chaired|headed)|haired)[ \t\n]+by|l(?<!\w.)ed[ \t\n]+by"
    r"|h(?<!\w.)eaded[ \t\n]+by|u(?<!\w.)nder[ \t\n]+the[ \t\n]+"
    r"(?:leadership|chairmanship)[ \t\n]+of)[ \t\n]+(?:the[ \t\n]+)?"
    r"(?P<lead>(?P<tok>(?:[A-Z]\.){2,}|[A-Z][\w&’'/-]*)"
    r"(?:(?:[ \t\n]+|,[ \t\n]+|[ \t\n]+(?:and|&|of|of the|for)[ \t\n]+)"
    r"(?:(?:[A-Z]\.){2,}|[A-Z0-9][\w&’'/-]*))*)"
)


@dataclass(frozen=True)
class Lead:
    start: int
    end: int
    text: str
    phrase_start: int
    sentence_start: int


def leads(text: str, limit: int, sentences: SentenceIndex) -> list[Lead]:
    """Every `led by X` / `chaired by X` / `under the leadership of X` before `limit`."""
    out = []
    for m in _LEAD.finditer(text, 0, limit):
        sentence = sentences.at(m.start())
        out.append(
            Lead(
                start=m.start("lead"),
                end=m.end("lead"),
                text=" ".join(m.group("lead").split()),
                phrase_start=m.start(),
                sentence_start=sentence.start if sentence else m.start(),
            )
        )
    return out


def _is_caps_heading(line: str) -> bool:
    if len(line) > 100 or line.endswith(".") or _BULLET.match(line) or _ASCII_LOWER.search(line):
        return False  # most lines hold a lower-case letter: no need to look at each one
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def _is_title_heading(line: str, blank_before: bool, blank_after: bool) -> bool:
    return (
        blank_before
        and blank_after
        and len(line) <= 80
        and len(line.split()) <= 10
        and line[:1].isalpha()
        and line[:1].isupper()
        and line[-1] not in ".,;:!?"
        and not _BULLET.match(line)
    )


class Sections:
    """The heading in force at any offset of a document."""

    def __init__(self, text: str, limit: int, is_name: Callable[[str], bool]) -> None:
        lines = [(m.start(), m.group(0)) for m in _LINE.finditer(text, 0, limit)]
        caps: list[tuple[int, str]] = []
        bold: list[tuple[int, str]] = []
        titles: list[tuple[int, str]] = []
        previous_caps = False
        for i, (start, raw) in enumerate(lines):
            line = raw.strip()
            if not line:
                continue
            if _is_caps_heading(line):
                if not previous_caps:
                    caps.append((start, line))
                previous_caps = True
                continue
            previous_caps = False
            label = _BOLD_LABEL.match(raw)
            if label:
                bold.append((start, label.group("label").strip().rstrip(":").strip()))
                continue
            blank_before = i == 0 or not lines[i - 1][1].strip()
            blank_after = i + 1 == len(lines) or not lines[i + 1][1].strip()
            if _is_title_heading(line, blank_before, blank_after) and not is_name(line):
                titles.append((start, line))
        self._headings = caps or bold or titles
        self._starts = [s for s, _ in self._headings]

    def at(self, offset: int) -> str | None:
        i = bisect_right(self._starts, offset) - 1
        return self._headings[i][1] if i >= 0 else None
