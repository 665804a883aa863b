"""Schema validation of a whole table at once, with Frictionless's exact guarantees.

`pipeline.validation.schema_problems` hands every row to Frictionless, which reads and
checks one cell at a time in Python (about 20,000 rows a second here): a minute for a
million facts. `bulk_schema_problems` returns the same list -- same rows, fields, error
types, messages, order, and the same cut at MAX_REPORTED -- working a column at a time:

- types: the frame is typed from the schema (Int64, Float64, boolean, object), so a
  typed column cannot hold a wrongly typed cell; an object column whose values are all
  `str` (or all dates) is recognised in one C-level pass. Any other column is read cell
  by cell with Frictionless's own field reader, so no type rule is re-implemented.
- missing values: a cell is missing when it is null or its `str()` is one of the schema's
  `missingValues` (default `""`), as Frictionless decides.
- constraints (required, minLength, maxLength, pattern, enum, minimum, maximum,
  exclusiveMinimum, exclusiveMaximum) on the non-missing, well-typed cells, vectorized
  with pandas; `pattern` uses Python's `re` compiled as Frictionless compiles it
  (`^pattern$` with `match`, so a trailing newline passes), not DuckDB's RE2, whose
  syntax and semantics differ.
- blank rows, unique fields and the primary key (duplicates point at the previous row
  with the same value, all-null keys are errors) are computed in DuckDB with window
  functions, which scale past memory (DuckDB spills) where Frictionless keeps a Python
  dict of every key it has seen.

Anything this module cannot decide exactly (a constraint it does not know, a
`missingValues` token that could be the text of a number) is handed to Frictionless for
that table, so the guarantee never silently weakens. Foreign keys and grounding are
checked by `pipeline.validation` as before (they are set lookups already).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import duckdb
import numpy as np
import pandas as pd
from frictionless import Field as FrictionlessField
from frictionless import Schema, errors

from pipeline.schemas import TableSchema
from pipeline.validation import MAX_REPORTED, Problem, schema_problems

_VECTOR_CONSTRAINTS = {
    "required",
    "minLength",
    "maxLength",
    "pattern",
    "enum",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
}
_TYPED_DTYPES = {"integer": "Int64", "number": "Float64", "boolean": "boolean"}
# Ordering of errors inside one row, as Frictionless emits them.
_CELL, _UNIQUE, _PRIMARY = 0, 1, 2


@dataclass(frozen=True)
class _Finding:
    row: int  # 0-based data row
    phase: int
    field_number: int  # 1-based, 0 for row-level
    order: int  # position of the constraint in the field's supported list
    kind: str
    note: str
    field: str | None = None


class _NeedsFrictionless(Exception):
    """A case this module does not decide exactly; Frictionless decides it."""


def bulk_schema_problems(
    schema: TableSchema, frame: pd.DataFrame, limit: int = MAX_REPORTED
) -> list[Problem]:
    """The problems `schema_problems` reports for `frame`, computed a column at a time."""
    if list(frame.columns) != schema.field_names:
        return schema_problems(schema, frame)
    descriptor = schema.frictionless_descriptor()
    descriptor.pop("foreignKeys", None)
    fl_schema = Schema.from_descriptor(descriptor)
    try:
        return _bulk(fl_schema, frame, limit)
    except _NeedsFrictionless:
        return schema_problems(schema, frame)


def _bulk(fl_schema: Schema, frame: pd.DataFrame, limit: int) -> list[Problem]:
    n = len(frame)
    findings: list[_Finding] = []
    missing_all = np.ones(n, dtype=bool)
    parsed: dict[str, pd.Series] = {}  # the value Frictionless keeps (None when missing/bad)
    for number, fld in enumerate(fl_schema.fields, start=1):
        column = frame[fld.name]
        missing, bad_type, values = _read_column(fld, column)
        missing_all &= missing
        for row in np.flatnonzero(bad_type):
            findings.append(
                _Finding(int(row), _CELL, number, -1, "type", f'type is "{fld.type}/{fld.format}"')
            )
        findings.extend(_constraint_findings(fld, number, values, missing, bad_type))
        parsed[fld.name] = values.where(~(missing | bad_type), None)

    blank_rows = set(np.flatnonzero(missing_all).tolist())
    if blank_rows:
        findings = [f for f in findings if f.row not in blank_rows]
        findings.extend(_Finding(r, _CELL, 0, -2, "blank-row", "") for r in blank_rows)
    findings.extend(_key_findings(fl_schema, parsed, n))
    findings.sort(key=lambda f: (f.row, f.phase, f.field_number, f.order))
    return [_problem(f, frame, fl_schema) for f in findings[:limit]]


def _read_column(
    fld: FrictionlessField, column: pd.Series
) -> tuple[np.ndarray, np.ndarray, pd.Series]:
    """(missing, type error, values) for one column, as Frictionless would read it."""
    tokens = _missing_tokens(fld)
    null = column.isna().to_numpy(dtype=bool)
    fast = _fast_typed(fld.type, column)
    if fast and (tokens <= {""} or fld.type == "string"):
        values = column.astype(object)
        if fld.type == "string" and tokens:
            null = null | values.isin(tokens).to_numpy(dtype=bool)
        if fld.type == "number":
            # pandas keeps NaN apart from NA in a Float64 column; the pipeline publishes
            # both as null, so a NaN is a missing cell, as python_rows hands it over.
            with np.errstate(invalid="ignore"):
                floats = column.to_numpy(dtype="float64", na_value=np.nan)
            null = null | np.isnan(floats)
        return null, np.zeros(len(column), dtype=bool), values
    if fld.constraints and not set(fld.constraints) <= _VECTOR_CONSTRAINTS:
        raise _NeedsFrictionless
    # Slow path, cell by cell, with Frictionless's own reader: exact by construction.
    reader = fld.create_value_reader()
    missing = np.zeros(len(column), dtype=bool)
    bad = np.zeros(len(column), dtype=bool)
    out: list[Any] = []
    for i, cell in enumerate(_python_cells(fld.type, column)):
        if cell is None or str(cell) in tokens:
            missing[i] = True
            out.append(None)
            continue
        value = reader(cell)
        if value is None:
            bad[i] = True
        out.append(value)
    return missing, bad, pd.Series(out, index=column.index, dtype=object)


def _missing_tokens(fld: FrictionlessField) -> set[str]:
    """The field's own missingValues when it declares them, else the schema's."""
    if not fld.has_defined("missing_values") and fld.schema is not None:
        return set(fld.schema.missing_values)
    return set(fld.missing_values)


def _fast_typed(kind: str, column: pd.Series) -> bool:
    """True when every non-null cell of `column` is certainly of the field's type."""
    if kind in _TYPED_DTYPES:
        return str(column.dtype) == _TYPED_DTYPES[kind]
    inferred = pd.api.types.infer_dtype(column, skipna=True)
    if kind == "string":
        return inferred in ("string", "empty")
    if kind == "date":
        # infer_dtype also says "date" when datetimes are mixed in, and a datetime with a
        # time of day is a type error for Frictionless: look at the types themselves.
        return inferred == "empty" or (
            inferred == "date" and all(type(v) is dt.date for v in column.dropna().tolist())
        )
    return False


def _python_cells(kind: str, column: pd.Series) -> list[Any]:
    """Cells as `pipeline.schemas.python_rows` hands them to Frictionless."""
    out: list[Any] = []
    for v in column.tolist():
        if v is None or v is pd.NA or (isinstance(v, float) and v != v):
            out.append(None)
        elif kind == "date" and isinstance(v, str):
            try:
                out.append(dt.date.fromisoformat(v))
            except ValueError:
                out.append(v)  # Frictionless's own reader then calls it a type error
        else:
            out.append(v)
    return out


def _constraint_findings(
    fld: FrictionlessField,
    number: int,
    values: pd.Series,
    missing: np.ndarray,
    bad_type: np.ndarray,
) -> list[_Finding]:
    constraints = fld.constraints
    unknown = set(constraints) - _VECTOR_CONSTRAINTS - {"unique"}
    if unknown:
        raise _NeedsFrictionless
    out: list[_Finding] = []
    present = ~(missing | bad_type)
    for order, name in enumerate(fld.supported_constraints):
        if name not in constraints:
            continue
        value = constraints[name]
        if name == "required":
            failing = missing & bool(value)
        else:
            failing = present & ~_passes(fld, name, value, values, present)
        note = f'constraint "{name}" is "{value}"'
        out.extend(
            _Finding(int(r), _CELL, number, order, "constraint", note)
            for r in np.flatnonzero(failing)
        )
    return out


def _passes(
    fld: FrictionlessField, name: str, constraint: Any, values: pd.Series, present: np.ndarray
) -> np.ndarray:
    """Whether each present cell satisfies one constraint (absent cells: True)."""
    ok = np.ones(len(values), dtype=bool)
    if not present.any():
        return ok
    cells = values[present]
    if name in ("minLength", "maxLength"):
        lengths = cells.map(len).to_numpy()
        result = lengths >= constraint if name == "minLength" else lengths <= constraint
    elif name == "pattern":
        compiled = re.compile(f"^{constraint}$")
        result = np.fromiter((compiled.match(c) is not None for c in cells), bool, len(cells))
    elif name == "enum":
        if fld.type != "string":
            raise _NeedsFrictionless  # enum members are cast per type; rare, keep exact
        result = cells.isin(list(constraint)).to_numpy(dtype=bool)
    else:
        if fld.type not in ("integer", "number"):
            raise _NeedsFrictionless  # date bounds are parsed from text; rare, keep exact
        bound = float(constraint)
        numbers = cells.astype("float64").to_numpy()
        with np.errstate(invalid="ignore"):
            result = {
                "minimum": numbers >= bound,
                "maximum": numbers <= bound,
                "exclusiveMinimum": numbers > bound,
                "exclusiveMaximum": numbers < bound,
            }[name]
        if fld.type == "integer" and not _exact_as_float(cells, constraint):
            raise _NeedsFrictionless
    ok[present] = result
    return ok


def _exact_as_float(cells: pd.Series, constraint: Any) -> bool:
    """Integers beyond 2**53 would compare wrongly as floats."""
    limit = 2**53
    try:
        return abs(int(constraint)) < limit and bool((cells.astype("int64").abs() < limit).all())
    except (OverflowError, TypeError, ValueError):
        return False


def _key_findings(fl_schema: Schema, parsed: dict[str, pd.Series], n: int) -> list[_Finding]:
    """Unique-field and primary-key errors, found in DuckDB."""
    unique = [f.name for f in fl_schema.fields if f.constraints.get("unique")]
    primary = list(fl_schema.primary_key)
    if n == 0 or (not unique and not primary):
        return []
    columns = sorted(set(unique) | set(primary))
    # Values go to DuckDB as text keyed by type, so equality is Python's equality of the
    # values Frictionless would keep (the frame's dtypes keep one type per column).
    keys = pd.DataFrame({f"c{i}": _key_text(parsed[c]) for i, c in enumerate(columns)})
    keys["rn"] = np.arange(n, dtype=np.int64)
    names = {c: f"c{i}" for i, c in enumerate(columns)}
    out: list[_Finding] = []
    con = duckdb.connect(":memory:")
    try:
        con.register("cells", keys)
        numbers = {f.name: i for i, f in enumerate(fl_schema.fields, start=1)}
        for name in unique:
            c = names[name]
            rows = con.execute(
                f"SELECT rn, prev FROM (SELECT rn, {c}, lag(rn) OVER (PARTITION BY {c} "
                f"ORDER BY rn) AS prev FROM cells WHERE {c} IS NOT NULL) WHERE prev IS NOT NULL"
            ).fetchall()
            out.extend(
                _Finding(
                    rn,
                    _UNIQUE,
                    numbers[name],
                    0,
                    "unique",
                    f"the same as in the row at position {prev + 2}",
                    name,
                )
                for rn, prev in rows
            )
        if primary:
            cols = ", ".join(names[c] for c in primary)
            all_null = " AND ".join(f"{names[c]} IS NULL" for c in primary)
            # only the offending rows come back to Python (all of them did: 0.5 s of
            # looping over 209,000 quantity keys that were all fine)
            rows = con.execute(
                f"SELECT rn, prev FROM (SELECT rn, CASE WHEN {all_null} THEN -1 ELSE "
                f"lag(rn) OVER (PARTITION BY {cols}, ({all_null}) ORDER BY rn) END AS prev "
                "FROM cells) WHERE prev IS NOT NULL"
            ).fetchall()
            for rn, prev in rows:
                if prev == -1:
                    note = 'cells composing the primary keys are all "None"'
                elif prev is not None:
                    note = f"the same as in the row at position {prev + 2}"
                else:
                    continue
                out.append(_Finding(rn, _PRIMARY, 0, 0, "primary-key", note))
    finally:
        con.close()
    return out


def _key_text(values: pd.Series) -> pd.Series:
    """Each value as text that is equal exactly when the values are equal in Python."""
    if pd.api.types.infer_dtype(values, skipna=False) == "string" and not any(
        map(_has_surrogate, values.tolist())
    ):
        # A column of str only (every key of these schemas): two values are equal exactly
        # when their texts are, so the values themselves serve, without a text per cell.
        return values.reset_index(drop=True).astype(object)

    def text(v: Any) -> str | None:
        if v is None:
            return None
        if isinstance(v, bool):
            v = int(v)  # True == 1 in a Python dict, as in Frictionless's memory
        if isinstance(v, float) and v == v and abs(v) != float("inf"):
            v = Decimal(repr(v))  # the number Frictionless keeps for a float cell
        if isinstance(v, Decimal) and v.is_finite():
            v = int(v) if v == v.to_integral_value() else v
        if isinstance(v, int):
            return f"int:{v}"
        if isinstance(v, Decimal):
            return f"decimal:{v.normalize()}"
        return f"{type(v).__name__}:{v!r}"

    return pd.Series([text(v) for v in values.tolist()], dtype=object)


def _has_surrogate(text: str) -> bool:
    """A lone surrogate cannot go to DuckDB as UTF-8 (repr'd texts can)."""
    return not text.isascii() and any("\ud800" <= ch <= "\udfff" for ch in text)


_ERROR_CLASSES = {
    "type": errors.TypeError,
    "constraint": errors.ConstraintError,
    "unique": errors.UniqueError,
    "primary-key": errors.PrimaryKeyError,
    "blank-row": errors.BlankRowError,
}


def _problem(finding: _Finding, frame: pd.DataFrame, fl_schema: Schema) -> Problem:
    """The Problem Frictionless would report, its message built by Frictionless's class."""
    row_number = finding.row + 2  # Frictionless counts the header as row 1
    raw = [frame.iloc[finding.row][f.name] for f in fl_schema.fields]
    cells = [
        "" if v is None or v is pd.NA or (isinstance(v, float) and v != v) else str(v) for v in raw
    ]
    cls = _ERROR_CLASSES[finding.kind]
    if finding.kind in ("primary-key", "blank-row"):
        error = cls(note=finding.note, cells=cells, row_number=row_number)
    else:
        fld = fl_schema.fields[finding.field_number - 1]
        source = raw[finding.field_number - 1]
        if source is pd.NA or (isinstance(source, float) and source != source):
            source = None
        error = cls(
            note=finding.note,
            cells=cells,
            row_number=row_number,
            cell=str(source),
            field_name=fld.name,
            field_number=finding.field_number,
        )
    return Problem(
        row=row_number - 1,
        field=getattr(error, "field_name", None),
        kind=error.type,
        message=error.message,
    )
