"""What produces each table, decided once from `schemas/`.

Every schema file is a table; each must have exactly one producer:
- a fact extractor in `pipeline.extract.registry` (rows grounded in a document),
- a SELECT in `pipeline/sql/<name>.sql` over other tables (a derived resource, also
  created as a DuckDB view from the same SQL),
- or one of the tables the pipeline builds itself (documents, quarantine, releases).
A schema with no producer, or an extractor with no schema, is an error at load time.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Mapping
from functools import cache
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa

from pipeline.extract.registry import FACT_EXTRACTORS
from pipeline.schemas import TableSchema, load_schemas

SQL_DIR = Path(__file__).resolve().parent / "sql"
DERIVED_MEMORY_LIMIT = "400MB"
BUILT_IN = ("documents", "quarantine")
# Describes the releases themselves, so it lives in DuckDB but in no release.
CATALOG_TABLES = ("releases",)


@cache
def derived_sql() -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(SQL_DIR.glob("*.sql"))}


def fact_tables() -> list[str]:
    return [name for name in load_schemas() if name in FACT_EXTRACTORS]


def derived_tables() -> list[str]:
    return [name for name in load_schemas() if name in derived_sql()]


def published_tables() -> list[str]:
    """Tables that go into a release, in schema order."""
    return [name for name in load_schemas() if name not in CATALOG_TABLES]


def check_producers() -> None:
    schemas = load_schemas()
    producers = set(FACT_EXTRACTORS) | set(derived_sql()) | set(BUILT_IN) | set(CATALOG_TABLES)
    orphans = sorted(set(schemas) - producers)
    if orphans:
        raise ValueError(f"schemas with no producer: {orphans}")
    missing = sorted((set(FACT_EXTRACTORS) | set(derived_sql())) - set(schemas))
    if missing:
        raise ValueError(f"producers with no schema in schemas/: {missing}")


def key_field(schema: TableSchema) -> str:
    if len(schema.primary_key) != 1:
        raise ValueError(f"{schema.name}: a fact table needs a single-field primary key")
    return schema.primary_key[0]


def sql_inputs(select: str) -> list[str]:
    """Table names a derived SELECT reads (the published tables it mentions)."""
    words = set(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", select))
    return [t for t in load_schemas() if t in words and t not in derived_sql()]


def run_derived(
    name: str,
    tables: Mapping[str, pd.DataFrame | pa.Table],
    schemas: Mapping[str, TableSchema],
) -> pd.DataFrame:
    """Evaluate a derived table's SELECT over its inputs, as a frame typed by its schema."""
    return schemas[name].frame_from_arrow(run_derived_arrow(name, tables, schemas))


def run_derived_arrow(
    name: str,
    tables: Mapping[str, pd.DataFrame | pa.Table],
    schemas: Mapping[str, TableSchema],
) -> pa.Table:
    """Evaluate a derived table's SELECT over its inputs (frames, or Arrow tables of the
    schemas' types), as an Arrow table of exactly its schema's types."""
    select = derived_sql()[name]
    # A bounded memory budget (DuckDB's default is 80 % of the machine) with somewhere to
    # spill: the claims SELECT at 10,000 documents otherwise takes 1 GB for a few seconds.
    spill = tempfile.TemporaryDirectory(prefix="derived-")
    con = duckdb.connect(
        ":memory:",
        config={
            "memory_limit": DERIVED_MEMORY_LIMIT,
            "temp_directory": spill.name,
            "preserve_insertion_order": False,  # every derived SELECT ends in ORDER BY
        },
    )
    try:
        for table in sql_inputs(select):
            # scanned in place: a copy into DuckDB's own storage doubled the inputs' memory
            con.register(table, schemas[table].as_arrow(tables[table]))
        result = con.sql(select).to_arrow_table()
    finally:
        con.close()
        spill.cleanup()
    schema = schemas[name]
    if result.column_names != schema.field_names:
        raise ValueError(f"{name}: the SELECT gives {result.column_names}, not the schema's fields")
    return result.cast(schema.arrow_schema())
