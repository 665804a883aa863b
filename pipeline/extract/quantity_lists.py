"""Numbers that share a unit printed once.

`phased out over 5, 10 or 15 years` states three durations: the unit is printed once, after
the last item, as the high end of a range takes it for the low end (`5-10 years`). Each
earlier item becomes its own row quoting the bare number, with the last item's unit and
scale. Years, citations (`Sections 5, 10 and 15 percent`) and numbers that already are
rows are left alone.

`Michoacán (1,512 millones de dólares), Jalisco (1,489 millones)`: an amount with a scale
and nothing after it takes the currency of the amount with a scale before it in the same
sentence; it is not a count of 1.489 billion things.

`surpluses, in billions of dollars, with Netherlands ($5.2), Hong Kong ($3.9)`: a sentence
that states the scale of the amounts it lists in brackets gives them that scale.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal

from pipeline.extract.numbers import (
    ONE_TO_NINE,
    SMALL_NUMBERS,
    TENS,
    is_year_like,
    parse_digits,
    parse_words,
)
from pipeline.extract.quantity_context import qualifier_before
from pipeline.extract.quantity_rules import SHARE_IN_BRACKETS, Part
from pipeline.extract.quantity_table_statements import SCALE_STATED, stated_scale
from pipeline.extract.quantity_trie import word_list

Row = tuple[Part, str | None, str]  # a number, its range role, its qualifier

# The items before the last: '5, 10 or ', '5, 10, and ', '12 and ' is not a list (a
# range or two amounts), so at least one comma is required.
_ITEMS_BEFORE = re.compile(
    r"((?:(?<![\w.,$€£])[0-9]+(?:\.[0-9]+)?,[ \t]+)+(?:[0-9]+(?:\.[0-9]+)?,?[ \t]+)?)"
    r"(?:or|and|y|o)[ \t]+\Z"
)
_ITEM = re.compile(r"[0-9]+(?:\.[0-9]+)?")
# The same as speech prints it, in words ('eighty, eighty-five percent', 'seven, eight hours')
_WORD = rf"(?i:{'|'.join(TENS)})(?:-(?i:{ONE_TO_NINE}))?|(?i:{'|'.join(SMALL_NUMBERS)})"
_WORD_ITEMS_BEFORE = re.compile(
    rf"((?:(?<![\w-])(?:{_WORD}),[ \t]+)+(?:(?:{_WORD}),?[ \t]+)?)(?:or|and)[ \t]+\Z"
)
_WORD_ITEM = re.compile(rf"(?<![\w-])(?:{_WORD})(?![\w-])")
# Two items with only a comma between ('7, 8 hours', 'seven, eight hours'): a list only
# when the first is below the second and at least half of it, as a spoken estimate is.
_PAIR_BEFORE = {
    "digits": re.compile(r"(?<![\w.,$€£-])([0-9]+(?:\.[0-9]+)?),[ \t]+\Z"),
    "words": re.compile(rf"(?<![\w-])({_WORD}),[ \t]+\Z"),
}
_LABEL_BEFORE = re.compile(r"([A-Za-zÁÉÍÓÚáéíóú]+)\.?[ \t]+\Z")
_LABELS = frozenset(
    word_list(
        """section sections article articles artículo artículos page pages pp p no nos
        paragraph paragraphs chapter chapters table tables figure figures item items
        fracción fracciones rule rules title titles step steps phase phases grade grades
        level levels tier tiers january february march april may june july august
        september october november december jan feb mar apr jun jul aug sep sept oct nov dec"""
    )
)


def listed_before(scan: str, last: Part) -> list[Part]:
    """The items of a list that ends with `last` and shares its unit; none when the number
    before `last` is not the end of such a list."""
    if last.unit is None:
        return []
    digits = last.form == "digits"
    before = max(0, last.start - 80)
    m = (_ITEMS_BEFORE if digits else _WORD_ITEMS_BEFORE).search(scan, before, last.start)
    pair = m is None
    if pair:
        m = _PAIR_BEFORE[last.form].search(scan, before, last.start)
    if m is None:
        return []
    label = _LABEL_BEFORE.search(scan, max(0, m.start() - 24), m.start())
    if label and label.group(1).lower() in _LABELS:
        return []  # 'Sections 5, 10 and 15 percent', 'March 7, 8 percent'
    items = list((_ITEM if digits else _WORD_ITEM).finditer(scan, m.start(1), m.end(1)))
    if any(is_year_like(item.group()) or item.group().lower() == "one" for item in items):
        return []
    if any(_YEAR_SPAN_BEFORE.search(scan, max(0, i.start() - 5), i.start()) for i in items):
        return []  # '$5,162 per semester in 2025–26, or $10,324': a school year's end
    parse = parse_digits if digits else parse_words
    if pair and not _close_below(parse(items[0].group()), parse(last.raw)):
        return []
    parts = []
    for item in items:
        number = parse(item.group())
        if number is None:
            return []
        value = number * last.scale * last.unit.factor
        start, end = item.span()
        parts.append(Part(start, end, value, last.unit, last.scale, item.group(), last.form))
    return parts


_YEAR_SPAN_BEFORE = re.compile(r"(?<![0-9])(?:19|20)[0-9]{2}[-–/]\Z")


def _close_below(first: Decimal | None, last: Decimal | None) -> bool:
    return first is not None and last is not None and last / 2 <= first < last


def with_listed_before(rows: list[Row], scan: str, last: Part) -> list[Row]:
    """`rows` with the items of the list that `last` ends, when it shares its unit; a bare
    count already read at an item's place gives way to it."""
    listed = listed_before(scan, last)
    if not listed or last.unit is None:
        return rows
    starts = {item.start for item in listed}
    kept = [row for row in rows if row[0].start not in starts or row[0].unit is not None]
    taken = {row[0].start for row in kept}
    hedge = qualifier_before(scan, listed[0].start, last.unit.kind)
    added = [(item, None, hedge) for item in listed if item.start not in taken]
    return sorted(kept + added, key=lambda row: row[0].start)  # in the text's order


# '41 of the 59 days': the part takes the unit the whole is printed in
_PART_OF_WHOLE = re.compile(
    r"(?:[ \t\xa0]+or[ \t\xa0]+(?:more|fewer|less))?"  # 'on 20 or more of the past 30 days'
    r"[ \t\xa0\n]+of[ \t\xa0\n]+(?:the|its|their|his|her|our|those|these)[ \t\xa0\n]+"
    r"(?:(?:past|last|first|next|previous|same)[ \t\xa0\n]+)?"
)
_MEASURED_KINDS = frozenset(("duration", "length", "mass"))


def _with_unit_of_next(rows: list[Row], takes: Callable[[Part, Part], bool]) -> list[Row]:
    """`rows`, where a bare number takes the unit of the amount right after it, when
    `takes(number, amount)` says the text joins them so."""
    out = list(rows)
    for i in range(len(out) - 1):
        (part, role, qualifier), (following, _, _) = out[i], out[i + 1]
        unit = following.unit
        bare = part.unit is None and role is None and part.value is not None
        if bare and unit is not None and takes(part, following):
            value = part.value * unit.factor
            out[i] = (part._replace(unit=unit, value=value), role, qualifier)
    return out


def with_part_of_whole(rows: list[Row], scan: str) -> list[Row]:
    """'on 41 of the 59 days' is 41 days; '9 of the 23 cases' stays a count."""
    return _with_unit_of_next(
        rows,
        lambda part, whole: (
            whole.unit is not None
            and whole.unit.kind in _MEASURED_KINDS
            and bool(_PART_OF_WHOLE.fullmatch(scan, part.end, whole.start))
        ),
    )


# 'raised its tariff from zero to 20 percent': a change's start in words, its end's unit
_FROM_BEFORE = re.compile(r"\b(?i:from)[ \t\xa0]+\Z")
_TO_BETWEEN = re.compile(r"[ \t\xa0]+to[ \t\xa0]+")


def with_change_from(rows: list[Row], scan: str) -> list[Row]:
    """A bare number after 'from' takes the unit of the amount right after its 'to', when
    that is printed in another form ('from zero to 20 percent')."""
    return _with_unit_of_next(
        rows,
        lambda start, end: (
            start.form != end.form
            and bool(_TO_BETWEEN.fullmatch(scan, start.end, end.start))
            and bool(_FROM_BEFORE.search(scan, max(0, start.start - 8), start.start))
        ),
    )


# Nothing named after the scale word: a bracket, a comma, the end of the clause, a
# conjunction ('(1,489 millones)', 'from 2.9 billion.', '1.4 billion and').
# ('7,310 millones (21.3 %) a nuevas inversiones': its share in brackets names nothing)
_NOTHING_NAMED = re.compile(
    rf"[ \t\xa0]*(?:[),;:]|{SHARE_IN_BRACKETS}|\.(?![0-9])|(?:and|or|y|o|e)\b|\Z)"
)
# 'a population of approximately 130 million.': what it counts was named before it.
_OF_BEFORE = re.compile(r"\b(?:of|de)[ \t\xa0]+(?:[a-z]+[ \t\xa0]+)?\Z")
# a sentence's end, a blank line or a new list item; a hard-wrapped line goes on
_SENTENCE_BREAK = re.compile(r"\n[ \t\xa0]*(?:\n|[-•*▪·]|[0-9]{1,2}[.)])|[.!?][ \t\xa0\n]+[A-Z¿¡]")
_SAME_SENTENCE = 240


def with_currency_carried(rows: list[Row], scan: str) -> list[Row]:
    """`rows`, where a bare scaled amount that names nothing takes the currency of the
    scaled amount before it in its sentence."""
    out: list[Row] = []
    money: Part | None = None
    for part, role, qualifier in rows:
        if part.unit is not None and part.unit.kind == "money" and part.scaled:
            money = part
        elif (
            money is not None
            and part.unit is None
            and part.scaled
            and role is None
            and part.start - money.end < _SAME_SENTENCE
            and _NOTHING_NAMED.match(scan, part.end)
            and not _OF_BEFORE.search(scan, max(0, part.start - 30), part.start)
            and not _SENTENCE_BREAK.search(scan, money.end, part.start)
        ):
            part = part._replace(unit=money.unit)
            money = part  # and on down a list ('22,840 millones (66.6 %) …, 7,310 millones')
        out.append((part, role, qualifier))
    return out


# Hard-wrapped prose breaks lines inside a sentence: only a full stop or a blank line ends it.
_SENTENCE_OR_PARAGRAPH_END = re.compile(r"[.!?][ \t\xa0\n]+[A-Z¿¡]|\n[ \t]*\n")


def with_stated_scale(rows: list[Row], scan: str) -> list[Row]:
    """`rows`, where an amount in brackets with a currency and no scale takes the scale its
    sentence states before it ('in billions of dollars, with Netherlands ($5.2)')."""
    out: list[Row] = []
    for part, role, qualifier in rows:
        if (
            part.unit is not None
            and part.unit.kind == "money"
            and not part.scaled
            and part.value is not None
            and scan[part.start - 1 : part.start] == "("
            and scan[part.end : part.end + 1] == ")"
        ):
            stated = _stated_scale(scan, part.start)
            if stated:
                part = part._replace(value=part.value * stated, scale=stated)
        out.append((part, role, qualifier))
    return out


def _stated_scale(scan: str, start: int) -> int | None:
    window = scan[max(0, start - _SAME_SENTENCE * 2) : start]
    found = list(SCALE_STATED.finditer(window))
    if not found or _SENTENCE_OR_PARAGRAPH_END.search(window, found[-1].end()):
        return None
    return stated_scale(found[-1])
