"""What the words around a number say about it: the hedge before it (qualifier) and the rate
a rate phrase names.

Each reader looks at a few words next to the number only, so its cost does not grow with
the length of the sentence or of the document.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from pipeline.extract.quantity_rules import Part

# --- qualifier -----------------------------------------------------------------------------

_QUALIFIERS = {
    "approximate": (
        "nearly",
        "almost",
        "about",
        "approximately",
        "approx.",
        "around",
        "roughly",
        "some",
        "an estimated",
        "the estimated",
        "estimated",
        "close to",
        "circa",
        "ca.",
        "~",
        "≈",
        "an average of",
        "on average",
        "averaging",
        # Spanish
        "alrededor de",
        "cerca de",
        "cerca del",
        "aproximadamente",
        "casi",
        "unos",
        "unas",
    ),
    "lower_bound": (
        "more than",
        "over",
        "at least",
        "in excess of",
        "upwards of",
        "upward of",
        "exceeding",
        "greater than",
        "above",
        "no less than",
        "not less than",
        "a minimum of",
        "at a minimum",
        "north of",
        "well over",
        "just over",
        "well above",
        ">",
        "≥",
        "más de",
        "al menos",
        "por lo menos",
    ),
    "upper_bound": (
        "less than",
        "fewer than",
        "within",
        "under",
        "up to",
        "below",
        "no more than",
        "not more than",
        "at most",
        "a maximum of",
        "as many as",
        "as much as",
        "not exceeding",
        "just under",
        "just below",
        "well under",
        "well below",
        "<",
        "≤",
        "menos de",
        "hasta",
    ),
}
_QUALIFIER_OF = {w: q for q, words in _QUALIFIERS.items() for w in words}
_QUALIFIER_WORDS = max(len(w.split()) for w in _QUALIFIER_OF)
_SYMBOLS = frozenset(w for w in _QUALIFIER_OF if not w[0].isalpha())
# 'over five years' spans a time; it is not a lower bound on the duration.
_SPAN_WORDS = {"over"}


def qualifier_before(text: str, start: int, kind: str) -> str:
    """The hedge ending right before `start` ('more than $3.2 billion' -> lower_bound)."""
    window_start = max(0, start - 24)
    window = text[window_start:start]
    if window[-1:] in _SYMBOLS:
        return _QUALIFIER_OF[window[-1]]
    if window[-1:].isalnum():
        return "exact"  # glued to a word: no hedge stands between
    words = [w.lstrip("([“\"'‘") for w in window.lower().split()]
    if window_start > 0 and not window[0].isspace():
        words = words[1:]  # the window cut its first word
    words = words[-_QUALIFIER_WORDS:]
    for size in range(len(words), 0, -1):
        phrase = " ".join(words[-size:])
        if phrase in _QUALIFIER_OF:
            if kind == "duration" and phrase in _SPAN_WORDS:
                return "exact"
            return _QUALIFIER_OF[phrase]
    return "exact"


# --- rate ----------------------------------------------------------------------------------

_RATE_OF = {
    "day": "per_day",
    "daily": "per_day",
    "week": "per_week",
    "weekly": "per_week",
    "month": "per_month",
    "monthly": "per_month",
    "year": "per_year",
    "annual": "per_year",
    "annually": "per_year",
    "yearly": "per_year",
    "annum": "per_year",
    "annualized": "per_year",
    "hour": "per_hour",
    "hourly": "per_hour",
    "minute": "per_minute",
}
_RATE_WORD = re.compile(
    r"(?i:(day|week|month|year|hour|minute)s?\b|(daily|weekly|monthly|yearly|annual)\s+basis"
    r"|(annum)|(daily|weekly|monthly|annually|yearly|hourly|annualized|annual))"
)


def rate_of(phrase: str) -> str:
    """'every day' -> per_day; 'on an annual basis' -> per_year (a phrase the scan found)."""
    m = _RATE_WORD.search(phrase)
    assert m, phrase
    word = next(w for w in m.groups() if w)
    return _RATE_OF[word.lower()]


def rate_follows_only(phrase: str) -> bool:
    """'a day' and 'per year' make a rate of the number before them; before a number they
    name a moment ('A day after the vote, 5 tons were seized')."""
    return phrase.split(None, 1)[0].lower() in ("a", "an", "per")


_RATE_REACH = 80  # characters between a rate phrase and the number it qualifies
Rate = tuple[int, str, bool]  # where a rate phrase starts, its rate, whether it only follows


def rate_for(
    scan: str,
    rates: list[Rate],
    sentence: tuple[int, int],
    rows: Sequence[tuple[Part, str | None, str]],
    row_starts: list[int],
    index: int,
) -> str | None:
    """The rate phrase that qualifies row `index`: the nearest one in its sentence and clause,
    close to it, and, when the phrase comes after the number, with no other number between
    them ('between $15 and $18 an hour' is not 'six to eight months an hour')."""
    part, role, _ = rows[index]
    partner = index + 1 if role == "low" else index - 1 if role == "high" else None
    best, best_distance = None, _RATE_REACH + 1
    lo = bisect_left(rates, (sentence[0],))
    hi = bisect_left(rates, (sentence[1],))
    for position, rate, follows_only in rates[lo:hi]:
        if follows_only and position < part.start:
            continue
        distance = abs(position - part.start)
        if distance >= best_distance:
            continue
        if ";" in scan[min(position, part.start) : max(position, part.start)]:
            continue
        if position > part.end:
            between = range(bisect_right(row_starts, part.end), bisect_left(row_starts, position))
            if any(j != partner for j in between):
                continue
        best, best_distance = rate, distance
    return best
