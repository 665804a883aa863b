"""The one metadata package: everything typed about a table derives from `schemas/`.

DuckDB DDL, Parquet (Arrow) types, Dagster column schemas, the pandas frame a table
travels in, and the constraints the validation checks enforce are all computed here
from the Frictionless Table Schemas, so a column is described in exactly one place.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import dagster as dg
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas"

_DUCKDB_TYPES = {
    "string": "VARCHAR",
    "integer": "BIGINT",
    "number": "DOUBLE",
    "boolean": "BOOLEAN",
    "date": "DATE",
}
_ARROW_TYPES = {
    "string": pa.string(),
    "integer": pa.int64(),
    "number": pa.float64(),
    "boolean": pa.bool_(),
    "date": pa.date32(),
}


def quote_ident(name: str) -> str:
    """Quote a SQL identifier; identifiers only ever come from the schemas."""
    return '"' + name.replace('"', '""') + '"'


def quote_literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    description: str
    constraints: dict[str, Any]

    @property
    def required(self) -> bool:
        return bool(self.constraints.get("required"))


@dataclass(frozen=True)
class TableSchema:
    """A Frictionless Table Schema, read from `schemas/<name>.schema.json`."""

    name: str
    title: str
    description: str
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[dict[str, Any], ...]
    descriptor: dict[str, Any]

    @property
    def field_names(self) -> list[str]:
        return [f.name for f in self.fields]

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)

    def references(self) -> list[tuple[list[str], str, list[str]]]:
        """Each foreign key as (fields, referenced table, referenced fields), the field
        lists as lists whether the descriptor writes one name or several."""

        def names(value: str | list[str]) -> list[str]:
            return value if isinstance(value, list) else [value]

        return [
            (names(fk["fields"]), fk["reference"]["resource"], names(fk["reference"]["fields"]))
            for fk in self.foreign_keys
        ]

    def frictionless_descriptor(self) -> dict[str, Any]:
        """The Table Schema proper (without the resource-level keys kept beside it)."""
        keep = ("fields", "primaryKey", "foreignKeys", "missingValues")
        return {k: v for k, v in self.descriptor.items() if k in keep}

    # --- DuckDB -------------------------------------------------------------
    def duckdb_ddl(self) -> list[str]:
        cols = []
        for f in self.fields:
            col = f"{quote_ident(f.name)} {_DUCKDB_TYPES[f.type]}"
            if f.required:
                col += " NOT NULL"
            cols.append(col)
        if self.primary_key:
            cols.append(f"PRIMARY KEY ({', '.join(quote_ident(k) for k in self.primary_key)})")
        table = quote_ident(self.name)
        statements = [f"CREATE TABLE {table} (\n  " + ",\n  ".join(cols) + "\n)"]
        statements.append(f"COMMENT ON TABLE {table} IS {quote_literal(self.description)}")
        for f in self.fields:
            statements.append(
                f"COMMENT ON COLUMN {table}.{quote_ident(f.name)} IS {quote_literal(f.description)}"
            )
        return statements

    # --- Arrow / Parquet ------------------------------------------------------
    def arrow_schema(self) -> pa.Schema:
        return pa.schema(
            [
                pa.field(
                    f.name,
                    _ARROW_TYPES[f.type],
                    nullable=not f.required,
                    metadata={"description": f.description},
                )
                for f in self.fields
            ]
        )

    def to_arrow(self, frame: pd.DataFrame) -> pa.Table:
        """The frame typed by the schema: nulls for None, NA and NaN; an ISO date text in a
        date column as the date. Columns convert in Arrow where that gives the same values
        and value by value otherwise (so a wrong value fails the same way either way)."""
        arrays = []
        for f in self.fields:
            arrow_type = _ARROW_TYPES[f.type]
            array = _exact_column(frame[f.name], f.type, arrow_type)
            if array is None:
                array = pa.array(_python_values(frame[f.name], f.type), type=arrow_type)
            elif f.type == "number" and pc.any(pc.is_nan(array)).as_py():
                # a NaN that pandas holds as a value (not as NA) is null, as for any other
                # column
                array = pc.if_else(pc.is_nan(array), pa.scalar(None, arrow_type), array)
            arrays.append(array)
        return pa.Table.from_arrays(arrays, schema=self.arrow_schema())

    def as_arrow(self, value: pd.DataFrame | pa.Table) -> pa.Table:
        """A table that may come as either: an Arrow table as it is, a frame typed."""
        return value if isinstance(value, pa.Table) else self.to_arrow(value)

    def as_frame(self, value: pd.DataFrame | pa.Table) -> pd.DataFrame:
        """A table that may come as either: a frame as it is, an Arrow table converted."""
        return self.frame_from_arrow(value) if isinstance(value, pa.Table) else value

    def frame_from_arrow(
        self, table: pa.Table, columns: Sequence[str] | None = None
    ) -> pd.DataFrame:
        """What `frame(table.to_pylist())` gives, without a dict per row: a table of
        hundreds of thousands of rows converts in a fraction of the time and memory.
        With `columns`, only those columns of that frame (a key lookup needs no more)."""
        names = self.field_names
        missing = set(names) - set(table.column_names)
        extra = set(table.column_names) - set(names)
        if missing or extra:
            raise ValueError(
                f"{self.name}: columns not in schema {sorted(extra)}, missing {sorted(missing)}"
            )
        wanted = names if columns is None else list(columns)
        if set(wanted) - set(names):
            raise ValueError(f"{self.name}: no columns {sorted(set(wanted) - set(names))}")
        converted = {}
        for f in self.fields:
            if f.name not in wanted:
                continue
            column = table.column(f.name).cast(_ARROW_TYPES[f.type])
            if f.type == "string":
                values: Any = column.to_numpy(zero_copy_only=False)
            elif f.type == "date":
                values = column.to_pylist()
            else:
                values = column.to_pandas(types_mapper=_MASKED_DTYPES.get).array
            converted[f.name] = pd.Series(values, dtype=_pandas_dtype(f.type))
        return pd.DataFrame(converted, columns=wanted)

    # --- pandas ---------------------------------------------------------------
    def frame(self, records: list[dict[str, Any]]) -> pd.DataFrame:
        """Records -> a frame with exactly the schema's columns, in order, typed.

        Missing keys become nulls; unexpected keys are an error, because a column
        that is not in the schema would be silently dropped from every output.
        """
        names = self.field_names
        for rec in records[:1]:
            extra = set(rec) - set(names)
            if extra:
                raise ValueError(f"{self.name}: fields not in schema: {sorted(extra)}")
        columns = {n: [rec.get(n) for rec in records] for n in names}
        return pd.DataFrame(
            {f.name: pd.Series(columns[f.name], dtype=_pandas_dtype(f.type)) for f in self.fields},
            columns=names,
        )

    # --- Dagster --------------------------------------------------------------
    def dagster_column_schema(self) -> dg.TableSchema:
        return dg.TableSchema(
            columns=[
                dg.TableColumn(
                    name=f.name,
                    type=f.type,
                    description=f.description,
                    constraints=dg.TableColumnConstraints(
                        nullable=not f.required,
                        unique=bool(f.constraints.get("unique")) or self.primary_key == (f.name,),
                    ),
                )
                for f in self.fields
            ]
        )


def _pandas_dtype(frictionless_type: str) -> Any:
    return {
        "string": "object",
        "integer": "Int64",
        "number": "Float64",
        "boolean": "boolean",
        "date": "object",
    }[frictionless_type]


# pandas dtypes whose Arrow conversion keeps exactly the values `_python_values` gives.
_MASKED = {"integer": "Int64", "number": "Float64", "boolean": "boolean"}
_MASKED_DTYPES = {
    pa.int64(): pd.Int64Dtype(),
    pa.float64(): pd.Float64Dtype(),
    pa.bool_(): pd.BooleanDtype(),
}


def _exact_column(series: pd.Series, kind: str, arrow_type: pa.DataType) -> Any:
    """The column as Arrow without a Python loop, or None where that could differ from
    the value-by-value conversion (which then converts this column). A NaN pandas holds
    as a number stays a NaN here; callers decide what it becomes."""
    if _MASKED.get(kind) == str(series.dtype):
        return pa.array(series.array, type=arrow_type)
    if kind in ("string", "date") and series.dtype == object:
        # from_pandas=False: only None is null, so NaN, pd.NA or an ISO date text (which
        # the value-by-value path maps first) raise, and that path decides.
        try:
            return pa.array(series.to_numpy(), type=arrow_type, from_pandas=False)
        except (pa.ArrowException, TypeError, ValueError, OverflowError):
            return None
    return None


def _python_values(series: pd.Series, frictionless_type: str) -> list[Any]:
    """Plain Python values with None for nulls (pandas NA/NaN never leak out)."""
    out: list[Any] = []
    for v in series.tolist():
        if v is None or v is pd.NA or (isinstance(v, float) and v != v):
            out.append(None)
        elif frictionless_type == "date" and isinstance(v, str):
            try:
                out.append(dt.date.fromisoformat(v))
            except ValueError:
                out.append(v)  # left as printed, so validation reports it as a type error
        else:
            out.append(v)
    return out


def lossless_arrow(schema: TableSchema, frame: pd.DataFrame) -> pa.Table | None:
    """The frame as Arrow when `frame_from_arrow` gives exactly this frame back, else None:
    the schema's columns in order with its pandas dtypes, strings that are str or None,
    dates that are dates (not datetimes, not texts), and no NaN held as a number."""
    if list(frame.columns) != schema.field_names:
        return None
    arrays = []
    for field in schema.fields:
        series = frame[field.name]
        if str(series.dtype) != _pandas_dtype(field.type):
            return None
        if field.type == "date" and not all(
            v is None or type(v) is dt.date for v in series.tolist()
        ):
            return None
        array = _exact_column(series, field.type, _ARROW_TYPES[field.type])
        if array is None or (field.type == "number" and pc.any(pc.is_nan(array)).as_py()):
            return None
        arrays.append(array)
    return pa.Table.from_arrays(arrays, schema=schema.arrow_schema())


def python_rows(schema: TableSchema, frame: pd.DataFrame) -> list[tuple[Any, ...]]:
    """Rows of `frame` as tuples of plain Python values in schema column order."""
    columns = [_python_values(frame[f.name], f.type) for f in schema.fields]
    return list(zip(*columns, strict=True)) if columns else []


def _load(path: Path) -> TableSchema:
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    fields = tuple(
        Field(
            name=f["name"],
            type=f["type"],
            description=f["description"],
            constraints=f.get("constraints", {}),
        )
        for f in descriptor["fields"]
    )
    for f in fields:
        if f.type not in _DUCKDB_TYPES:
            raise ValueError(f"{path.name}: field {f.name} has unsupported type {f.type}")
        if not f.description:
            raise ValueError(f"{path.name}: field {f.name} has no description")
    return TableSchema(
        name=descriptor["name"],
        title=descriptor.get("title", descriptor["name"]),
        description=descriptor["description"],
        fields=fields,
        primary_key=tuple(descriptor.get("primaryKey", [])),
        foreign_keys=tuple(descriptor.get("foreignKeys", [])),
        descriptor=descriptor,
    )


@cache
def load_schemas(schema_dir: Path = SCHEMA_DIR) -> dict[str, TableSchema]:
    """Every schema in `schema_dir`, keyed by table name, in a stable order."""
    schemas = [_load(p) for p in sorted(schema_dir.glob("*.schema.json"))]
    return {s.name: s for s in schemas}


def get_schema(name: str) -> TableSchema:
    return load_schemas()[name]
