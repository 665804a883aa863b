"""Checks every table must pass before anything is loaded or published.

Three kinds, all derived from `schemas/` or from the contract every fact row keeps:
- schema: Frictionless validates the rows against the Table Schema (types, required,
  unique, enum, pattern, minimum, primary key);
- foreign keys: every key a schema declares points at an existing row;
- grounding: `quote == text[char_start:char_end]` against the decoded document.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
from frictionless import Resource, Schema

from pipeline.schemas import TableSchema, python_rows

MAX_REPORTED = 50


@dataclass(frozen=True)
class Problem:
    row: int | None  # 1-based data row, as a person counts them; None for table-level
    field: str | None
    kind: str
    message: str

    def as_dict(self) -> dict[str, object]:
        return {"row": self.row, "field": self.field, "kind": self.kind, "message": self.message}


def schema_problems(schema: TableSchema, frame: pd.DataFrame) -> list[Problem]:
    """Frictionless validation of the rows against the table's schema."""
    if list(frame.columns) != schema.field_names:
        return [
            Problem(
                None,
                None,
                "columns",
                f"columns {list(frame.columns)} differ from the schema's {schema.field_names}",
            )
        ]
    descriptor = schema.frictionless_descriptor()
    descriptor.pop("foreignKeys", None)  # checked across tables below, not inside one
    resource = Resource(
        data=[schema.field_names, *python_rows(schema, frame)],
        schema=Schema.from_descriptor(descriptor),
    )
    report = resource.validate(limit_errors=MAX_REPORTED)
    problems = []
    for task in report.tasks:
        for error in task.errors:
            row_number = getattr(error, "row_number", None)
            problems.append(
                Problem(
                    row=row_number - 1 if row_number else None,  # frictionless counts the header
                    field=getattr(error, "field_name", None),
                    kind=error.type,
                    message=error.message,
                )
            )
    return problems


class _KnownKeys:
    """The referenced table's keys, as a set of tuples made only when a row needs it."""

    def __init__(self, target: pd.DataFrame, fields: list[str]) -> None:
        self._target, self._fields = target, fields
        self._set: set[tuple[Any, ...]] | None = None

    def all_text(self) -> bool:
        column = self._target[self._fields[0]]
        return len(self._fields) == 1 and pd.api.types.infer_dtype(column, skipna=False) == "string"

    def has(self, key: tuple[Any, ...]) -> bool:
        if self._set is None:
            self._set = set(self._target[self._fields].itertuples(index=False, name=None))
        return key in self._set


def foreign_key_problems(
    schema: TableSchema, frame: pd.DataFrame, tables: Mapping[str, pd.DataFrame]
) -> list[Problem]:
    problems = []
    for fields, resource, ref_fields in schema.references():
        target = tables.get(resource)
        if target is None:
            problems.append(
                Problem(None, None, "foreign-key", f"referenced table {resource} missing")
            )
            continue
        known = _KnownKeys(target, ref_fields)
        keys: Iterable[tuple[int, tuple[Any, ...]]]
        if len(fields) == 1 and known.all_text():
            # Text keys (every key of these schemas): a hash lookup in C over the whole
            # column finds the rows to look at, and each is judged as below, so the report
            # is the same as reading every row.
            column = frame[fields[0]]
            suspects = np.flatnonzero(~column.isin(target[ref_fields[0]]).to_numpy())
            values = column.to_numpy(dtype=object)
            keys = ((int(i) + 1, (values[i],)) for i in suspects)
        else:
            keys = enumerate(frame[fields].itertuples(index=False, name=None), start=1)
        for i, key in keys:
            if not known.has(key):
                problems.append(
                    Problem(
                        i,
                        ",".join(fields),
                        "foreign-key",
                        f"{dict(zip(fields, key, strict=True))} has no row in {resource}",
                    )
                )
                if len(problems) >= MAX_REPORTED:
                    return problems
    return problems


# The columns every fact row carries to point back at its source characters.
GROUNDED_FIELDS = ("doc_id", "char_start", "char_end", "quote")


def grounding_problems(table: pd.DataFrame | pa.Table, texts: Mapping[str, str]) -> list[Problem]:
    """Every span must reproduce its quote exactly from the decoded document. `table` is a
    frame or an Arrow table; only its doc_id, char_start, char_end and quote are read."""
    problems = []
    # columns as lists, zipped: a namedtuple per row cost as much as the check itself
    if isinstance(table, pa.Table):
        columns = [table.column(c).to_pylist() for c in GROUNDED_FIELDS]
    else:
        columns = [table[c].tolist() for c in GROUNDED_FIELDS]
    for i, (doc_id, start, end, quote) in enumerate(zip(*columns, strict=True), start=1):
        text = texts.get(doc_id)
        if text is None:
            message = f"document {doc_id!r} not among the ingested documents"
        elif not (isinstance(start, int) and isinstance(end, int)):
            message = "the span has no offsets (char_start or char_end is missing)"
        elif not (0 <= start < end <= len(text)):
            message = f"span [{start}, {end}) outside the text (length {len(text)})"
        elif text[start:end] != quote:
            message = f"text[{start}:{end}] is {text[start:end]!r}, quote is {quote!r}"
        else:
            continue
        problems.append(Problem(i, "quote", "grounding", message))
        if len(problems) >= MAX_REPORTED:
            break
    return problems


def problems_markdown(problems: list[Problem], frame: pd.DataFrame, key: str | None) -> str:
    """The failing rows as a Markdown table a person can act on in the UI."""
    lines = ["| row | key | field | kind | message |", "|---|---|---|---|---|"]
    for p in problems[:MAX_REPORTED]:
        row_key = ""
        if key and p.row is not None and 0 < p.row <= len(frame):
            row_key = str(frame.iloc[p.row - 1][key])
        message = p.message.replace("|", "\\|").replace("\n", " ")
        lines.append(f"| {p.row or ''} | {row_key} | {p.field or ''} | {p.kind} | {message} |")
    return "\n".join(lines)
