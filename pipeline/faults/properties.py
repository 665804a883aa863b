"""What every record of every extractor must satisfy, on any text at all.

Shared by the hypothesis tests (tests/test_fuzz.py), the fault matrix and the
benchmark: the record contract of pipeline/extract/registry.py, checked without the
pipeline around it. A record that breaks it would fail a blocking check and stop a
whole release, so no input may produce one.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

from pipeline.schemas import get_schema

_PYTHON_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "date": (dt.date, str),
}


def record_problems(table: str, text: str, records: Any) -> list[str]:
    """Why `records` (an extractor's output on `text`) break the contract; [] if not."""
    if not isinstance(records, list):
        return [f"{table}: returned {type(records).__name__}, not a list"]
    schema = get_schema(table)
    key = schema.primary_key[0] if len(schema.primary_key) == 1 else None
    fields = {f.name: f for f in schema.fields if f.name not in {"doc_id", key}}
    problems: list[str] = []
    for number, record in enumerate(records):
        where = f"{table}[{number}]"
        if not isinstance(record, dict):
            problems.append(f"{where}: a {type(record).__name__}, not a dict")
            continue
        problems += [f"{where}: {p}" for p in _span_problems(text, record)]
        extra = sorted(set(record) - set(fields))
        if extra:
            problems.append(f"{where}: fields not in the schema: {extra}")
        for name, field in fields.items():
            value = record.get(name)
            if value is None:
                if field.required:
                    problems.append(f"{where}: required field {name} is missing or null")
                continue
            problems += [f"{where}.{name}: {p}" for p in _value_problems(field, value)]
    return problems


def _span_problems(text: str, record: dict[str, Any]) -> list[str]:
    start, end, quote = record.get("char_start"), record.get("char_end"), record.get("quote")
    if not (_is_int(start) and _is_int(end)):
        return [f"char_start/char_end {start!r}/{end!r} are not integers"]
    if not 0 <= start < end <= len(text):
        return [f"span [{start}, {end}) is not inside the text (length {len(text)})"]
    if quote != text[start:end]:
        return [f"quote {quote!r} is not text[{start}:{end}] = {text[start:end]!r}"]
    return []


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _value_problems(field: Any, value: Any) -> list[str]:
    expected = _PYTHON_TYPES[field.type]
    if not isinstance(value, expected) or (
        field.type in {"integer", "number"} and isinstance(value, bool)
    ):
        return [f"{value!r} is not a {field.type}"]
    if isinstance(value, float) and not math.isfinite(value):
        return [f"{value!r} is not finite"]
    problems = []
    constraints = field.constraints
    if "enum" in constraints and value not in constraints["enum"]:
        problems.append(f"{value!r} is not one of {constraints['enum']}")
    if "minimum" in constraints and value < constraints["minimum"]:
        problems.append(f"{value!r} is below the minimum {constraints['minimum']}")
    if "maximum" in constraints and value > constraints["maximum"]:
        problems.append(f"{value!r} is above the maximum {constraints['maximum']}")
    pattern = constraints.get("pattern")
    if pattern and isinstance(value, str) and not re.fullmatch(pattern, value):
        problems.append(f"{value!r} does not match the pattern {pattern}")
    return problems
