"""Numbers that are one side of a ratio or a rate, not counts: `2 in 10 households`, `one
in four`, `Tres de cada diez casos`, `1 truck in 10 took longer`, `1 of every 5 dollars`;
and a rate before its base (`16.4 casos por cada 100 mil habitantes`, `53.2 cases per
100,000`), whose base is no quantity either.
"""

from __future__ import annotations

import re

from pipeline.extract.quantity_neighbours import Neighbours, neighbours

_SMALL_NUMBER = (
    r"(?:[0-9]{1,3}(?![0-9,.])|(?i:one|two|three|four|five|six|seven|eight|nine|ten"
    r"|uno|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez))"
)
# 'in 4', 'out of 10', Spanish 'de cada diez'
_RATIO_AFTER = re.compile(
    r"[ \t\xa0]+(?:in|out[ \t\xa0]+of|of[ \t\xa0]+every|de[ \t\xa0]+cada)[ \t\xa0]+"
    rf"{_SMALL_NUMBER}\b"
)
_ONE_BEFORE = re.compile(r"(?<![\w.,])(?:1|[Oo]ne)\Z")
# '1 truck in 10', 'one worker in five': one of a noun in every so many
# ('one account in 4 or more states' is no ratio: a plural noun or 'or' counts the 4)
_ONE_NOUN_IN = re.compile(
    rf"[ \t\xa0]+[a-z]+[ \t\xa0]+in[ \t\xa0]+{_SMALL_NUMBER}\b(?![ \t\xa0]+(?:or|and|[a-z]+s)\b)"
)
_SMALL_NUMBER_WORD = re.compile(_SMALL_NUMBER)
# '16.4 casos por cada 100 mil habitantes', '53.2 cases per 100,000': a rate, as every
# blind annotator read it; neither number is a row
_RATE_BEFORE_BASE = re.compile(
    r"[ \t\xa0]+[^\W\d_]+[ \t\xa0]+(?:per|por[ \t\xa0]+cada)[ \t\xa0]+[0-9]"
)
_PER_PEOPLE = frozenset(("habitantes", "personas", "nacidos", "mil"))


# 'a return of 27 to 1', 'odds of 3 to 1': a ratio's two terms ('the return of 19 desert
# bighorn sheep' is none)
_TERMS_OF_BEFORE = re.compile(
    r"\b(?:ratio|return|odds)[ \t\xa0]+of[ \t\xa0]+"
    r"(?P<first>[0-9][0-9.,]*[ \t\xa0]+to[ \t\xa0]+)?\Z"
)
_TO_ONE_AFTER = re.compile(r"[ \t\xa0]+to[ \t\xa0]+(?:1|one)\b")


def is_ratio(scan: str, start: int, end: int, near: Neighbours) -> bool:
    """'2 in 10 households', 'one in four', '1 of every 5', '1 truck in 10', 'a return of
    27 to 1': a ratio, not two counts."""
    if _RATIO_AFTER.match(scan, end) or is_ratio_base(scan, near):
        return True
    terms = _TERMS_OF_BEFORE.search(scan, max(0, start - 32), start)
    if terms and (terms.group("first") or _TO_ONE_AFTER.match(scan, end)):
        return True
    one = _ONE_BEFORE.search(scan, max(0, end - 4), end)
    return bool(one and _ONE_NOUN_IN.match(scan, end))


def is_ratio_base(scan: str, near: Neighbours) -> bool:
    """'10' in '2 in 10 households', '4 tons' in '1 in 4 tons', 'diez' in 'Tres de cada
    diez casos', '5 dollars' in '1 of every 5 dollars' or 'one in every twelve dollars',
    '10' in '1 truck in 10': the base of a ratio."""
    after = near.after_lower or ""
    if near.before_lower in ("of", "cada", "every"):
        near = neighbours(scan, near.before_start, near.before_start)
        if near.before_lower not in ("out", "de", "of", "in"):
            return False
    elif near.before_lower != "in":
        return False
    base = scan[max(0, near.before_start - 24) : near.before_start].split()
    if base and _SMALL_NUMBER_WORD.fullmatch(base[-1]):
        return True
    # one noun between: '1 truck in 10 took'; not 'one account in 4 or more states'
    counted = after in ("or", "and") or after.endswith("s")
    return len(base) >= 2 and base[-2] in ("1", "one", "One") and base[-1].isalpha() and not counted


def is_rate(scan: str, end: int) -> bool:
    """Whether the number ending at `end` is a rate stated per a base after it."""
    return bool(_RATE_BEFORE_BASE.match(scan, end))


def is_rate_base(near: Neighbours, scaled: bool) -> bool:
    """'cases per 100,000 population', 'por cada 100 mil', 'Tasa por 100 000 habitantes':
    a rate's base."""
    per = near.before_lower
    return per in ("per", "cada") or (per == "por" and (near.after_lower in _PER_PEOPLE or scaled))
