"""The time a quantity refers to, read from the period mentions found by the same scan.

The quantity scan already consumes fiscal years, dates and year spans (they are never
quantities) and reads bare years; each of those becomes a `Mention` with a normalized
period. A quantity then takes the mention its sentence ties to it:

1. a period right after it in the same clause ('12,500 pounds in FY 2022'), unless it is the
   base of a comparison ('up 77% from 2022');
2. else the closest period before it in the sentence ('In 2020, ... totaled $538.1 billion'),
   skipping periods that belong to another quantity or are comparison bases;
3. else the closest period after it ('... more than $3.2 billion ..., from FY 2008 – FY 2020').

Normal forms: '2020', '2023-12', '2021-01-26', '2024-Q1', 'FY2024', 'FY2008-FY2020',
'AY2019/2020', '2008-2021', '2023-12/2024-01', 'since 2021', 'since FY2008', '1990s'.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import NamedTuple

_MONTH_NUMBER = {
    name: number
    for number, names in enumerate(
        [
            # English, and Spanish as Mexican sources print dates ('20 de enero de 2024')
            ("jan", "january", "enero"),
            ("feb", "february", "febrero"),
            ("mar", "march", "marzo"),
            ("apr", "april", "abril"),
            ("may", "mayo"),
            ("jun", "june", "junio"),
            ("jul", "july", "julio"),
            ("aug", "august", "agosto"),
            ("sep", "sept", "september", "septiembre", "setiembre"),
            ("oct", "october", "octubre"),
            ("nov", "november", "noviembre"),
            ("dec", "december", "diciembre"),
        ],
        start=1,
    )
    for name in names
}
_DIGITS = re.compile(r"[0-9]+")
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\.?[ \t\xa0]+\Z")
_MONTH_WORD = re.compile(r"[A-Za-z]+")
_SINCE_BEFORE = re.compile(r"(?i:since)\s+(?:(?:its|the|their|our|his|her)\s+[a-z]+\s+in\s+)?\Z")
_QUARTER_BEFORE = re.compile(
    r"(?:Q(?P<n>[1-4])|(?P<w>(?i:first|second|third|fourth))\s+quarter(?:\s+of)?)\s+\Z"
)
_QUARTER_WORD = {"first": 1, "second": 2, "third": 3, "fourth": 4}
_ACADEMIC_AFTER = re.compile(r"\s+(?i:academic|school)\s+(?i:years?)\b")
_JOINED = re.compile(r"\s*(?:[-–—]|to|through|until|and)\s*\Z")
_BETWEEN_BEFORE = re.compile(r"(?i:between|from)\s+\Z")
_CLAUSE_BREAK = re.compile(r"[,;]")
# A value compared with: 'up from about 12,500', 'compared with twelve', 'more than in'.
_BASE_VALUE = re.compile(
    r"\b(?:from|than|with|versus|vs\.?)\s+(?:(?:about|nearly|some|roughly|approximately"
    r"|an\s+estimated|more\s+than|over|under|less\s+than)\s+)?\Z"
)
_SPAN = re.compile(r"[0-9]-|since")
# Words that make a period after a number the base it is compared with.
_COMPARISON = re.compile(r"\b(?:from|than|over|compared|versus|vs\.?|relative)\b")
_ATTACHED_GAP = 60


class Mention(NamedTuple):
    start: int
    end: int
    period: str


def _full_year(digits: str, like: str) -> str:
    return digits if len(digits) == 4 else like[:2] + digits.zfill(2)


def fiscal_period(surface: str) -> str | None:
    """'FY 2008-FY 2020' -> 'FY2008-FY2020'; 'academic year 2019-20' -> 'AY2019/2020'."""
    years = _DIGITS.findall(surface)
    if not years:
        return None
    first = _full_year(years[0], "2000")
    second = _full_year(years[1], first) if len(years) > 1 else None
    head = surface[:3].lower()
    if head in ("aca", "sch"):
        return f"AY{first}/{second}" if second else f"AY{first}"
    if head.startswith(("cy", "cal")):
        return f"{first}-{second}" if second else first
    return f"FY{first}-FY{second}" if second else f"FY{first}"


def date_period(surface: str) -> str | None:
    """'January 26, 2021' / '17 January 2025' / '2023-10-05' -> an ISO date; None when the
    date states no year ('February 26')."""
    numbers = _DIGITS.findall(surface)
    words = (w.lower() for w in _MONTH_WORD.findall(surface))
    month = next((_MONTH_NUMBER[w] for w in words if w in _MONTH_NUMBER), None)
    if month is not None:
        day = next((n for n in numbers if len(n) <= 2), None)
        year = next((n for n in numbers if len(n) == 4), None)
        if year is None:
            return None
        return f"{year}-{month:02d}-{int(day):02d}" if day else f"{year}-{month:02d}"
    if len(numbers) != 3:
        return None
    if len(numbers[0]) == 4:
        year, month_text, day_text = numbers
    else:
        first, second, year = numbers
        year = _full_year(year, "2000")
        # Month first as in U.S. documents, unless the first number cannot be a month.
        month_text, day_text = (second, first) if int(first) > 12 else (first, second)
    if not (1 <= int(month_text) <= 12 and 1 <= int(day_text) <= 31):
        return None
    return f"{year}-{int(month_text):02d}-{int(day_text):02d}"


def span_period(surface: str, scan: str, end: int) -> str:
    """'2008 to 2021' -> '2008-2021'; '2019/2020 academic year' -> 'AY2019/2020'; '1990s'."""
    if surface.endswith("s"):
        return surface.lstrip("'")
    years = _DIGITS.findall(surface)
    first, second = years[0], _full_year(years[1], years[0])
    if _ACADEMIC_AFTER.match(scan, end):
        return f"AY{first}/{second}"
    return f"{first}-{second}"


def year_mention(scan: str, start: int, end: int) -> Mention:
    """A bare year, widened to the month or quarter printed before it ('December 2023')."""
    year = scan[start:end]
    month_match = _WORD_BEFORE.search(scan, max(0, start - 12), start)
    if month_match and month_match.group(1).lower() in _MONTH_NUMBER:
        month = _MONTH_NUMBER[month_match.group(1).lower()]
        return Mention(month_match.start(), end, f"{year}-{month:02d}")
    window_start = max(0, start - 24)
    quarter = "uarter" in scan[window_start:start] or "Q" in scan[window_start:start]
    quarter = quarter and _QUARTER_BEFORE.search(scan, window_start, start)
    if quarter:
        number = quarter.group("n") or _QUARTER_WORD[quarter.group("w").lower()]
        return Mention(quarter.start(), end, f"{year}-Q{number}")
    return Mention(start, end, year)


def with_since(scan: str, mention: Mention) -> Mention:
    """'since 2021', 'Since its inception in 2013': an open range from the mention on."""
    window_start = max(0, mention.start - 40)
    since = "ince" in scan[window_start : mention.start]
    since = since and _SINCE_BEFORE.search(scan, window_start, mention.start)
    if since:
        return Mention(since.start(), mention.end, f"since {mention.period}")
    return mention


def merge_spans(scan: str, mentions: list[Mention]) -> list[Mention]:
    """Join 'between December 2023 and January 2024' and '2019 to 2021' into one span."""
    out: list[Mention] = []
    for mention in mentions:
        if out and not out[-1].period.startswith("since"):
            last = out[-1]
            joint = _JOINED.match(scan, last.end, mention.start)
            if joint and joint.end() == mention.start:
                joined_by_and = "and" in scan[last.end : mention.start]
                if not joined_by_and or _BETWEEN_BEFORE.search(
                    scan, max(0, last.start - 10), last.start
                ):
                    separator = "/" if "-" in last.period + mention.period else "-"
                    period = f"{last.period}{separator}{mention.period}"
                    out[-1] = Mention(last.start, mention.end, period)
                    continue
        out.append(mention)
    return out


def _attached_after(
    scan: str, mentions: list[Mention], lo: int, hi: int, quote: tuple[int, int]
) -> int | None:
    """Index of the mention printed right after the quote, in the same clause."""
    for i in range(lo, hi):
        mention = mentions[i]
        if mention.start >= quote[1]:
            gap = scan[quote[1] : mention.start]
            if len(gap) <= _ATTACHED_GAP and not _CLAUSE_BREAK.search(gap):
                return i
            return None
    return None


def assign_periods(
    scan: str,
    mentions: list[Mention],
    quotes: list[tuple[int, int]],
    sentences: list[tuple[int, int]],
) -> list[str | None]:
    """The period of each quote (in text order), among the mentions of its sentence.

    A mention printed right after a quantity belongs to it ('12,500 pounds in FY 2022'); when
    that quantity is itself the base of a comparison ('up from about 12,500 pounds in FY
    2022'), no other quantity takes the mention from a distance. When the words between a
    number and the year make the year a base ('up 77% from 2022', 'an increase over FY
    2022'), it is nobody's period.
    """
    starts = [m.start for m in mentions]
    bounds = [(bisect_left(starts, s[0]), bisect_left(starts, s[1])) for s in sentences]
    attached: list[int | None] = []
    owner: dict[int, int] = {}
    bases: set[int] = set()
    for row, (quote, (lo, hi)) in enumerate(zip(quotes, bounds, strict=True)):
        index = _attached_after(scan, mentions, lo, hi, quote)
        if (
            index is not None
            and _COMPARISON.search(scan, quote[1], mentions[index].start)
            and not _SPAN.search(mentions[index].period)
        ):
            bases.add(index)
            index = None
        attached.append(index)
        if index is not None and _BASE_VALUE.search(scan, max(0, quote[0] - 40), quote[0]):
            owner.setdefault(index, row)
    periods: list[str | None] = []
    for row, (quote, (lo, hi)) in enumerate(zip(quotes, bounds, strict=True)):
        if attached[row] is not None:
            periods.append(mentions[attached[row]].period)
            continue
        before = [
            i
            for i in range(lo, hi)
            if mentions[i].end <= quote[0] and i not in bases and owner.get(i, row) == row
        ]
        after = [i for i in range(lo, hi) if mentions[i].start >= quote[1] and i not in bases]
        chosen = before[-1] if before else after[0] if after else None
        periods.append(None if chosen is None else mentions[chosen].period)
    return periods
