"""Changes the benchmark measures before they are wired into the pipeline's own files.

`extraction_assets()` is proposed to replace, in `pipeline/assets/core.py`, the asset
`core_extractions` and the per-table assets `core_<fact table>` built from its output:
one multi-asset extracts once (only the documents the cache does not hold, on the
executor `PIPELINE_EXECUTOR` names) and yields every fact table's frame directly. With
one asset per table reading one `core_extractions` output, every table step unpickled
the rows of *all* tables from the IO manager: at 1,000 documents each of the eight
steps spent 1.6-2.4 s doing so. `core_extractions` stays, as the run's summary: how
many documents were new, changed, unchanged or removed, shown in the UI.

`bulk_validation` is the proposed replacement of Frictionless in
`pipeline/assets/checks.py` (see pipeline.bulk_validation).

Once the pipeline carries a change, `pending()` stops listing it and the benchmark
measures the pipeline as it is. No `from __future__ import annotations` here: Dagster
reads the `context` annotation at definition time and refuses it as a string.
"""

import inspect
from collections.abc import Iterator
from typing import Any

import dagster as dg
from dagster import AssetExecutionContext

from pipeline.assets.metadata import table_metadata
from pipeline.cache import ExtractionCache
from pipeline.executors import executor_from_env
from pipeline.extract.registry import extractor_version
from pipeline.incremental import extract_with_cache
from pipeline.ingest import IngestResult
from pipeline.schemas import get_schema
from pipeline.settings import PipelineSettings
from pipeline.tables import fact_tables


def extraction_assets() -> dg.AssetsDefinition:
    tables = fact_tables()
    outs = {
        "core_extractions": dg.AssetOut(
            group_name="core",
            kinds={"python"},
            description="What the last extraction run did: how many documents were new, "
            "changed, unchanged (served from the extraction cache in "
            "outputs/cache/extractions/, not extracted again) and removed, and where the "
            "rest ran (PIPELINE_EXECUTOR: inprocess on both cores, or dask).",
        ),
        **{
            f"core_{t}": dg.AssetOut(
                group_name="core",
                kinds={"python"},
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
            frame = run.frames[table]
            yield dg.Output(
                frame,
                output_name=f"core_{table}",
                metadata=table_metadata(get_schema(table), frame),
            )

    return core_extract


def pending() -> dict[str, bool]:
    """Which proposed changes the pipeline does not carry yet."""
    import pipeline.assets.checks as checks
    import pipeline.assets.core as core

    return {
        "cache": "extract_with_cache" not in inspect.getsource(core),
        "bulk_validation": "bulk_validation" not in inspect.getsource(checks),
    }
