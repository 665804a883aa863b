"""Where a bare number's unit comes from when none is printed after it: a modifier
between ('1,500 additional miles'), an exchange rate ('17 pesos per dollar'), the first
amount of a dot-leader table, a label before it ('Burden Hours: 1,479,250'), an age ('ages
18 to 29', 'those 50 and older', 'Ochoa, 52, of Culiacán'); and the table heads that are
units, not quantities ('(1,000 MT)').
"""

from __future__ import annotations

import re
from decimal import Decimal

from pipeline.extract.numbers import SMALL_NUMBERS, SPANISH_NUMBERS, TENS
from pipeline.extract.quantity_collapsed_tables import leader_currency
from pipeline.extract.quantity_rules import Part
from pipeline.extract.quantity_units import PLURAL_UNIT_WORDS, UNIT_PATTERN, UNITS, Unit, unit_of

# '1,500 additional miles', '90 legislative days', '80,000 centerline miles': a unit one
# modifier away from its number. Never 'square' or 'nautical': those change the unit.
_NUMBER_WORDS = "|".join(sorted({*SMALL_NUMBERS, *TENS, *SPANISH_NUMBERS}, key=len, reverse=True))
_LISTED_MODIFIER = (
    r"additional|more|extra|new|further|fewer|consecutive|straight|legislative|calendar"
    r"|working|session|school|centerline|lane|linear|route|river|full|whole|fiscal"
)
# Any other modifier only before a unit of time or road length: 'smart meters' are devices.
_OPEN_MODIFIER_UNITS = frozenset(("day", "hour", "year", "mile", "kilometer"))
_MODIFIED_UNIT = re.compile(
    # one lower-case word ('506 levee miles', '3 production days'), not one that changes
    # the unit, a scale or a function word
    rf"[ \t\xa0\n]+(?:(?P<listed>{_LISTED_MODIFIER})|"
    r"(?!(?:square|cubic|nautical|light|statute|of|per|a|an|the|and|or|to|in"
    r"|on|at|for|from|by|with|than|hundred|thousand|million|billion|trillion|percent|dozen"
    # a determiner names when, not what: '400 each year', '12 that day' count something
    r"|each|every|this|that|these|those|next|last|previous|prior|same|following|preceding"
    # Spanish function words: '210 del año anterior' is not 210 years
    r"|del|los|las|por|para|con|sin|que|una|unos|unas|cada|este|esta|ese|esa"
    rf"|{_NUMBER_WORDS})\b)[a-z]{{3,}})[ \t\xa0\n]+"
    rf"(?P<unit>{UNIT_PATTERN})(?![A-Za-z])"
)
# '(1,000 MT)' heads a table: the unit its figures are counted in, not a quantity.
_UNIT_LABEL_VALUES = frozenset((Decimal(1000), Decimal(1000000)))
_UNIT_LABEL_REST = re.compile(r"[^0-9()\n]{0,24}\)")
# 'one thousand dollars ($1,000)': the bracket restates the amount before it in digits
_AMOUNT_BEFORE_BRACKET = re.compile(
    r"(?:\d|\b(?:dollars?|pesos?|thousand|million|billion))[ \t\xa0]*\(\Z", re.IGNORECASE
)


# '17 per dollar': an exchange rate, priced in the currency the sentence names before it.
_PER_DOLLAR = re.compile(
    r"[ \t\xa0]+(?:per|to[ \t\xa0]+the|a)[ \t\xa0]+(?:U\.?S\.?[ \t\xa0]+)?dollar\b"
    r"|[ \t\xa0]+per[ \t\xa0]+(?:US\$|U\.S\.\$|USD\b)"  # 'peso at 18.50 per US$'
)
_CURRENCY_NAMED = re.compile(r"(?i:\b(peso|euro|yuan|renminbi|yen|pound sterling)s?\b)")
_CURRENCY_OF_NAME = {
    "peso": "MXN",
    "euro": "EUR",
    "yuan": "CNY",
    "renminbi": "CNY",
    "yen": "JPY",
    "pound sterling": "GBP",
}


def exchange_rate_unit(scan: str, start: int, end: int) -> Unit | None:
    """The currency of a bare number stated per dollar, when the text just before names it."""
    if not _PER_DOLLAR.match(scan, end):
        return None
    named = [m.group(1).lower() for m in _CURRENCY_NAMED.finditer(scan, max(0, start - 100), start)]
    return Unit(_CURRENCY_OF_NAME[named[-1]], "money") if named else None


def unit_after_modifier(scan: str, end: int) -> tuple[Unit, int] | None:
    """The unit one modifier after a number, and where it ends (the quote runs to it, as
    '5 business days' does)."""
    m = _MODIFIED_UNIT.match(scan, end)
    unit = unit_of(m.group("unit")) if m else None
    if m and unit and not m.group("listed") and unit.code not in _OPEN_MODIFIER_UNITS:
        return None
    return (unit, m.end("unit")) if m and unit else None


# A label that ends in a unit names the unit of the value after it ('Estimated Total Annual
# Burden Hours: 1,479,250'); the unit is a whole word of three letters or more.
# A rate's label counts in its first unit ('Anticipated hours per week: 40').
_LABEL_UNIT = re.compile(
    rf"(?<![\w-])(?P<unit>{UNIT_PATTERN})(?:[ \t\xa0]+per[ \t\xa0]+[a-z]+)?[ \t\xa0]*:[ \t\xa0]*\Z"
)
# A label that opens its line with a unit, in the plural ('Hours paid in 2025: 2,212.5').
_LABEL_LED_BY_UNIT = re.compile(
    rf"(?=[A-Z][a-z])(?P<unit>(?i:{PLURAL_UNIT_WORDS}))(?:[ \t\xa0]+[\w]+){{1,4}}"
    r"[ \t\xa0]*:[ \t\xa0]*\Z"
)


# An infobox's label set off from its value by a run of spaces, that names the unit among
# its few words ('Training hours delivered        14,820').
_BOX_LABEL_UNIT = re.compile(
    rf"(?:^|\n)[ \t]*(?:[A-Z][a-z]*(?:[ \t][a-z]+){{0,4}}?[ \t](?P<unit>{PLURAL_UNIT_WORDS})"
    r"(?:[ \t][a-z]+){0,2}"
    # or led by it: 'Hours open to the public        44,116'
    rf"|(?=[A-Z][a-z])(?P<lead>(?i:{PLURAL_UNIT_WORDS}))(?:[ \t][a-z]+){{1,5}})"
    r"(?:[ \t]{2,}|\t)\Z"
)


def unit_from_label(scan: str, start: int) -> Unit | None:
    colon = start - 1
    while colon > 0 and scan[colon] in " \t\xa0":
        colon -= 1
    if scan[colon] != ":":
        box = _BOX_LABEL_UNIT.search(scan, max(0, start - 80), start)
        return unit_of((box.group("unit") or box.group("lead")).lower()) if box else None
    line_start = scan.rfind("\n", max(0, start - 120), start) + 1
    label = scan[max(line_start, start - 120) : start]
    m = _LABEL_UNIT.search(label) or _LABEL_LED_BY_UNIT.match(label.lstrip(" \t"))
    return unit_of(m.group("unit").lower()) if m and len(m.group("unit")) >= 3 else None


def is_unit_label(scan: str, part: Part) -> bool:
    if part.form != "digits" or part.value not in _UNIT_LABEL_VALUES:
        return False
    if scan[part.start - 1 : part.start] == "(":
        restated = _AMOUNT_BEFORE_BRACKET.search(scan, max(0, part.start - 40), part.start)
        return not restated and bool(_UNIT_LABEL_REST.match(scan, part.end))
    # '1,000 MT   1,152   1,180': a unit column's cell, before the row's figures
    return (
        part.unit is not None
        and scan[part.start - 2 : part.start] in ("  ", "\t", " \t")
        and bool(_FIGURES_TO_LINE_END.match(scan, part.end))
    )


_FIGURES_TO_LINE_END = re.compile(r"(?:[ \t\xa0]{2,}[-−(]?[0-9][0-9.,]*\)?%?)+[ \t\xa0]*(?:\n|\Z)")


_PLUS_UNIT = re.compile(rf"\+[ \t\xa0]?(?P<unit>{UNIT_PATTERN})(?![A-Za-z])")
_LEADER_UNIT = re.compile(rf"[ \t\xa0]+\.{{3,}}[ \t\xa0]+(?P<unit>{UNIT_PATTERN})(?![A-Za-z])")
_MARGIN_POINTS = re.compile(r"[ \t\xa0]+points?\b")
# 'for 38 of those days': a part of a measured whole the text has named
_OF_THOSE = re.compile(
    rf"[ \t\xa0]+of[ \t\xa0]+(?:those|these|the)[ \t\xa0]+(?P<unit>{UNIT_PATTERN})(?![A-Za-z])"
)


def unit_printed_apart(scan: str, part: Part) -> tuple[Unit | None, int]:
    """The unit of a bare number printed apart from it, and where the number's quote ends
    (after the unit when only a modifier stands between: '90 legislative days')."""
    modified = unit_after_modifier(scan, part.end)
    if modified:
        return modified
    plus = _PLUS_UNIT.match(scan, part.end)
    if plus:
        return unit_of(plus.group("unit")), plus.end("unit")  # '4+ hours'
    margin = _MARGIN_POINTS.match(scan, part.end)
    if margin and scan[part.start - 1 : part.start] == "±":
        return UNITS["percentage points"], margin.end()  # a poll's '±3.4 points'
    leader = _LEADER_UNIT.match(scan, part.end)
    if leader:
        return unit_of(leader.group("unit")), part.end  # '39 ......... days from the opening'
    whole = _OF_THOSE.match(scan, part.end)
    if whole and unit_of(whole.group("unit")).code in _OPEN_MODIFIER_UNITS:
        return unit_of(whole.group("unit")), part.end
    unit = exchange_rate_unit(scan, part.start, part.end)
    unit = unit or leader_currency(scan, part.start, part.end) or age_unit(scan, part)
    return unit or unit_from_label(scan, part.start), part.end


_YEAR = UNITS["year"]
# 'ages 18 to 29', 'aged 25', 'under age 18', 'adults under 30'
_AGE_BEFORE = re.compile(
    r"(?:\b(?i:ages?|aged)[ \t\xa0]+(?:of[ \t\xa0]+)?(?:between[ \t\xa0]+)?"
    r"|\b(?i:adults|people|persons|those|children|youths?|residents|voters|respondents|minors"
    r"|applicants)"
    r"[ \t\xa0]+(?:under|over|below|above|younger than|older than)[ \t\xa0]+"
    # 'whose son, Daniel, died at 19'
    r"|\b(?:died|killed|murdered|disappeared|deported|arrested)[ \t\xa0]+at[ \t\xa0]+"
    r"(?:age[ \t\xa0]+)?"
    # 'children who turn 5 by Aug. 1', 'Median age: 22'
    r"|\b(?:who|will|to)[ \t\xa0]+(?:turn|turns|turned)[ \t\xa0]+|\b(?i:age):[ \t\xa0]*)\Z"
)
# 'seniors (65 and older)', 'children 12 and under', 'seniors 65+'
_AND_OLDER = re.compile(
    r"[ \t\xa0]+(?:and|or)[ \t\xa0]+(?:older|over|above|under|younger)\b|\+(?![0-9])"
)
_OLDER_WHO = re.compile(
    r"\b(?i:those|adults|people|persons|residents|ages?|minors|applicants|children|seniors"
    r"|you are|you’re|you're)[ \t\xa0]+\(?\Z"
)
# 'Among adults 18–49': a bracket of ages, as audience and survey reports print them
_AGE_GROUP_BEFORE = re.compile(r"\b(?i:adults|persons|people|viewers|women|men|ages?)[ \t\xa0]+\Z")
_AGE_GROUP_AFTER = re.compile(r"[–-][0-9]{2}\b")
# 'Eliseo Rangel Ochoa, also known as “El Ingeniero,” 52, of Culiacán'
_APPOSITIVE_BEFORE = re.compile(r"[^\W\d_](?:,[”\"]?|\.?[”\"]?,)[ \t\xa0]+\Z")
_APPOSITIVE_AFTER = re.compile(
    # 'Two adults, 34 and 45, were arrested'
    r"(?:[ \t\xa0]+and[ \t\xa0]+[0-9]{1,3})?"
    r",[ \t\xa0]+(?:of|from|a|an|who|whose|and|was|is|were|are|faces|faced|said|told"
    r"|had|has|have|will|would|now|still)\b"  # 'Fuentes, 47, had been driving since'
)
# 'Marisela Ochoa Benítez, 44, the business’s bookkeeper': after a name ('the applicants,
# 44, the largest group' counts people)
_NAME_BEFORE = re.compile(r"\b[A-Z][\w'’-]*,[ \t\xa0]+\Z")
# 'Marisela Ochoa Benítez, 44, the business’s bookkeeper'; 'Iván Cárdenas Ruelas, 22,
# heading home'
_ROLE_AFTER = re.compile(r",[ \t\xa0]+(?:the\b|[a-z]{2,}ing\b)")
# '…,” said Alejandra, 44.': a quoted speaker's age after the name
_SPEAKER_BEFORE = re.compile(
    r"\b(?:said|says|told|tells|added|explained|recalled|asked)[ \t\xa0\n]+"
    r"(?:[A-Z][\w'’.-]*[ \t\xa0]+){0,3}[A-Z][\w'’-]*,[ \t\xa0]+\Z"
)
_CLAUSE_ENDS = re.compile(r"[,.;]")


def age_unit(scan: str, part: Part) -> Unit | None:
    """Years, when a bare whole number is someone's age."""
    whole = part.raw.rstrip("½")  # 'if you are 70½ or older'
    if not whole.isdigit() or len(whole) > 3 or not 0 < int(whole) < 120:
        return None
    before = scan[max(0, part.start - 40) : part.start]
    if _AGE_BEFORE.search(before):
        return _YEAR
    if _AND_OLDER.match(scan, part.end) and _OLDER_WHO.search(before):
        return _YEAR
    if _AGE_GROUP_BEFORE.search(before) and _AGE_GROUP_AFTER.match(scan, part.end):
        return _YEAR
    if _APPOSITIVE_BEFORE.search(before) and _APPOSITIVE_AFTER.match(scan, part.end):
        return _YEAR
    if _NAME_BEFORE.search(before) and _ROLE_AFTER.match(scan, part.end):
        return _YEAR
    if _SPEAKER_BEFORE.search(before) and _CLAUSE_ENDS.match(scan, part.end):
        return _YEAR
    return None
