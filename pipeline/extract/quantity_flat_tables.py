"""Tables that a PDF-to-text conversion flattened to one cell per line.

    Table 1. U.S. Assistance to Mexico by Account, FY2022-FY2025
    (millions of current U.S. dollars)
    Account
    FY2022
    FY2023
    INCLE
    86.5
    77.2
    ...

Every number of such a table stands alone on its line, so nothing around it says what it
is. The cells are read back into rows: a block of short lines (blank lines between them do
not matter) under a `Table N.` caption is split into a header of n cells and rows of n
cells, for the smallest n at which every column holds only numbers or only words. A
number's column header (`Project cost ($ millions)`) or the caption's unit line (`(millions
of current U.S. dollars)`) says its unit and scale, as for any table
(`quantity_tables.statement_in`); a column that states none holds counts, and a Rank or
Year column identifiers. A block that splits into no such rows is no table, and its
numbers stay unread.
"""

from __future__ import annotations

import re

from pipeline.extract.numbers import is_year_like
from pipeline.extract.quantity_rules import Part
from pipeline.extract.quantity_tables import Statement, header_statement, statement_in
from pipeline.extract.quantity_units import COUNT

_CAPTION = re.compile(r"(?i:table|cuadro|tabla)[ \t\xa0]+[0-9A-Z]{1,3}[.:]")
_END = re.compile(r"(?i:source|sources|fuente|note|notes|nota|\*)\b")
_NUMBER_CELL = re.compile(r"[-+−]?\$?[0-9][0-9,.]*%?")
_EMPTY_CELL = frozenset(("—", "–", "-", "n/a", "N/A", "..", "…"))
_LONGEST_CELL = 48
_MOST_COLUMNS = 10


def _is_number(cell: str) -> bool:
    return bool(_NUMBER_CELL.fullmatch(cell)) or cell in _EMPTY_CELL


def _columns(cells: list[str]) -> int | None:
    """The smallest number of columns n at which the cells after an n-cell header fill
    two or more whole rows whose every column holds only numbers or only words, with a
    column of numbers among them."""
    for n in range(2, min(_MOST_COLUMNS, len(cells) // 3) + 1):
        body = cells[n:]
        header = cells[:n]
        if len(body) % n or any(_NUMBER_CELL.fullmatch(c) and not is_year_like(c) for c in header):
            continue
        kinds = [{_is_number(c) for c in body[j::n]} for j in range(n)]
        if all(len(k) == 1 for k in kinds) and any(True in k for k in kinds):
            return n
    return None


class FlatTables:
    """The statement of each number cell of the flattened tables of a text."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._cells: dict[int, Statement] | None = None

    def at(self, start: int) -> Statement | None:
        """What the number alone on its line at `start` is, if it is a flattened table's
        cell: its column's or caption's statement, IDENTIFIER, or a count."""
        if self._cells is None:
            self._cells = self._read(self._text)
        return self._cells.get(start)

    def _read(self, text: str) -> dict[int, Statement]:
        cells: dict[int, Statement] = {}
        for caption in _CAPTION.finditer(text):
            if caption.start() and text[caption.start() - 1] != "\n":
                continue
            self._read_block(text, text.find("\n", caption.end()), cells)
        return cells

    def _read_block(self, text: str, at: int, cells: dict[int, Statement]) -> None:
        if at == -1:
            return
        unit_line: Statement | None = None
        found: list[tuple[int, str]] = []
        for line in re.finditer(r"[^\n]*", text[at:]):
            cell = line.group().strip()
            if not cell:
                continue
            if len(cell) > _LONGEST_CELL or _END.match(cell) or _CAPTION.match(cell):
                break
            if not found and cell.startswith("(") and cell.endswith(")"):
                unit_line = statement_in(cell)  # the caption's unit line
                continue
            found.append((at + line.start() + line.group().index(cell), cell))
        n = _columns([cell for _, cell in found])
        if n is None:
            return
        headers = [header_statement(cell) for _, cell in found[:n]]
        for k, (offset, cell) in enumerate(found[n:]):
            if _NUMBER_CELL.fullmatch(cell):
                cells[offset] = headers[k % n] or unit_line or Statement(COUNT, 1)


def alone_on_line(scan: str, part: Part) -> bool:
    """Whether a number is all its line holds (spaces aside)."""
    before = scan[scan.rfind("\n", 0, part.start) + 1 : part.start]
    line_end = scan.find("\n", part.end)
    after = scan[part.end : line_end if line_end != -1 else len(scan)]
    return not before.strip() and not after.strip()
