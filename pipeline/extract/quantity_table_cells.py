"""Where a number stands in a table row: a whole cell that is not the row's first (its
column's header says what it is), or the first cell (it numbers or ranks the row). Cells
are split by `|`, tabs or runs of spaces, as Markdown and plain-text tables print them.
"""

from __future__ import annotations

import re

_CELL_GAP = re.compile(r"[ \t\xa0]*\|[ \t\xa0]*|[ \xa0]?\t[ \t\xa0]*|[ \xa0]{2,}")


def fills_table_cell(scan: str, start: int, end: int) -> bool:
    """Whether a number is a whole cell of a table row, and not its first cell: cells split
    by `|`, tabs or runs of spaces, as Markdown and plain-text tables print them
    ('Otay Mesa, CA      14      612,400'). A first cell numbers or ranks the row."""
    if not scan[max(0, start - 2) : start].endswith(("|", "| ", "\t", "\t ", "  ", "\xa0\xa0")):
        return False  # most numbers: a single space before them
    line_start = scan.rfind("\n", 0, start) + 1
    line_end = scan.find("\n", end)
    line = scan[line_start : line_end if line_end != -1 else len(scan)]
    left, right = line[: start - line_start], line[end - line_start :]
    gap_before = re.search(r"(?:[ \t\xa0]*\|[ \t\xa0]*|\t[ \t\xa0]*|[ \xa0]{2,})\Z", left)
    if gap_before is None or not left[: gap_before.start()].strip(" \t\xa0|"):
        return False
    if right.strip(" \t\xa0\r") and not _CELL_GAP.match(right):
        return False
    return len(_CELL_GAP.findall(line.strip(" \t\xa0\r|"))) >= 2


def ends_label_line(scan: str, start: int, end: int) -> bool:
    """Whether a number ends a line after a label and a run of spaces ('SUBTOTAL
    8,804.00'), as each row of a two-column table prints it."""
    line_end = scan.find("\n", end)
    if scan[end : line_end if line_end != -1 else len(scan)].strip(" \t\xa0\r"):
        return False
    line_start = scan.rfind("\n", 0, start) + 1
    left = scan[line_start:start]
    gap = re.search(r"[ \xa0]{2,}\Z", left)
    return gap is not None and any(ch.isalpha() for ch in left[: gap.start()])


def opens_table_row(scan: str, start: int, end: int) -> bool:
    """Whether a number is the first cell of a table row ('1\tLaredo\t2304\t…',
    '1    Laredo    2304'): it numbers or ranks the row."""
    line_start = scan.rfind("\n", 0, start) + 1
    if scan[line_start:start].strip(" \t|"):
        return False
    line_end = scan.find("\n", end)
    rest = scan[end : line_end if line_end != -1 else len(scan)]
    return bool(_CELL_GAP.match(rest)) and len(_CELL_GAP.findall(rest.strip(" \t\xa0|"))) >= 1
