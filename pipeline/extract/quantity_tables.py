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
from decimal import Decimal
from typing import NamedTuple

from pipeline.extract.quantity_table_rows import (
    GROUP_UNIT_LINE,
    NUMBER_CELL,
    SEPARATOR_ROW,
    closes_bracket,
    continues_header,
    groups_columns,
    has_number_cell,
    header_column,
    header_columns,
    heads_group,
    heads_pair_block,
    is_group_unit_line,
    is_row,
    pair_block_end,
    row_cells,
    row_label,
    wraps_cell,
    wraps_label,
)
from pipeline.extract.quantity_table_statements import (
    AGE,
    IDENTIFIER,
    SPANISH,
    Statement,
    age_header,
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


# 'Percent change, year-to-date': a row of shares in a table of amounts.
_PERCENT_ROW = re.compile(r"(?i)[ \t]*(?:percent|per cent|%|porcentaje)\b")
_PERCENT_LABEL = Statement(_PERCENT, 1)


def _in_currency(stated: Statement | None, currency: Unit) -> Statement | None:
    """A scale stated without a unit, in a table whose cells print a currency sign."""
    if stated is None or stated.unit != COUNT or stated.scale == 1:
        return stated
    return Statement(currency, stated.scale)


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
        texts = [line for _, line in lines]
        i = 0
        while i < len(lines):
            if not is_row(lines[i][1]):
                stop = pair_block_end(texts, i)
                if stop > i:  # a two-column table, under its header if it prints one
                    figure_start = row_cells(texts[i])[-1][0]
                    first = i - 1 if i and heads_pair_block(texts[i - 1], figure_start) else i
                    self._add(lines, first, stop)
                i = max(stop, i + 1)
                continue
            j, data = i, False
            while j < len(lines):
                line = lines[j][1]
                if is_row(line) or SEPARATOR_ROW.fullmatch(line):
                    data = data or has_number_cell(line)
                elif data and wraps_cell([text for _, text in lines[j : j + 4]]):
                    pass  # '   machined, for F-150 type' under its row's description
                elif wraps_label([text for _, text in lines[j : j + 4]]):
                    pass  # 'International Narcotics Control' over 'and Law Enforcement  98,800'
                elif data and GROUP_UNIT_LINE.fullmatch(line) and statement_in(line):
                    pass  # '   Value (1,000 dollars)' heads the rows under it, in the table
                elif data or not continues_header(line):
                    break  # a header may run over lines ('(percent)' under 'Availability,')
                j += 1
            if i and closes_bracket(lines[i][1]) and "(" in lines[i - 1][1]:
                i -= 1  # 'Exchange rate (pesos per U.S.' over 'dollar, period average)  20.13'
            self._add(lines, i, j)
            i = j

    def _add(self, lines: list[tuple[int, str]], first: int, stop: int) -> None:
        above = [line for _, line in lines[max(0, first - 3) : first] if line.strip()]
        # a header line of column groups ('FY 2025   FY 2026') may stand between the
        # caption and the first row: look past short lines without figures
        k = first
        while k > 0 and first - k < 3 and groups_columns(lines[k - 1][1]):
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
        texts, starts = header_columns(lines[first:stop])
        columns = [header_statement(text, self._spanish) for text in texts]
        shares = _share_columns([line for _, line in lines[first:stop]], starts)
        if caption is None and columns and columns[0] not in (IDENTIFIER, AGE):
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
            units = units_row([second[a:b] for a, b in row_cells(second)])
            if units:
                columns = [
                    u or c for u, c in zip(units, columns + [None] * len(units), strict=False)
                ]
        if (
            not any(columns)
            and not shares
            and caption is None
            and not statement_in(" ".join(line.strip() for _, line in lines[first:stop]))
            and not any(_row_unit(line, row_cells(line)) for _, line in lines[first:stop])
            and not any(leading_unit(line.strip(" \t|")) for _, line in lines[first:stop])
            and not any(trailing_unit(row_label(line)) for _, line in lines[first:stop])
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
            elif data and k + 1 < stop and heads_group(line, lines[k + 1][1]):
                group = block  # 'Funding' after the '(number)' rows: the caption's unit again
            data = data or has_number_cell(line)
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
        cells = row_cells(line)
        column = next((c for c, (a, b) in enumerate(cells) if a <= start - offset < b), None)
        if not column or not line[: cells[column][0]].strip():
            return None  # outside the cells, or the first cell: a label, rank or row number
        column_of_header = column
        if block.starts:
            column_of_header = header_column(block.starts, cells[column][1])
        first = row_label(line, cells)
        if closes_bracket(first) and k and self._rows[k - 1][2].lines is block.lines:
            first = f"{self._rows[k - 1][1].strip()} {first}"  # a label wrapped in its bracket
        label = (
            (_SAMPLE_SIZE if _SAMPLE_SIZE_LABEL.fullmatch(first) else None)
            or statement_in(first)
            or (_PERCENT_LABEL if _PERCENT_ROW.match(first) else None)
            or age_header(first)
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


_PER_SHARE = re.compile(r"(?i)\bper[ -](?:share|ADS|CPO|unit)\b|\bpor acci[oó]n\b")


# A poll's topline prints '%' on its first row only ('Right direction  31%  34%'); a mean
# or median row under it is in the question's own unit.
_NOT_A_SHARE_LABEL = re.compile(r"[ \t|]*(?i:mean|median|average)\b")


def _share_columns(rows: list[str], starts: list[int] | None) -> frozenset[int]:
    """The columns whose cells in the first row of figures all print '%'."""
    for line in rows:
        cells = [(a, b) for a, b in row_cells(line) if NUMBER_CELL.fullmatch(line[a:b].strip())]
        if not cells or not line[: cells[0][0]].strip():
            continue  # no figure, or a row that opens with one: no label, no topline
        if not all(line[a:b].strip().endswith("%") for a, b in cells):
            return frozenset()
        if starts:
            return frozenset(header_column(starts, b) for _, b in cells)
        return frozenset(i for i, cell in enumerate(row_cells(line)) if cell in cells)
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
