"""Quantities stated in a document: value, unit, qualifier, period, rate and measure.

One compiled pattern (`quantity_patterns.QUANTITY_SCAN`) walks the text once and yields
either a stretch that holds no quantity (a date, a reference list, a citation...) or a
candidate number with its currency, scale and unit. The few rules below then decide, from
the words right next to a bare number, whether it counts something ('55 active ports') or
names something ('Executive Order 14157', '100,000 Strong in the Americas Innovation Fund').

Conventions (they follow the gold in `../shared/gold/seed_quantities.csv`):
- the quote covers the currency mark, the number, the scale and the unit ('\\$39.84 million',
  '2,000-miles', '40 percent'), never the hedge word and never the counted noun ('55');
- a range is two rows, `range_role` 'low' and 'high', each quoting its own number; the low
  end takes the unit, currency and scale of the high end when it states none ('$5-10 million'
  -> 5000000 and 10000000 USD);
- a number that cannot be read without guessing keeps its row with `value` null and
  `flag` 'malformed_number'.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any, NamedTuple

from pipeline.extract.numbers import (
    is_year_like,
    parse_digits,
    parse_words,
    scale_factor,
)
from pipeline.extract.quantity_context import (
    measure_of,
    nearest,
    periods_in,
    qualifier_before,
    rates_in,
)
from pipeline.extract.quantity_patterns import QUANTITY_SCAN
from pipeline.extract.quantity_units import Unit, currency_of_prefix, unit_of
from pipeline.extract.sentences import SentenceIndex


def _words(text: str) -> list[str]:
    return text.split()


_COUNT = Unit("count", "count")
_METER = Unit("meter", "length")
# Function words: a bare number followed by one of these counts nothing named.
_NOT_COUNTED = frozenset(
    _words(
        """
        of to and or in on at by for from with the a an as is are was were be been has have
        had will would can could may might should than that which who per times time percent
        nor but if so this these those it its their his her our we they he she there out off
        """
    )
)
# Capitalized words that may stand right before a count without making it part of a name.
_FREE_BEFORE = frozenset(
    _words(
        """
        the a an all only some about around approximately roughly nearly almost over under
        above below more less fewer another additional these those its their our his her
        with of in at by for from to and or but each every just up exactly including
        totaling since between within than estimated overall total still today currently now
        here there also additionally moreover furthermore however meanwhile thus therefore
        among across through during after before both while when where if as because
        although though many most while nearly yet last first another whereas then still
        roughly
        """
    )
)
# The last word of a capitalized run that makes a preceding number part of a proper name
# ('100,000 Strong in the Americas Innovation Fund', 'Vision 2030 Plan').
_NAME_HEADS = frozenset(
    _words(
        """
        Fund Initiative Initiatives Program Programme Act Plan Strategy Agenda Agreement
        Accord Treaty Commission Council Committee Coalition Alliance Partnership Network
        Campaign Challenge Project Foundation Institute Center Centre Index Award Prize
        Summit Forum Framework Club Compact Declaration Pledge Corridor Strong Law Doctrine
        Series Cup
        """
    )
)
_MONTHS = frozenset(
    _words(
        """
        january february march april may june july august september october november
        december jan feb mar apr jun jul aug sep sept oct nov dec
        """
    )
)
# Verbs after which a bare number at the end of a clause is the stated value ('rose to 55.').
_VALUE_WORDS = frozenset(
    _words(
        """
        to totaled totaling totalled totalling reached numbered was were is are at of by
        stood hit from
        """
    )
)
_WRAPPED_LINE = 60  # hard-wrapped prose breaks lines at about 70 characters
_NEXT_WORD = re.compile(r"[ \t]*\n?[ \t]*([A-Za-z][\w'’.&-]*)")
# Abbreviations that end in a full stop inside a sentence.
_ABBREVIATIONS = frozenset(_words("approx. est. vs. no. nos. ca. c. ext. tel. p. pp."))
# Words before a number that make it a frequency or a point in time, not an amount.
_FREQUENCY_BEFORE = frozenset(_words("every once twice"))
_TIME_AFTER = frozenset(_words("ago later earlier hence"))
# After these, a bare number whose counted noun is left out is still a count
# ('compared with twelve in 2010', 'up from 280.').
_COMPARED_WITH = frozenset(_words("from with than versus vs. vs compared"))
_OF_DETERMINERS = frozenset(_words("the our its their these those all his her your my"))
_NAME_RUN = re.compile(
    r"[ \t]+[A-Z][\w'’.&-]*(?:[ \t]+(?:(?:of|in|the|and|for|on|de|del|la)[ \t]+)*[A-Z][\w'’&-]*)*"
)
_BETWEEN = re.compile(r"(?i:between)[ \t]+\Z")
_CHANGE_FROM = re.compile(
    r"(?i:(?:rose|risen|increased|grew|grown|climbed|jumped|fell|fallen|dropped|declined"
    r"|decreased|went|changed|cut|raised|reduced|expanded|shrank)[ \t]+from)[ \t]+\Z"
)


class _Part(NamedTuple):
    start: int
    end: int
    value: Decimal | None
    unit: Unit | None
    scale: int  # the multiplier of a scale word or abbreviation; 1 when none is printed
    raw: str
    form: str

    @property
    def scaled(self) -> bool:
        return self.scale != 1


def _front_matter_end(scan: str) -> int:
    """Offset in `scan` just past a leading YAML front matter block (metadata, not prose)."""
    if not scan.startswith("\n---"):
        return 0
    close = scan.find("\n---", 4)
    return 0 if close == -1 else close + 4


def _previous_word(scan: str, start: int) -> str | None:
    """The word right before `start` on the same line, if only spaces separate them and
    no punctuation closes it ('Report, 15,365' and 'Discussion. Twenty-five' have none)."""
    i = start - 1
    while i >= 0 and scan[i] in " \t":
        i -= 1
    if i == start - 1 or i < 0 or scan[i] in ',;:!?)]”"':
        return None
    end = i + 1
    while i >= 0 and not scan[i].isspace():
        i -= 1
    word = scan[i + 1 : end]
    if word.endswith(".") and word.count(".") == 1 and word.lower() not in _ABBREVIATIONS:
        return None
    return word if word[:1].isalpha() else None


def _names_something(scan: str, start: int, end: int) -> bool:
    """A bare number that is part of a name or reference, not a count."""
    before = _previous_word(scan, start)
    # 'Objective 2.1', 'USNORTHCOM 59'; a possessive owner still counts ("Mexico's 32").
    if (
        before
        and before[0].isupper()
        and before.lower().rstrip(".,") not in _FREE_BEFORE
        and not before.endswith(("'s", "’s", "s'", "s’"))
    ):
        return True
    run = _NAME_RUN.match(scan, end)
    return bool(run and run.group().split()[-1] in _NAME_HEADS)


def _next_word(scan: str, end: int) -> str | None:
    """The word after `end`; across a line break only inside hard-wrapped prose, where a
    long line breaks mid-sentence ('between 200,000 and 500,000\\nfirearms')."""
    m = _NEXT_WORD.match(scan, end)
    if not m:
        return None
    if "\n" in scan[end : m.start(1)] and end - scan.rfind("\n", 0, end) < _WRAPPED_LINE:
        return None
    return m.group(1)


def _glued_after(scan: str, end: int) -> bool:
    """'two-way', '24/7', '3:1', "1990's": the number is part of a compound, not a count."""
    nxt = scan[end : end + 2]
    return (nxt[:1] in ("/", ":", "'", "’") and nxt[1:2].isalnum()) or (
        nxt[:1] == "-" and nxt[1:2].isalpha()
    )


def _is_frequency_or_moment(scan: str, start: int, end: int) -> bool:
    """'every six years', 'twice annually' and 'two years ago' state no amount."""
    before = _previous_word(scan, start)
    if before and before.lower() in _FREQUENCY_BEFORE:
        return True
    after = _next_word(scan, end)
    return bool(after and after.lower().rstrip(".,;:") in _TIME_AFTER)


def _counts_something(scan: str, start: int, end: int, part: _Part, hedged: bool) -> bool:
    """Whether a bare number (no currency, no unit) is a count worth a row."""
    leading_zero = part.raw[:1] == "0" and part.raw[1:2].isdigit()
    if part.form == "digits" and ((is_year_like(part.raw) and not part.scaled) or leading_zero):
        return False  # a year, or a code with a leading zero ('06500')
    if _glued_after(scan, end) or _names_something(scan, start, end):
        return False
    word = _next_word(scan, end)
    low = word.lower().rstrip(".") if word else None
    if low in _MONTHS or low == "times":
        return False
    if part.scaled:
        return True
    before = _previous_word(scan, start)
    before_low = before.lower() if before else None
    if part.form == "words":
        if part.raw.lower() == "one":
            return False
        if part.raw[0].isupper() and (before or "A")[0].islower():
            return False  # 'Group of Seven' names a group mid-sentence
        if before_low in _COMPARED_WITH and low not in ("of", "times"):
            return True
        return bool(word) and low not in _NOT_COUNTED and scan[end] in " \t\n"
    if word and low not in _NOT_COUNTED and scan[end] in " \t\n":
        return True
    if (
        low == "of"
        and (_next_word(scan, scan.find("of", end) + 2) or "").lower() in _OF_DETERMINERS
    ):
        return True  # '3 of our 9 consulates'
    if "," in part.raw or hedged or before_low in _COMPARED_WITH:
        return True
    return bool(before_low in _VALUE_WORDS and scan[end : end + 1] in ".;,)")


def _digit_part(m: re.Match[str], n: str, currency: str | None) -> _Part:
    raw = m.group(f"num{n}")
    number = parse_digits(raw)
    scale = m.group(f"scale{n}")
    abbr = (m.group(f"abbr{n}") or "").strip()
    unit_text = m.group(f"unit{n}")
    unit = unit_of(unit_text) if unit_text else None
    if currency and (unit is None or unit.kind != "money"):
        unit = Unit(currency, "money")
    factor = scale_factor(scale or abbr)
    end = max(m.end(f"num{n}"), m.end(f"scale{n}"), m.end(f"abbr{n}"), m.end(f"unit{n}"))
    start = m.start(f"cur{n}") if currency else m.start(f"num{n}")
    value = None if number is None else number * factor * (unit.factor if unit else 1)
    return _Part(start, end, value, unit, factor, raw, "digits")


def _as_range(scan: str, low: _Part, high: _Part, separator: str) -> list[tuple[_Part, str | None]]:
    """Two rows for a stated range, or the two numbers on their own when they are not one."""
    pair: list[tuple[_Part, str | None]] = [(low, None), (high, None)]
    if separator == "and" and not _BETWEEN.search(scan, max(0, low.start - 12), low.start):
        return pair
    if low.unit and high.unit and low.unit.code != high.unit.code:
        return pair
    if separator == "to" and _CHANGE_FROM.search(scan, max(0, low.start - 24), low.start):
        return pair
    if low.unit is None and not low.scaled and is_year_like(low.raw):
        return pair  # 'in 2019 to 8,000 kilograms': a year, then an amount
    # '$30-35 billion': the low end is in billions too, unless that would pass the high end.
    if (
        high.scaled
        and not low.scaled
        and low.value is not None
        and high.value is not None
        and low.value * high.scale < high.value
    ):
        low = low._replace(value=low.value * high.scale, scale=high.scale)
    if low.unit is None and high.unit is not None:
        low = low._replace(unit=high.unit, value=_convert(low.value, high.unit))
    elif high.unit is None and low.unit is not None:
        high = high._replace(unit=low.unit, value=_convert(high.value, low.unit))
    if low.value is not None and high.value is not None and low.value >= high.value:
        return pair
    return [(low, "low"), (high, "high")]


def _convert(value: Decimal | None, unit: Unit) -> Decimal | None:
    return None if value is None else value * unit.factor


def _digit_parts(scan: str, m: re.Match[str]) -> list[tuple[_Part, str | None]]:
    cur = m.group("cur")
    first = _digit_part(m, "", currency_of_prefix(cur) if cur else None)
    if not m.group("num2"):
        return [(first, None)]
    cur2 = m.group("cur2")
    second = _digit_part(m, "2", currency_of_prefix(cur2) if cur2 else None)
    return _as_range(scan, first, second, m.group("sep").strip())


def _word_parts(scan: str, m: re.Match[str]) -> list[tuple[_Part, str | None]]:
    scale = m.group("wscale") or m.group("ascale")
    unit_text = m.group("unitw")
    unit = unit_of(unit_text) if unit_text else None
    factor = scale_factor(scale)
    multiplier = factor * (unit.factor if unit else 1)
    end = m.end("w")
    form = "words"
    if m.group("words2"):
        first_words, second_words = m.group("words"), m.group("words2")
        low_value, high_value = parse_words(first_words), parse_words(second_words)
        low = _Part(
            m.start("words"),
            m.end("words"),
            None if low_value is None else low_value * multiplier,
            unit,
            factor,
            first_words,
            form,
        )
        high = _Part(
            m.start("words2"),
            end,
            None if high_value is None else high_value * multiplier,
            unit,
            factor,
            second_words,
            form,
        )
        return _as_range(scan, low, high, m.group("wsep"))
    words = m.group("words") or m.group("article")
    number = parse_words(words)
    value = None if number is None else number * multiplier
    start = m.start("words") if m.group("words") else m.start("article")
    return [(_Part(start, end, value, unit, factor, words, form), None)]


class _SentenceFacts:
    """Sentence text, periods and rates, read once per sentence."""

    def __init__(self, text: str) -> None:
        self.index = SentenceIndex(text)
        self.cache: dict[int, tuple[int, str, list, list]] = {}

    def at(self, offset: int) -> tuple[int, str, list, list]:
        sentence = self.index.at(offset)
        if sentence is None:
            return (offset, "", [], [])
        found = self.cache.get(sentence.start)
        if found is None:
            found = (
                sentence.start,
                sentence.text,
                periods_in(sentence.text),
                rates_in(sentence.text),
            )
            self.cache[sentence.start] = found
        return found


def _rate_for(sentence: str, offset: int, rates: list[tuple[int, str]]) -> str | None:
    near = [
        (pos, rate)
        for pos, rate in rates
        if ";" not in sentence[min(pos, offset) : max(pos, offset)]
    ]
    return nearest(near, offset, limit=80)


def _record(
    text: str, facts: _SentenceFacts, part: _Part, role: str | None, qualifier: str
) -> dict[str, Any]:
    start, end = part.start, part.end
    unit = part.unit or _COUNT
    sentence_start, sentence, periods, rates = facts.at(start)
    offset = start - sentence_start
    return {
        "char_start": start,
        "char_end": end,
        "quote": text[start:end],
        "value": None if part.value is None else float(part.value),
        "unit": unit.code,
        "kind": unit.kind,
        "form": part.form,
        "qualifier": qualifier,
        "range_role": role,
        "period": nearest([p for p in periods if not start <= p[0] + sentence_start < end], offset),
        "rate": _rate_for(sentence, offset, rates),
        "measure": measure_of(text, start, end, unit.kind),
        "flag": "malformed_number" if part.value is None else None,
        "sentence": sentence or text[start:end],
    }


def extract_quantities(text: str) -> list[dict[str, Any]]:
    """Every stated quantity in `text`, one record per number (see quantities schema)."""
    scan = "\n" + text  # every candidate starts after a lead character, the first one too
    facts = _SentenceFacts(text)
    out: list[dict[str, Any]] = []
    for m in QUANTITY_SCAN.finditer(scan, _front_matter_end(scan)):
        kind = m.lastgroup
        if kind == "x":
            continue
        parts = _digit_parts(scan, m) if kind == "q" else _word_parts(scan, m)
        if parts[0][1] == "low":
            low, high = parts[0][0], parts[1][0]
            hedged = qualifier_before(scan, low.start, "count") != "exact"
            if high.unit is None and not _counts_something(scan, low.start, high.end, high, hedged):
                continue
        for part, role in parts:
            if part.value is None and part.form == "words":
                continue
            if _is_frequency_or_moment(scan, part.start, part.end):
                continue
            hedge_at = parts[0][0].start if role == "high" else part.start
            qualifier = qualifier_before(scan, hedge_at, (part.unit or _COUNT).kind)
            hedged = qualifier != "exact"
            if (
                role is None
                and part.unit is None
                and not _counts_something(scan, part.start, part.end, part, hedged)
            ):
                continue
            shifted = part._replace(start=part.start - 1, end=part.end - 1)
            out.append(_record(text, facts, shifted, role, qualifier))
    return out
