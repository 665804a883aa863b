"""What the words around a number say about it: the hedge before it (qualifier), the time
it refers to (period), whether it is a rate, and what it measures.

Each reader is one compiled pattern applied to a small window or to the quantity's own
sentence; sentence-level results are cached by the caller, so a sentence is read once.
"""

from __future__ import annotations

import re

from pipeline.extract.quantity_patterns import MONTH

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
_QUALIFIER = re.compile(
    r"(?<![\w])(?P<q>"
    + "|".join(
        r"\s+".join(re.escape(p) for p in w.split())
        for w in sorted(_QUALIFIER_OF, key=len, reverse=True)
    )
    + r")\s*\Z",
    re.IGNORECASE,
)
# 'over five years' spans a time; it is not a lower bound on the duration.
_SPAN_WORDS = {"over", "under"}


def qualifier_before(text: str, start: int, kind: str) -> str:
    """The hedge ending right before `start` ('more than $3.2 billion' -> lower_bound)."""
    window = text[max(0, start - 24) : start]
    m = _QUALIFIER.search(window)
    if not m:
        return "exact"
    word = " ".join(m.group("q").lower().split())
    if kind == "duration" and word in _SPAN_WORDS:
        return "exact"
    return _QUALIFIER_OF[word]


# --- period --------------------------------------------------------------------------------

_MONTH_NUMBER = {
    m: i
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for m in names
}
_Y = r"(?:18|19|20)[0-9]{2}"
_FY = r"(?:FY|(?i:fiscal[ \t]+years?)(?:[ \t]+\(FY\))?)"
_PERIOD = re.compile(
    rf"(?P<fy>{_FY}[ \t]?'?(?P<fy1>[0-9]{{4}}|[0-9]{{2}})(?![0-9])"
    rf"(?:[ \t]*(?:[-–—]|to|through|and)[ \t]*(?:{_FY}[ \t]?)?'?(?P<fy2>[0-9]{{4}}|[0-9]{{2}})"
    r"(?![0-9]))?)"
    rf"|(?P<ay>(?P<ay1>{_Y})[ \t]*[/–-][ \t]*(?P<ay2>{_Y}|[0-9]{{2}})[ \t]+"
    r"(?i:academic|school)[ \t]+(?i:years?)"
    rf"|(?i:academic|school)[ \t]+(?i:years?)[ \t]+(?P<ay3>{_Y})[ \t]*[/–-][ \t]*"
    rf"(?P<ay4>{_Y}|[0-9]{{2}}))"
    rf"|(?P<since>(?i:since)[ \t]+(?:(?:its|the|their|our|his|her)[ \t]+[a-z]+[ \t]+in[ \t]+)?"
    rf"(?:(?P<since_m>{MONTH})\.?[ \t]+)?(?P<since_y>{_Y}))(?![0-9])"
    rf"|(?P<span>(?:(?P<span_m1>{MONTH})\.?[ \t]+)?(?P<span1>{_Y})[ \t]*"
    rf"(?:[-–—]|to|through|until|and)[ \t]*(?:(?P<span_m2>{MONTH})\.?[ \t]+)?"
    rf"(?P<span2>{_Y}|[0-9]{{2}})(?![0-9]))"
    rf"|(?P<quarter>(?:Q(?P<qn>[1-4])|(?P<qw>(?i:first|second|third|fourth))[ \t]+quarter"
    rf"(?:[ \t]+of)?)[ \t]+(?P<qy>{_Y}))"
    rf"|(?P<month>(?P<mm>{MONTH})\.?[ \t]+(?:(?P<md>[0-9]{{1,2}}),?[ \t]+)?(?P<my>{_Y}))"
    rf"(?![0-9])"
    rf"|(?<![\w$.,/-])(?P<year>{_Y})(?![\w/-]|[.,][0-9])"
)
_QUARTER_WORD = {"first": 1, "second": 2, "third": 3, "fourth": 4}


def _full_year(short: str, like: str) -> str:
    return short if len(short) == 4 else like[:2] + short


def _normalize_period(m: re.Match[str]) -> str:
    kind = m.lastgroup
    g = m.group
    if g("fy"):
        start = _full_year(g("fy1"), "2000")
        if g("fy2"):
            return f"FY{start}-FY{_full_year(g('fy2'), start)}"
        return f"FY{start}"
    if g("ay"):
        first = g("ay1") or g("ay3")
        second = g("ay2") or g("ay4")
        return f"AY{first}/{_full_year(second, first)}"
    if g("since"):
        if g("since_m"):
            return f"since {g('since_y')}-{_MONTH_NUMBER[g('since_m').lower()]:02d}"
        return f"since {g('since_y')}"
    if g("span"):
        first, second = g("span1"), _full_year(g("span2"), g("span1"))
        if g("span_m1") and g("span_m2"):
            m1 = _MONTH_NUMBER[g("span_m1").lower()]
            m2 = _MONTH_NUMBER[g("span_m2").lower()]
            return f"{first}-{m1:02d}/{second}-{m2:02d}"
        return f"{first}-{second}"
    if g("quarter"):
        number = g("qn") or _QUARTER_WORD[g("qw").lower()]
        return f"{g('qy')}-Q{number}"
    if g("month"):
        month = _MONTH_NUMBER[g("mm").lower()]
        if g("md"):
            return f"{g('my')}-{month:02d}-{int(g('md')):02d}"
        return f"{g('my')}-{month:02d}"
    assert kind == "year"
    return g("year")


def periods_in(sentence: str) -> list[tuple[int, str]]:
    """(offset in sentence, normalized period) for every period the sentence states."""
    return [(m.start(), _normalize_period(m)) for m in _PERIOD.finditer(sentence)]


def nearest(found: list[tuple[int, str]], offset: int, limit: int | None = None) -> str | None:
    """The value found closest to `offset` (within `limit` characters when given)."""
    best = None
    best_distance = limit if limit is not None else 1 << 30
    for position, value in found:
        distance = abs(position - offset)
        if distance <= best_distance:
            best, best_distance = value, distance
    return best


# --- rate ----------------------------------------------------------------------------------

_RATE_OF = {
    "day": "per_day",
    "daily": "per_day",
    "d": "per_day",
    "week": "per_week",
    "weekly": "per_week",
    "wk": "per_week",
    "month": "per_month",
    "monthly": "per_month",
    "mo": "per_month",
    "year": "per_year",
    "annual": "per_year",
    "annually": "per_year",
    "yearly": "per_year",
    "annum": "per_year",
    "annualized": "per_year",
    "yr": "per_year",
    "hour": "per_hour",
    "hourly": "per_hour",
    "hr": "per_hour",
    "h": "per_hour",
    "minute": "per_minute",
    "min": "per_minute",
}
_RATE = re.compile(
    r"(?i:\b(?:every|each|per|a|an|on[ \t]+an?[ \t]+(?:typical|average|normal|given))\s+"
    r"(?P<unit>day|week|month|year|hour|minute)\b"
    r"|\bon\s+an?\s+(?P<basis>daily|weekly|monthly|yearly|annual)\s+basis"
    r"|\bper\s+(?P<annum>annum)\b"
    r"|\b(?P<adverb>daily|weekly|monthly|annually|yearly|hourly|annualized|annual)\b"
    r"(?![ \t]+(?:report|meeting|conference|summit|review|session|assembly|event|talks)))"
    r"|/(?P<slash>day|d|wk|mo|yr|year|hr|h|min)\b"
)


def rates_in(sentence: str) -> list[tuple[int, str]]:
    """(offset in sentence, rate) for every 'per day' / 'annual' / 'each year' phrase."""
    out = []
    for m in _RATE.finditer(sentence):
        word = next(w for w in m.groups() if w)
        out.append((m.start(), _RATE_OF[word.lower()]))
    return out


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
_WORD = re.compile(r"[A-Za-z][\w'’.&-]*[\w'’]|[A-Za-z]")
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


def _noun_phrase_after(text: str, pos: int, limit: int = 6) -> str | None:
    words = []
    used_link = False
    for m in _WORD.finditer(text, pos, min(len(text), pos + 80)):
        gap = text[pos : m.start()]
        if gap.strip(" \t-") or (words and "\n" in gap):
            break
        word = m.group().rstrip(".")
        low = word.lower()
        if low in ("of", "in") and words and not used_link:
            used_link = True
            words.append(low)
        elif low in _STOP or low in _VERBS or any(c.isdigit() for c in word):
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
        word = text[start:stop].rstrip(".")
        low = word.lower()
        if skipping and (low in _LINKING or low in _VERBS):
            pos = start
            continue
        skipping = False
        if low in ("of", "in", "with") and words:
            words.insert(0, low)
        elif (
            low in _STOP
            or low in _VERBS
            or any(c.isdigit() for c in word)
            or low in ("fiscal", "year", "fy")
        ):
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
