"""Units and currencies as printed after or before a number, and what they normalize to.

One table is the single source of truth: the regex alternation is generated from it, so a
form that matches always has a normalization.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import NamedTuple

from pipeline.extract.quantity_trie import case_variants, words_trie


class Unit(NamedTuple):
    code: str
    kind: str
    factor: Decimal = Decimal(1)
    rate: str | None = None  # 'b/d' is barrels per day: the unit itself states a rate


_TEN = Decimal(10)
# What a bare number counts when nothing names its unit.
COUNT = Unit("count", "count")

# Surface form (lower case, single spaces, no full stops) -> normalized unit.
UNITS: dict[str, Unit] = {}


def _add(unit: Unit, *forms: str) -> None:
    for form in forms:
        UNITS[form] = unit


_add(Unit("percent", "percent"), "%", "percent", "per cent", "per centum", "pct")
# A change stated in percentage points is still read on the percent scale.
_add(Unit("percent", "percent"), "percentage point", "percentage points", "percentage-point")
# 'rose 0.4 pp to 91.6%'; 'pp.' (pages) is left out where numbers are read
_add(Unit("percent", "percent"), "pp")
_add(
    Unit("USD", "money"),
    "dollar",
    "dollars",
    "us dollars",
    "u s dollars",
    "usd",
)
_add(Unit("USD", "money", Decimal("0.01")), "cent", "cents")
# Spanish forms, read after 'de' ('millones de dólares'; see quantity_patterns._UNIT)
_add(Unit("USD", "money"), "dólar", "dólares", "dolares")
# ... and as Mexican papers abbreviate it ('2.9 dls costo adicional por caja')
_add(Unit("USD", "money"), "dls", "dlls")
_add(Unit("percent", "percent"), "por ciento")
_add(Unit("MXN", "money"), "peso", "pesos", "mexican pesos", "mxn")
# Mexican press: 'mdd' and 'mdp' are millones de dólares / de pesos, 'mmdd' and 'mmdp' miles
# de millones
_add(Unit("USD", "money", Decimal(10**6)), "mdd")
_add(Unit("MXN", "money", Decimal(10**6)), "mdp")
_add(Unit("USD", "money", Decimal(10**9)), "mmdd")
_add(Unit("MXN", "money", Decimal(10**9)), "mmdp")
_add(Unit("EUR", "money"), "euro", "euros", "eur")
_add(Unit("CAD", "money"), "canadian dollars", "cad")
_add(Unit("GBP", "money"), "pounds sterling", "gbp")
_add(Unit("CNY", "money"), "yuan", "renminbi", "rmb", "cny")
_add(Unit("JPY", "money"), "yen", "jpy")
_add(Unit("mile", "length"), "mile", "miles", "mi")
_add(Unit("nautical_mile", "length"), "nautical mile", "nautical miles", "nmi")
_add(Unit("kilometer", "length"), "kilometer", "kilometers", "kilometre", "kilometres", "km")
_add(Unit("meter", "length"), "meter", "meters", "metre", "metres")
_add(Unit("foot", "length"), "foot", "feet", "ft")
_add(Unit("yard", "length"), "yard", "yards")
_add(Unit("inch", "length"), "inch", "inches")
_add(Unit("pound", "mass"), "pound", "pounds", "lb", "lbs")
_add(Unit("kilogram", "mass"), "kilogram", "kilograms", "kilogramme", "kilogrammes", "kg", "kgs")
_add(Unit("kilogram", "mass"), "kilo", "kilos")
_add(Unit("gram", "mass"), "gram", "grams", "gramme", "grammes")
_add(Unit("milligram", "mass"), "milligram", "milligrams", "mg")
_add(Unit("ounce", "mass"), "ounce", "ounces", "oz")
_add(
    Unit("ton", "mass"),
    "ton",
    "tons",
    "tonne",
    "tonnes",
    "metric ton",
    "metric tons",
    "short ton",
    "short tons",  # printed as stated, never converted
)
_add(Unit("ton", "mass"), "tonelada", "toneladas")
_add(Unit("kilogram", "mass"), "kilogramo", "kilogramos")
_add(Unit("kilometer", "length"), "kilómetro", "kilómetros", "kilometros")
_add(Unit("year", "duration"), "year", "years", "yr", "yrs")
_add(Unit("year", "duration", _TEN), "decade", "decades")
_add(Unit("year", "duration", _TEN**2), "century", "centuries")
_add(Unit("month", "duration"), "month", "months")
_add(Unit("week", "duration"), "week", "weeks")
_add(Unit("day", "duration"), "day", "days", "business day", "business days", "working day")
_add(Unit("day", "duration"), "working days", "calendar day", "calendar days")
_add(Unit("year", "duration"), "año", "años")
_add(Unit("day", "duration"), "día", "días", "dias")
_add(Unit("hour", "duration"), "hora", "horas")
_add(Unit("week", "duration"), "semana", "semanas")
_add(Unit("month", "duration"), "mes", "meses")
_add(Unit("hour", "duration"), "hour", "hours", "hr", "hrs")
# SI symbols, as dashboards and engineering sheets print them ('2.4 h', '540 d', '96 t/d'):
# read only after digits, or 'eighth' would be eight hours; a day or a ton only after a
# space, as '2d Cavalry' is the second.
_add(Unit("hour", "duration"), "h")
_add(Unit("day", "duration"), "d")
_add(Unit("ton", "mass"), "t")
_AFTER_DIGITS_ONLY = {
    "h": r"(?<=[0-9])h|(?<=[0-9][ \xa0-])h",
    "d": r"(?<=[0-9][ \xa0])d",
    "t": r"(?<=[0-9][ \xa0])t",
}
_add(Unit("minute", "duration"), "minute", "minutes", "min", "mins")
_add(Unit("second", "duration"), "seconds")
_add(Unit("square_mile", "area"), "square mile", "square miles", "sq mi")
_add(
    Unit("square_kilometer", "area"),
    "square kilometer",
    "square kilometers",
    "square kilometre",
    "square kilometres",
    "sq km",
    "km2",
    "km²",
)
_add(Unit("square_foot", "area"), "square foot", "square feet", "sq ft")
_add(Unit("acre", "area"), "acre", "acres")
_add(Unit("hectare", "area"), "hectare", "hectares")
_add(Unit("barrel", "volume"), "barrel", "barrels", "bbl")
_add(Unit("gallon", "volume"), "gallon", "gallons")
_add(Unit("liter", "volume"), "liter", "liters", "litre", "litres")
_add(Unit("cubic_meter", "volume"), "cubic meter", "cubic meters", "cubic metre", "cubic metres")
_add(Unit("cubic_foot", "volume"), "cubic foot", "cubic feet")
_add(Unit("acre_foot", "volume"), "acre-foot", "acre-feet", "acre foot", "acre feet")
_add(Unit("barrel", "volume", rate="per_day"), "b/d", "bpd", "bbl/d", "barrels/day")
_add(Unit("cubic_foot", "volume", _TEN**9), "bcf", "billion cubic feet")
_add(Unit("cubic_foot", "volume", _TEN**9, "per_day"), "bcf/d", "bcfd")
_add(Unit("cubic_foot", "volume", _TEN**6, "per_day"), "mmcf/d", "mmcfd")
_add(Unit("cubic_foot", "volume", _TEN**12), "tcf")
_add(Unit("ton", "mass", _TEN**6), "mmt")
_add(Unit("ton", "mass", _TEN**6, "per_year"), "mtpa", "mmtpa")  # million tons per annum
_add(Unit("ton", "mass"), "mt")
_add(Unit("percent", "percent", Decimal("0.01")), "basis point", "basis points", "bps", "bp")
_add(Unit("percent", "percent", Decimal("0.01")), "punto base", "puntos base", "pb")
_add(Unit("percent", "percent"), "punto porcentual", "puntos porcentuales")
_add(Unit("mile", "length"), "milla", "millas")
_add(Unit("pound", "mass"), "libra", "libras")
_add(Unit("kilowatt_hour", "energy"), "kilowatt-hour", "kilowatt-hours", "kwh")
_add(Unit("megawatt_hour", "energy"), "megawatt-hour", "megawatt-hours", "mwh")
_add(Unit("gigawatt_hour", "energy"), "gigawatt-hour", "gigawatt-hours", "gwh")
_add(Unit("terawatt_hour", "energy"), "terawatt-hour", "terawatt-hours", "twh")
_add(Unit("kilowatt", "power"), "kilowatt", "kilowatts", "kw")
_add(Unit("megawatt", "power"), "megawatt", "megawatts", "mw")
_add(Unit("gigawatt", "power"), "gigawatt", "gigawatts", "gw")

# Currency marks printed before the number ('$', 'US$', '\$' in Markdown, 'MXN 5', '€').
CURRENCY_PREFIXES: dict[str, str] = {
    "$": "USD",
    "us$": "USD",
    "u.s.$": "USD",
    "usd": "USD",
    "mx$": "MXN",
    "ps.": "MXN",  # 'Ps. 17,848.3 billion', as Mexico's offering documents print the peso
    "mex$": "MXN",
    "mxn": "MXN",
    "mxn$": "MXN",
    "c$": "CAD",
    "ca$": "CAD",
    "cad": "CAD",
    "€": "EUR",
    "eur": "EUR",
    "£": "GBP",
    "gbp": "GBP",
    "¥": "JPY",
}

# Abbreviations that also spell ordinary words are only units when written in upper case
# or right after the digits ('10km', '5 MW'); the table keys stay lower case.
_CASE_SENSITIVE = {"mw": "MW", "gw": "GW", "usd": "USD", "mxn": "MXN", "eur": "EUR"}
_CASE_SENSITIVE.update({"mt": "MT", "mmt": "MMT", "kw": "kW", "kwh": "kWh", "mwh": "MWh"})
_CASE_SENSITIVE.update({"gwh": "GWh", "twh": "TWh", "tcf": "Tcf", "bps": "bps", "pb": "pb"})
_CASE_SENSITIVE.update({"cad": "CAD", "gbp": "GBP", "cny": "CNY", "jpy": "JPY", "rmb": "RMB"})


def _printed_forms(form: str) -> list[str]:
    """How a unit key is printed: its case variants, 'U.S. dollars', 'sq. mi'."""
    if form in _CASE_SENSITIVE:
        return [_CASE_SENSITIVE[form]]
    if form == "u s dollars":
        return ["U.S. dollars", "US dollars", "U.S. Dollars", "US Dollars"]
    forms = case_variants(form)
    if form.startswith("sq "):
        forms += case_variants("sq. " + form[3:])
    return forms


# The units a label or header names in words, in the plural ('Volunteer hours', 'Days
# closed'): the measures a count of things is never taken for.
PLURAL_UNIT_WORDS = r"hours|days|years|miles|kilometers|kilometres|tons|pounds|kilograms"
UNIT_PATTERN = (
    "(?:"
    + words_trie(f for key in UNITS if key not in _AFTER_DIGITS_ONLY for f in _printed_forms(key))
    + "|"
    + "|".join(_AFTER_DIGITS_ONLY.values())
    + ")"
)
# Printed forms of each currency mark: '$' may be escaped ('\\$' in Markdown) and may stand
# apart from its country letters ('US $').
_PREFIX_FORMS: list[str] = []
for _mark in ("$", "US$", "U.S.$", "MX$", "Mex$", "MXN$", "C$", "CA$"):
    _letters = _mark[:-1]
    for _dollar in ("$", "\\$"):
        _PREFIX_FORMS += [_letters + _dollar] + ([_letters + " " + _dollar] if _letters else [])
_PREFIX_FORMS += ["USD", "MXN", "CAD", "EUR", "GBP", "€", "£", "¥", "Ps."]
CURRENCY_PREFIX_PATTERN = words_trie(_PREFIX_FORMS)
_PREFIX_CLEAN = re.compile(r"[\\\s]")


def unit_of(surface: str) -> Unit:
    """Normalize a unit surface form matched by UNIT_PATTERN."""
    key = " ".join(surface.lower().replace(".", " ").split())
    if key not in UNITS:
        key = key.replace("-", " ")
    if key not in UNITS:
        key = key.replace(" ", "")
    return UNITS[key]


def currency_of_prefix(surface: str) -> str:
    """ISO code of a currency mark matched by CURRENCY_PREFIX_PATTERN."""
    return CURRENCY_PREFIXES[_PREFIX_CLEAN.sub("", surface).lower()]
