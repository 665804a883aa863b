"""Quantities stated in a document: value, unit, qualifier, period, rate and measure.

One compiled pattern (`quantity_patterns.QUANTITY_SCAN`) walks the text once and yields
either a stretch that holds no quantity (a date, a reference list, a citation...) or a
candidate number with its currency, scale and unit. The few rules below then decide, from
the words right next to a bare number, whether it counts something ('55 active ports') or
names something ('Executive Order 14157', '100,000 Strong in the Americas Innovation Fund').

Conventions (they follow the gold in `../shared/gold/seed_quantities.csv`):
- the quote covers the sign, the currency mark, the number, the scale and the unit
  ('\\$39.84 million', '2,000-miles', '40 percent', '-1.2 percent'), never the hedge word
  and never the counted noun ('55'); a minus sign glued to the amount makes it negative;
- a range is two rows, `range_role` 'low' and 'high', each quoting its own number; the low
  end takes the unit, currency and scale of the high end when it states none ('$5-10 million'
  -> 5000000 and 10000000 USD);
- a number that cannot be read without guessing keeps its row with `value` null and
  `flag` 'malformed_number'.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal
from itertools import chain
from typing import Any

from pipeline.extract.numbers import is_year_like
from pipeline.extract.quantity_borrowed_units import (
    estimate_before,
    in_range_cell,
    in_stated_scale,
    in_unit_said_before,
    takes_unit_said_before,
)
from pipeline.extract.quantity_collapsed_tables import collapsed_as_tabs
from pipeline.extract.quantity_context import (
    Rate,
    qualifier_before,
    rate_follows_only,
    rate_for,
    rate_of,
)
from pipeline.extract.quantity_csv import csv_as_tabs
from pipeline.extract.quantity_flat_tables import FlatTables
from pipeline.extract.quantity_line_breaks import on_joined_text
from pipeline.extract.quantity_lists import (
    Row,
    with_change_from,
    with_currency_carried,
    with_listed_before,
    with_part_of_whole,
    with_stated_scale,
)
from pipeline.extract.quantity_measure import measure_of
from pipeline.extract.quantity_neighbours import neighbours
from pipeline.extract.quantity_notes import NoteLines, notes_start
from pipeline.extract.quantity_ocr import on_ocr_read
from pipeline.extract.quantity_page_layout import PageFurniture
from pipeline.extract.quantity_parts import digit_parts, word_parts
from pipeline.extract.quantity_patterns import QUANTITY_SCAN
from pipeline.extract.quantity_periods import (
    Mention,
    assign_periods,
    date_period,
    fiscal_period,
    merge_spans,
    span_period,
    with_since,
    year_mention,
)
from pipeline.extract.quantity_ratios import is_ratio_base
from pipeline.extract.quantity_rules import (
    Part,
    counts_something,
    is_frequency,
    open_ended,
    ordinal_follows,
    year_then_note,
    zero_led,
)
from pipeline.extract.quantity_spaced_numbers import spaced_thousands_as_narrow
from pipeline.extract.quantity_table_cells import ends_label_line, fills_table_cell
from pipeline.extract.quantity_table_statements import IDENTIFIER
from pipeline.extract.quantity_tables import TableUnits, scaled
from pipeline.extract.quantity_unit_rules import age_unit, is_unit_label, unit_printed_apart
from pipeline.extract.quantity_units import COUNT, UNITS
from pipeline.extract.quantity_word_digit_pairs import on_word_digit_pairs_read
from pipeline.extract.sentences import Sentence, SentenceIndex

_NO_QUANTITY = frozenset(("line", "x", "x2"))


_TITLE_FIELD = re.compile(r"\ntitle:[ \t]*[^\n]*")


def _front_matter(scan: str) -> tuple[int, tuple[int, int] | None]:
    """Offset in `scan` just past a leading YAML front matter block (metadata, not prose),
    and the span of its `title:` line, which is a headline and may state quantities."""
    if not scan.startswith("\n---"):
        return 0, None
    close = scan.find("\n---", 4)
    if close == -1:
        return 0, None
    title = _TITLE_FIELD.search(scan, 0, close)
    return close + 4, (title.span() if title else None)


def _period_mention(scan: str, m: re.Match[str], kind: str) -> Mention | None:
    surface = m.group(kind)
    start, end = m.start(kind), m.end(kind)
    if kind == "fy":
        period = fiscal_period(surface)
    elif kind == "span":
        period = span_period(surface, scan, end)
    else:  # 'date' (month first) or 'date2' (digits first)
        period = date_period(surface)
    return with_since(scan, Mention(start, end, period)) if period else None


def _counted_with_next(scan: str, parts: list[tuple[Part, str | None]], part: Part) -> bool:
    """The first of two bare numbers set side by side counts what the second counts ('4 or
    5 agents', 'a vote of 281 to 24, with')."""
    if len(parts) != 2 or part.start != parts[0][0].start or parts[1][1] is not None:
        return False
    second = parts[1][0]
    if second.unit is not None or part.form != second.form:
        return False
    return counts_something(scan, second.end, second, neighbours(scan, second.start, second.end))


def _scan(scan: str) -> tuple[list[Row], list[Mention], list[Rate]]:
    """One pass: the quantities, the period mentions and the rate phrases of a text."""
    rows: list[Row] = []
    mentions: list[Mention] = []
    rates: list[Rate] = []
    body, title = _front_matter(scan)
    notes_at = notes_start(scan, body)
    note_lines = NoteLines(scan)
    tables, flat_tables, page = TableUnits(scan), FlatTables(scan), PageFurniture(scan)
    in_title = QUANTITY_SCAN.finditer(scan, *title) if title else ()
    note_line = (0, 0)  # the span of the line a note marker opens
    for m in chain(in_title, QUANTITY_SCAN.finditer(scan, body)):
        kind = m.lastgroup
        if kind == "note":
            end = scan.find("\n", m.end())
            note_line = (m.start(), len(scan) if end == -1 else end)
            continue
        if kind in _NO_QUANTITY:
            continue
        at = m.start(kind)
        if note_line[0] <= at < note_line[1] and not note_lines.reads(at):
            continue  # a footnote that cites ('²⁵ Banco de México, …, accessed …')
        if notes_at is not None and at >= notes_at and not note_lines.reads(at):
            continue  # a citation, or a note's marker
        if kind == "rate":
            phrase = m.group(kind)
            rates.append((m.start(kind), rate_of(phrase), rate_follows_only(phrase)))
            continue
        if kind in ("fy", "span", "date", "date2"):
            mention = _period_mention(scan, m, kind)
            if mention:
                mentions.append(mention)
            continue
        parts = digit_parts(scan, m) if kind == "q" else word_parts(scan, m)
        paired = parts[0][1] == "low" or (len(parts) == 2 and parts[1][0].unit is None)
        age = parts[0][0].unit is None and paired and age_unit(scan, parts[0][0])
        if age:  # 'ages 18 to 29', 'ages 23 and 31'
            parts = [(p._replace(unit=age), r) for p, r in parts]
        if parts[0][1] == "low":
            low, high = parts[0][0], parts[1][0]
            estimate = estimate_before(rows, scan, low) if high.unit is None else None
            if estimate is not None:
                parts = [(p._replace(unit=estimate.unit), r) for p, r in parts]
            elif high.unit is None:  # '3-6' under 'Transit (hours)': the cell's unit for both
                parts = in_range_cell(tables, scan, parts)
            around = neighbours(scan, low.start, high.end)
            counted = estimate is not None  # '8 individuals (95% CI, 5–13)': counts too
            if parts[1][0].unit is None and not (
                counted or counts_something(scan, high.end, high, around)
            ):
                continue
        for part, role in parts:
            if part.value is None and part.form == "words":
                continue
            lone_one = part.raw.lower() == "one" and not part.scaled
            if part.form == "words" and (lone_one or ordinal_follows(scan, part)):
                continue  # the word 'one' is never a row ('one million' is); a rank
            if zero_led(part):
                continue  # '(USD 000)' states a scale; '06500' is a code: no amount
            if part.unit is None and not part.scaled and is_year_like(part.raw):
                mentions.append(with_since(scan, year_mention(scan, part.start, part.end)))
                continue
            if year_then_note(scan, part):
                year_end = part.start + 4
                mentions.append(with_since(scan, year_mention(scan, part.start, year_end)))
                continue
            near = neighbours(scan, part.start, part.end)
            if is_frequency(near, part.unit) or is_unit_label(scan, part):
                continue
            if part.unit is not None and is_ratio_base(scan, near):
                continue  # '1 in 4 tons
            if part.unit is None and role is None:
                if page.holds(part):
                    continue  # '| 14', '230 INCSR 2026 Volume I', a footnote's number
                unit, end = unit_printed_apart(scan, part)
                part = part._replace(end=end)
                # '(518,442)': a negative amount, as accounts print it, in a cell of money
                # or of any measure ('(1.7)' hours, '(6.8)' percent); around a count the
                # brackets are no sign, and what they mean is left unread
                bracketed = scan[part.start - 1 : part.start] == "(" and scan.startswith(")", end)
                if bracketed and scan.startswith(")%", end) and part.value is not None:
                    # '(4.4)%': a negative share, as accounts print it
                    unit = UNITS["percent"]
                    part = part._replace(start=part.start - 1, end=end + 2, value=-part.value)
                cell_start, cell_end = (part.start - 1, end + 1) if bracketed else (part.start, end)
                in_cell = not (unit or part.scaled) and fills_table_cell(scan, cell_start, cell_end)
                cell = tables.at(cell_start) if in_cell else None
                if not (in_cell or unit or part.scaled) and ends_label_line(
                    scan, cell_start, cell_end
                ):
                    cell = tables.at(cell_start)  # 'SUBTOTAL      8,804.00' in a two-column table
                    in_cell = cell is not None
                if bracketed and in_cell and cell is not IDENTIFIER and part.value is not None:
                    if cell is None or cell.unit.kind == "count":
                        continue
                    part = part._replace(start=cell_start, end=cell_end, value=-part.value)
                if cell is None and not (unit or part.scaled):
                    # a PDF table, chart or stats box, flattened; or a chart's pairs aligned
                    # like cells ('FY21  2.9   FY22  3.4') that state nothing as a table
                    cell = flat_tables.at(part)
                if cell is IDENTIFIER:
                    continue  # a code, rank or year column
                if cell:  # a cell of a table that states its unit and scale
                    part = part._replace(unit=cell.unit, value=scaled(part.value, cell))
                else:
                    part = part._replace(unit=unit)
                    if part.unit is not None and part.value is not None:
                        part = part._replace(value=part.value * part.unit.factor)
            elif role is None and part.unit.kind == "money" and not part.scaled:
                part = in_stated_scale(tables, scan, part)  # '$5,112,457' in thousands
            hedge_at = parts[0][0].start if role == "high" else part.start
            qualifier = qualifier_before(scan, hedge_at, (part.unit or COUNT).kind)
            if qualifier == "exact":
                qualifier = open_ended(scan, part.end) or "exact"
            if (
                role is None
                and part.unit is None
                and not counts_something(scan, part.end, part, near)
                and not _counted_with_next(scan, parts, part)
            ):
                continue
            if role is None and part.unit is None and takes_unit_said_before(scan, part, near):
                part = in_unit_said_before(rows, scan, part)  # 'extended by another 45'
            if role is None:  # 'over 5, 10 or 15 years': the earlier items share the unit
                rows = with_listed_before(rows, scan, part)
            rows.append((part, role, qualifier))
    rows = with_stated_scale(with_currency_carried(rows, scan), scan)
    rows = with_change_from(with_part_of_whole(rows, scan), scan)
    return rows, merge_spans(scan, mentions), rates


def _sentence_around(text: str, index: SentenceIndex, part: Part) -> Sentence | None:
    """The sentence of the quote; two joined when a line break the splitter took for a
    sentence end falls inside the quote ('U.S.⏎$5 million')."""
    first = index.at(part.start - 1)
    if first is None or first.end >= part.end - 1:
        return first
    last = index.at(part.end - 2) or first
    return Sentence(first.start, last.end, text[first.start : last.end])


def _finite(value: Decimal | None) -> float | None:
    """The value as a float; None for a digit string too long to be a real amount (its row
    is then flagged malformed, like any number that cannot be read safely)."""
    if value is None:
        return None
    number = float(value)
    return number if math.isfinite(number) else None


def extract_quantities(text: str) -> list[dict[str, Any]]:
    """Every stated quantity in `text`, one record per number (see quantities schema)."""
    # PDF text: 'bil-⏎lion'; scanned text: 'l0 percent'; legal text: 'four (4) aircraft'
    return on_joined_text(lambda joined: on_ocr_read(_read_pairs, joined), text)


def _read_pairs(text: str) -> list[dict[str, Any]]:
    return on_word_digit_pairs_read(_extract_quantities, text)


def _extract_quantities(text: str) -> list[dict[str, Any]]:
    scan = "\n" + text  # every candidate starts after a lead character, the first one too
    # Same offsets: CSV fields and collapsed columns read as cells, spaced thousands as one
    rows, mentions, rates = _scan(spaced_thousands_as_narrow(collapsed_as_tabs(csv_as_tabs(scan))))
    row_starts = [row[0].start for row in rows]
    index = SentenceIndex(text)
    sentences = [_sentence_around(text, index, part) for part, _, _ in rows]
    bounds = [
        (s.start + 1, s.end + 1) if s else (part.start, part.end)
        for s, (part, _, _) in zip(sentences, rows, strict=True)
    ]
    quotes = [(part.start, part.end) for part, _, _ in rows]
    periods = assign_periods(scan, mentions, quotes, bounds)
    out: list[dict[str, Any]] = []
    for i, (part, role, qualifier) in enumerate(rows):
        start, end = part.start - 1, part.end - 1  # offsets in `text`
        sentence = sentences[i]
        unit = part.unit or COUNT
        value = _finite(part.value)
        out.append(
            {
                "char_start": start,
                "char_end": end,
                "quote": text[start:end],
                "value": value,
                "unit": unit.code,
                "kind": unit.kind,
                "form": part.form,
                "qualifier": qualifier,
                "range_role": role,
                "period": periods[i],
                "rate": unit.rate or rate_for(scan, rates, bounds[i], rows, row_starts, i),
                "measure": measure_of(text, start, end, unit.kind),
                "flag": "malformed_number" if value is None else None,
                "sentence": sentence.text if sentence else text[start:end],
            }
        )
    return out
