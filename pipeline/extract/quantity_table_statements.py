"""What a table's caption, column header, row label or units row says its cells are: a
unit and a scale (`($ in thousands)`, `Variación anual (%)`, `Millones de dólares`, `Days
closed, 2025`), or that they are identifiers (Rank, Year, `… code`). Pure functions of the
printed text; `quantity_tables` finds the tables and asks them cell by cell.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from pipeline.extract.quantity_units import (
    COUNT,
    CURRENCY_PREFIXES,
    PLURAL_UNIT_WORDS,
    UNITS,
    Unit,
    unit_of,
)

_USD, _MXN, _PERCENT, _MILE = (UNITS[form] for form in ("usd", "mxn", "percent", "mile"))
# '(Dollars in Thousands)', and '[Millions of dollars]' as BEA and Census tables print it
_PAREN = re.compile(r"\(([^()\[\]\n]{1,120})\)|\[([^()\[\]\n]{1,120})\]")
_SCALES = (
    (re.compile(r"\b(?:miles de millones|mil millones|billions?|bn)\b"), 10**9),
    (re.compile(r"\b(?:millones|millions?|mn)\b"), 10**6),
    # '(USD 000)', '($000)', "(US$ '000)": thousands, as statistical offices print them
    (
        re.compile(r"\b(?:miles|thousands?)\b|(?<![0-9,])1,000(?![0-9,])|(?<![0-9.,])'?000s?\b"),
        10**3,
    ),
)
_SCALE_WORDS = re.compile(r"\b(?:thousands?|millions?|metric|short)\b")
_MEASURE_WORD = re.compile(
    r"\b(?:metric tons|tons|tonnes|kilograms|kilometers|pounds|lbs|lb|kg|km)\b"
)
SPANISH = re.compile(r"\b(?:de|del|la|los|las|en|y)\b")
_SPANISH_WORDS = re.compile(r"\b(?:de|del|los|las|por|para|con|y)\b")
_ENGLISH_WORDS = re.compile(r"\b(?:the|of|and|for|with|to)\b")


def in_spanish(text: str) -> bool:
    """Whether a text is written in Spanish: more of its commonest words are Spanish."""
    return len(_SPANISH_WORDS.findall(text)) > len(_ENGLISH_WORDS.findall(text))


class Statement(NamedTuple):
    """What a caption, header or label says the cells are: a unit and a scale."""

    unit: Unit
    scale: int


# A column of codes, ranks or years: its cells are identifiers, not quantities.
IDENTIFIER = Statement(Unit("identifier", "identifier"), 1)
_IDENTIFIER_HEADER = re.compile(
    r"(?i:rank|no\.?|#|id|year|fips|zip(?: code)?|[\w ]*\bcodes?|c[oó]digo[\w ]*|clave"
    r"|bib(?: no\.?)?)"  # a race's bib numbers
)
# 'Age', 'Median age': a column or row of ages, in years
_AGE_HEADER = re.compile(r"(?i:(?:median |average |mean )?(?:age|edad)(?: \(years\))?)")
AGE = Statement(UNITS["year"], 1)


def age_header(cell: str) -> Statement | None:
    """Years, for a header or row label that names ages."""
    return AGE if _AGE_HEADER.fullmatch(cell.strip(" \t|:")) else None


def statement_in(text: str, spanish: bool = False) -> Statement | None:
    """The unit and scale a parenthesis of a caption, header or label states, if any:
    `($ in thousands)`, `(millones de dólares)`, `(miles)`, `(%)`, `(dólares)`. `spanish`
    says the document is in Spanish, where `(miles)` is thousands even when the header
    itself has no Spanish word to show it (`Personas (miles)`)."""
    spanish = spanish or SPANISH.search(text.lower()) is not None
    for paren in _PAREN.finditer(text):
        found = _statement((paren.group(1) or paren.group(2)).lower(), spanish)
        if found and found.unit is COUNT and found.scale != 1:
            # 'Loaded miles (millions)': the label names the unit, the bracket the scale
            named = None if spanish else _NAMED_UNIT.search(text, 0, paren.start())
            if named:
                return Statement(UNITS[named.group().lower()], found.scale)
        if found:
            return found
    return None


_NAMED_UNIT = re.compile(
    r"\b(?i:miles|kilometers|hours|days|years|tons|tonnes|pounds|kilograms)\b(?![ \t]+per\b)"
)


# '($ in millions, except per share)': the exception names other rows, not this statement
_EXCEPT = re.compile(r",?[ \t]*\bexcept\b.*")


_SHARE = re.compile(r"[-+]?[0-9][0-9.,]*[ \xa0]?%")
_AND_PERCENTAGES = re.compile(r"\b(?:and|y)[ \t]+(?:percentages|porcentajes)\b")
# the peso's signs, as the currency marks printed before amounts name them: '(Ps.
# millions)', as Mexican issuers head their statements; 'MX$ bn'
_PESO_SIGN = re.compile(
    r"(?<![a-z])(?:"
    + "|".join(
        re.escape(m) for m, code in CURRENCY_PREFIXES.items() if code == "MXN" and not m.isalpha()
    )
    + r")(?![a-z])"
)


def _statement(inside: str, spanish: bool) -> Statement | None:
    inside = _EXCEPT.sub("", inside)
    if _SHARE.fullmatch(inside.strip()):
        return None  # '237,561   (84.9%)': a figure's share, stated beside it
    # '(Millions of dollars and percentages)': amounts, with their changes in a % column
    shares_too = _AND_PERCENTAGES.search(inside)
    if ("%" in inside or "percent" in inside or "por ciento" in inside) and not shares_too:
        return Statement(_PERCENT, 1)
    if re.search(r"\bpesos?\b.*\b(?:por|per)\b|\bps\.?/(?:u\.?s\.?)?\$", inside):
        return Statement(_MXN, 1)  # an exchange rate: pesos for one dollar
    if " por " in inside or " per " in inside:
        # '(tons per year)': a measure over a period, read as its measure, as the text's
        # '9.6 tons per year' is; any other rate is no unit of a cell
        head = re.split(r"\b(?:por|per)\b", inside, maxsplit=1)[0]
        measure = _MEASURE_WORD.search(head)
        if measure is None or _MEASURE_WORD.sub("", _SCALE_WORDS.sub("", head)).strip():
            return None
        scale = next((factor for pattern, factor in _SCALES if pattern.search(head)), 1)
        return Statement(UNITS[measure.group().replace("metric ", "")], scale)
    unit = None
    dollar_signs = _PESO_SIGN.sub("", inside)  # 'MX$' is the peso's sign
    if "$" in dollar_signs or re.search(r"\b(?:dollars?|dólar(?:es)?|dolares|usd)\b", inside):
        unit = _USD
    elif re.search(r"\b(?:pesos?|mxn)\b", inside) or dollar_signs != inside:
        unit = _MXN
    scale = next((factor for pattern, factor in _SCALES if pattern.search(inside)), 1)
    measure = _MEASURE_WORD.search(inside)
    if inside.strip() in ("t", "mt", "tm"):  # 'Volume 2025 (t)': metric tons (toneladas)
        return Statement(UNITS["tons"], scale)
    if unit is None and measure:  # '(thousand metric tons)', '(kilograms)'
        return Statement(UNITS[measure.group().replace("metric ", "")], scale)
    if scale == 10**3 and unit is None and inside.strip() == "miles" and not spanish:
        return Statement(_MILE, 1)  # an English '(miles)' is the length
    if unit is not None or scale != 1:
        return Statement(unit or COUNT, scale)
    if inside.strip() in ("count", "number", "núm.", "número"):
        return Statement(COUNT, 1)
    return unit_cell(_UNIT_ADJECTIVES.sub("", inside))  # '(calendar days)', '(pounds)'


# 'calendar days', 'metric tons': the unit is the last word.
_UNIT_ADJECTIVES = re.compile(r"\b(?:calendar|business|working|metric|short|natural(?:es)?)\b")


# cells that count people or posts ('Pos.', 'FTE' beside 'Amount' under '(Dollars in Thousands)')
_COUNTED_CELL = frozenset(
    ("households", "people", "persons", "count", "number", "pos.", "positions", "fte", "ftes")
)


# 'Bil. $', 'Mil. MT', '1,000 MT': a unit column's cell, as USDA tables print it
_SCALED_UNIT_CELL = re.compile(
    r"(?P<scale>bil\.|mil\.|thou\.|1,000|1,000,000|billion|million|thousand)[ \t\xa0]*"
    r"(?P<unit>\$|dollars|mt|metric tons|tons|lbs\.?|pounds|kg|km|head)"
)
_SCALE_OF_CELL = {"bil.": 10**9, "billion": 10**9, "mil.": 10**6, "million": 10**6}
_SCALE_OF_CELL |= {"1,000,000": 10**6, "thou.": 10**3, "thousand": 10**3, "1,000": 10**3}
_UNIT_OF_CELL = {"$": "usd", "dollars": "usd", "mt": "metric tons"}


def scaled_unit_cell(text: str) -> Statement | None:
    m = _SCALED_UNIT_CELL.fullmatch(text.strip().lower())
    if m is None:
        return None
    word = m.group("unit")
    unit = COUNT if word == "head" else unit_of(_UNIT_OF_CELL.get(word, word.rstrip(".")))
    return Statement(unit, _SCALE_OF_CELL[m.group("scale")])


def unit_cell(text: str) -> Statement | None:
    """A cell that is only a unit ('km', '%', 'tons/year', 'households', 'Bil. $'): the
    unit of the numbers after it in its row. A rate ('/year') leaves the value as printed."""
    scaled_unit = scaled_unit_cell(text)
    if scaled_unit:
        return scaled_unit
    word = text.strip().lower().split("/")[0].strip()
    if word in _COUNTED_CELL:
        return Statement(COUNT, 1)
    unit = UNITS.get(word)
    if unit is None or unit.kind == "count":
        return None
    if unit.kind == "duration" and not word.endswith("s"):
        return None  # 'Month', '(month)', 'Year': the period a column covers, not a unit
    return Statement(unit, 1)


def header_statement(cell: str, spanish: bool = False) -> Statement | None:
    """What a column header says its cells are: identifiers (Rank, Year, `… code`), or the
    unit and scale of its parenthesis or of the unit it is."""
    cell = cell.strip().rstrip("¹²³⁴⁵⁶⁷⁸⁹⁰*†")  # 'Kilómetros¹': the header, not its note mark
    if _IDENTIFIER_HEADER.fullmatch(cell):
        return IDENTIFIER
    if age_header(cell):
        return AGE
    last = cell.split()[-1] if cell.split() else ""  # 'FY 2024 Enacted FTE': its own line's word
    return (
        statement_in(cell, spanish)
        or unit_cell(cell)
        or _header_words(cell)
        or leading_unit(cell)
        or trailing_unit(cell)  # 'Vacation days'
        or (Statement(COUNT, 1) if last.lower() in _COUNTED_CELL else None)
    )


# 'Days closed, 2025', 'Years in the U.S., average', 'Miles of fence': a header or label
# that opens with a unit, in the plural, counts its cells in it.
_LEADING_UNIT = re.compile(
    rf"[ \t]*(?P<unit>(?i:{PLURAL_UNIT_WORDS}|días|horas|años|kilómetros|toneladas))\b"
)
# 'Detection-positive days', 'Lane miles': a row label that ends in a unit, in the plural,
# after a word that qualifies it; not a rate ('Encounters per day'), not a compound
# ('detector-days' counts detectors' days), not a label with figures of its own.
_TRAILING_UNIT = re.compile(
    rf"[^\d\n]*[A-Za-z][ \t]+(?<!\bper )(?P<unit>(?i:{PLURAL_UNIT_WORDS}))[ \t:]*"
)


def _unit_named(m: re.Match[str] | None) -> Statement | None:
    unit = unit_of(m.group("unit")) if m else None
    return Statement(unit, 1) if unit is not None else None


def leading_unit(text: str) -> Statement | None:
    return _unit_named(_LEADING_UNIT.match(text))


def trailing_unit(label: str) -> Statement | None:
    return _unit_named(_TRAILING_UNIT.fullmatch(label))


_CURRENCY_WORD = re.compile(r"\b(?:dollars?|dólar(?:es)?|dolares|usd|pesos?|mxn)\b|\$")
# '…_pct' names a CSV column of shares ('variacion_pct')
_PERCENT_WORD = re.compile(
    r"%|\bpercent\b|\bper cent\b|\bpor ciento\b|\bporcentaje\b|(?:\b|_)pct\b"
)


def _header_words(cell: str) -> Statement | None:
    """A header that names a currency or a share in its words, without brackets
    ('Millones de dólares', 'Var. % anual')."""
    words = cell.lower()
    if _PERCENT_WORD.search(words):
        return Statement(_PERCENT, 1)
    if _CURRENCY_WORD.search(words):
        return _statement(words, SPANISH.search(words) is not None)
    if _SCALE_OF_PEOPLE.match(words):
        return Statement(COUNT, 10**3 if "miles" in words else 10**6)  # 'Miles de personas'
    return None


_SCALE_OF_PEOPLE = re.compile(r"[ \t]*(?:miles|millones)[ \t]+de[ \t]+(?!millones)")


_UNIT_LINE = re.compile(
    # 'Annual percentage change of quarterly average' over a table of forecasts
    r"(?i)[ \t]*(?:(?:annual|annualized|year-on-year|year-over-year|monthly|quarterly)[ \t]+)?"
    # 'By Fiscal Year, Millions of Dollars', as CBO heads its cost tables
    r"(?:by[ \t]+(?:fiscal[ \t]+|calendar[ \t]+)?year,[ \t]+)?"
    r"(?:thousands|millions|billions|miles de|millones|percent(?:age)?|porcentaje"
    r"|(?:U\.S\. )?dollars in|pesos in"
    # 'US$ billion' under a chart's title
    r"|(?:US\$|U\.S\.\$|\$|USD)[ \t]*(?:billions?|millions?|thousands?))\b"
)


def unit_line_statement(line: str) -> Statement | None:
    """What a chart's unit line says its values are ('Thousands of workers, June 2025',
    'Millions of dollars')."""
    return _statement(line.lower(), False) if _UNIT_LINE.match(line) else None


def units_row(cells: list[str]) -> list[Statement | None] | None:
    """A row under the header that only names units ('', 'USD millions', '%', 'count'):
    the unit of each column, or None when the row is no such row."""
    texts = [c.strip() for c in cells]
    if not any(texts) or any(len(t) > 24 for t in texts):
        return None
    found = [_statement(t.lower(), False) if t else None for t in texts]
    return found if all(f is not None for f, t in zip(found, texts, strict=True) if t) else None


# 'The amount in millions of dollars that the U.S. … invested': the currency and scale a
# line states for the amounts it introduces, in a sentence rather than a parenthesis.
SCALE_STATED = re.compile(
    r"\b(?:in|en)[ \t\xa0]+(?P<scale>thousands|millions|billions|miles de millones|millones)"
    r"[ \t\xa0]+(?:of|de)[ \t\xa0]+(?:U\.S\.[ \t\xa0]+)?(?P<currency>dollars|dólares|pesos)\b",
    re.IGNORECASE,
)
_SCALE_OF = {
    "thousands": 10**3,
    "millions": 10**6,
    "millones": 10**6,
    "billions": 10**9,
    "miles de millones": 10**9,
}


def stated_scale(found: re.Match[str]) -> int:
    return _SCALE_OF[found.group("scale").lower()]


def money_stated(text: str) -> tuple[str, int] | None:
    """The currency and scale a line states for the amounts it introduces ('The amount in
    millions of dollars that the U.S. ... invested'): ('USD', 10**6)."""
    found = SCALE_STATED.search(text)
    if found is None:
        return None
    currency = "MXN" if found.group("currency").lower() == "pesos" else "USD"
    return currency, stated_scale(found)


def money_line_statement(line: str) -> Statement | None:
    """A chart's or table's caption line that states its money in a sentence."""
    money = money_stated(line)
    return Statement(Unit(money[0], "money"), money[1]) if money else None


# '(volume in thousand metric tons; value in millions of U.S. dollars)': a caption that
# states one unit for each measure its rows name.
_KEYED_PART = re.compile(r"[ \t]*(?P<key>[a-z][a-z ]{1,30}?)[ \t]+in[ \t]+(?P<rest>[^;]+)")


def keyed_statements(line: str) -> dict[str, Statement]:
    """The statement for each measure a caption's parenthesis names, when it names two or
    more ('volume' -> thousand tons, 'value' -> millions of dollars); empty otherwise."""
    inside = _PAREN.search(line)
    if inside is None:
        return {}
    found = {}
    for part in (inside.group(1) or inside.group(2) or "").split(";"):
        m = _KEYED_PART.fullmatch(part.strip().lower())
        stated = statement_in(f"({m.group('rest')})") if m else None
        if m and stated:
            found[m.group("key")] = stated
    return found if len(found) > 1 else {}
