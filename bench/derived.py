"""How the derived tables (pipeline/sql/*.sql) grow with the corpus.

    python -m bench.derived RAW_DIR [RAW_DIR ...]

For each corpus: extract the fact tables (both cores), load them into an in-memory
DuckDB as the derived assets do, and count each derived SELECT's rows without
materializing them (`SELECT count(*) FROM (...)`), timing the query. Two corpus sizes
give each table's growth exponent: 1 is linear in the documents, 2 is one row per pair.
Prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from pathlib import Path
from typing import Any


def measure(raw_dirs: list[Path]) -> dict[str, Any]:
    import duckdb

    from pipeline.assets.core import core_documents
    from pipeline.executors import InProcessExecutor
    from pipeline.incremental import extract_with_cache
    from pipeline.ingest import ingest_raw_dir
    from pipeline.schemas import load_schemas
    from pipeline.tables import derived_sql, fact_tables, sql_inputs

    schemas = load_schemas()
    out: dict[str, Any] = {"sizes": [], "tables": {}}
    for raw_dir in raw_dirs:
        ingested = ingest_raw_dir(raw_dir, 50_000_000)
        run = extract_with_cache(ingested.documents, fact_tables(), None, InProcessExecutor())
        frames = dict(run.frames)
        frames["documents"] = core_documents(ingested).value
        n_docs = len(ingested.documents)
        out["sizes"].append(n_docs)
        for table, select in derived_sql().items():
            con = duckdb.connect(":memory:")
            try:
                for name in sql_inputs(select):
                    con.register(f"__{name}", schemas[name].to_arrow(frames[name]))
                    con.execute(f'CREATE TABLE "{name}" AS SELECT * FROM "__{name}"')
                start = time.perf_counter()
                (rows,) = con.execute(f"SELECT count(*) FROM ({select})").fetchone()  # type: ignore[misc]
                seconds = time.perf_counter() - start
            finally:
                con.close()
            out["tables"].setdefault(table, []).append(
                {"documents": n_docs, "rows": rows, "seconds": seconds}
            )
    for points in out["tables"].values():
        if len(points) >= 2 and points[0]["rows"] and points[-1]["rows"]:
            first, last = points[0], points[-1]
            growth = math.log(last["rows"] / first["rows"]) / math.log(
                last["documents"] / first["documents"]
            )
            for point in points:
                point["exponent"] = growth
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("raw_dirs", type=Path, nargs="+")
    args = parser.parse_args()
    json.dump(measure(args.raw_dirs), sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
