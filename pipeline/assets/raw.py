"""raw_ stage: read the raw directory as it is."""

import dagster as dg
from dagster import AssetExecutionContext

from pipeline.executors import warm_up
from pipeline.ingest import IngestResult, ingest_raw_dir, raw_bytes
from pipeline.settings import PipelineSettings


@dg.asset(
    group_name="raw",
    kinds={"python", "file"},
    owners=["team:data-engineering"],
    description=(
        "Every file of the raw directory (PIPELINE_RAW_DIR, default raw/), read as bytes, "
        "checksummed and decoded as strict UTF-8, with metadata from raw/manifest.csv and "
        "any YAML front matter (the manifest wins). Files that cannot be read safely are "
        "quarantined with a reason; the others go on."
    ),
)
def raw_documents(context: AssetExecutionContext, settings: PipelineSettings) -> dg.Output:
    warm_up(raw_bytes(settings.raw_path))  # the extraction pool's server, on the other core
    result: IngestResult = ingest_raw_dir(settings.raw_path, settings.max_file_bytes)
    for entry in result.quarantine:
        context.log.warning(f"quarantined {entry.file_name} ({entry.stage}): {entry.reason}")
    lines = ["| file | stage | reason |", "|---|---|---|"] + [
        f"| {q.file_name} | {q.stage} | {q.reason} |" for q in result.quarantine
    ]
    return dg.Output(
        result,
        metadata={
            "raw_dir": dg.MetadataValue.path(str(settings.raw_path)),
            "dagster/row_count": len(result.documents),
            "documents": len(result.documents),
            "quarantined": len(result.quarantine),
            "characters": sum(len(d.text) for d in result.documents),
            "quarantine": dg.MetadataValue.md("\n".join(lines) if result.quarantine else "_none_"),
        },
    )
