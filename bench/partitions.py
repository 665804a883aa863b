"""What one Dagster partition run costs, to decide documents-as-partitions vs a cache.

    python -m bench.partitions [--runs 8]

A dynamic-partitioned asset whose body does nothing is materialized one partition per
run, in process, on an in-memory instance and on one with SQLite storage on disk (as
`make run` and the UI keep it): the time per run is Dagster's floor for a partition (no
real data through the I/O manager, no run queue). A run launched from the UI or a
sensor also starts a process that loads the code location; that load is timed too.
The same work done through the extraction cache costs one small file read per document.
Prints one JSON object. (No `from __future__ import annotations`: Dagster resolves the
asset's annotations at definition time.)
"""

import argparse
import json
import statistics
import subprocess
import sys
import time
from typing import Any

import dagster as dg


def _per_run(instance: dg.DagsterInstance, runs: int) -> float:
    documents = dg.DynamicPartitionsDefinition(name="documents")

    @dg.asset(partitions_def=documents)
    def per_document(context: dg.AssetExecutionContext) -> int:
        return len(context.partition_key)

    keys = [f"doc{i:06d}" for i in range(runs + 1)]
    instance.add_dynamic_partitions("documents", keys)
    dg.materialize([per_document], partition_key=keys[0], instance=instance)  # warm-up
    seconds = []
    for key in keys[1:]:
        start = time.perf_counter()
        result = dg.materialize([per_document], partition_key=key, instance=instance)
        seconds.append(time.perf_counter() - start)
        assert result.success
    return statistics.median(seconds)


def measure(runs: int) -> dict[str, Any]:
    in_memory = _per_run(dg.DagsterInstance.ephemeral(), runs)
    # On disk (SQLite event log and run storage), as `make run` and the UI keep them.
    with dg.instance_for_test() as instance:
        on_disk = _per_run(instance, runs)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", "import pipeline.definitions"], check=True, capture_output=True
    )
    code_load = time.perf_counter() - start
    return {
        "runs": runs,
        "seconds_per_run_in_memory": in_memory,
        "seconds_per_run_sqlite": on_disk,
        "seconds_code_location_load": code_load,
        "seconds_for_10000_documents_sqlite": on_disk * 10_000,
        "seconds_for_10000_documents_launched": (on_disk + code_load) * 10_000,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=8)
    args = parser.parse_args()
    json.dump(measure(args.runs), sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
