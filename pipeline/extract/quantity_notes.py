"""Which numbers of a notes section are stated quantities.

Below a `Notes`, `Footnotes`, `Endnotes`, `References` or `Sources` heading, most lines
are citations, whose numbers (pages, volumes, report numbers, dates) are never
quantities. But reports also explain in their footnotes ('CBP counts 26 ports; some
include more than one crossing.'), and those notes state quantities as the body does.
A note line is read as prose when it shows none of the marks of a citation; its
leading marker is never a quantity either way.
"""

from __future__ import annotations

import re

from pipeline.extract.bibliography import has_citation_marks
from pipeline.extract.sentences import NOTE_MARKER_CHARS

_HEADING = re.compile(
    r"\n[ \t\xa0]*(?:End[ \t\xa0]?[Nn]otes|ENDNOTES|Footnotes|FOOTNOTES|Notes|NOTES"
    r"|References|REFERENCES|Bibliography|Works[ \t\xa0]Cited|Sources|SOURCES|Citations)"
    r"[ \t\xa0]*:?[ \t\xa0]*\n"
)
# The note's own marker at the start of its line: '1', '1The', '12.', 'ⁱⁱ', '^{iv}', '[3]',
# '[^3]:', '- ^{iv}'.
_MARKER = re.compile(
    rf"[ \t\xa0]*(?:[-*•][ \t\xa0]*)?(?:[0-9]{{1,3}}|[{NOTE_MARKER_CHARS}]+|\^\{{?[ivxlc0-9]+\}}?"
    r"|\[\^?[0-9]{1,3}\]:?|[ivxlc]{1,6}\.)[.)]?"
)


def notes_start(scan: str, pos: int = 0) -> int | None:
    """Where the first notes section's lines begin (after its heading), if there is one."""
    heading = _HEADING.search(scan, pos)
    return heading.end() if heading else None


class NoteLines:
    """Answers, for a number inside a notes section, whether it is a stated quantity:
    one line at a time, each line judged once."""

    def __init__(self, scan: str) -> None:
        self._scan = scan
        self._verdicts: dict[int, tuple[bool, int]] = {}

    def reads(self, start: int) -> bool:
        """Whether the number starting at `start` is prose (and not the note's marker)."""
        line_start = self._scan.rfind("\n", 0, start) + 1
        verdict = self._verdicts.get(line_start)
        if verdict is None:
            line_end = self._scan.find("\n", start)
            line = self._scan[line_start : line_end if line_end != -1 else len(self._scan)]
            line = line.rstrip("\r")  # a Windows line ending is no part of the note
            marker = _MARKER.match(line)
            body_at = marker.end() if marker else 0
            verdict = (not has_citation_marks(line[body_at:]), line_start + body_at)
            self._verdicts[line_start] = verdict
        prose, body_start = verdict
        return prose and start >= body_start
