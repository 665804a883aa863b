"""Numbers that belong to the printed page, not to what the page says.

Text taken from a PDF keeps the page's furniture: a page number beside a rule (`| 14`), a
running footer that repeats on every page with its page number (`230 INCSR 2026 Volume I`,
`231 INCSR 2026 Volume I`), and footnotes at the page's foot, numbered at the start of
their lines under a separator (`____________`, then `1 BFMC estimate based on…`, `2 U.S.
Census Bureau…`), and the page numbers of a table of contents. Their numbers count
nothing. A number that opens its line is taken for
such a mark only when the page shows it: a neighbouring line opens with the next or the
previous number, a separator stands above, or the words after it recur on another line
after another number.
"""

from __future__ import annotations

import re

from pipeline.extract.quantity_rules import Part

_PAGE_NUMBER_LINE = re.compile(r"[ \t]*\|[ \t]*[0-9]{1,4}[ \t\r]*|[ \t]*[0-9]{1,4}[ \t]*\|[ \t\r]*")
_BARRED_FOOTER = re.compile(r"[ \t\f]*([^\n|]+\|[^\n]*\|)[ \t]*([0-9]{1,3})[ \t\r]*")
# A footer's title with a bar in it, and its page number set far to the right.
_BAR_FOOTER = re.compile(r"[ \t\f]*[^\n|]*[A-Za-z][^\n|]*\|[^\n|]*[A-Za-z][^\n|]*[ \t]{8,}")
_SEPARATOR = re.compile(r"[ \t]*(?:_{5,}|-{5,}|—{3,})[ \t\r]*")
_FOOTER_WORDS = 8  # a repeated footer has a title of some length, not one word


def line_span(scan: str, start: int, end: int) -> tuple[int, int]:
    """Where the line that holds `start`..`end` starts and ends (the line break excluded)."""
    line_end = scan.find("\n", end)
    return scan.rfind("\n", 0, start) + 1, len(scan) if line_end == -1 else line_end


def alone_on_line(scan: str, part: Part) -> bool:
    """Whether a number is all its line holds (spaces aside)."""
    line_start, line_end = line_span(scan, part.start, part.end)
    return not scan[line_start : part.start].strip() and not scan[part.end : line_end].strip()


def nonblank_line(scan: str, at: int, step: int) -> tuple[int, int] | None:
    """The span of the nearest non-blank line above (step -1) or below (step 1) the line
    that holds offset `at`; None at the text's start or end."""
    if step < 0:
        end = scan.rfind("\n", 0, at)
        while end > 0:
            start = scan.rfind("\n", 0, end) + 1
            if scan[start:end].strip():
                return start, end
            end = start - 1
        return None
    start = scan.find("\n", at)
    while start != -1 and start + 1 < len(scan):
        end = scan.find("\n", start + 1)
        end = len(scan) if end == -1 else end
        if scan[start + 1 : end].strip():
            return start + 1, end
        start = end if end < len(scan) else -1
    return None


def _stripped(scan: str, span: tuple[int, int] | None) -> str:
    return scan[span[0] : span[1]].strip() if span else ""


# A page break (form feed) may open the heading's line.
_CONTENTS_HEADING = re.compile(r"(?im)^[ \t\f]*(?:(?:table of )?contents|índice)[ \t\r]*$")
_ENDS_IN_PAGE = re.compile(r".*[ \t][0-9ivxlc]{1,4}[ \t\r]*", re.IGNORECASE)
# one phrase in capitals, then the gap: a table row's cells ('MORENA   63   —') have gaps
_RUNNING_HEAD = re.compile(r"[ \t\f]*[A-Z](?:[A-Z0-9.,;:—–'’-]|[ ](?=[^ \t])){5,80}[ \t]{8,}")


class PageFurniture:
    """The page's own numbers in one text, asked number by number."""

    def __init__(self, scan: str) -> None:
        self._scan = scan
        self._contents: list[int] | None = None  # where each 'Contents' heading ends

    def _in_contents(self, line_start: int) -> bool:
        """Whether a line is an entry of a table of contents: every line between it and
        a 'Contents' heading above ends in a page number."""
        if self._contents is None:  # most texts have none: looked for once, when asked
            self._contents = [m.end() for m in _CONTENTS_HEADING.finditer(self._scan)]
        heading = max((end for end in self._contents if end < line_start), default=None)
        if heading is None:
            return False
        between = self._scan[heading:line_start].split("\n")
        return all(not line.strip() or _ENDS_IN_PAGE.fullmatch(line) for line in between)

    def holds(self, part: Part) -> bool:
        """Whether a bare number is a page number, a table of contents' page number, a
        running footer's number or a footnote's (or numbered line's) mark."""
        scan = self._scan
        line_start, line_end = line_span(scan, part.start, part.end)
        line = scan[line_start:line_end]
        if "|" in line and _PAGE_NUMBER_LINE.fullmatch(line):
            return True  # '| 14'
        footer = _BARRED_FOOTER.fullmatch(line)
        if footer and part.start - line_start >= footer.start(2) and scan.count(footer[1]) > 1:
            return True  # 'TransFrontera | Q3 2025 Earnings | 5' on every slide
        rest = scan[part.end : line_end]
        if line.strip(" \t\f") == part.raw and (
            "\f" in line or scan.startswith("\f", line_end + 1)
        ):
            return True  # a page's number alone on its line, at a page break
        if not rest.strip():
            # 'Background   4' in a table of contents; 'CONVENTION—MEXICO. 1897.    1131',
            # a running head in capitals with its page number far to the right
            head = _RUNNING_HEAD.fullmatch(scan, line_start, part.start)
            if head and part.raw.isdigit():
                return True
            if part.raw.isdigit() and _BAR_FOOTER.fullmatch(scan, line_start, part.start):
                # 'Paso del Norte Policy Lab | Policy Memo 2026-02      2' closing a page
                after = scan[line_end:].lstrip(" \t\r\n")
                if not after or after.startswith("\f"):
                    return True
            return self._in_contents(line_start) or _numbered_footer(scan, line_start, part)
        if scan[line_start : part.start].strip() or not part.raw.isdigit() or len(part.raw) > 4:
            return False  # a mark or a page is a short whole number
        if not rest.startswith((" ", "\t")):
            return False
        n = int(part.raw)
        before = _stripped(scan, nonblank_line(scan, line_start, -1))
        after = _stripped(scan, nonblank_line(scan, line_end, 1))
        if before.startswith(f"{n - 1} ") or after.startswith(f"{n + 1} "):
            return True  # numbered lines: footnotes at a page's foot, or a list
        if n == 1 and _SEPARATOR.fullmatch(before):
            return True  # the first footnote under the separator
        if _footnote_marks(scan, line_start, n):
            return True  # '2 CRS communication with …' two lines under '1 Department of …'
        if _facing_page_number(scan, line_start, line_end, part, n):
            return True
        words = rest.strip()
        if len(words) < _FOOTER_WORDS or words.islower() or scan.count(words) < 2:
            return False  # a footer prints a title; '12 universities' ⏎ … '15 universities' count
        repeated = re.compile(rf"(?m)^[ \t\f]*[0-9]{{1,4}}[ \t]+{re.escape(words)}[ \t\r]*$")
        return any(m.start() != line_start for m in repeated.finditer(scan))


# a running head's page number set apart from its title by a wide gap
_HEAD_GAP = re.compile(r"[ \t]{8,}\S")


def _facing_page_number(scan: str, line_start: int, line_end: int, part: Part, n: int) -> bool:
    """Whether a number opening a running head ('262        MMWR / March 12, 2026 / Vol.
    75') is its page's number: the line next to it ends with the facing page's number set
    as far apart ('MMWR / March 12, 2026 / Vol. 75 / No. 9        261'), or the title is
    printed again with that number after it."""
    if not _HEAD_GAP.match(scan, part.end, line_end):
        return False
    for step, facing in ((-1, n - 1), (1, n + 1)):
        span = nonblank_line(scan, line_start if step < 0 else line_end, step)
        if span and re.search(rf"\S[ \t]{{8,}}{facing}[ \t\r]*\Z", scan[span[0] : span[1]]):
            return True
    title = scan[part.end : line_end].strip()
    return len(title) >= _FOOTER_TEXT and any(
        int(m.group(1)) in (n - 1, n + 1)
        for m in re.finditer(re.escape(title) + r"[ \t]+([0-9]{1,5})[ \t]*(?=\n|\Z)", scan)
    )


_FOOTER_TEXT = 12  # a footer's words: long enough not to be a table's row label
_NOTE_BLOCK_LINES = 12  # how far up from a footnote its block's separator may stand
_LINE_MARK = re.compile(r"[ \t\f]*([0-9]{1,3}|[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,3})[ \t]*[^\W\d]")
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


def _footnote_marks(scan: str, line_start: int, n: int) -> bool:
    """Whether the number `n` opening the line at `line_start` is one of the footnotes in a
    block under a separator (`__________`), the block's numbers running one after another
    ('1 Department of State, …' / 'Country Information, …' / '2 CRS communication …'):
    footnotes wrap, so the next number need not stand on the next line."""
    lines: list[str] = []
    at = line_start
    while len(lines) < _NOTE_BLOCK_LINES and at > 0:
        at = scan.rfind("\n", 0, at - 1) + 1
        line = scan[at : scan.find("\n", at)]
        if not line.strip():
            return False
        if _SEPARATOR.fullmatch(line):
            break
        lines.append(line)
    else:
        return False
    block_end = scan.find("\n\n", line_start)
    below = scan[line_start : len(scan) if block_end == -1 else block_end].split("\n")
    # a conversion may print some marks as superscripts ('1 U.S. Census …' / '² Secretaría …')
    marks = [
        int(m[1].translate(_SUPERSCRIPTS))
        for line in (*reversed(lines), *below)
        if (m := _LINE_MARK.match(line))
    ]
    return len(marks) > 1 and marks == list(range(marks[0], marks[0] + len(marks)))


def _numbered_footer(scan: str, line_start: int, part: Part) -> bool:
    """Whether a whole number ending its line follows words printed again elsewhere with
    the page number before or after it ('Plenary | For discussion only     4')."""
    words = scan[line_start : part.start].strip(" \t\f")
    if len(words) < _FOOTER_TEXT or not part.raw.isdigit() or len(part.raw) > 5:
        return False
    n = int(part.raw)
    title = re.escape(words)
    # the page before or after prints its number after the title, or before it on the
    # facing page ('9874   Federal Register / … / Proposed Rules' and '… Rules   9875')
    after = re.finditer(title + r"[ \t]+([0-9]{1,5})[ \t]*(?=\n|\Z)", scan)
    before = re.finditer(r"(?:^|\n)[ \t\f]*([0-9]{1,5})[ \t]+" + title, scan)
    return any(abs(int(m.group(1)) - n) == 1 for m in (*after, *before))
