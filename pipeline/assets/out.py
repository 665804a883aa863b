"""out_ stage: what users download and query.

Publishing comes first and the DuckDB file follows it, so the database always
describes a complete release; both are swapped into place atomically.
"""

import json

import dagster as dg
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
from dagster import AssetExecutionContext

from pipeline.assets.core import asset_name
from pipeline.io_manager import arrow_input
from pipeline.load import build_database
from pipeline.locking import writing_outputs
from pipeline.release import ReleaseRecord, list_releases, publish_release
from pipeline.schemas import get_schema, load_schemas
from pipeline.settings import PipelineSettings, build_timestamp
from pipeline.tables import derived_sql, derived_tables, published_tables


def _frames_from(inputs: dict[str, pa.Table | pd.DataFrame]) -> dict[str, pa.Table]:
    """Input names are asset names (core_x); tables are named without the stage. Another
    IO manager than the project's hands frames over: they are typed here instead."""
    tables = {}
    for name, value in inputs.items():
        table = name.removeprefix("core_")
        tables[table] = get_schema(table).as_arrow(value)
    return tables


def _sources(documents: pa.Table) -> list[dict[str, object]]:
    return documents.select(get_schema("documents").field_names).to_pylist()


def release_asset() -> dg.AssetsDefinition:
    tables = published_tables()

    @dg.asset(
        name="out_release",
        group_name="out",
        kinds={"csv", "parquet"},
        owners=["team:data-engineering"],
        description="A versioned, immutable release in outputs/releases/<version>/: every "
        "table as CSV and Parquet, datapackage.json (Data Package v2), CHANGELOG.md and "
        "changes.json; latest.json and outputs/index.html point at it. Nothing is written "
        "when nothing changed.",
        # as Arrow tables: publishing writes Arrow, and the tables wait as Arrow files
        ins={asset_name(t): arrow_input(asset_name(t)) for t in tables},
    )
    def out_release(
        context: AssetExecutionContext, settings: PipelineSettings, **inputs: pa.Table
    ) -> dg.MaterializeResult:
        frames = _frames_from(inputs)
        with writing_outputs(settings.output_path, "the release", on_wait=context.log.warning):
            outcome = publish_release(
                output_dir=settings.output_path,
                tables={t: frames[t] for t in tables},
                schemas={t: get_schema(t) for t in tables},
                sources=_sources(frames["documents"]),
                created=build_timestamp(settings.raw_path),
            )
        if outcome.is_new:
            context.log.info(f"published release {outcome.version} ({outcome.bump})")
        else:
            context.log.info(f"nothing changed: release {outcome.version} stays the latest")
        files = "\n".join(
            f"| {r.name} | {r.rows} | {r.bytes} | `{r.sha256[:12]}` | {r.csv_path} |"
            for r in outcome.resources
        )
        return dg.MaterializeResult(
            metadata={
                "version": outcome.version,
                "new_release": outcome.is_new,
                "bump": outcome.bump or "none",
                "path": dg.MetadataValue.path(str(outcome.path)),
                "changelog": dg.MetadataValue.md(outcome.changelog_summary),
                "files": dg.MetadataValue.md(
                    "| resource | rows | bytes | sha256 | csv |\n|---|---|---|---|---|\n" + files
                ),
                "catalog": dg.MetadataValue.path(str(settings.output_path / "index.html")),
            }
        )

    return out_release


def database_asset() -> dg.AssetsDefinition:
    @dg.asset(
        name="out_facts_duckdb",
        group_name="out",
        kinds={"duckdb"},
        owners=["team:data-engineering"],
        description="outputs/facts.duckdb: the latest release's tables (read from its Parquet "
        "files, so the database matches the release by construction), typed and commented "
        "from schemas/, derived resources as views over them, and a releases table. Built in "
        "a temporary file and swapped in atomically, under the run lock.",
        deps=["out_release"],
    )
    def out_facts_duckdb(
        context: AssetExecutionContext, settings: PipelineSettings
    ) -> dg.MaterializeResult:
        schemas = load_schemas()
        derived = derived_tables()
        # Under the lock, so no other run can publish between reading and loading.
        with writing_outputs(settings.output_path, "facts.duckdb", on_wait=context.log.warning):
            releases = list_releases(settings.output_path)
            latest = next(r for r in releases if r.is_latest)
            tables: dict[str, pa.Table] = {
                r.name: pq.read_table(r.parquet_path)
                for r in latest.resources
                if r.name not in derived
            }
            tables["releases"] = schemas["releases"].to_arrow(
                schemas["releases"].frame([_release_row(r) for r in releases])
            )
            counts = build_database(
                settings.database_path,
                tables,
                schemas,
                views={t: derived_sql()[t] for t in derived},
            )
        return dg.MaterializeResult(
            metadata={
                "path": dg.MetadataValue.path(str(settings.database_path)),
                "release": latest.version,
                "tables": dg.MetadataValue.md(
                    "| table | rows |\n|---|---|\n"
                    + "\n".join(f"| {t} | {n} |" for t, n in counts.items())
                ),
                "views": ", ".join(derived) or "none",
                **{f"rows/{t}": n for t, n in counts.items()},
            }
        )

    return out_facts_duckdb


def _release_row(release: ReleaseRecord) -> dict[str, object]:
    return {
        "version": release.version,
        "created": release.created,
        "bump": release.bump,
        "row_counts": json.dumps(release.row_counts, sort_keys=True),
        "sha256": json.dumps(release.sha256, sort_keys=True),
        "changelog_summary": release.changelog_summary,
        "is_latest": release.is_latest,
    }
