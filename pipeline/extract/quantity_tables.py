"""Units and scales that a table states once for many cells.

Budget and statistical tables print bare numbers and say what they are in one place: a
caption line above the table (`($ in thousands)`), a column header (`Variación anual
(%)`), or the row's label (`Ingresos totales (millones de dólares)`). A bare number that
fills a cell takes the nearest of these (column header, then row label, then caption):
`158,900` under `($ in thousands)` is US$158,900,000. A units row under the header
(`USD millions`, `%`, `count`) names each column's unit; a column headed Rank, Year or
`… code` holds identifiers, not quantities. Nothing is guessed: a cell of a table that
states none stays a count. A spreadsheet saved as CSV is read as such a table
(`quantity_csv.csv_as_tabs`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from decimal import Decimal
from itertools import pairwise
from typing import NamedTuple

from pipeline.extract.numbers import is_year_like
from pipeline.extract.quantity_table_statements import (
    IDENTIFIER,
    SPANISH,
    Statement,
    header_statement,
    in_spanish,
    keyed_statements,
    leading_unit,
    money_line_statement,
    statement_in,
    trailing_unit,
    unit_cell,
    unit_line_statement,
    units_row,
)
from pipeline.extract.quantity_units import COUNT, UNITS, Unit

_USD, _MXN, _PERCENT = (UNITS[form] for form in ("usd", "mxn", "percent"))
_PIPE_ROW = re.compile(r"[ \t]*\|.*\|[ \t\r]*")
_GAP = re.compile(r"\t[ \t\xa0]*|[ \xa0]{2,}")
# a rule between header and rows or above a total: ASCII, or box drawing from a PDF
_SEPARATOR_ROW = re.compile(r"[ \t|:\-=_+─━═—–]+")


def _cells(line: str) -> list[tuple[int, int]]:
    """(start, end) of each cell of a table row, in line offsets."""
    if _PIPE_ROW.fullmatch(line):
        bars = [i for i, ch in enumerate(line) if ch == "|"]
        return list(pairwise(bars))
    if "\t" in line:  # each tab ends a cell, empty cells too
        tabs = [-1] + [i for i, ch in enumerate(line) if ch == "\t"] + [len(line.rstrip())]
        return [(a + 1, b) for a, b in pairwise(tabs)]
    cuts = [(m.start(), m.end()) for m in _GAP.finditer(line.rstrip())]
    lead = len(line) - len(line.lstrip(" \t"))
    starts = [lead] + [end for _, end in cuts]
    ends = [start for start, _ in cuts] + [len(line.rstrip())]
    return list(zip(starts, ends, strict=True))


NUMBER_CELL = re.compile(r"[-+−]?\$?[0-9][0-9,.]*%?")  # a cell that is a figure


# 'Percent change, year-to-date': a row of shares in a table of amounts.
_PERCENT_ROW = re.compile(r"(?i)[ \t]*(?:percent|per cent|%|porcentaje)\b")
_PERCENT_LABEL = Statement(_PERCENT, 1)


def _has_number_cell(line: str) -> bool:
    """Whether a line holds a figure: a number cell that is not a year ('Feb. 2026' heads
    a column)."""
    for a, b in _cells(line):
        cell = line[a:b].strip()
        if NUMBER_CELL.fullmatch(cell) and not is_year_like(cell):
            return True
    return False


def _continues_header(line: str) -> bool:
    """An indented line of header words under the first: '   planned   deployed', '(percent)'."""
    words = line.strip()
    return line.startswith("    ") and bool(words) and ". " not in words and len(line) < 160


def _groups_columns(line: str) -> bool:
    """A header line naming groups of columns ('FY 2025   FY 2026'), with no figure in it."""
    return _continues_header(line) and not _has_number_cell(line)


def _wraps_label(lines: list[str]) -> bool:
    """A row label wrapped over lines: words alone on up to three lines, then a row of
    figures ('Nonproliferation, Anti-terrorism,' ⏎ 'Demining and Related Programs' ⏎
    '(NADR)    8,500    8,500')."""
    return _wrapped_before_row(
        lines, lambda line: not any(ch.isdigit() for ch in line) and ". " not in line.strip()
    )


def _wraps_cell(lines: list[str]) -> bool:
    """A cell's words wrapped under its row: indented lines without figures, up to three,
    then the next row of figures ('Steering knuckle, forged steel,  8708.94.7550  1,200'
    ⏎ '      machined, for F-150 type' ⏎ '2  FCN-4418-C  Control arm bracket …')."""
    return _wrapped_before_row(
        lines, lambda line: _indent(line) >= 4 and not _has_number_cell(line)
    )


def _wrapped_before_row(lines: list[str], wrapped: Callable[[str], bool]) -> bool:
    """Whether `lines` are short lines of words, each of them `wrapped`, then a row of
    figures."""
    for line in lines:
        if _is_row(line):
            return _has_number_cell(line)
        words = line.strip()
        if not words or len(words) >= 60 or not wrapped(line):
            return False
    return False


def _header_columns(rows: list[tuple[int, str]]) -> tuple[list[str], list[int] | None]:
    """The text of each column's header, and where each column starts when the table is
    aligned by spaces (None for tab, bar and CSV tables). The header line with the most
    cells marks the columns; the words the other header lines print over or under each
    (down to the first row of numbers) join it: 'Millones' + 'de dólares', under a line of
    period groups."""
    first = rows[0][1]
    if _has_number_cell(first) or "\t" in first or "|" in first:
        return [first[a:b] for a, b in _cells(first)], None  # no header, or not aligned
    header = [first]
    for _, line in rows[1:]:
        if _has_number_cell(line):
            break
        if line.startswith((" ", "\t")) or len(_cells(line)) >= 2:
            header.append(line)  # not a row label wrapped over lines
    base = max(header, key=lambda line: len(_cells(line)))
    cells = _cells(base)
    starts = [a for a, _ in cells]
    texts = [""] * len(cells)
    for line in header:
        if is_group_unit_line(line, starts):
            continue  # it heads the rows below, not a column
        # each printed piece joins the column under its middle: '($ in millions)' may
        # begin over the column before its own
        for a, b in _cells(line):
            piece = line[a:b].strip()
            if piece:
                k = max(0, bisect_right(starts, (a + b - 1) // 2) - 1)
                texts[k] = f"{texts[k]} {piece}".strip()
    return texts, starts


# '(Annual percentage change, unless otherwise indicated)', '(In percent of GDP)': a line
# that is one parenthesis, over a group of rows whose unit it states.
_GROUP_UNIT_LINE = re.compile(
    # or a row label without figures that ends in one ('Carloads and units (thousands)')
    r"[ \t]*(?:[A-Za-z][^0-9()\n\t]{0,60}?[ ])?\([^()\n]{2,120}\)[ \t\r]*"
)


def is_group_unit_line(line: str, starts: list[int] | None) -> bool:
    """A parenthesis alone on its line that opens in the row labels' column, not under one
    column of figures ('(thousands)' under 'Employment,' heads that column only)."""
    if not _GROUP_UNIT_LINE.fullmatch(line):
        return False
    opens = len(line) - len(line.lstrip(" \t"))
    return not starts or len(starts) < 2 or opens < starts[1]


def _in_currency(stated: Statement | None, currency: Unit) -> Statement | None:
    """A scale stated without a unit, in a table whose cells print a currency sign."""
    if stated is None or stated.unit != COUNT or stated.scale == 1:
        return stated
    return Statement(currency, stated.scale)


def _closes_bracket(label: str) -> bool:
    """Whether a row's label closes a bracket opened on the line above."""
    head = label.strip().split("  ")[0]
    return ")" in head and "(" not in head.split(")")[0]


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def _heads_group(line: str, below: str) -> bool:
    """A label without figures over indented rows ('Funding' over '  U.S. Government
    5,318'): it opens a group of rows, as a row label wrapped over lines does not."""
    words = line.strip()
    return (
        bool(words)
        and not any(ch.isdigit() for ch in words)
        and not _is_row(line)
        and _is_row(below)
        and _indent(line) < _indent(below)
    )


def _is_row(line: str) -> bool:
    return bool(_PIPE_ROW.fullmatch(line)) or len(_GAP.findall(line.strip())) >= 2


class _Block(NamedTuple):
    lines: list[tuple[int, str]]  # (offset, line) of each row
    caption: Statement | None
    columns: list[Statement | None]
    starts: list[int] | None  # where each column starts, in an aligned table
    keyed: dict[str, Statement]  # the caption's statement for each measure a row names
    shares: frozenset[int]  # columns whose first figures print '%': shares all the way down


class TableUnits:
    """The statements of every table of a text, asked cell by cell."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._starts: list[int] = []
        self._rows: list[tuple[int, str, _Block]] = []
        self._read = False
        self._spanish = False

    def _read_tables(self, text: str) -> None:
        self._read = True
        self._spanish = in_spanish(text)
        lines, offset = [], 0
        for line in text.split("\n"):
            lines.append((offset, line))
            offset += len(line) + 1
        i = 0
        while i < len(lines):
            if not _is_row(lines[i][1]):
                i += 1
                continue
            j, data = i, False
            while j < len(lines):
                line = lines[j][1]
                if _is_row(line) or _SEPARATOR_ROW.fullmatch(line):
                    data = data or _has_number_cell(line)
                elif data and _wraps_cell([text for _, text in lines[j : j + 4]]):
                    pass  # '   machined, for F-150 type' under its row's description
                elif _wraps_label([text for _, text in lines[j : j + 4]]):
                    pass  # 'International Narcotics Control' over 'and Law Enforcement  98,800'
                elif data and _GROUP_UNIT_LINE.fullmatch(line) and statement_in(line):
                    pass  # '   Value (1,000 dollars)' heads the rows under it, in the table
                elif data or not _continues_header(line):
                    break  # a header may run over lines ('(percent)' under 'Availability,')
                j += 1
            if i and _closes_bracket(lines[i][1]) and "(" in lines[i - 1][1]:
                i -= 1  # 'Exchange rate (pesos per U.S.' over 'dollar, period average)  20.13'
            self._add(lines, i, j)
            i = j

    def _add(self, lines: list[tuple[int, str]], first: int, stop: int) -> None:
        above = [line for _, line in lines[max(0, first - 3) : first] if line.strip()]
        # a header line of column groups ('FY 2025   FY 2026') may stand between the
        # caption and the first row: look past short lines without figures
        k = first
        while k > 0 and first - k < 3 and _groups_columns(lines[k - 1][1]):
            if unit_line_statement(lines[k - 1][1]):
                break  # '      By Fiscal Year, Millions of Dollars': the caption, indented
            k -= 1
        if k < first:
            above = [line for _, line in lines[max(0, k - 3) : k] if line.strip()]
        stated = (
            statement_in(line) or unit_line_statement(line) or money_line_statement(line)
            for line in reversed(above[-2:])
        )
        # a long line is prose, unless it ends in its statement ('… a year?” (%)')
        short = above and (len(above[-1]) < 160 or _ENDS_IN_STATEMENT.search(above[-1]))
        caption = next((s for s in stated if s and short), None)
        if caption is None:  # '*Values in millions of U.S. dollars. Source: …*' under it
            note = next((line for _, line in lines[stop : stop + 2] if line.strip()), "")
            caption = money_line_statement(note) if _NOTE_UNDER.match(note) else None
        texts, starts = _header_columns(lines[first:stop])
        columns = [header_statement(text, self._spanish) for text in texts]
        shares = _share_columns([line for _, line in lines[first:stop]], starts)
        if caption is None and columns and columns[0] is not IDENTIFIER:
            caption = columns[0]  # '(in thousands)' over the row labels of a financial table
        if any("$" in line for _, line in lines[first:stop]):
            # a table printing '$' on its first rows, under '(in thousands)': every cell is
            # money at that scale
            currency = _MXN if SPANISH.search(" ".join(texts).lower()) else _USD
            caption = _in_currency(caption, currency)
            columns = [_in_currency(c, currency) for c in columns]
        if first + 1 < stop and not lines[first + 1][1].startswith(" "):
            # a units row of a tab, bar or CSV table; an aligned header's indented second
            # line was joined to its columns by position above
            second = lines[first + 1][1]
            units = units_row([second[a:b] for a, b in _cells(second)])
            if units:
                columns = [
                    u or c for u, c in zip(units, columns + [None] * len(units), strict=False)
                ]
        if (
            not any(columns)
            and not shares
            and caption is None
            and not statement_in(" ".join(line.strip() for _, line in lines[first:stop]))
            and not any(_row_unit(line, _cells(line)) for _, line in lines[first:stop])
            and not any(leading_unit(line.strip(" \t|")) for _, line in lines[first:stop])
            and not any(trailing_unit(_label(line)) for _, line in lines[first:stop])
        ):
            return  # a table that states nothing: its cells stay counts
        keyed = next((k for line in reversed(above[-2:]) if (k := keyed_statements(line))), {})
        block = _Block(lines[first:stop], caption, columns, starts, keyed, shares)
        group = block  # the rows under a group's unit line take its unit for the caption's
        data = False
        for k in range(first, stop):
            offset, line = lines[k]
            # under the rows, a group's line may stand anywhere; over them, only in the row
            # labels' column (else it heads one column)
            if is_group_unit_line(line, None if data else starts) and (
                stated_here := statement_in(line)
            ):
                group = block._replace(caption=stated_here)
            elif data and k + 1 < stop and _heads_group(line, lines[k + 1][1]):
                group = block  # 'Funding' after the '(number)' rows: the caption's unit again
            data = data or _has_number_cell(line)
            self._starts.append(offset)
            self._rows.append((offset, line, group))

    def at(self, start: int) -> Statement | None:
        """The statement for the number starting at `start` of the text, if it fills a
        cell of a table that states one."""
        if not self._read:  # most texts have no table: read them only when asked
            self._read_tables(self._text)
        k = bisect_right(self._starts, start) - 1
        if k < 0:
            return None
        offset, line, block = self._rows[k]
        if start > offset + len(line):
            return None
        cells = _cells(line)
        column = next((c for c, (a, b) in enumerate(cells) if a <= start - offset < b), None)
        if not column or not line[: cells[column][0]].strip():
            return None  # outside the cells, or the first cell: a label, rank or row number
        column_of_header = column
        if block.starts:
            column_of_header = _header_column(block.starts, cells[column][1])
        first = _label(line, cells)
        if _closes_bracket(first) and k and self._rows[k - 1][2].lines is block.lines:
            first = f"{self._rows[k - 1][1].strip()} {first}"  # a label wrapped in its bracket
        label = (
            (_SAMPLE_SIZE if _SAMPLE_SIZE_LABEL.fullmatch(first) else None)
            or statement_in(first)
            or (_PERCENT_LABEL if _PERCENT_ROW.match(first) else None)
            or leading_unit(first.lstrip("| "))
            or trailing_unit(first.strip(" \t|"))
        )
        header = (
            block.columns[column_of_header] if 0 < column_of_header < len(block.columns) else None
        )
        keyed = next((v for k, v in block.keyed.items() if k in first.lower()), None)
        share = column_of_header in block.shares and not (
            _SAMPLE_SIZE_LABEL.fullmatch(first) or _NOT_A_SHARE_LABEL.match(first)
        )
        stated = (
            _row_unit(line, cells[1:column])
            or (_PERCENT_LABEL if share else None)
            or header
            or label
            or keyed
            or block.caption
        )
        if stated and stated.scale != 1 and _PER_SHARE.search(first):
            # '(in millions, except per-share data)': a share's amount is never scaled
            return Statement(stated.unit, 1)
        return stated


def _label(line: str, cells: list[tuple[int, int]] | None = None) -> str:
    """A row's label: its first cell with words (an indented row's cuts begin with its
    indent)."""
    return next((line[a:b] for a, b in cells or _cells(line) if line[a:b].strip()), "")


_PER_SHARE = re.compile(r"(?i)\bper[ -](?:share|ADS|CPO|unit)\b|\bpor acci[oó]n\b")


def _header_column(starts: list[int], cell_end: int) -> int:
    """In an aligned table, the header column over a cell's last character."""
    return bisect_right(starts, cell_end - 1) - 1


# A poll's topline prints '%' on its first row only ('Right direction  31%  34%'); a mean
# or median row under it is in the question's own unit.
_NOT_A_SHARE_LABEL = re.compile(r"[ \t|]*(?i:mean|median|average)\b")


def _share_columns(rows: list[str], starts: list[int] | None) -> frozenset[int]:
    """The columns whose cells in the first row of figures all print '%'."""
    for line in rows:
        cells = [(a, b) for a, b in _cells(line) if NUMBER_CELL.fullmatch(line[a:b].strip())]
        if not cells or not line[: cells[0][0]].strip():
            continue  # no figure, or a row that opens with one: no label, no topline
        if not all(line[a:b].strip().endswith("%") for a, b in cells):
            return frozenset()
        if starts:
            return frozenset(_header_column(starts, b) for _, b in cells)
        return frozenset(i for i, cell in enumerate(_cells(line)) if cell in cells)
    return frozenset()


# A note under a table that states what its values are in.
_NOTE_UNDER = re.compile(r"[ \t*_]*(?i:notes?:|values|figures|amounts|data|all)\b")
_ENDS_IN_STATEMENT = re.compile(r"\([^()\n]{1,40}\)[ \t]*\Z")
# 'Unweighted n', 'Base', 'Sample size': a poll's row of respondents, in a table of shares
_SAMPLE_SIZE_LABEL = re.compile(
    r"[ \t|]*(?i:(?:unweighted |weighted )?(?:n|base|sample size|sample)"
    r"|number of (?:respondents|interviews|cases))[ \t|]*"
)
_SAMPLE_SIZE = Statement(COUNT, 1)


def _row_unit(line: str, cells: list[tuple[int, int]]) -> Statement | None:
    """The unit a cell of the row names for the cells after it ('km 14 110')."""
    return next((u for a, b in cells if (u := unit_cell(line[a:b])) is not None), None)


def scaled(value: Decimal | None, statement: Statement) -> Decimal | None:
    return None if value is None else value * statement.scale * statement.unit.factor
