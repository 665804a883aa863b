"""Quantities stated in a document: value, unit, qualifier, period, rate and measure.

First version: money, percent and counts with scale words; refined in later commits.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

from pipeline.extract.sentences import SentenceIndex

_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12, "bn": 10**9}
_QUANTITY = re.compile(
    r"(?P<cur>\\?\$|US\$)?(?P<num>(?<![\w.,-])[0-9]+(?:[.,][0-9]+)*)"
    r"(?:[ -](?P<scale>thousand|million|billion|trillion)|(?P<bn>bn))?"
    r"(?:\s?(?P<pct>%|percent\b))?"
)
_VALID = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?")


def extract_quantities(text: str) -> list[dict[str, Any]]:
    """Every stated quantity in `text`, one record per number (see quantities schema)."""
    index = SentenceIndex(text)
    out: list[dict[str, Any]] = []
    for m in _QUANTITY.finditer(text):
        raw = m.group("num")
        if not m.group("cur") and not m.group("pct") and re.fullmatch(r"(?:19|20)[0-9]{2}", raw):
            continue
        flag = None
        value: float | None
        if _VALID.fullmatch(raw):
            try:
                number = Decimal(raw.replace(",", ""))
            except InvalidOperation:
                number = None
        else:
            number = None
        if number is None:
            flag, value = "malformed_number", None
        else:
            scale = _SCALES.get((m.group("scale") or m.group("bn") or "").lower(), 1)
            value = float(number * scale)
        if m.group("cur"):
            unit, kind = "USD", "money"
        elif m.group("pct"):
            unit, kind = "percent", "percent"
        else:
            unit, kind = "count", "count"
        sentence = index.at(m.start())
        out.append(
            {
                "char_start": m.start(),
                "char_end": m.end(),
                "quote": m.group(0),
                "value": value,
                "unit": unit,
                "kind": kind,
                "form": "digits",
                "qualifier": "exact",
                "range_role": None,
                "period": None,
                "rate": None,
                "measure": None,
                "flag": flag,
                "sentence": sentence.text if sentence else m.group(0),
            }
        )
    return out
