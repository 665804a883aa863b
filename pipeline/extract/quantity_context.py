"""What the words around a number say about it: the hedge before it (qualifier), the rate a
rate phrase names, and what the number measures.

Each reader looks at a few words next to the number only, so its cost does not grow with
the length of the sentence or of the document.
"""

from __future__ import annotations

import re

# --- qualifier -----------------------------------------------------------------------------


def _words(text: str) -> list[str]:
    return text.split()


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
    words = window.lower().split()
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


# --- measure -------------------------------------------------------------------------------

_STOP = frozenset(
    _words(
        """
        a an the this that these those its their our his her my your of to in on at by for
        from with and or but as than then so such is are was were be been being has have had
        do does did will would can could may might shall should must not no nor if when
        where while who whom whose which what why how all both each every any some per via
        into onto over under about around since during through until across between among
        including within without against toward towards along also only just more most less
        fewer nearly approximately almost roughly estimated over up they it we he she them
        us there here according
        """
    )
)
_VERBS = frozenset(
    _words(
        """
        live lives lived living work works worked working study studies studied studying
        cross crosses crossed crossing come comes came go goes went make makes made take
        takes took reach reaches reached remain remains remained receive received serve
        serves served say said says identify identified support supports supported seized
        deployed signed awarded totaled totaling totalled totalling reached amounted
        amounting stood valued worth rose fell grew declined increased decreased dropped
        climbed reported represent represents represented has have had is are was were be
        been
        """
    )
)
_HAS_DIGIT = re.compile(r"[0-9]").search
# A word, or an abbreviation with its full stops ('U.S.').
_WORD = re.compile(r"(?:[A-Za-z]\.){2,}|[A-Za-z][\w'’.&-]*[\w'’]|[A-Za-z]")
_LINKING = frozenset(
    _words(
        """
        totaled totaling totalled totalling reached reaching amounted amounting to of at was
        were is are stood valued worth by hit topped exceeded of: : about over nearly more
        than less under some approximately almost roughly around an estimated the a
        estimated
        """
    )
)


def _bare(word: str) -> str:
    """The word without a closing full stop, unless it is an abbreviation ('U.S.')."""
    return word if word.count(".") > 1 else word.rstrip(".")


def _noun_phrase_after(text: str, pos: int, limit: int = 6) -> str | None:
    words = []
    used_link = False
    for m in _WORD.finditer(text, pos, min(len(text), pos + 80)):
        gap = text[pos : m.start()]
        if gap.strip(" \t-") or (words and "\n" in gap):
            break
        word = _bare(m.group())
        low = word.lower()
        if low in ("of", "in") and words and not used_link:
            used_link = True
            words.append(low)
        elif low in _STOP or low in _VERBS or _HAS_DIGIT(word):
            break
        else:
            words.append(word)
        pos = m.end()
        if len(words) >= limit:
            break
    while words and words[-1] in ("of", "in"):
        words.pop()
    return " ".join(words).lower() or None


def _noun_phrase_before(text: str, end: int, limit: int = 6) -> str | None:
    words: list[str] = []
    window_start = max(0, end - 120)
    tokens = [(m.start(), m.end()) for m in _WORD.finditer(text, window_start, end)]
    pos = end
    skipping = True
    for start, stop in reversed(tokens):
        gap = text[stop:pos]
        if gap.strip(" \t:") or (words and "\n" in gap):
            break
        word = _bare(text[start:stop])
        low = word.lower()
        if skipping and (low in _LINKING or low in _VERBS):
            pos = start
            continue
        skipping = False
        if low in ("of", "in", "with") and words:
            words.insert(0, low)
        elif low in _STOP or low in _VERBS or _HAS_DIGIT(word) or low in ("fiscal", "year", "fy"):
            break
        else:
            words.insert(0, word)
        pos = start
        if len(words) >= limit:
            break
    while words and words[0] in ("of", "in", "with"):
        words.pop(0)
    return " ".join(words).lower() or None


def measure_of(text: str, start: int, end: int, kind: str) -> str | None:
    """A short phrase naming what the quantity measures, read from its neighbours."""
    after = text[end : end + 4]
    if after.startswith((" of ", " in ")) and kind != "duration":
        phrase = _noun_phrase_after(text, end + 4)
        if phrase:
            return phrase
    if kind in ("count", "percent", "length", "duration", "mass", "area", "volume"):
        phrase = _noun_phrase_after(text, end)
        if phrase:
            return phrase
    if text[start - 1 : start] == "(":
        return _noun_phrase_before(text, start - 1)
    return _noun_phrase_before(text, start)
