"""Reading numbers as printed: digit strings with thousands separators, scale words and
abbreviations, and numbers written out in English words.

A reading is a `Decimal` so that '39.84 million' scales to exactly 39840000; a digit
string that cannot be read without guessing ('10,0000', '5.103.6') reads as None.
"""

from __future__ import annotations

import re
from decimal import Decimal

from pipeline.extract.quantity_trie import case_variants, regex_trie, words_trie

# Either plain digits with an optional decimal part, or comma-grouped thousands. Anything
# else ('10,0000', '5.103.6', '1,00') is ambiguous: a typo we must not repair by guessing.
_VULGAR_FRACTIONS = {"½": Decimal("0.5"), "¼": Decimal("0.25"), "¾": Decimal("0.75")}
_VULGAR_FRACTIONS |= {"⅓": Decimal(1) / 3, "⅔": Decimal(2) / 3}  # 'more than 66⅔%'
_COMMON_FRACTION = re.compile(r"(?:(.+)[ \xa0])?([0-9]+)[⁄/]([0-9]+)")
_WELL_FORMED = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?")

SMALL_NUMBERS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
# Spanish counts as Mexican sources write them ('las dos dependencias', 'diez mil
# empresas'). 'un'/'una'/'uno' are never counts (as 'one' is not), and 'once' is left out:
# it is an English word far more often than eleven.
SPANISH_NUMBERS = {
    "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8,
    "nueve": 9, "diez": 10, "doce": 12, "trece": 13, "catorce": 14, "quince": 15,
    "veinte": 20, "treinta": 30, "cuarenta": 40, "cincuenta": 50, "cien": 100,
    "doscientos": 200, "trescientos": 300, "cuatrocientos": 400, "quinientos": 500,
    "seiscientos": 600, "setecientos": 700, "ochocientos": 800, "novecientos": 900,
    "doscientas": 200, "trescientas": 300, "cuatrocientas": 400, "quinientas": 500,
    "seiscientas": 600, "setecientas": 700, "ochocientas": 800, "novecientas": 900,
    # the rest of what a spoken transcript spells out ('ciento ochenta', 'veinticuatro
    # horas', 'los once aeropuertos'); 'once' counts only after a Spanish word
    # (quantity_rules)
    "once": 11, "dieciséis": 16, "dieciseis": 16, "diecisiete": 17, "dieciocho": 18,
    "diecinueve": 19, "veintiuno": 21, "veintiún": 21, "veintiuna": 21, "veintidós": 22,
    "veintidos": 22, "veintitrés": 23, "veintitres": 23, "veinticuatro": 24,
    "veinticinco": 25, "veintiséis": 26, "veintiseis": 26, "veintisiete": 27,
    "veintiocho": 28, "veintinueve": 29, "sesenta": 60, "setenta": 70, "ochenta": 80,
    "noventa": 90, "ciento": 100,
}  # fmt: skip
# 'treinta y un', 'ciento uno': one, after a number it completes
_SPANISH_ONE = {"uno": 1, "un": 1, "una": 1}
_SPANISH_TENS = ("treinta", "cuarenta", "cincuenta", "sesenta", "setenta", "ochenta", "noventa")
_SPANISH_HUNDREDS = tuple(w for w, v in SPANISH_NUMBERS.items() if v >= 200)
# Digits spoken after a decimal point, English and Spanish ('dos punto cinco horas').
SPOKEN_DIGITS = {w: v for w, v in SMALL_NUMBERS.items() if v <= 9}
SPOKEN_DIGITS |= {"cero": 0, "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5}
SPOKEN_DIGITS |= {"seis": 6, "siete": 7, "ocho": 8, "nueve": 9}
SCALE_WORDS = {
    "dozen": 12,
    "thousand": 10**3,
    "million": 10**6,
    "billion": 10**9,
    "trillion": 10**12,
    # Spanish, as Mexican sources print amounts ('1,200 millones de pesos'); the Spanish
    # 'billón' is the long scale's 10^12, never an English billion
    # the older English plural ('the sum of ten millions of dollars')
    "millions": 10**6,
    "mil": 10**3,
    "millón": 10**6,
    "millon": 10**6,
    "millones": 10**6,
    "mil millones": 10**9,
    "miles de millones": 10**9,  # '128.4 miles de millones de dólares', not 128.4 miles
    "billón": 10**12,
    "billon": 10**12,
    "billones": 10**12,
}
# Abbreviated scales as printed after a number ('$807bn', '$5m', '$2.1B', '50k').
SCALE_ABBREVIATIONS = {
    "k": 10**3,
    "m": 10**6,
    "mm": 10**6,
    "mn": 10**6,
    "mln": 10**6,
    "b": 10**9,
    "bn": 10**9,
    "bln": 10**9,
    "t": 10**12,
    "tn": 10**12,
    "trn": 10**12,
}
# Multipliers for the leading word of a written-out scale ('a million', 'half-trillion').
_ARTICLE_MULTIPLIERS = {
    "a": Decimal(1),
    "an": Decimal(1),
    "of": Decimal(1),
    "half": Decimal("0.5"),
    "quarter": Decimal("0.25"),
    "un": Decimal(1),  # 'un millón de llamadas'
    "medio": Decimal("0.5"),  # 'medio millón de personas'
}


def _alternation(words: list[str]) -> str:
    # Longest first, so 'seventeen' is tried before 'seven'.
    return "|".join(sorted(words, key=len, reverse=True))


ONE_TO_NINE = _alternation([w for w, v in SMALL_NUMBERS.items() if 1 <= v <= 9])
SCALE_WORD_PATTERN = words_trie(v for w in SCALE_WORDS for v in case_variants(w))

# A number in words up to the hundreds ('seven', 'twenty-five', 'one hundred and twenty'),
# as a trie because it is tried at every word of a document.
_TENS_SUFFIX = rf"(?:[- ](?i:{ONE_TO_NINE}))?"
# Spanish below a hundred ('treinta y dos'), and after a hundred ('ciento doce',
# 'doscientos treinta y ocho'); 'ciento' never stands alone.
_SPANISH_UNITS = "uno|una|un|dos|tres|cuatro|cinco|seis|siete|ocho|nueve"
_SPANISH_TENS_SUFFIX = rf"(?:[ \n]y[ \n](?:{_SPANISH_UNITS})(?![\w]))?"
_SPANISH_TO_TWENTY_NINE = words_trie(
    w for w, v in SPANISH_NUMBERS.items() if 2 <= v < 30 and w not in _SPANISH_TENS
)
_SPANISH_BELOW_HUNDRED = (
    rf"(?:(?:{'|'.join(_SPANISH_TENS)}){_SPANISH_TENS_SUFFIX}|{_SPANISH_TO_TWENTY_NINE}|uno)"
)
_SPANISH_AFTER_HUNDRED = rf"[ \n]{_SPANISH_BELOW_HUNDRED}(?![\w])"


def _spanish_suffix(word: str) -> str:
    if word in _SPANISH_TENS:
        return _SPANISH_TENS_SUFFIX
    if word == "ciento":
        return _SPANISH_AFTER_HUNDRED
    return f"(?:{_SPANISH_AFTER_HUNDRED})?" if word in _SPANISH_HUNDREDS else ""


_BELOW_HUNDRED_TRIE = regex_trie(
    [(v, _TENS_SUFFIX) for w in TENS for v in case_variants(w)]
    + [(v, "") for w in SMALL_NUMBERS for v in case_variants(w)]
    # never in capitals: 'DOS' is the Department of State
    + [(v, _spanish_suffix(w)) for w in SPANISH_NUMBERS for v in (w, w.capitalize())]
)
_BELOW_HUNDRED = rf"(?:(?i:{_alternation(list(TENS))})(?:[- ](?i:{ONE_TO_NINE}))?"
_BELOW_HUNDRED += rf"|(?i:{_alternation(list(SMALL_NUMBERS))}))"
_BELOW_THOUSAND = (
    rf"{_BELOW_HUNDRED_TRIE}(?:[ \n](?i:hundred)(?:[ \n](?:and[ \n])?{_BELOW_HUNDRED})?)?"
    # 'a hundred and twenty consular officers'
    rf"|[Aa][ ]hundred(?:[ ](?:and[ ])?{_BELOW_HUNDRED})?"
)
# A scale inside a number, another number after it: 'four thousand five hundred', 'three
# millions two hundred and fifty' (thousand), 'dos mil quinientos', 'doce millones
# quinientos' (mil). The last scale is read as the number's scale.
INNER_SCALES = {"thousand": 10**3, "million": 10**6, "millions": 10**6, "mil": 10**3}
INNER_SCALES |= {"millones": 10**6, "millón": 10**6}
_INNER_SCALE = rf"(?i:{_alternation(list(INNER_SCALES))})"
WORD_NUMBER_PATTERN = (
    # 'mil quinientos': a thousand and more, as Spanish writes it without 'un'; 'un millón
    # quinientos mil' (pesos)
    rf"(?:{_BELOW_THOUSAND}|(?i:mil|un[ ]millón)[ \n](?:{_BELOW_THOUSAND}))"
    rf"(?:[ \n]{_INNER_SCALE}[ \n](?:and[ \n])?(?:{_BELOW_THOUSAND}))*"
)
# An article standing for one before a scale word ('a million', 'half-trillion').
ARTICLE_PATTERN = words_trie(
    v
    for w in (
        "a quarter of a",
        "a quarter of an",
        "quarter of a",
        "quarter of an",
        "a half",
        "a quarter",  # 'a quarter-million people'
        "half a",
        "half an",
        "a",
        "an",
        "half",
        "un",
        "medio",
    )
    for v in case_variants(w)
)


def parse_digits(raw: str) -> Decimal | None:
    """'39.84' -> Decimal('39.84'); '1,500' -> 1500; '1½' -> 1.5; malformed groupings
    -> None."""
    common = _COMMON_FRACTION.fullmatch(raw)
    if common:  # '2 1/2', '2\xa01⁄2', '1⁄2': a proper fraction, after a whole number or alone
        whole, numerator, denominator = common.groups()
        if int(numerator) >= int(denominator):
            return None
        base = parse_digits(whole) if whole else Decimal(0)
        return None if base is None else base + Decimal(numerator) / Decimal(denominator)
    # narrow and no-break spaces group thousands
    raw = raw.replace("\u202f", ",").replace("\u2009", ",").replace("\xa0", ",")
    fraction = _VULGAR_FRACTIONS.get(raw[-1:], 0)
    if fraction:
        raw = raw[:-1]
        if "." in raw:
            return None  # '1.5½' is no number
    if not _WELL_FORMED.fullmatch(raw):
        return None
    return Decimal(raw.replace(",", "")) + fraction


def parse_words(words: str) -> Decimal | None:
    """'twenty-five' -> 25; 'one hundred and five' -> 105; 'a' / 'half' -> 1 / 0.5
    (meaningful only before a scale word). None when the words do not form a number."""
    tokens = words.lower().replace("-", " ").split()
    if not tokens:
        return None
    if set(tokens) <= _ARTICLE_MULTIPLIERS.keys():
        # 'a', 'half a', 'a quarter of a': the fraction of the scale word that follows.
        return min(_ARTICLE_MULTIPLIERS[t] for t in tokens)
    total = 0
    current = 0
    last_scale = 0
    for token in tokens:
        if token in SMALL_NUMBERS:
            current += SMALL_NUMBERS[token]
        elif token in TENS:
            current += TENS[token]
        elif token in SPANISH_NUMBERS:
            current += SPANISH_NUMBERS[token]
        elif token == "hundred":
            current = (current or 1) * 100
        elif token in INNER_SCALES:
            scale = INNER_SCALES[token]
            if total and scale > last_scale:
                total = (total + current) * scale  # 'mil doscientos millones': 1,200 millions
            else:
                total += (current or 1) * scale
            current, last_scale = 0, scale
        elif token in _SPANISH_ONE and current:
            current += 1  # 'treinta y un', 'ciento uno'
        elif token in ("a", "an", "un") and not current:
            continue  # 'a hundred' is one hundred, 'un millón' one million
        elif token in ("and", "y"):
            continue
        else:
            return None
    return Decimal(total + current)


def has_inner_scale(words: str) -> bool:
    """Whether a number in words holds a scale inside it ('four thousand five hundred')."""
    return any(token in INNER_SCALES for token in words.lower().split())


def with_spoken_decimals(number: Decimal | None, point: str | None) -> Decimal | None:
    """A number read in words and the digit words after its 'point': 'two' and 'four'
    -> 2.4 ('two point four billion dollars')."""
    if number is None or not point:
        return number
    return number + Decimal("0." + "".join(str(SPOKEN_DIGITS[w]) for w in point.lower().split()))


def scale_factor(scale: str | None) -> int:
    """Multiplier of a scale word or abbreviation; 1 when there is none."""
    if not scale:
        return 1
    key = scale.lower()
    return SCALE_WORDS.get(key) or SCALE_ABBREVIATIONS.get(key, 1)


def is_year_like(raw: str) -> bool:
    """A bare four-digit number a reader takes for a year (1800-2099)."""
    return len(raw) == 4 and raw.isdigit() and raw[:2] in ("18", "19", "20")
