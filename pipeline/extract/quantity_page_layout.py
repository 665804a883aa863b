"""Numbers that belong to the printed page, not to what the page says.

Text taken from a PDF keeps the page's furniture: a page number beside a rule (`| 14`), a
running footer that repeats on every page with its page number (`230 INCSR 2026 Volume I`,
`231 INCSR 2026 Volume I`), and footnotes at the page's foot, numbered at the start of
their lines under a separator (`____________`, then `1 BFMC estimate based on…`, `2 U.S.
Census Bureau…`). Their numbers count nothing. A number that opens its line is taken for
such a mark only when the page shows it: a neighbouring line opens with the next or the
previous number, a separator stands above, or the words after it recur on another line
after another number.
"""

from __future__ import annotations

import re

from pipeline.extract.quantity_rules import Part

_PAGE_NUMBER_LINE = re.compile(r"[ \t]*\|[ \t]*[0-9]{1,4}[ \t\r]*|[ \t]*[0-9]{1,4}[ \t]*\|[ \t\r]*")
_SEPARATOR = re.compile(r"[ \t]*(?:_{5,}|-{5,}|—{3,})[ \t\r]*")
_FOOTER_WORDS = 8  # a repeated footer has a title of some length, not one word


def _line(scan: str, start: int, end: int) -> tuple[int, int]:
    line_end = scan.find("\n", end)
    return scan.rfind("\n", 0, start) + 1, len(scan) if line_end == -1 else line_end


def _neighbour_lines(scan: str, line_start: int, line_end: int) -> tuple[str, str]:
    """The nearest non-blank lines before and after, stripped ('' at the text's ends)."""
    before = scan[:line_start].rstrip().rsplit("\n", 1)[-1].strip()
    after = scan[line_end:].lstrip().split("\n", 1)[0].strip()
    return before, after


def is_page_furniture(scan: str, part: Part) -> bool:
    """Whether a bare number is a page number, a running footer's number or a footnote's
    (or numbered line's) mark at the start of its line."""
    line_start, line_end = _line(scan, part.start, part.end)
    line = scan[line_start:line_end]
    if "|" in line and _PAGE_NUMBER_LINE.fullmatch(line):
        return True  # '| 14'
    if scan[line_start : part.start].strip() or not part.raw.isdigit():
        return False
    rest = scan[part.end : line_end]
    if not rest.startswith((" ", "\t")) or not rest.strip():
        return False
    n = int(part.raw)
    before, after = _neighbour_lines(scan, line_start, line_end)
    if before.startswith(f"{n - 1} ") or after.startswith(f"{n + 1} "):
        return True  # numbered lines: footnotes at a page's foot, or a list
    if n == 1 and _SEPARATOR.fullmatch(before):
        return True  # the first footnote under the separator
    words = rest.strip()
    if len(words) < _FOOTER_WORDS:
        return False
    others = scan[:line_start] + "\n" + scan[line_end:]
    repeated = re.compile(rf"(?m)^[ \t]*[0-9]{{1,4}}[ \t]+{re.escape(words)}[ \t\r]*$")
    return bool(repeated.search(others))  # '230 INCSR 2026 Volume I' on every page
