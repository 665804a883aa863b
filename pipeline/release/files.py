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
  zstd level 3 (level 9 took three times as long at 10,000 documents for files 5 %
  smaller); one row group; no pandas metadata (the Arrow table is built from arrays).

At scale the CSV is what costs: it is formatted column by column in Arrow
(`csv_text`), hashed as it is produced, and produced again, chunk by chunk, straight
into the file when a release is written, so no table's CSV is ever held whole.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from pipeline.release.csv_text import csv_chunks
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
    "compression_level": 3,
    "version": "2.6",
    "data_page_version": "1.0",
    "use_dictionary": True,
    "write_statistics": True,
    "row_group_size": 1 << 30,
}


@dataclass(frozen=True)
class EncodedTable:
    """A table's rows, typed, with the size and hash of both files.

    The CSV is not kept (it is the largest thing a release holds, and is streamed to
    disk when written); the Parquet file is compressed, so its bytes are.
    """

    name: str
    table: pa.Table
    csv_size: int
    csv_sha256: str
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
    def parquet_sha256(self) -> str:
        return sha256_hex(self.parquet)


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def typed_table(schema: TableSchema, frame: pd.DataFrame | pa.Table) -> pa.Table:
    """The frame (or an Arrow table of the schema's types) as an Arrow table typed by the
    schema, empty strings as nulls."""
    columns = frame.column_names if isinstance(frame, pa.Table) else list(frame.columns)
    if list(columns) != schema.field_names:
        raise ValueError(
            f"{schema.name}: columns {list(columns)} are not the schema's "
            f"fields {schema.field_names}"
        )
    if isinstance(frame, pa.Table):
        if not frame.schema.equals(schema.arrow_schema()):
            raise ValueError(f"{schema.name}: the Arrow table is not typed by the schema")
        table = frame
    else:
        table = schema.to_arrow(frame)
    for index, fld in enumerate(schema.fields):
        if fld.type == "string":
            column = table.column(index)
            blank = pc.equal(column, "")
            if not pc.any(blank).as_py():
                continue
            cleaned = pc.if_else(blank, pa.scalar(None, pa.string()), column)
            table = table.set_column(index, table.schema.field(index), cleaned)
    return table


def csv_bytes(table: pa.Table) -> bytes:
    return b"".join(csv_chunks(table))


def csv_digest(table: pa.Table) -> tuple[int, str]:
    """Size and sha256 of the table's CSV file, without holding the file."""
    digest = hashlib.sha256()
    size = 0
    for chunk in csv_chunks(table):
        digest.update(chunk)
        size += len(chunk)
    return size, digest.hexdigest()


def parquet_bytes(table: pa.Table) -> bytes:
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink, **PARQUET_OPTIONS)
    return sink.getvalue().to_pybytes()


def encode_tables(
    typed: Mapping[str, pa.Table],
    folder: Path | None = None,
    on_written: Callable[[str], None] | None = None,
) -> list[EncodedTable]:
    """Every table's CSV hashed and Parquet encoded, sorted by name.

    With `folder`, both files are also written there as they are produced (in name
    order, CSV then Parquet), and `on_written(file name)` is called after each. The
    Parquet files are encoded on a second thread meanwhile (Arrow and zstd release the
    GIL); the writes themselves stay in one order, so a crash can be replayed.
    """
    names = sorted(typed)
    pool = ThreadPoolExecutor(max_workers=1)
    try:
        parquets = {n: pool.submit(parquet_bytes, typed[n]) for n in names}
        encoded = []
        for name in names:
            table = typed[name]
            csv_name, parquet_name = f"{name}.csv", f"{name}.parquet"
            if folder is None:
                size, sha256 = csv_digest(table)
            else:
                size, sha256 = write_chunks(folder / csv_name, csv_chunks(table))
                if on_written:
                    on_written(csv_name)
            parquet = parquets[name].result()
            if folder is not None:
                write_chunks(folder / parquet_name, [parquet])
                if on_written:
                    on_written(parquet_name)
            encoded.append(EncodedTable(name, table, size, sha256, parquet))
        return encoded
    finally:
        pool.shutdown(cancel_futures=True)


def write_chunks(path: Path, chunks: Iterable[bytes | memoryview]) -> tuple[int, str]:
    """Write `chunks` to a new file, flushed to disk; -> its size and sha256."""
    digest = hashlib.sha256()
    size = 0
    with open(path, "wb") as handle:
        for chunk in chunks:
            handle.write(chunk)
            digest.update(chunk)
            size += len(chunk)
        handle.flush()
        os.fsync(handle.fileno())
    return size, digest.hexdigest()


def write_csv(path: Path, encoded: EncodedTable) -> None:
    """Write the table's CSV file, checking it is the file that was hashed before."""
    size, sha256 = write_chunks(path, csv_chunks(encoded.table))
    if (size, sha256) != (encoded.csv_size, encoded.csv_sha256):
        raise RuntimeError(f"{encoded.csv_name}: the CSV written differs from the one hashed")


def read_parquet_table(path: Any, columns: list[str] | None = None) -> pa.Table:
    """Columns of a published Parquet file, as written (for the diff)."""
    # One row group read at once: pre-buffering it through the I/O threads made the
    # read of a 10,000-document release 2.5 times slower.
    return pq.read_table(path, columns=columns, pre_buffer=False)
