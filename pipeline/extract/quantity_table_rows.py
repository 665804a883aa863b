"""How a table lies on the page: its rows, their cells and the header above them.

A plain-text table is a run of lines cut into cells by two spaces or more, by tabs or by
bars. Around its rows stand lines that belong to it without being rows: a header over
several lines, a label or a description wrapped under its row, a rule, a unit line over a
group of rows. `quantity_tables` asks these questions of each line to find where a table
begins and ends, and which header a cell stands under.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from itertools import pairwise

from pipeline.extract.numbers import is_year_like

_PIPE_ROW = re.compile(r"[ \t]*\|.*\|[ \t\r]*")
_GAP = re.compile(r"\t[ \t\xa0]*|[ \xa0]{2,}")
# a rule between header and rows or above a total: ASCII, or box drawing from a PDF
SEPARATOR_ROW = re.compile(r"[ \t|:\-=_+─━═—–]+")


def row_cells(line: str) -> list[tuple[int, int]]:
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


def has_number_cell(line: str) -> bool:
    """Whether a line holds a figure: a number cell that is not a year ('Feb. 2026' heads
    a column)."""
    for a, b in row_cells(line):
        cell = line[a:b].strip()
        if NUMBER_CELL.fullmatch(cell) and not is_year_like(cell):
            return True
    return False


def continues_header(line: str) -> bool:
    """An indented line of header words under the first: '   planned   deployed', '(percent)'."""
    words = line.strip()
    return line.startswith("    ") and bool(words) and ". " not in words and len(line) < 160


def groups_columns(line: str) -> bool:
    """A header line naming groups of columns ('FY 2025   FY 2026'), with no figure in it."""
    return continues_header(line) and not has_number_cell(line)


def wraps_label(lines: list[str]) -> bool:
    """A row label wrapped over lines: words alone on up to three lines, then a row of
    figures ('Nonproliferation, Anti-terrorism,' ⏎ 'Demining and Related Programs' ⏎
    '(NADR)    8,500    8,500')."""
    return _wrapped_before_row(lines, _label_words)


def _label_words(line: str) -> bool:
    """Words of a label, without figures; a figure inside words may stand in a label that
    runs on with a comma ('Housekeeper (1 day a week),')."""
    words = line.strip()
    if ". " in words:
        return False
    return not any(ch.isdigit() for ch in words) or (
        words.endswith(",") and not has_number_cell(line)
    )


def wraps_cell(lines: list[str]) -> bool:
    """A cell's words wrapped under its row: indented lines without figures, up to three,
    then the next row of figures ('Steering knuckle, forged steel,  8708.94.7550  1,200'
    ⏎ '      machined, for F-150 type' ⏎ '2  FCN-4418-C  Control arm bracket …')."""
    return _wrapped_before_row(
        lines, lambda line: indent_of(line) >= 4 and not has_number_cell(line)
    )


def _wrapped_before_row(lines: list[str], wrapped: Callable[[str], bool]) -> bool:
    """Whether `lines` are short lines of words, each of them `wrapped`, then a row of
    figures."""
    for line in lines:
        if is_row(line):
            return has_number_cell(line)
        words = line.strip()
        if not words or len(words) >= 60 or not wrapped(line):
            return False
    return False


def header_columns(rows: list[tuple[int, str]]) -> tuple[list[str], list[int] | None]:
    """The text of each column's header, and where each column starts when the table is
    aligned by spaces (None for tab, bar and CSV tables). The header line with the most
    cells marks the columns; the words the other header lines print over or under each
    (down to the first row of numbers) join it: 'Millones' + 'de dólares', under a line of
    period groups."""
    first = rows[0][1]
    if has_number_cell(first) or "\t" in first or "|" in first:
        return [first[a:b] for a, b in row_cells(first)], None  # no header, or not aligned
    header = [first]
    for _, line in rows[1:]:
        if has_number_cell(line):
            break
        if line.startswith((" ", "\t")) or len(row_cells(line)) >= 2:
            header.append(line)  # not a row label wrapped over lines
    base = max(header, key=lambda line: len(row_cells(line)))
    cells = row_cells(base)
    starts = [a for a, _ in cells]
    texts = [""] * len(cells)
    for line in header:
        if is_group_unit_line(line, starts):
            continue  # it heads the rows below, not a column
        # each printed piece joins the column under its middle: '($ in millions)' may
        # begin over the column before its own
        for a, b in row_cells(line):
            piece = line[a:b].strip()
            if piece:
                k = max(0, bisect_right(starts, (a + b - 1) // 2) - 1)
                texts[k] = f"{texts[k]} {piece}".strip()
    return texts, starts


# '(Annual percentage change, unless otherwise indicated)', '(In percent of GDP)': a line
# that is one parenthesis, over a group of rows whose unit it states.
GROUP_UNIT_LINE = re.compile(
    # or a row label without figures that ends in one ('Carloads and units (thousands)')
    r"[ \t]*(?:[A-Za-z][^0-9()\n\t]{0,60}?[ ])?\([^()\n]{2,120}\)[ \t\r]*"
)


def is_group_unit_line(line: str, starts: list[int] | None) -> bool:
    """A parenthesis alone on its line that opens in the row labels' column, not under one
    column of figures ('(thousands)' under 'Employment,' heads that column only)."""
    if not GROUP_UNIT_LINE.fullmatch(line):
        return False
    opens = len(line) - len(line.lstrip(" \t"))
    return not starts or len(starts) < 2 or opens < starts[1]


def closes_bracket(label: str) -> bool:
    """Whether a row's label closes a bracket opened on the line above."""
    head = label.strip().split("  ")[0]
    return ")" in head and "(" not in head.split(")")[0]


def indent_of(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def heads_group(line: str, below: str) -> bool:
    """A label without figures over indented rows ('Funding' over '  U.S. Government
    5,318'): it opens a group of rows, as a row label wrapped over lines does not."""
    words = line.strip()
    return (
        bool(words)
        and not any(ch.isdigit() for ch in words)
        and not is_row(line)
        and is_row(below)
        and indent_of(line) < indent_of(below)
    )


def is_row(line: str) -> bool:
    return bool(_PIPE_ROW.fullmatch(line)) or len(_GAP.findall(line.strip())) >= 2


def row_label(line: str, cells: list[tuple[int, int]] | None = None) -> str:
    """A row's label: its first cell with words (an indented row's cuts begin with its
    indent)."""
    return next((line[a:b] for a, b in cells or row_cells(line) if line[a:b].strip()), "")


def header_column(starts: list[int], cell_end: int) -> int:
    """In an aligned table, the header column over a cell's last character."""
    return bisect_right(starts, cell_end - 1) - 1


# A two-column table prints one figure after each label ('SUBTOTAL        8,804.00',
# '  3 years        10'): a single run of spaces cuts each line, so no line alone is a row.
_PAIR_ROWS_AT_LEAST = 3
# without its own '$' or '%': a fact sheet's 'Net assets   $1.27 billion' lines each state theirs
_BARE_FIGURE = re.compile(r"[-−]?[0-9][0-9,.]*")


def _pair_figure(line: str) -> tuple[int, int] | None:
    """Where the figure of a 'label   figure' line starts and ends: words, one run of
    spaces, one bare figure that is not a year."""
    if "\t" in line or _PIPE_ROW.fullmatch(line):
        return None
    cells = _filled_cells(line)
    if len(cells) != 2:
        return None
    (a, b), (c, d) = cells
    figure = line[c:d].strip()
    if not any(ch.isalpha() for ch in line[a:b]) or not _BARE_FIGURE.fullmatch(figure):
        return None
    return None if is_year_like(figure) else (c, d)


def pair_block_end(lines: list[str], first: int) -> int:
    """The end of a run of 'label   figure' lines from `first` whose figures line up, left
    or right, under a rule or not; `first` when fewer than three such lines start there."""
    figures: list[tuple[int, int]] = []
    k = first
    while k < len(lines):
        figure = _pair_figure(lines[k])
        if figure is None and not (figures and SEPARATOR_ROW.fullmatch(lines[k])):
            break
        if figure is not None:
            figures.append(figure)
        k += 1
    ends = [end for _, end in figures]
    # right-aligned within a character: a figure with a digit too many ('1,1500.00') stands out
    aligned = len({start for start, _ in figures}) == 1 or (
        bool(ends) and max(ends) - min(ends) <= 1
    )
    return k if len(figures) >= _PAIR_ROWS_AT_LEAST and aligned else first


def heads_pair_block(line: str, figure_start: int) -> bool:
    """A header of two cells over a two-column table, its second over the figures
    ('Years of service        Vacation days')."""
    cells = _filled_cells(line)
    return (
        len(cells) == 2
        and not has_number_cell(line)
        and abs(cells[1][0] - figure_start) <= 12
        and "\t" not in line
    )


def _filled_cells(line: str) -> list[tuple[int, int]]:
    """The cells of a line that hold something (an indent opens an empty one)."""
    return [(a, b) for a, b in row_cells(line) if line[a:b].strip()]
