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

A chart flattened to one line of label–value pairs under its title (`Figure 6. Fentanyl
Seized at the Southwest Border, FY 2021-FY 2025 (pounds)` then `FY 2021 11,201 FY 2022
14,699 …`; `Chart 1` … `Thousands of workers, June 2025` then `Ciudad Juárez 318.2
Tijuana 296.5 …`) gives its values the unit and scale its title or unit line states; a
chart that states none leaves them as they are. So does a chart flattened to a line per
year (`FY 2020   U.S. 8.9   Mexico 2.4` under `The amount in millions of dollars that the
U.S. … invested`) or to one line of year–value pairs (`2015 66 | 2017 30 | …` under
`Favorable view of the U.S. among Mexicans (%)`).
"""

from __future__ import annotations

import re

from pipeline.extract.numbers import is_year_like
from pipeline.extract.quantity_page_layout import alone_on_line, nonblank_line
from pipeline.extract.quantity_rules import Part
from pipeline.extract.quantity_table_rows import NUMBER_CELL
from pipeline.extract.quantity_table_statements import (
    Statement,
    header_statement,
    money_line_statement,
    statement_in,
    unit_line_statement,
)
from pipeline.extract.quantity_units import COUNT

_CAPTION = re.compile(r"(?i:table|cuadro|tabla)[ \t\xa0]+[0-9A-Z]{1,3}[.:]")
# A caption opens its line; starting with the line break lets the engine skip to one.
_CAPTION_LINE = re.compile(rf"\n(?:{_CAPTION.pattern})")
_FIGURE_LINE = re.compile(r"\n(?i:figure|chart|gráfica|graph|exhibit)[ \t\xa0]+[0-9]{1,3}\b")
_PAIR = r"(?:(?:FY|CY)[ \t]?[0-9]{4}|[^\W\d_][^\d\n]{0,40}?)[ \t]+([-+−]?[0-9][0-9,.]*%?)"
# pairs set side by side, or split by bars or bullets ('Sonora 7,900 | Nuevo León 5,600')
_SERIES = re.compile(rf"(?:[ \t]*(?:[|•·][ \t]*)?{_PAIR}){{3,}}[ \t\r]*")
_SERIES_PAIR = re.compile(_PAIR)
_CHART_LINES = 4  # title lines and a unit line between a chart's number and its values
_VALUE = r"[-+−]?[0-9][0-9,.]*%?"
_YEAR_LABEL = r"(?:(?:(?:FY|CY)[ \t]?)?(?:19|20)[0-9]{2}|(?:FY|CY)[0-9]{2})"  # and 'FY21'
# 'FY 2020   U.S. 8.9   Mexico 2.4': a year, then labelled values.
_YEAR_ROW = re.compile(
    rf"\n[ \t]*{_YEAR_LABEL}(?:[ \t]+[^\W\d_][^\d\n|]{{0,30}}?[ \t]+{_VALUE}){{1,6}}"
    r"[ \t\r]*(?=\n|\Z)"
)
# '2015 66 | 2017 30 | 2019 36', 'FY21  2.9   FY22  3.4   FY23  3.8': year and value pairs
# on one line, split by bars or by runs of spaces.
_YEAR_PAIRS = re.compile(
    rf"\n[ \t]*(?:{_YEAR_LABEL}[ \t]+{_VALUE}(?:[ \t]*\|[ \t]*|[ \t]{{2,}})){{2,}}"
    rf"{_YEAR_LABEL}[ \t]+{_VALUE}[ \t\r]*(?=\n|\Z)"
)
_YEAR_ROW_VALUE = re.compile(rf"[^\W\d_][^\d\n|]{{0,30}}?[ \t]+({_VALUE})")
_PAIR_VALUE = re.compile(rf"{_YEAR_LABEL}[ \t]+({_VALUE})")
_END = re.compile(r"(?i:source|sources|fuente|note|notes|nota|\*)\b")
_EMPTY_CELL = frozenset(("—", "–", "-", "n/a", "N/A", "..", "…"))
_LONGEST_CELL = 48
_MOST_COLUMNS = 10


def _is_number(cell: str) -> bool:
    return bool(NUMBER_CELL.fullmatch(cell)) or cell in _EMPTY_CELL


def _columns(cells: list[str]) -> int | None:
    """The smallest number of columns n at which the cells after an n-cell header fill
    two or more whole rows whose every column holds only numbers or only words, with a
    column of numbers among them."""
    for n in range(2, min(_MOST_COLUMNS, len(cells) // 3) + 1):
        body = cells[n:]
        header = cells[:n]
        if len(body) % n or any(NUMBER_CELL.fullmatch(c) and not is_year_like(c) for c in header):
            continue
        kinds = [{_is_number(c) for c in body[j::n]} for j in range(n)]
        if all(len(k) == 1 for k in kinds) and any(True in k for k in kinds):
            return n
    return None


# A stats box's bare value: a count of what its label names.
STAT = Statement(COUNT, 1)


class FlatTables:
    """The statement of each number cell of the flattened tables of a text."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._cells: dict[int, Statement] | None = None

    def at(self, part: Part) -> Statement | None:
        """What the bare number `part` is, if it is a flattened table's cell, a flattened
        chart's value or a stats box's value: its column's, caption's or title's statement,
        IDENTIFIER, or a count."""
        if self._cells is None:
            self._cells = self._read(self._text)
        cell = self._cells.get(part.start)
        if cell is None and alone_on_line(self._text, part):
            return STAT if labelled_stat(self._text, part.start, part.end) else None
        return cell

    def _read(self, text: str) -> dict[int, Statement]:
        cells: dict[int, Statement] = {}
        for caption in _CAPTION_LINE.finditer(text):
            self._read_block(text, text.find("\n", caption.end()), cells)
        for figure in _FIGURE_LINE.finditer(text):
            self._read_series(text, figure.start() + 1, cells)
        for title in _STATED_TITLE_LINE.finditer(text):
            # a chart's title that states its unit, with no 'Figure' before it
            stated = statement_in(title.group(1))
            if stated is not None:
                for offset in _values_below(text, title.end()):
                    cells.setdefault(offset, stated)
        self._read_year_lines(text, cells)
        return cells

    def _read_year_lines(self, text: str, cells: dict[int, Statement]) -> None:
        """Charts flattened to a line per year, or to one line of year–value pairs, whose
        title or the line above states the unit."""
        rows = [(m, _YEAR_ROW_VALUE) for m in _YEAR_ROW.finditer(text)]
        rows += [(m, _PAIR_VALUE) for m in _YEAR_PAIRS.finditer(text)]
        for m, values in rows:
            stated = _stated_above(text, m.start())
            if stated is None:
                continue
            year = re.match(rf"\n[ \t]*{_YEAR_LABEL}", m.group())
            start = m.start() + (year.end() if values is _YEAR_ROW_VALUE and year else 0)
            for value in values.finditer(text, start, m.end()):
                cells.setdefault(value.start(1), stated)

    def _read_series(self, text: str, at: int, cells: dict[int, Statement]) -> None:
        """The values of a chart under its title: one line of label–value pairs, a line
        per pair ('Nicaragua 27.4'), or a block of labels over a block of values."""
        stated: Statement | None = None
        for _ in range(_CHART_LINES + 1):
            end = text.find("\n", at)
            end = len(text) if end == -1 else end
            line = text[at:end]
            if _SERIES.fullmatch(line):
                if stated is not None:
                    for pair in _SERIES_PAIR.finditer(line):
                        cells[at + pair.start(1)] = stated
                return
            if stated is not None and (_ONE_PAIR.fullmatch(line) or _LABEL_ONLY.fullmatch(line)):
                for offset in _values_below(text, at):
                    cells[offset] = stated
                return
            stated = stated or statement_in(line) or unit_line_statement(line) or _counted(line)
            at = end + 1
            if at >= len(text):
                return

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
            if NUMBER_CELL.fullmatch(cell):
                cells[offset] = headers[k % n] or unit_line or Statement(COUNT, 1)


# A chart's title that names in its bracket what it counts ('Aerospace employment by
# state, 2025 (workers)'): its values are counts.
_COUNTED_IN_TITLE = re.compile(r"\((?:number of )?[a-z]+s\)[ \t\r]*\Z")


def _counted(line: str) -> Statement | None:
    return Statement(COUNT, 1) if _COUNTED_IN_TITLE.search(line) else None


# 'Northbound truck crossings by port, 2025 (thousands)' over a block of labels
_STATED_TITLE_LINE = re.compile(
    r"\n([^\n]{0,100}\([^()\n]{2,60}\))[ \t\r]*\n(?:[ \t\r]*\n)*(?=[ \t]*[^\W\d_])"
)
_ONE_PAIR = re.compile(rf"[ \t]*{_PAIR}[ \t\r]*")
_LABEL_ONLY = re.compile(r"[ \t]*[^\W\d_][^\d\n]{0,40}[ \t\r]*")
_VALUE_ONLY = re.compile(rf"[ \t]*({_VALUE})[ \t\r]*")
_FEWEST_VALUES = 3


def _values_below(text: str, at: int) -> list[int]:
    """Where the values of a chart's lines start: a line per label–value pair, or a block
    of labels over as many values; none unless three or more, each line one or the other."""
    lines = []
    while at < len(text):
        end = text.find("\n", at)
        end = len(text) if end == -1 else end
        if not text[at:end].strip() or _END.match(text[at:end].strip()):
            break
        lines.append((at, text[at:end]))
        at = end + 1
    pairs = [_ONE_PAIR.fullmatch(line) for _, line in lines]
    if len(lines) >= _FEWEST_VALUES and all(pairs):
        return [start + m.start(1) for (start, _), m in zip(lines, pairs, strict=True)]
    labels = 0
    while labels < len(lines) and _LABEL_ONLY.fullmatch(lines[labels][1]):
        labels += 1
    # (an axis's ticks may follow the values: '0    500    1,000')
    values = [_VALUE_ONLY.fullmatch(line) for _, line in lines[labels : 2 * labels]]
    if labels >= _FEWEST_VALUES and len(values) == labels and all(values):
        value_lines = lines[labels : 2 * labels]
        return [start + m.start(1) for (start, _), m in zip(value_lines, values, strict=True)]
    return []


_VALUE_LINE = re.compile(r"[ \t]*[~≈$]?[0-9][0-9,.]*(?:[ \t]?[A-Za-z%$.]{1,12}){0,2}[ \t\r]*")
_LABEL_LINE = re.compile(r"[ \t]*[A-Z][^\d\n]{1,60}[ \t\r]*")


def labelled_stat(scan: str, start: int, end: int) -> bool:
    """Whether a bare number alone on its line is a stats box's value: the line under it
    is a short label, and the pair above is another value and label."""
    below = nonblank_line(scan, end, 1)
    above = nonblank_line(scan, start, -1)
    if below is None or above is None:
        return False
    if not _LABEL_LINE.fullmatch(scan, *below) or not _LABEL_LINE.fullmatch(scan, *above):
        return False
    value_above = nonblank_line(scan, above[0], -1)
    return value_above is not None and bool(_VALUE_LINE.fullmatch(scan, *value_above))


def _stated_above(text: str, at: int) -> Statement | None:
    """The unit and scale stated on the nearest lines above a chart's values (a title's
    parenthesis, a unit line, 'in millions of dollars'), skipping the chart's own rows."""
    end = at
    for _ in range(_CHART_LINES + 6):
        if end <= 0:
            return None
        start = text.rfind("\n", 0, end - 1) + 1
        line = text[start:end].strip()
        end = start
        if not line or _YEAR_ROW.match("\n" + line) or _YEAR_PAIRS.match("\n" + line):
            continue
        return money_line_statement(line) or statement_in(line) or unit_line_statement(line)
    return None
