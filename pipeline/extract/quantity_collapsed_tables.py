"""Tables whose columns a PDF-to-text conversion collapsed to single spaces.

`Jalisco 81.2 34.5 29.7 18.4 11.0` under `TABLE 1. ... (% OF RECIPIENT HOUSEHOLDS)` and
`State Food Housing Health Education Savings`: the cells are still there, only the runs of
spaces between them are gone, so nothing marks them as cells and the caption's unit never
reaches them. A block of two or more lines that each end in two or more numbers is read as
such a table: the space before each trailing number becomes a tab, and so does the space
before each header cell above it (read from the right, a word with its parenthesis:
`Amount (US$)`), so that the table reader (`quantity_tables`) sees an ordinary table with
the same offsets. A unit printed as a cell of the row (`km 14 110`, `% 61 92`) becomes
its own cell too.

A budget table set with dot leaders (`Budget request, fiscal year 2026 ......  150,000,000`)
prints the currency once, on its first amount (`$148,500,000`): the bare amounts below it
in the same run of leader lines are in that currency (`leader_currency`).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from pipeline.extract.quantity_units import Unit, currency_of_prefix

# A cell that is a number (or a dash or 'n/a' standing for one) at the end of a row.
_NUMBER_CELL = r"(?:[-+−]?\$?[0-9][0-9,.]*%?|[—–-]{1,2}|n/a)"
_TRAILING_CELLS = re.compile(rf"(?: {_NUMBER_CELL}){{2,}}\Z")
_LETTER = re.compile(r"[^\W\d_]")
# a year, fiscal or not, or a marketing or crop year ('2021/22', '2023-24')
_YEAR_LABEL = re.compile(r"[ \t]*(?:FY[ \t]?)?(?:19|20)[0-9]{2}(?:[/–-](?:[0-9]{2}){1,2})?[ \t]*")
_CELL = re.compile(_NUMBER_CELL)
_HEADER_CELL = re.compile(r"\S+(?: \([^()\n]{1,40}\))?")
# A unit printed as a cell of its row, just before the numbers.
_UNIT_CELL = re.compile(
    r" (?:%|km|kilometers?|miles?|mi|kg|kilograms?|tons?|tonnes?|lbs?|pounds?|hours?|days?"
    r"|years?|households|people|persons|USD|US\$|MXN|pesos|dollars)(?:/(?:year|day|month))?\Z",
    re.IGNORECASE,
)
_CELL_LAST = frozenset("0123456789%—–-a")
_PHONE_TAIL = re.compile(r"\+[0-9]{1,3}(?: \(?[0-9]{1,4}\)?){2,5}\Z")
_LONGEST_LABEL = 90
_ROW_NUMBER = re.compile(r"[ \t]*(?:[0-9]{1,2}[.)][ \t]+)?")
_PROSE = re.compile(r"[.;:!?] [A-Za-z]|  |\t")


class _Row(NamedTuple):
    label: str  # the text before the cells
    cells_at: int  # where the cells start in the line


def _row(line: str) -> _Row | None:
    """The line as a collapsed table row: a label with a letter, then two or more number
    cells and nothing else; None for prose and for any other line."""
    tail = line.rstrip(" \r")
    if not tail or tail[-1] not in _CELL_LAST:
        return None  # most lines: prose ends in a full stop
    if _PROSE.search(tail, _ROW_NUMBER.match(tail).end()):
        return None  # a sentence ('1. Air' opens a numbered row, not a sentence)
    m = _TRAILING_CELLS.search(tail)
    if m is None or len(tail) - len(m.group()) > _LONGEST_LABEL:
        return None
    if _PHONE_TAIL.search(tail):
        return None  # 'Partner | +52 81 8000 4417': a telephone number's groups
    label = tail[: m.start()]
    if not _LETTER.search(label) and not _YEAR_LABEL.fullmatch(label):
        return None  # a label with a letter, or a year ('2022 3,981 7,114 212')
    return _Row(label, m.start())


# A header cell opens with a capital or a symbol ('Projects funded', 'EPA funding ($
# thousands)', '%'); lower-case words, numbers and brackets run on in the cell.
_HEADER_WORD = re.compile(r"\S+")


def _header_cuts(header: str, widest: int) -> list[int]:
    """Where the spaces before the header's last `widest` cells stand. Cells are read as
    capitalized phrases when that gives one more cell than the rows have numbers;
    otherwise the last words are taken one a cell ('State Food Housing Health')."""
    words = list(_HEADER_WORD.finditer(header))
    phrases = [
        w.start()
        for k, w in enumerate(words)
        if k and not (w.group()[0].islower() or w.group()[0].isdigit() or w.group()[0] == "(")
    ]
    if len(phrases) >= widest:
        return [at - 1 for at in phrases[len(phrases) - widest :]]
    cells = list(_HEADER_CELL.finditer(header))
    return [cell.start() - 1 for cell in cells[max(1, len(cells) - widest) :]]


def collapsed_as_tabs(text: str) -> str:
    """The text with each collapsed table's cells split by tabs; same length and offsets."""
    if " " not in text:
        return text
    lines = text.split("\n")
    chars: list[str] | None = None
    offsets, at = [], 0
    for line in lines:
        offsets.append(at)
        at += len(line) + 1
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and _row(lines[j]) is not None:
            j += 1
        if j - i < 2:
            i = j + 1 if j == i else j
            continue
        chars = chars if chars is not None else list(text)
        widest = 0
        for k in range(i, j):
            row = _row(lines[k])
            assert row is not None
            cells = list(_CELL.finditer(lines[k], row.cells_at))
            widest = max(widest, len(cells))
            for cell in cells:
                chars[offsets[k] + cell.start() - 1] = "\t"
            unit = _UNIT_CELL.search(row.label)
            if unit:
                chars[offsets[k] + unit.start()] = "\t"
        if i > 0 and lines[i - 1].strip() and not _PROSE.search(lines[i - 1]):
            for at in _header_cuts(lines[i - 1], widest):
                chars[offsets[i - 1] + at] = "\t"
        i = j
    return text if chars is None else "".join(chars)


_LEADER_LINE = re.compile(
    r"[^\n]*?\.{4,}[ \t]*[-+−]?(?P<cur>\$|US\$|MXN ?\$?)?[0-9][0-9,.]*[ \t\r]*"
)
_LEADER_RUN = 12  # lines looked at above a bare amount


def leader_currency(scan: str, start: int, end: int) -> Unit | None:
    """The currency of a bare amount that ends a dot-leader line, printed on an amount
    above it in the same run of leader lines (sub-heads ending in ':' may sit between)."""
    line_start = scan.rfind("\n", 0, start) + 1
    line_end = scan.find("\n", end)
    line_end = len(scan) if line_end == -1 else line_end
    if scan[end:line_end].strip() or ".." not in scan[line_start:start]:
        return None
    if not _LEADER_LINE.fullmatch(scan, line_start, line_end):
        return None
    for _ in range(_LEADER_RUN):
        if line_start == 0:
            return None
        line_end = line_start - 1
        line_start = scan.rfind("\n", 0, line_end) + 1
        above = _LEADER_LINE.fullmatch(scan, line_start, line_end)
        if above and above.group("cur"):
            return Unit(currency_of_prefix(above.group("cur")), "money")
        if not above and not scan[line_start:line_end].rstrip().endswith(":"):
            return None
    return None
