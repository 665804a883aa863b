"""One full build of a corpus through the real Dagster path, measured by stage.

    python -m bench.build RAW_DIR OUTPUT_DIR [--apply cache,bulk_validation] [--stub claims]

Runs every asset and check of the project's job the way `make run` does
(`dagster asset materialize` calls `execute_job` on a reconstructable job, in this
process with the project's in-process executor), then reads each step's start and end
from the run's event log, so a stage's time is the sum of its steps' and Dagster's own
cost is the wall time left over. Memory is sampled over the whole process tree (see
bench.measure) and each sample is charged to the step running at that moment.

Not `dagster.materialize`: that is `execute_in_process`, which keeps every step's output
in memory until the run ends so that tests can read them back (`output_for_node`); at
10,000 documents that is every table and every text, held for the whole run, which a
`make run` never holds.

`--apply` swaps in a proposed change the pipeline does not carry yet (bench.wiring);
`--stub T` replaces derived table T by an empty one of the same schema, to measure the
rest of the build when T alone does not scale. Prints one JSON object on stdout.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

STAGES = ("ingest", "extract", "derive", "validate", "publish", "load")
RAW_DIR_ENV, OUTPUT_DIR_ENV = "PIPELINE_RAW_DIR", "PIPELINE_OUTPUT_DIR"  # PipelineSettings
STUB_ENV = "BENCH_STUB"  # comma-separated derived tables, read by build_job in this process


def build_job() -> Any:
    """The project's job over every asset and check, with any stubs of `BENCH_STUB`
    swapped in; module-level so that `dagster.reconstructable` can name it."""
    import dagster as dg

    from pipeline.definitions import all_assets, all_checks
    from pipeline.io_manager import TableFrameIOManager
    from pipeline.settings import PipelineSettings

    stub = [t for t in os.environ.get(STUB_ENV, "").split(",") if t]

    def stubbed(asset: Any) -> Any:
        for table in stub:
            if {k.to_user_string() for k in asset.keys} == {f"core_{table}"}:
                return _stub_asset(table)
        return asset

    assets = [stubbed(a) for a in all_assets]
    definitions = dg.Definitions(
        assets=assets,
        asset_checks=all_checks,
        jobs=[dg.define_asset_job("bench_build", selection=dg.AssetSelection.all())],
        # this build's folders, and the project's IO manager
        resources={"settings": PipelineSettings.from_env(), "io_manager": TableFrameIOManager()},
        executor=dg.in_process_executor,
    )
    return definitions.resolve_job_def("bench_build")


def _stage_of(step_key: str, fact: set[str], derived: set[str]) -> str:
    if step_key in ("raw_documents", "core_documents", "core_quarantine"):
        return "ingest"
    if step_key in ("core_extractions", "core_extract") or step_key.removeprefix("core_") in fact:
        return "extract"
    if step_key.removeprefix("core_") in derived:
        return "derive"
    if step_key == "out_release":
        return "publish"
    if step_key == "out_facts_duckdb":
        return "load"
    if step_key.endswith(("matches_schema", "match_schemas", "grounded")):
        return "validate"
    return "other"


def _stub_asset(table: str) -> Any:
    import dagster as dg

    from pipeline.schemas import get_schema

    @dg.asset(name=f"core_{table}", group_name="core", description=f"(benchmark stub) {table}")
    def _stub() -> Any:
        return get_schema(table).frame([])

    return _stub


def build(
    raw_dir: Path, output_dir: Path, apply: list[str], stub: list[str], limit_gib: float
) -> dict[str, Any]:
    from bench.measure import MemorySampler, own_peak_rss

    sampler = MemorySampler(limit_bytes=int(limit_gib * 2**30)).start()
    started = time.perf_counter()
    import dagster as dg

    import pipeline.definitions  # noqa: F401  (imported here so import_seconds counts it)
    from bench import wiring
    from pipeline.tables import derived_tables, fact_tables

    import_seconds = time.perf_counter() - started
    pending = wiring.pending()
    applied: list[str] = []
    # Both proposals (the extraction cache, bulk validation) are wired into the pipeline
    # now; a proposal still pending would be swapped in here.
    unknown = [p for p in apply if pending.get(p)]
    if unknown:
        raise SystemExit(f"proposed changes with no implementation to swap in: {unknown}")
    os.environ.update(
        {
            RAW_DIR_ENV: str(raw_dir.resolve()),
            OUTPUT_DIR_ENV: str(output_dir.resolve()),
            STUB_ENV: ",".join(stub),
        }
    )
    instance = dg.DagsterInstance.ephemeral()
    wall_start = time.time()
    result = dg.execute_job(dg.reconstructable(build_job), instance=instance, raise_on_error=False)
    wall = time.time() - wall_start
    sampler.stop()

    fact, derived = set(fact_tables()), set(derived_tables())
    starts: dict[str, float] = {}
    steps: list[tuple[str, float, float]] = []
    failures = []
    for entry in instance.all_logs(result.run_id):
        event = entry.dagster_event
        if event is None or event.step_key is None:
            continue
        if event.event_type_value == "STEP_START":
            starts[event.step_key] = entry.timestamp
        elif event.event_type_value in ("STEP_SUCCESS", "STEP_FAILURE"):
            steps.append((event.step_key, starts[event.step_key], entry.timestamp))
            if event.event_type_value == "STEP_FAILURE":
                failures.append(event.step_key)
    seconds = dict.fromkeys(STAGES, 0.0)
    peaks = dict.fromkeys(STAGES, 0)
    for key, begin, end in steps:
        stage = _stage_of(key, fact, derived)
        seconds[stage] = seconds.get(stage, 0.0) + end - begin
        inside = [rss for t, rss in sampler.timeline if begin <= t <= end]
        peaks[stage] = max(peaks.get(stage, 0), *inside, 0)

    extraction: dict[str, Any] = {}
    for node in ("core_extract", "core_extractions"):  # wired as a multi-asset, or not yet
        try:
            materializations = result.asset_materializations_for_node(node)
        except Exception:  # Dagster raises its own error types for an unknown node
            continue
        for materialization in materializations:
            if materialization.asset_key.to_user_string() == "core_extractions":
                extraction = {
                    k: v.value
                    for k, v in materialization.metadata.items()
                    if k.startswith(("documents", "executor", "rows/"))
                }
    return {
        "ok": result.success,
        "failed_steps": failures,
        "documents": extraction.get("documents"),
        "wall_seconds": wall,
        "import_seconds": import_seconds,
        "stage_seconds": seconds,
        "dagster_overhead_seconds": wall - sum(end - begin for _, begin, end in steps),
        "peak_rss_bytes": sampler.peak,
        "stage_peak_rss_bytes": peaks,
        "main_process_peak_rss_bytes": own_peak_rss(),
        "extraction": extraction,
        "slowest_steps": [
            {"step": key, "stage": _stage_of(key, fact, derived), "seconds": end - begin}
            for key, begin, end in sorted(steps, key=lambda s: s[1] - s[2])[:12]
        ],
        "applied": applied,
        "stubbed": stub,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("raw_dir", type=Path)
    parser.add_argument("output_dir", type=Path)
    parser.add_argument("--apply", default="", help="comma-separated: cache,bulk_validation")
    parser.add_argument("--stub", default="", help="comma-separated derived tables")
    parser.add_argument("--limit-gib", type=float, default=6.0)
    args = parser.parse_args()
    report = build(
        args.raw_dir,
        args.output_dir,
        [a for a in args.apply.split(",") if a],
        [s for s in args.stub.split(",") if s],
        args.limit_gib,
    )
    json.dump(report, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
