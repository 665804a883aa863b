"""core_ stage: the tables of the data package, built from the raw documents.

One asset per table, generated from `schemas/` (see pipeline.tables), so a new schema
plus its extractor or SQL is all a new table needs.
"""

from collections.abc import Iterator
from typing import Any

import dagster as dg
import pyarrow as pa
from dagster import AssetExecutionContext

from pipeline.assets.metadata import table_metadata
from pipeline.cache import ExtractionCache
from pipeline.executors import executor_from_env
from pipeline.extract.registry import extractor_version
from pipeline.incremental import extract_with_cache
from pipeline.ingest import IngestResult
from pipeline.io_manager import arrow_input
from pipeline.schemas import get_schema, load_schemas
from pipeline.settings import PipelineSettings
from pipeline.tables import (
    derived_sql,
    derived_tables,
    fact_tables,
    run_derived_arrow,
    sql_inputs,
)

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


def extraction_assets() -> dg.AssetsDefinition:
    tables = fact_tables()
    outs = {
        "core_extractions": dg.AssetOut(
            group_name=GROUP,
            kinds={"python"},
            owners=OWNERS,
            code_version=extractor_version(),
            description="What the last extraction run did: how many documents were new, "
            "changed, unchanged (served from the extraction cache in "
            "outputs/cache/extractions/, not extracted again) and removed, and where the "
            "rest ran (PIPELINE_EXECUTOR: inprocess on both cores, or dask).",
        ),
        **{
            asset_name(t): dg.AssetOut(
                group_name=GROUP,
                kinds={"python", "pandas"},
                owners=OWNERS,
                code_version=extractor_version(),
                metadata=_definition_metadata(t),
                description=f"{get_schema(t).title}: {get_schema(t).description}",
            )
            for t in tables
        },
    }

    @dg.multi_asset(name="core_extract", outs=outs)
    def core_extract(
        context: AssetExecutionContext, raw_documents: IngestResult, settings: PipelineSettings
    ) -> Iterator[dg.Output[Any]]:
        cache = ExtractionCache.in_output_dir(settings.output_path, tables)
        with executor_from_env() as executor:
            run = extract_with_cache(raw_documents.documents, tables, cache, executor)
        counts = run.changes.counts()
        context.log.info(
            "documents: {new} new, {changed} changed, {unchanged} unchanged, {removed} removed;"
            " {extracted} extracted on {executor}".format(
                **counts, extracted=len(run.extracted), executor=run.executor
            )
        )
        yield dg.Output(
            {**counts, "extracted": run.extracted, "removed": list(run.changes.removed)},
            output_name="core_extractions",
            metadata={
                "documents": len(raw_documents.documents),
                "extractor_version": extractor_version(),
                "cache_version": cache.version,
                **run.metadata(),
                "changes": dg.MetadataValue.md(run.changes.markdown()),
            },
        )
        for table in tables:
            # an Arrow table (the snapshot's encoding) is stored by the IO manager as it
            # is; a frame Arrow would change is pickled
            value = run.tables[table]
            yield dg.Output(
                value,
                output_name=f"core_{table}",
                metadata=table_metadata(get_schema(table), value),
            )

    return core_extract


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
        # in and out as Arrow: DuckDB reads and writes Arrow, and the tables wait as Arrow
        ins={t: arrow_input(asset_name(t)) for t in inputs},
    )
    def _asset(**tables: pa.Table) -> dg.Output:
        result = run_derived_arrow(table, tables, load_schemas())
        return dg.Output(result, metadata=table_metadata(schema, result))

    return _asset


def table_assets() -> list[dg.AssetsDefinition]:
    return [core_documents, core_quarantine, extraction_assets()] + [
        _derived_asset(t) for t in derived_tables()
    ]
