"""When is a bare number a quantity? Rules read from the words right next to it.

A number with a currency or a unit is a quantity. A bare number is a count only when the
text around it says so: a counted noun follows ('55 active land ports'), a hedge precedes
('more than 14,000'), or it is the value of a comparison ('compared with twelve in 2010').
It is not one when it names something ('Objective 2.1', '100,000 Strong in the Americas
Innovation Fund'), is a frequency ('every six years', 'three times a year'), a year, a
code ('06500'), or half of a compound ('two-way', '24/7').
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import NamedTuple

from pipeline.extract.numbers import SMALL_NUMBERS, SPANISH_NUMBERS, TENS, is_year_like
from pipeline.extract.quantity_elided import (
    GROUP_OF_MEMBERS,
    IN_A_YEAR,
    IN_NUMBER,
    ROLL_CALL,
    SAMPLE_SIZE,
    counted_by_label,
    elided_count,
    noun_said_before,
)
from pipeline.extract.quantity_names import counted_in_heading, names_something
from pipeline.extract.quantity_neighbours import Neighbours, next_word
from pipeline.extract.quantity_ratios import is_rate, is_rate_base, is_ratio
from pipeline.extract.quantity_table_cells import fills_table_cell, opens_table_row
from pipeline.extract.quantity_units import Unit


def _words(text: str) -> list[str]:
    return text.split()


class Part(NamedTuple):
    """One number as read: its span in the scanned text, value and unit."""

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


# Function words: a bare number followed by one of these counts nothing named.
_NOT_COUNTED = frozenset(
    _words(
        """
        of to and or in on at by for from with the a an as is are was were be been has have
        had will would can could may might should than that which who per times time percent
        nor but if so this these those it its their his her our we they he she there out off
        y o e u de del para por que al veces
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
# Words before a number that make it a frequency or a point in time, not an amount.
_FREQUENCY_BEFORE = frozenset(_words("every once twice cada"))
# After these, a bare number whose counted noun is left out is still a count
# ('compared with twelve in 2010', 'up from 280.').
_COMPARED_WITH = frozenset(_words("from with than versus vs. vs compared"))
_RANK_BEFORE = frozenset(_words("top bottom first last"))
_AMONG = re.compile(r"\bamong\b[^.;\n]{0,30}\Z")
_OF_DETERMINERS = frozenset(
    _words("the our its their these those all his her your my whom which them us")
)
_BLANKS = " \t\n\xa0"
# A number-led modifier between a count and its noun.
_NUMERIC_MODIFIER = re.compile(
    # ('22 .50 caliber rifles': a calibre printed with a space)
    r"[ \t\xa0]+(?:\.[0-9]+[ \t\xa0-]?|[0-9][0-9.]*-?)[A-Za-z]+(?:-[A-Za-z]+)*[ \t\xa0]+"
    r"([a-z][\w'’-]*)"
)
# 'in 2025.4 Remittances': a year, then a note number glued after its full stop.
_YEAR_THEN_NOTE = re.compile(r"(?:18|19|20)[0-9]{2}\.[0-9]{1,3}")
_CAPITAL_NEXT = re.compile(r"[ \t\xa0]+[A-Z“\"]")


_ORDINAL_AFTER = re.compile(
    r"[ \t\xa0-](?i:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
    r"|eleventh|twelfth|(?:thir|four|fif|six|seven|eigh|nine)teenth"
    r"|(?:twen|thir|for|fif|six|seven|eigh|nine)tieth|hundredth|thousandth)\b"
)


def ordinal_follows(scan: str, part: Part) -> bool:
    """Whether written-out words go on into an ordinal ('ONE HUNDRED NINETEENTH CONGRESS',
    'twenty-first'): a rank, not an amount."""
    return _ORDINAL_AFTER.match(scan, part.end) is not None


def year_then_note(scan: str, part: Part) -> bool:
    """A year followed by an endnote number: the period it states, not a decimal."""
    return (
        part.unit is None
        and not part.scaled
        and bool(_YEAR_THEN_NOTE.fullmatch(part.raw))
        and bool(_CAPITAL_NEXT.match(scan, part.end))
    )


# The base of a ratio is small ('1 in 5', 'one in four'): 'in 2021' is a year.
# 'groups of 100 or more': the bound follows the number.
_OPEN_END = re.compile(
    r"[ \t\xa0\n]+or[ \t\xa0\n]+(?:(?P<lower>more|above|over|greater|higher|longer|older|plus)"
    r"|(?P<upper>fewer|less|below|under|shorter|younger))\b"
    # 'de 3 o más armas', 'de 10 o menos'
    r"|[ \t\xa0\n]+o[ \t\xa0\n]+(?:(?P<lower_es>más)|(?P<upper_es>menos))(?!\w)"
    # '57,000+', '300+ staff', '1 million-plus': a plus glued after the number (not '3+2',
    # not 'C++')
    r"|(?P<plus>\+(?![\w+])|-plus\b)"
)


def open_ended(scan: str, end: int) -> str | None:
    """'100 or more' and '100+' -> lower_bound, '65 or younger' -> upper_bound, else None."""
    m = _OPEN_END.match(scan, end)
    if not m:
        return None
    lower = m.group("lower") or m.group("plus") or m.group("lower_es")
    return "lower_bound" if lower else "upper_bound"


def glued_after(scan: str, end: int) -> bool:
    """'two-way', '24/7', '3:1', "1990's": the number is part of a compound, not a count."""
    nxt = scan[end : end + 2]
    return (nxt[:1] in ("/", ":", "'", "’") and nxt[1:2].isalnum()) or (
        nxt[:1] == "-" and nxt[1:2].isalpha()
    )


def is_frequency(near: Neighbours, unit: Unit | None = None) -> bool:
    """'every six years' and 'twice annually' state no amount; 'every $1 you give' does.
    'ten years ago' does: a duration back from the time of writing, as every annotator of
    the held-out sets read it."""
    if unit is not None and unit.kind == "money":
        return False
    return near.before_lower in _FREQUENCY_BEFORE


# 'once' is eleven only after a Spanish word ('los once aeropuertos'), never 'once a year'.
_BEFORE_SPANISH_ONCE = frozenset(_words("los las unos unas sus de en con y a por cada estos"))
# A number that opens its clause and is the subject of one of these counts people or
# things named before it.
_AUXILIARIES = frozenset(_words("have has had were are remain remained will"))
_NUMBER_WORDS = frozenset(
    (*SMALL_NUMBERS, *TENS, *(f"{t}-{u}" for t in TENS for u in list(SMALL_NUMBERS)[1:10]))
)


_NUMBER_AFTER_OF = re.compile(
    r"[ \t\xa0]+(?:the[ \t\xa0]+)?(?:(?!(?:18|19|20)[0-9]{2}\b)[0-9]|(?i:two|three|four|five|six"
    r"|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred)\b)"
)
_POINTS_OF = re.compile(r"[ \t\xa0]+puntos[ \t\xa0]+de\b")
# 'en 38 de los 67 municipios', 'presentes: 112 de 128', '16 de sus 25 carriles': the Spanish
# part of a counted whole
_DE_LOS_NUMBER = re.compile(
    r"[ \t\xa0]+de[ \t\xa0]+(?:(?:los|las|sus|estos|estas)[ \t\xa0]+)?(?!(?:19|20)[0-9]{2}\b)[0-9]"
)


def _counted_of(scan: str, end: int, low: str | None) -> bool:
    """'3 of our 9 consulates', 'four of whom': a count of a group named after it."""
    if low == "de":
        return bool(_DE_LOS_NUMBER.match(scan, end))
    if low != "of":
        return False
    after_of = scan.find("of", end) + 2
    if _NUMBER_AFTER_OF.match(scan, after_of):
        return True  # 'deployed 314 of 407 planned towers', 'won nine of eleven claims'
    owner = (next_word(scan, after_of) or "").rstrip(".,;:")  # 'in 29 of them.'
    # ... or of a group its owner names: "24 of Mexico's 32 states"
    return owner.lower() in _OF_DETERMINERS or owner.endswith(("'s", "’s"))


def _spaced(scan: str, end: int) -> bool:
    """White space after the number, or the bold marks closing it ('**214** volunteers'),
    maybe after a note's marker glued to it ('140⁴ Mexican officers')."""
    while end < len(scan) - 1 and scan[end] in _SUPERSCRIPT_DIGITS:
        end += 1
    return scan[end] in _BLANKS or scan.startswith(("**", "__"), end)


_SUPERSCRIPT_DIGITS = frozenset("¹²³⁴⁵⁶⁷⁸⁹⁰")


_FRACTION_DENOMINATORS = frozenset(
    _words(
        # not 'halves' ('two halves of 33,000') nor 'quarters' ('two quarters of growth')
        "third thirds fourths fifth fifths sixths tenths terceras tercera tercios cuartas quintas"
    )
)
# A count glued to its noun ('40-bed', '12-member'); not a code ('24-cr-01178', '1-boc-4-AP'), a
# multiple, a direction or a score ('3-fold', '2-way', '5-star', '10-point').
_COUNTED_COMPOUND = re.compile(
    r"-(?!(?:fold|way|odd|plus|point|star|stage|digit|ish|something|year-old)\b)(?:[a-z]{3,}|[A-Z][a-z]{2,})\b(?!-)"
)
# Spelled out, a compound is also a share ('two-thirds'), a time or an idiom ('fifty-fifty',
# 'eleven-thirty', 'a two-track strategy', 'zero-tolerance'); 'one' is never a count.
_NOT_COUNTED_BY_WORD = re.compile(
    r"(?:one|zero)\b|[a-z]+-(?:thirds?|quarters?|fourths?|fifths?|sixths?|eighths?|tenths?"
    r"|halves|half|track|hand|handed|sided|tier|party|thirty|fifty|fifteen|forty-five)\b",
    re.IGNORECASE,
)
_COUNTER_LABELS = r"(?i:\bpage|\bp\.|\bpágina|\bpág\.|\bslide|\bphoto|\bimage|\bpart)"
_COUNTER = re.compile(rf"{_COUNTER_LABELS}[ \t\xa0]*\Z")
_PAGE_OF = re.compile(rf"{_COUNTER_LABELS}[ \t\xa0]*[0-9]+[ \t\xa0]+(?:of|de)[ \t\xa0]+\Z")
# 'has met six times and', 'downloaded 9,400 times.': a count of events. Not a frequency
# ('three times a year') or a multiple ('2 to 3 times what', 'three times as many').
_TIMES_COUNTED = re.compile(
    r"[ \t\xa0]+times(?:[ \t\xa0]*(?:[.,;:)]|\Z|\n)|[ \t\xa0]+(?:since|in|during|so|this"
    r"|last|before|after|between|under|with|and|or)\b)"
)
# The first number of a change or a pair, counted after 'from': the second is counted too.
_FROM_FIRST = re.compile(
    r"\bfrom[ \t\xa0\n]+[0-9][0-9,.]*(?:[ \t\xa0\n]+in[ \t\xa0\n]+(?:FY[ \t]?)?[0-9]{4})?"
    r"[ \t\xa0\n]+\Z"
)
_BUILT_FOR = re.compile(
    r"\b(?:built|designed|meant|intended)[ \t\xa0]+(?:for|to[ \t\xa0]+hold)[ \t\xa0]+\Z"
    r"|\bcapacity[ \t\xa0]+(?:of|for)[ \t\xa0]+\Z"
)
# '856 (3.9 %)': a number's share of the whole, printed in brackets after it
SHARE_IN_BRACKETS = r"\([0-9][0-9.,]*[ \xa0]?%\)"
_SHARE_AFTER = re.compile(rf"[ \t\xa0]*{SHARE_IN_BRACKETS}")
# Mexican print groups thousands with the word: '9 mil 668'
_MIL_GROUPED = re.compile(r"[0-9][ \t\xa0\n]+mil[ \t\xa0\n]+[0-9]|[0-9][\u202f\u2009][0-9]")
# 'eight AN/APS-143C(V)3 radars': a count before a military designation ('AN' is no article)
_DESIGNATION_AFTER = re.compile(r"[ \t\xa0]+[A-Z]{2,}/[A-Z]")
# 'ρ = 0.71', 'r = 0.64', 'IRR = 1.18': a test's statistic or coefficient, not a count
# ('n = 412' counts the sample)
_STATISTIC_BEFORE = re.compile(
    r"(?<![\w.])(?:[prtzFRTZUHQ]|[α-ωΑ-Ω]|[Rχ][2²]|df|a?OR|a?PR|RR|HR|IRR|AUC|ICC)"
    r"[ \t\xa0]*[=<>≤≥][ \t\xa0]*\Z"
)
# '2026; 14(2): 87–96': a journal's volume and issue, then the pages cited
_CITED_PAGES_BEFORE = re.compile(
    r"[0-9]{1,4}[ \t\xa0]*\([0-9]{1,3}\)[ \t\xa0]*:[ \t\xa0]*(?:[0-9]{1,5}[–-])?\Z"
)
_PER_TIME = re.compile(r"[ \t\xa0]+(?:per|a|an|each|every)[ \t\xa0]+(?:day|week|month|year|hour)\b")


def zero_led(part: Part) -> bool:
    """Digits led by a zero ('06500', the '000' of '(USD 000)'): a code or a scale, never
    an amount."""
    return part.form == "digits" and part.raw[:1] == "0" and part.raw[1:2].isdigit()


def counts_something(scan: str, end: int, part: Part, near: Neighbours) -> bool:
    """Whether a bare number (no currency, no unit) is a count worth a row; `near` are the
    words around it (for a range, the words around the whole range)."""
    if part.raw.lower() == "once" and near.before_lower not in _BEFORE_SPANISH_ONCE:
        return False  # 'once a year', 'Once the deal…': English; 'los once aeropuertos'
    if part.form == "digits" and ((is_year_like(part.raw) and not part.scaled) or zero_led(part)):
        return False  # a year, or a code with a leading zero ('06500')
    if part.form == "digits" and fills_table_cell(scan, part.start, end):
        # its column's header names what it counts; a fraction in a table that states no
        # unit is a statistic ('R-squared 0.214', 'Mean of outcome 8.941'), not a count
        return "." not in part.raw
    if part.form == "digits" and opens_table_row(scan, part.start, end):
        return False
    if _PAGE_OF.search(scan, max(0, part.start - 24), part.start) or (
        scan.startswith(" of ", end) and _COUNTER.search(scan, max(0, part.start - 12), part.start)
    ):
        return False  # 'Page 2 of 4', '[Photo 1 of 4]': a counter of the print, not a fact
    if (
        scan[part.start - 1 : part.start] in (" ", "(", "\n")
        and scan[part.start - 2 : part.start] != "-\n"  # '1-boc-⏎4-piperidone': one word
        and _COUNTED_COMPOUND.match(scan, end)
        and not (part.form == "words" and _NOT_COUNTED_BY_WORD.match(part.raw + scan[end:]))
    ):
        return True  # 'a 40-bed field hospital': forty beds; 'an eight-bout card'
    if _STATISTIC_BEFORE.search(scan, max(0, part.start - 8), part.start):
        return False
    if _CITED_PAGES_BEFORE.search(scan, max(0, part.start - 24), part.start):
        return False
    glued = glued_after(scan, end) and not scan.startswith("-plus", end)
    # ('• Cruzan 1.2 millones de vehículos': a scaled amount is no name's number)
    roll_call = ROLL_CALL.search(scan, max(0, part.start - 32), part.start)
    # 'sent crews to Mexico 14 times since 2000': events counted, not 'Mexico 14'
    events = near.after_lower == "times" and bool(_TIMES_COUNTED.match(scan, end))
    named = not (part.scaled or roll_call or events) and names_something(scan, end, near)
    if glued or named or is_ratio(scan, part.start, end, near) or is_rate(scan, end):
        return False
    word, low = near.after, near.after_lower
    if low == "times":  # events counted, not a multiple ('leverage of 1.6 times')
        whole = part.scaled or "." not in part.raw  # 'crossed 7.9 million times in 2025'
        return whole and bool(_TIMES_COUNTED.match(scan, end))
    if _DESIGNATION_AFTER.match(scan, end):
        return "." not in part.raw
    if low in _MONTHS or low in _FRACTION_DENOMINATORS:
        return False  # 'two thirds', 'dos terceras partes': a share, not a count
    if low == "puntos" and not _POINTS_OF.match(scan, end):
        return False  # 'con 67.2 puntos': an index's score, not a count ('10 puntos de revisión')
    if is_rate_base(near, part.scaled):
        return False  # 'cases per 100,000 population', 'por cada 100 mil': a rate's base
    if part.scaled or _OPEN_END.match(scan, end) or _PER_TIME.match(scan, end):
        return True  # '1.2 million', '300 or more', 'about 290 per day'
    before, before_low = near.before, near.before_lower
    if before_low in _RANK_BEFORE and _AMONG.search(
        scan, max(0, near.before_start - 40), near.before_start
    ):
        return False  # 'among the world's top 15 producers' is a rank cut-off; 'the top two
        # states, California and Texas' and 'the first 6 projects' count (every annotator)
    if part.form == "words":
        if part.raw.lower() == "one" or before_low == "no":
            return False  # 'no two monuments shall stand': a rule, not a count
        if part.value is not None and part.value != part.value.to_integral():
            return False  # 'one and a half points of growth': a count is whole
        if low in _NUMBER_WORDS:
            return False  # 'twenty thirty-six', 'twenty-four seven': a year or an idiom spoken
        if (
            part.raw[0].isupper()
            and (before or "A")[0].islower()
            and (before_low == "of" or not counted_in_heading(scan, part.start, end))
        ):
            return False  # 'Group of Seven' names a group mid-sentence
        spanish_name = part.raw.lower() in SPANISH_NUMBERS and part.raw[0].isupper()
        if spanish_name and (not word or word[0].isupper() or low == "de"):
            return False  # 'Dos Bocas', 'Cinco de Mayo' are names
        if before_low in _COMPARED_WITH and low not in ("of", "times"):
            return True
        if before_low == "all" or (
            before_low in (None, "the", "and", "but") and low in _AUXILIARIES
        ):
            # 'concurred with all four', 'Three have pleaded guilty', 'the two have', '41
            # years old, and⏎eleven were designed'
            return True
        if _counted_of(scan, end, low) or elided_count(scan, end, near):
            return True
        if noun_said_before(scan, end, near) or IN_NUMBER.match(scan, end):
            return True  # 'in 17 states and … in the remaining two, Campeche and Yucatan'
        if before_low == "of" and GROUP_OF_MEMBERS.search(
            scan, max(0, part.start - 24), part.start
        ):
            return True  # 'a family of five'
        if not word and _NUMERIC_MODIFIER.match(scan, end):
            return True  # 'in two 12-hour shifts'
        return bool(word) and low not in _NOT_COUNTED and _spaced(scan, end)
    if word and low not in _NOT_COUNTED and _spaced(scan, end):
        return True
    if _counted_of(scan, end, low) or elided_count(scan, end, near):
        return True
    if noun_said_before(scan, end, near):
        return True
    if before is None and low in _AUXILIARIES and scan[part.start - 2 : part.start] in "; , ":
        return True  # 'we count 160 to 170 votes; 218 are needed'
    if before_low in ("all", "and", "but") and low in _AUXILIARIES:
        return True  # 'All 14 were released', '4 drowned and 7 were rescued'
    modified = _NUMERIC_MODIFIER.match(scan, end)
    if modified and modified.group(1) not in _NOT_COUNTED:
        return True  # '65 .50-caliber rifles', '300 9mm pistols'
    if _SHARE_AFTER.match(scan, end) and "." not in part.raw:
        return True  # 'y 856 (3.9 %) a dengue grave': a count, with its share of the whole
    if "," in part.raw or _MIL_GROUPED.search(part.raw) or before_low in _COMPARED_WITH:
        return True  # '9,668 (68%) reconocieron', '9 mil 668 (68%) …': grouped, a count
    if before_low in ("to", "and") and _FROM_FIRST.search(
        scan, max(0, near.before_start - 40), near.before_start
    ):
        return True  # 'from 118 in 2021 to 297 in 2024', 'up from 71 and 190 in FY2022'
    if roll_call:
        return True
    if _BUILT_FOR.search(scan, max(0, part.start - 24), part.start) and "." not in part.raw:
        return True  # 'a shelter … built for 120.': its capacity, in the people said before
    if counted_by_label(scan, part):
        return True
    if SAMPLE_SIZE.search(scan, max(0, part.start - 8), part.start):  # '(n=247)'
        return True
    # 'rose to 55.', 'reached 412 in 2025,': the value of a verb, at the end of its clause
    # (its year aside); a whole number.
    when = IN_A_YEAR.match(scan, end)
    clause_end = when.end() if when else end
    return bool(
        before_low in _VALUE_WORDS
        and scan[clause_end : clause_end + 1] in ".;,)"
        and "." not in part.raw
    )
