"""The bytes of a release's data files: one CSV and one Parquet per table.

Both files are written from the same Arrow table (typed by the schema), so they can
never disagree. Choices, all made so that the same rows always give the same bytes:

- CSV: UTF-8 without BOM, a header row, RFC 4180 (comma, CRLF line ends, fields quoted
  only when they hold a comma, a quote, CR or LF; quotes doubled). A null is an empty
  field. Integers in decimal, booleans `true`/`false`, dates ISO 8601, numbers with
  Python's shortest round-trip repr (`39840000.0`, `0.1`, `1e+21`), so parsing the text
  gives back the same float64.
- An empty string in a string field is published as null in both files: a CSV reader
  cannot tell the two apart (Frictionless and DuckDB both read an empty field as null),
  and the Parquet file must hold the same rows as the CSV.
- Parquet: integer -> int64, number -> float64 (the extracted values are binary floats
  already, and decimal would need a precision and scale fixed per field), date -> date32,
  boolean -> bool, string -> UTF-8 string; field descriptions kept as field metadata;
  zstd level 9; one row group; no pandas metadata (the Arrow table is built from arrays).
"""

from __future__ import annotations

import csv
import hashlib
import io
import math
from dataclasses import dataclass
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from pipeline.schemas import TableSchema

CSV_DIALECT: dict[str, Any] = {
    "$schema": "https://datapackage.org/profiles/2.0/tabledialect.json",
    "header": True,
    "delimiter": ",",
    "lineTerminator": "\r\n",
    "quoteChar": '"',
    "doubleQuote": True,
}
PARQUET_MEDIATYPE = "application/vnd.apache.parquet"
PARQUET_OPTIONS: dict[str, Any] = {
    "compression": "zstd",
    "compression_level": 9,
    "version": "2.6",
    "data_page_version": "1.0",
    "use_dictionary": True,
    "write_statistics": True,
    "row_group_size": 1 << 30,
}


@dataclass(frozen=True)
class EncodedTable:
    """A table's rows, typed, and the exact bytes of both of its files."""

    name: str
    table: pa.Table
    csv: bytes
    parquet: bytes

    @property
    def rows(self) -> int:
        return self.table.num_rows

    @property
    def csv_name(self) -> str:
        return f"{self.name}.csv"

    @property
    def parquet_name(self) -> str:
        return f"{self.name}.parquet"

    @property
    def csv_sha256(self) -> str:
        return sha256_hex(self.csv)

    @property
    def parquet_sha256(self) -> str:
        return sha256_hex(self.parquet)


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def typed_table(schema: TableSchema, frame: pd.DataFrame) -> pa.Table:
    """The frame as an Arrow table typed by the schema, empty strings as nulls."""
    if list(frame.columns) != schema.field_names:
        raise ValueError(
            f"{schema.name}: columns {list(frame.columns)} are not the schema's "
            f"fields {schema.field_names}"
        )
    table = schema.to_arrow(frame)
    for index, fld in enumerate(schema.fields):
        if fld.type == "string":
            column = table.column(index)
            blank = pc.equal(column, "")
            cleaned = pc.if_else(blank, pa.scalar(None, pa.string()), column)
            table = table.set_column(index, table.schema.field(index), cleaned)
    return table


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if math.isnan(value):
            return "NaN"
        if math.isinf(value):
            return "INF" if value > 0 else "-INF"
        return repr(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def csv_bytes(table: pa.Table) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(table.column_names)
    columns = [column.to_pylist() for column in table.columns]
    for row in zip(*columns, strict=True):
        writer.writerow([_csv_cell(v) for v in row])
    return buffer.getvalue().encode("utf-8")


def parquet_bytes(table: pa.Table) -> bytes:
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink, **PARQUET_OPTIONS)
    return sink.getvalue().to_pybytes()


def encode_table(schema: TableSchema, frame: pd.DataFrame) -> EncodedTable:
    table = typed_table(schema, frame)
    return EncodedTable(
        name=schema.name, table=table, csv=csv_bytes(table), parquet=parquet_bytes(table)
    )


def read_parquet_rows(path: Any) -> list[dict[str, Any]]:
    """Rows of a published Parquet file as plain Python values (for the diff)."""
    return pq.read_table(path).to_pylist()
