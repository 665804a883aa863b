"""Loading the validated tables into the DuckDB file users query.

The database is built whole in a temporary file beside the target, in one
transaction, and moved over the old file with one atomic rename: a reader (or a
crash) sees the old database or the new one, never a half-loaded one. DuckDB allows a
single writer process, and this module is that writer.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa

from pipeline.schemas import TableSchema, quote_ident


def build_database(
    db_path: Path,
    tables: Mapping[str, pd.DataFrame | pa.Table],
    schemas: Mapping[str, TableSchema],
    views: Mapping[str, str] | None = None,
    extra_statements: list[str] | None = None,
) -> dict[str, int]:
    """Write `tables` (and `views`, name -> SELECT) to `db_path`; returns row counts.

    A table is a frame typed by its schema or an Arrow table already in the schema's
    Arrow types (as read back from a release's Parquet file).
    """
    db_path.parent.mkdir(parents=True, exist_ok=True)
    tmp_path = db_path.with_name(f".{db_path.name}.{os.getpid()}.tmp")
    # Callers hold the run lock (pipeline.locking), so any other temporary database
    # here is what a killed run left behind: remove it, whatever pid it was named for.
    for stale in db_path.parent.glob(f".{db_path.name}.*.tmp*"):
        stale.unlink(missing_ok=True)
    counts: dict[str, int] = {}
    try:
        con = duckdb.connect(str(tmp_path))
        try:
            con.execute("BEGIN TRANSACTION")
            for name, frame in tables.items():
                schema = schemas[name]
                for statement in schema.duckdb_ddl():
                    con.execute(statement)
                arrow = frame if isinstance(frame, pa.Table) else schema.to_arrow(frame)
                if arrow.schema.names != schema.field_names:
                    raise ValueError(f"{name}: columns {arrow.schema.names} differ from schema")
                con.register("staging", arrow)
                columns = ", ".join(quote_ident(f) for f in schema.field_names)
                con.execute(
                    f"INSERT INTO {quote_ident(name)} ({columns}) SELECT {columns} FROM staging"
                )
                con.unregister("staging")
                counts[name] = arrow.num_rows
            for name, select in (views or {}).items():
                con.execute(f"CREATE VIEW {quote_ident(name)} AS {select}")
            for statement in extra_statements or []:
                con.execute(statement)
            con.execute("COMMIT")
            con.execute("CHECKPOINT")
        finally:
            con.close()
        os.replace(tmp_path, db_path)
    finally:
        tmp_path.unlink(missing_ok=True)
        tmp_path.with_name(tmp_path.name + ".wal").unlink(missing_ok=True)
    return counts
