"""What a quantity measures: a short phrase read from the words next to it.

'55 active land ports of entry' -> 'active land ports of entry'; '$538.1 billion' after
'two-way trade in goods totaled' -> 'two-way trade in goods'; '20.1% of U.S. agriculture
imports' -> 'u.s. agriculture imports'; 'Deportations from Mexico: about 106,000' ->
'deportations from mexico'. Good enough to group the same measure across documents; it is
a guide, not a parse.
"""

from __future__ import annotations

import re


def _words(text: str) -> list[str]:
    return text.split()


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
        been provide provides provided invest invests invested donate donated donates give
        gives gave given allocate allocated appropriate appropriated commit committed pledge
        pledged spend spent raise earn earned cost costs paid pay pays include included
        includes request requested exceeded surpassed accounted account accounts benefit
        employ employs employed produce produces produced export exported import imported
        buy bought sell sold carry carries carried handle handles handled process processed
        collect collected will would could can may should
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
        if gap.strip(" \t\xa0-") or (words and "\n" in gap):
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
        if gap.strip(" \t\xa0:") or (words and "\n" in gap):
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


_LABEL = re.compile(r"[ \t]*(?:[-*•][ \t]*)?([^\n:]{2,80}):[ \t]*(?:\S+[ \t]+){0,3}\Z")
# Periods in a label are the quantity's period, not what it measures.
_PERIOD_WORDS = re.compile(
    r"(?i:\b(?:fiscal[ \t]+year|FY)[ \t]*[0-9]{2,4}\b|\(?\b(?:18|19|20)[0-9]{2}\b\)?)"
)


def _label_before(text: str, start: int) -> str | None:
    """'Deportations from Mexico: about 106,000' -> 'deportations from mexico'."""
    line_start = text.rfind("\n", 0, start) + 1
    m = _LABEL.match(text, line_start, start)
    if not m or len(m.group(1).split()) > 8:
        return None
    label = " ".join(_PERIOD_WORDS.sub(" ", m.group(1)).split()).lower()
    return label or None


def measure_of(text: str, start: int, end: int, kind: str) -> str | None:
    """A short phrase naming what the quantity measures, read from its neighbours."""
    label = _label_before(text, start)
    if label:
        return label
    after = text[end : end + 5]
    if after.startswith((" of ", " in ")) and kind != "duration":
        phrase = _noun_phrase_after(text, end + 4)
        if phrase:
            return phrase
    if kind in ("count", "percent", "length", "duration", "mass", "area", "volume"):
        phrase = _noun_phrase_after(text, end)
        if phrase:
            return phrase
    if kind == "money" and after.startswith((" for ", " to ")):
        # '$15 million for workforce training': what the money is for.
        phrase = _noun_phrase_after(text, end + (5 if after.startswith(" for ") else 4))
        if phrase:
            return phrase
    if text[start - 1 : start] == "(":
        return _noun_phrase_before(text, start - 1)
    return _noun_phrase_before(text, start)
