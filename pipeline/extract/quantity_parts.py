"""A quantity candidate read as numbers: one, or the two ends of a stated range.

The compiled pattern (`quantity_patterns.QUANTITY_SCAN`) yields a candidate with its
currency, number, scale and unit groups, and for a range a second set of them; these
functions turn it into `Part`s. A range is two parts (`low`, `high`) only when it is one:
'rose 25 basis points to 11.25 percent' is a change and a level, 'in 2019 to 8,000
kilograms' a year and an amount, and the low end takes the unit, currency and scale of the
high end when it states none ('$5-10 million').
"""

from __future__ import annotations

import re
from decimal import Decimal

from pipeline.extract.numbers import (
    has_inner_scale,
    is_year_like,
    parse_digits,
    parse_words,
    scale_factor,
    with_spoken_decimals,
)
from pipeline.extract.quantity_rules import Part
from pipeline.extract.quantity_unit_rules import age_unit
from pipeline.extract.quantity_units import Unit, currency_of_prefix, unit_of

_BETWEEN = re.compile(r"(?i:between)[ \t\xa0]+(?:the[ \t\xa0]+ages?[ \t\xa0]+of[ \t\xa0]+)?\Z")
# 'entre 8 y 15 años', 'de 8 a 15 años': a range only after its Spanish opening word
_SPANISH_OPENING = {
    "y": re.compile(r"\b(?i:entre)[ \t\xa0]+\Z"),
    "a": re.compile(r"\b(?i:de|desde)[ \t\xa0]+\Z"),
}
_CHANGE_FROM = re.compile(
    r"(?i:(?:rose|risen|increased|grew|grown|climbed|jumped|fell|fallen|dropped|declined"
    r"|decreased|went|changed|cut|raised|reduced|expanded|shrank)[ \t\xa0]+from)[ \t\xa0]+\Z"
)

_SPANISH_SCALES = frozenset(("mil", "millón", "millon", "millones", "billón", "billon", "billones"))
# Two values set side by side, each a value of its own in the unit printed once.
_ALTERNATIVES = frozenset(("or", "vs", "vs.", "versus"))
# A letter glued to a small whole number names a code, not a scale, when a number goes on
# after it ('5B.1', '3B-04') or a capitalized label stands before it and no noun after it
# ('Panel 5B').
_CODE_AFTER = re.compile(r"[-.][0-9]")
# A comma before one or two digits groups no thousands: in a share it is the decimal mark.
_DECIMAL_COMMA = re.compile(r"[0-9]{1,3},[0-9]{1,2}")
_LABEL_BEFORE = re.compile(r"(?:^|[\s(])[A-Z][a-z]+[ \t\xa0]\Z")
_SMALL_WHOLE = re.compile(r"[0-9]{1,2}")
_NOUN = re.compile(r"[ \t\xa0]+[a-z]")  # 'Roughly 3m people': a scale, of a counted noun
# Group names of the first and of the second number of a digit match.
_GROUPS = {n: (f"cur{n}", f"num{n}", f"scale{n}", f"abbr{n}", f"unit{n}") for n in ("", "2")}


def _digit_part(m: re.Match[str], n: str, currency: str | None) -> Part:
    cur_group, num_group, scale_group, abbr_group, unit_group = _GROUPS[n]
    raw, scale, abbr, unit_text = m.group(num_group, scale_group, abbr_group, unit_group)
    rest_group = f"thousands_rest{n}"
    number_end = m.end(rest_group) if m.group(rest_group) else m.end(num_group)
    if unit_text and unit_text[0].isupper() and "\n" in m.string[number_end : m.start(unit_group)]:
        unit_text = None  # '-133,704⏎Percent change, year-to-date': the next line's label
    if unit_text == "pp" and m.string.startswith(".", m.end(unit_group)):
        unit_text = None  # '96 pp.': pages
    if (
        scale
        and scale.lower() == "mil"
        and m.string.startswith(".", m.end(scale_group))
        and "\n" in m.string[m.end(num_group) : m.start(scale_group)]
    ):
        scale = unit_text = None  # '5.85⏎   Mil. MT': the next row's unit cell, not 'mil'
    if abbr and len(abbr.strip()) == 1 and len(raw.split(".")[0]) >= 5 and "," not in raw:
        abbr = None  # '91087B AR1': a code (CUSIP), not 91,087 billion
    if abbr and len(abbr) == 1 and not currency and _SMALL_WHOLE.fullmatch(raw):
        after, before = m.end(abbr_group), m.start(num_group)
        labelled = _LABEL_BEFORE.search(m.string, max(0, before - 24), before)
        if _CODE_AFTER.match(m.string, after) or (labelled and not _NOUN.match(m.string, after)):
            abbr = None  # 'Session 3B —', '3B-04', 'Panel 5B.': a session's code, not billions
    number = parse_digits(raw)
    unit = unit_of(unit_text) if unit_text else None
    if number is None and unit and unit.code == "percent" and _DECIMAL_COMMA.fullmatch(raw):
        number = Decimal(raw.replace(",", "."))  # '17,09 por ciento', as Spanish prints it
    if currency and (unit is None or unit.kind != "money"):
        unit = Unit(currency, "money")
    factor = scale_factor(scale or (abbr.strip() if abbr else None))
    if unit_text:
        end = m.end(unit_group)
    elif scale or abbr:
        end = m.end(scale_group if scale else abbr_group)
    else:
        end = m.end(num_group)
    if m.group(rest_group):  # '36 mil 872' is 36,872
        number = _grouped(number, int(m.group(rest_group)))
        raw = m.string[m.start(num_group) : m.end(rest_group)]
        if not (unit_text or scale or abbr):
            end = m.end(rest_group)
    if n == "" and m.group("millions_rest"):  # '2 millones 87 mil' is 2,087 thousand
        number = _grouped(number, int(m.group("millions_rest")))
        factor = scale_factor("mil")
        last = "mil"
        if m.group("mil_rest"):  # '1 millón 846 mil 320' is 1,846,320
            number, factor, last = _grouped(number, int(m.group("mil_rest"))), 1, "mil_rest"
        raw = m.string[m.start(num_group) : m.end(last)]
        if not unit_text:
            end = m.end(last)
    if n == "" and m.group("billions_rest"):  # '4 billones 126 mil 803 millones' in millions
        thousands = int(m.group("billions_thousands") or 0)
        number = _grouped(_grouped(number, thousands), int(m.group("billions_rest")))
        factor = scale_factor("millones")
        raw = m.string[m.start(num_group) : m.end("millones")]
        if not unit_text:
            end = m.end("millones")
    start = m.start(cur_group) if currency else m.start(num_group)
    value = None if number is None else number * factor * (unit.factor if unit else 1)
    if n == "" and m.group("sign"):
        start = min(start, m.start("sign"))
        if m.group("sign") != "+" and value is not None:
            value = -value
    return Part(start, end, value, unit, factor, raw, "digits")


def _grouped(number: Decimal | None, rest: int) -> Decimal | None:
    """A whole number of thousands with the group printed after it ('36 mil 872')."""
    if number is None or number != number.to_integral():
        return None
    return number * 1000 + rest


def _as_range(
    scan: str, low: Part, high: Part, separator: str, points: tuple[bool, bool] = (False, False)
) -> list[tuple[Part, str | None]]:
    """Two rows for a stated range, or the two numbers on their own when they are not one.
    `points` says whether each end is written in points (percentage or basis points)."""
    pair: list[tuple[Part, str | None]] = [(low, None), (high, None)]
    if separator == "and" and not _BETWEEN.search(scan, max(0, low.start - 32), low.start):
        return pair
    opening = _SPANISH_OPENING.get(separator)
    if opening and not opening.search(scan, max(0, low.start - 12), low.start):
        return pair
    if low.unit and high.unit and low.unit.code != high.unit.code:
        return pair
    if low.unit and high.unit and points[0] != points[1]:
        return pair  # 'rose 25 basis points to 11.25 percent': a change, then a level
    if low.unit is None and not low.scaled and is_year_like(low.raw):
        return pair  # 'in 2019 to 8,000 kilograms': a year, then an amount
    if (
        low.unit is None
        and high.unit is not None
        and high.unit.code != "year"
        and age_unit(scan, low)
    ):
        return pair  # 'from 8.9% at age 13 to 24.7%': an age, then a share
    change = separator == "to" and _CHANGE_FROM.search(scan, max(0, low.start - 24), low.start)
    if separator in _ALTERNATIVES:  # '3 or 4 days', '7.4 vs. 2.1 percentage points'
        change = True
    # '$30-35 billion': the low end is in billions too, unless that would pass the high end
    # by more than a fall does ('de 46.8 a 38.5 millones'; 'from 500 to 2 million' is not)
    if (
        high.scaled
        and not low.scaled
        and low.value is not None
        and high.value is not None
        and (
            low.value * high.scale < high.value
            or (low.unit is None and low.value * high.scale <= 10 * high.value)
        )
    ):
        low = low._replace(value=low.value * high.scale, scale=high.scale)
    if low.unit is None and high.unit is not None:
        low = low._replace(unit=high.unit, value=_convert(low.value, high.unit))
    elif high.unit is None and low.unit is not None:
        if separator == "to" and _change_then_level(low, high):
            return pair  # 'fell 5.1% to 318,912 vehicles': a change, then a level
        high = high._replace(unit=low.unit, value=_convert(high.value, low.unit))
    if change or (low.value is not None and high.value is not None and low.value >= high.value):
        # a change or a fall: two values. The first takes the unit printed once after the
        # second ('rose from 40 to 48 hours', 'from 48 to 40 hours'); a unit printed on the
        # first is its own ('$2.6 billion to 14 projects')
        return [(low if pair[0][0].unit is None else pair[0][0], None), pair[1]]
    return [(low, "low"), (high, "high")]


def _change_then_level(low: Part, high: Part) -> bool:
    """A share or an amount, then a bare number far beyond it: the first is a change and
    the second the level it reached, not one range."""
    if low.unit is not None and low.unit.kind == "percent":
        return True
    return low.value is not None and high.value is not None and high.value > 100 * low.value


def _convert(value: Decimal | None, unit: Unit) -> Decimal | None:
    return None if value is None else value * unit.factor


# '$2,500.00 (dos mil quinientos pesos 00/100 M.N.)', '$1,500.00 M.N.': a '$' that the text
# says is the peso, as Mexican legal texts print amounts: the same amount in words, not
# another one ('$5 million (about 90 million pesos)').
_PESOS_SAID = re.compile(
    r"[ \t\xa0]*(?:\((?!(?i:about|approximately|aproximadamente|unos|cerca|some)\b)"
    r"[a-záéíóúñ \n]{3,80}?\bpesos\b|M\.[ \xa0]?N\.)"
)


_SPANISH_WORDS = re.compile(r"\b(?:de|del|la|las|los|el|que|para|por|con|una|en|se|y)\b")
_ENGLISH_WORDS = re.compile(r"\b(?:the|of|and|to|in|for|with|that|is|was|a|an|on)\b")
# where a sentence, a bracket or a quotation opens or ends: a translation may stand beside
# the original ('… dólares.” (“… $11.24 billion …”)')
_CLAUSE_BREAK = re.compile(r"[.!?;:][ \t\xa0]+|[()“”\"]|\n[ \t\xa0]*\n")
_LANGUAGE_WINDOW = 160


def _in_spanish(scan: str, start: int) -> bool:
    """Whether the clause of a number is Spanish, counted by its function words."""
    before = scan[max(0, start - _LANGUAGE_WINDOW) : start]
    opened = [m.end() for m in _CLAUSE_BREAK.finditer(before)]
    after = scan[start : start + _LANGUAGE_WINDOW]
    closed = _CLAUSE_BREAK.search(after, 1)
    window = (before[opened[-1] :] if opened else before) + (
        after[: closed.start()] if closed else after
    )
    words = window.lower()
    spanish = len(_SPANISH_WORDS.findall(words))
    return spanish >= 3 and spanish > 2 * len(_ENGLISH_WORDS.findall(words))


def digit_parts(scan: str, m: re.Match[str]) -> list[tuple[Part, str | None]]:
    cur = m.group("cur")
    currency = currency_of_prefix(cur) if cur else None
    if cur in ("$", "\\$") and (
        (not m.group("num2") and _PESOS_SAID.match(scan, m.end("q")))
        or _in_spanish(scan, m.start("q"))
    ):
        currency = "MXN"  # Mexican print writes the peso '$'
    cur2 = m.group("cur2")
    first = _digit_part(m, "", currency)
    if not m.group("num2"):
        return [(_with_leading_mil(scan, first), None)]
    currency2 = currency_of_prefix(cur2) if cur2 else None
    if cur2 in ("$", "\\$") and currency == "MXN":
        currency2 = "MXN"
    second = _digit_part(m, "2", currency2)
    points = (_in_points(m.group("unit")), _in_points(m.group("unit2")))
    return _as_range(scan, first, second, m.group("sep").strip(" \t-–—") or "-", points)


# 'mil 150 empleos', 'mil 750 kilómetros', 'mil 642 millones de dólares': Mexican print
# writes one thousand as 'mil' (never the 'mil' of '36 mil 872')
_LEADING_MIL = re.compile(r"(?<![\w.,])(?<![0-9][ \t\xa0])(?i:mil)[ \t\xa0]\Z")


def _with_leading_mil(scan: str, part: Part) -> Part:
    if part.value is None or not part.raw.isdigit() or len(part.raw) > 3:
        return part
    if part.scale != 1 and (part.scale != 10**6 or len(part.raw) != 3):
        return part  # '2 mil millones' is no thousand and two
    mil = _LEADING_MIL.search(scan, max(0, part.start - 5), part.start)
    if mil is None:
        return part
    factor = part.unit.factor if part.unit else 1
    return part._replace(start=mil.start(), value=(1000 + int(part.raw)) * part.scale * factor)


def _in_points(unit_text: str | None) -> bool:
    """Whether a unit is points of a percentage ('percentage points', 'basis points',
    'bps'): a change in a rate, never one end of a range of its level."""
    points = ("bps", "bp", "pp", "pb")
    return bool(unit_text) and (unit_text.lower() in points or "point" in unit_text.lower())


def word_parts(scan: str, m: re.Match[str]) -> list[tuple[Part, str | None]]:
    scale = m.group("wscale") or m.group("ascale")
    unit_text = m.group("unitw")
    unit = unit_of(unit_text) if unit_text else None
    factor = scale_factor(scale)
    multiplier = factor * (unit.factor if unit else 1)
    end = m.end("w")
    form = "words"
    if m.group("words2"):
        first_words, second_words = m.group("words"), m.group("words2")
        low_value = with_spoken_decimals(parse_words(first_words), m.group("wpoint"))
        if m.group("whalf") and low_value is not None:
            low_value += Decimal("0.5")  # 'two and a half to three hours'
            first_words = scan[m.start("words") : m.end("whalf")]
        high_value = with_spoken_decimals(parse_words(second_words), m.group("wpoint2"))
        if m.group("wpoint"):
            first_words = scan[m.start("words") : m.end("wpoint")]
        if m.group("wpoint2"):
            second_words = scan[m.start("words2") : m.end("wpoint2")]
        low = Part(
            m.start("words"),
            m.start("words") + len(first_words),
            None if low_value is None else low_value * multiplier,
            unit,
            factor,
            first_words,
            form,
        )
        high = Part(
            m.start("words2"),
            end,
            None if high_value is None else high_value * multiplier,
            unit,
            factor,
            second_words,
            form,
        )
        return _as_range(scan, low, high, m.group("wsep"))
    words = m.group("words") or m.group("article") or m.group("half")
    number = parse_words(words)
    if (
        m.group("article")
        and words.lower() in ("a", "an")
        and scale
        and scale.lower() in (_SPANISH_SCALES)
    ):
        number = None  # 'a mil 750 kilómetros': the Spanish preposition, not 'a thousand'
    if scale and number is not None and has_inner_scale(words):
        # 'three millions two hundred and fifty' thousand: the scale is the last group's
        number = parse_words(f"{words} {scale}")
        multiplier = unit.factor if unit else 1
    if m.group("wpoint"):
        number = with_spoken_decimals(number, m.group("wpoint"))
        words = scan[m.start("words") : m.end("wpoint")]
    if m.group("whalf") and number is not None:
        number += Decimal("0.5")
        words = scan[m.start("words") : m.end("whalf")]
    value = None if number is None else number * multiplier
    start = m.start(next(g for g in ("words", "article", "half") if m.group(g)))
    return [(Part(start, end, value, unit, factor, words, form), None)]
