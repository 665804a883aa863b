"""core_ stage: the tables of the data package, built from the raw documents.

One asset per table, generated from `schemas/` (see pipeline.tables), so a new schema
plus its extractor or SQL is all a new table needs.
"""

from typing import Any

import dagster as dg
import pandas as pd

from pipeline.assets.metadata import table_metadata
from pipeline.extract.registry import extractor_version
from pipeline.extraction import Rows, extract_document
from pipeline.ingest import IngestResult
from pipeline.schemas import get_schema, load_schemas
from pipeline.tables import derived_sql, derived_tables, fact_tables, run_derived, sql_inputs

GROUP = "core"
OWNERS = ["team:data-engineering"]


def asset_name(table: str) -> str:
    return f"core_{table}"


def _definition_metadata(table: str) -> dict[str, Any]:
    """Shown before the first run: the columns and the DuckDB table behind the asset."""
    return {
        "dagster/column_schema": get_schema(table).dagster_column_schema(),
        "dagster/table_name": f"facts.main.{table}",
    }


def _table_output(table: str, records: list[dict[str, Any]]) -> dg.Output:
    schema = get_schema(table)
    frame = schema.frame(records)
    return dg.Output(frame, metadata=table_metadata(schema, frame))


@dg.asset(
    group_name=GROUP,
    kinds={"python", "pandas"},
    owners=OWNERS,
    metadata=_definition_metadata("documents"),
    description="One row per distinct document: id, file name(s), sha256, size, character "
    "count and what is known of its origin (title, publisher, date, url, type).",
)
def core_documents(raw_documents: IngestResult) -> dg.Output:
    rows = [
        {
            "doc_id": d.doc_id,
            "file_name": d.file_name,
            "file_names": " | ".join(d.file_names),
            "sha256": d.sha256,
            "size_bytes": d.size_bytes,
            "char_count": len(d.text),
            "has_front_matter": d.has_front_matter,
            "metadata_source": d.metadata_source,
            **d.metadata,
        }
        for d in sorted(raw_documents.documents, key=lambda d: d.doc_id)
    ]
    return _table_output("documents", rows)


@dg.asset(
    group_name=GROUP,
    kinds={"python", "pandas"},
    owners=OWNERS,
    metadata=_definition_metadata("quarantine"),
    description="Raw files and manifest rows that were not processed, each with the stage "
    "and the reason. Empty when every file was read.",
)
def core_quarantine(raw_documents: IngestResult) -> dg.Output:
    rows = sorted(
        (
            {"file_name": q.file_name, "sha256": q.sha256, "stage": q.stage, "reason": q.reason}
            for q in raw_documents.quarantine
        ),
        key=lambda r: (r["file_name"], r["stage"]),
    )
    return _table_output("quarantine", rows)


@dg.asset(
    group_name=GROUP,
    kinds={"python"},
    description="Runs every fact extractor (quantities, acronyms, ...) over every document: "
    "the rows of each fact table with their document and content-derived key.",
)
def core_extractions(raw_documents: IngestResult) -> dg.Output:
    tables = fact_tables()
    merged: Rows = {t: [] for t in tables}
    for doc in sorted(raw_documents.documents, key=lambda d: d.doc_id):
        for table, rows in extract_document(doc.doc_id, doc.text, tables).items():
            merged[table].extend(rows)
    return dg.Output(
        merged,
        metadata={
            "documents": len(raw_documents.documents),
            "extractor_version": extractor_version(),
            **{f"rows/{t}": len(rows) for t, rows in merged.items()},
        },
    )


def _fact_asset(table: str) -> dg.AssetsDefinition:
    schema = get_schema(table)

    @dg.asset(
        name=asset_name(table),
        group_name=GROUP,
        kinds={"python", "pandas"},
        owners=OWNERS,
        metadata=_definition_metadata(table),
        code_version=extractor_version(),
        description=f"{schema.title}: {schema.description}",
    )
    def _asset(core_extractions: Rows) -> dg.Output:
        return _table_output(table, core_extractions[table])

    return _asset


def _derived_asset(table: str) -> dg.AssetsDefinition:
    schema = get_schema(table)
    inputs = sql_inputs(derived_sql()[table])

    @dg.asset(
        name=asset_name(table),
        group_name=GROUP,
        kinds={"python", "duckdb"},
        owners=OWNERS,
        metadata=_definition_metadata(table),
        description=f"{schema.title}: {schema.description} (computed by pipeline/sql/"
        f"{table}.sql; the DuckDB file has the same SELECT as a view)",
        ins={t: dg.AssetIn(asset_name(t)) for t in inputs},
    )
    def _asset(**frames: pd.DataFrame) -> dg.Output:
        frame = run_derived(table, frames, load_schemas())
        return dg.Output(frame, metadata=table_metadata(schema, frame))

    return _asset


def table_assets() -> list[dg.AssetsDefinition]:
    return (
        [core_documents, core_quarantine, core_extractions]
        + [_fact_asset(t) for t in fact_tables()]
        + [_derived_asset(t) for t in derived_tables()]
    )
