"""A bare number that takes a unit printed for another quantity.

A number printed without its unit may still be a measure or an amount: the interval after
an estimate is in the estimate's unit, a cell takes its table's scale, and `another 45`
is 45 of what was just measured. Each rule here lends a unit only when the text shows the
number belongs to that quantity; otherwise the number keeps no unit, and
`quantity_rules.counts_something` decides whether it is a count at all.
"""

from __future__ import annotations

import re

from pipeline.extract.quantity_elided import IN_A_YEAR, noun_said_before
from pipeline.extract.quantity_lists import Row
from pipeline.extract.quantity_neighbours import Neighbours
from pipeline.extract.quantity_rules import Part
from pipeline.extract.quantity_table_cells import fills_table_cell
from pipeline.extract.quantity_table_statements import IDENTIFIER
from pipeline.extract.quantity_tables import TableUnits, scaled

_CLAUSE_BREAK = re.compile(r"[.;!?][ \t\n\xa0]")


# Words that mean more of what was just measured, in its unit ('another 45' days).
_MORE_OF_THE_SAME = frozenset(("another", "other", "otros", "otras", "additional", "remaining"))


# A bare number set against the quantity just before it, in its unit.
_SET_AGAINST = frozenset(("versus", "vs.", "vs"))


def in_unit_said_before(rows: list[Row], scan: str, part: Part) -> Part:
    """A number whose noun was left out takes the unit of the quantity before it in its
    sentence ('within 45 business days, which can be extended by another 45')."""
    if not rows:
        return part
    before = rows[-1][0]
    between = scan[before.end : part.start]
    if before.unit is None or before.unit.kind == "count" or len(between) > 160:
        return part
    if _CLAUSE_BREAK.search(between) or part.value is None:
        return part
    return part._replace(unit=before.unit, value=part.value * before.unit.factor)


def in_stated_scale(tables: TableUnits, scan: str, part: Part) -> Part:
    """An amount that prints its currency in a cell of a table stating a scale for money
    ('(Dollars in Thousands)' over '$5,112,457') is at that scale."""
    if part.value is None or not fills_table_cell(scan, part.start, part.end):
        return part
    cell = tables.at(part.start)
    if cell is None or cell.unit.kind != "money" or cell.scale == 1:
        return part
    return part._replace(value=part.value * cell.scale, scale=cell.scale)


def in_range_cell(
    tables: TableUnits, scan: str, parts: list[tuple[Part, str | None]]
) -> list[tuple[Part, str | None]]:
    """A bare range that fills a cell of a table stating a measure or money for it takes
    that unit at each end; a cell of counts, shares or identifiers leaves it as it is (a
    poll's header of age groups, 'Ages 18–34 35–54', stands over columns of shares)."""
    low, high = parts[0][0], parts[1][0]
    if not fills_table_cell(scan, low.start, high.end):
        return parts
    cell = tables.at(low.start)
    if cell is None or cell is IDENTIFIER or cell.unit.kind in ("count", "percent"):
        return parts
    return [(p._replace(unit=cell.unit, value=scaled(p.value, cell)), r) for p, r in parts]


# '5.9 percentage points (95% CI 4.1–7.9; p < 0.01)': the interval's bounds are in the
# estimate's unit
_INTERVAL_BEFORE = re.compile(
    r"\([^()\n]{0,12}?\b(?:CI|C\.I\.|confidence interval)[:,]?[ \t\xa0]*\Z"
)


_INTERVAL_REACH = 40


def estimate_before(rows: list[Row], scan: str, low: Part) -> Part | None:
    """The estimate a bracketed interval's bounds belong to: the last quantity before the
    bracket ('(95% CI' holds the confidence level, not the estimate), when it has a unit
    or is a count with only its noun between ('8 individuals (95% CI, 5–13)'; not '412
    adults, the OR was 2.1 (95% CI', whose estimate is no row)."""
    interval = _INTERVAL_BEFORE.search(scan, max(0, low.start - 40), low.start)
    if interval is None:
        return None
    before = [part for part, _, _ in rows if part.end <= interval.start()]
    estimate = before[-1] if before else None
    if estimate is None or (estimate.unit is not None and estimate.unit.factor != 1):
        return None
    between = scan[estimate.end : interval.start()]
    if estimate.unit is None and (len(between.split()) > 2 or any(c.isdigit() for c in between)):
        return None
    return estimate if len(between) < _INTERVAL_REACH else None


def takes_unit_said_before(scan: str, part: Part, near: Neighbours) -> bool:
    """Whether a bare number is set against the quantity before it or is more of it ('18.70
    to the dollar …, versus 17.20', 'extended by another 45'); 'the remaining two in 2029'
    counts things delivered, not more time."""
    return near.before_lower in _SET_AGAINST or (
        near.before_lower in _MORE_OF_THE_SAME
        and noun_said_before(scan, part.end, near)
        and not IN_A_YEAR.match(scan, part.end)
    )
