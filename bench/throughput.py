"""Extraction throughput on one corpus: our extractors, quantulum3, and a bare regex scan.

    python -m bench.throughput RAW_DIR [--quantulum-seconds 240]

All three read the same decoded texts in the same process, one document at a time:
- ours (all tables): `extract_document` (every registered extractor, rows keyed);
- ours (quantities): the quantity extractor alone, the like-for-like peer of quantulum3;
- quantulum3: `parser.parse(text)` per document, its default English model;
- regex scan: one compiled number pattern, `finditer` over every text, counting the
  matches -- the practical upper bound for any extractor written in Python;
- quantities' candidate pattern: the quantity extractor's own compiled pattern
  (`QUANTITY_SCAN`), `finditer` alone, no rule run -- what its first step costs.
Each is repeated until it has run for at least a second, and its best pass is kept.
quantulum3 runs once over the whole corpus, within a time budget: if the budget runs
out first its rate is computed over the documents it finished (reported).
Prints one JSON object.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import re
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

NUMBER_SCAN = re.compile(r"\d+(?:[.,]\d+)*")


def _rate(texts: list[str], run: Callable[[str], object], min_seconds: float = 1.0) -> float:
    """Best seconds for one pass over `texts`."""
    best = float("inf")
    spent = 0.0
    passes = 0
    while spent < min_seconds or passes < 2:
        start = time.perf_counter()
        for text in texts:
            run(text)
        elapsed = time.perf_counter() - start
        best = min(best, elapsed)
        spent += elapsed
        passes += 1
    return best


def _entry(name: str, seconds: float, n_docs: int, n_bytes: int, **extra: Any) -> dict[str, Any]:
    return {
        "name": name,
        "seconds": seconds,
        "documents": n_docs,
        "bytes": n_bytes,
        "mb_per_s": n_bytes / seconds / 1e6,
        "docs_per_s": n_docs / seconds,
        **extra,
    }


def _quantulum(texts: list[str], budget: float) -> dict[str, Any]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import parser

        parser.parse("warm up: 3 miles")  # loads its model once, outside the timing
        done, found, spent = 0, 0, 0.0
        for text in texts:
            start = time.perf_counter()
            found += len(parser.parse(text))
            spent += time.perf_counter() - start
            done += 1
            if spent > budget:
                break
    n_bytes = sum(len(t.encode()) for t in texts[:done])
    return _entry("quantulum3", spent, done, n_bytes, quantities=found)


def _profile(texts: list[str], run: Callable[[str], object], top: int = 12) -> list[dict[str, Any]]:
    """Where extraction spends its time: the project's functions by own time."""
    profiler = cProfile.Profile()
    profiler.enable()
    for text in texts:
        run(text)
    profiler.disable()
    stats = pstats.Stats(profiler, stream=io.StringIO())
    rows = []
    for (path, line, func), (_, calls, own, cumulative, _) in stats.stats.items():  # type: ignore[attr-defined]
        if "/pipeline/" in path:
            short = path[path.index("/pipeline/") + 1 :]
            rows.append(
                {
                    "function": f"{short}:{line}({func})",
                    "calls": calls,
                    "own": own,
                    "cum": cumulative,
                }
            )
    rows.sort(key=lambda r: r["own"], reverse=True)
    return rows[:top]


def measure(raw_dir: Path, quantulum_seconds: float, with_peer: bool = True) -> dict[str, Any]:
    from pipeline.extract.quantity_patterns import QUANTITY_SCAN
    from pipeline.extract.registry import FACT_EXTRACTORS
    from pipeline.extraction import extract_document
    from pipeline.ingest import ingest_raw_dir

    documents = sorted(ingest_raw_dir(raw_dir, 50_000_000).documents, key=lambda d: d.doc_id)
    texts = [d.text for d in documents]
    n_docs, n_bytes = len(texts), sum(len(t.encode()) for t in texts)

    def ours_all(text: str) -> object:
        return extract_document("bench", text)

    quantities = FACT_EXTRACTORS["quantities"]
    per_table = {
        table: _entry(table, _rate(texts, extractor, 0.5), n_docs, n_bytes)
        for table, extractor in FACT_EXTRACTORS.items()
    }
    results = {
        "regex": _entry(
            "regex scan",
            _rate(texts, lambda t: sum(1 for _ in NUMBER_SCAN.finditer(t))),
            n_docs,
            n_bytes,
        ),
        "quantity_scan": _entry(
            "quantities' candidate pattern alone",
            # as the extractor runs it: after a lead character, which it prepends
            _rate(texts, lambda t: sum(1 for _ in QUANTITY_SCAN.finditer("\n" + t))),
            n_docs,
            n_bytes,
        ),
        "ours_all": _entry("ours, every table", _rate(texts, ours_all), n_docs, n_bytes),
        "ours_quantities": _entry("ours, quantities", _rate(texts, quantities), n_docs, n_bytes),
        "per_table": per_table,
        "profile": _profile(texts, ours_all),
    }
    if with_peer:
        results["quantulum3"] = _quantulum(texts, quantulum_seconds)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("raw_dir", type=Path)
    parser.add_argument("--quantulum-seconds", type=float, default=240.0)
    parser.add_argument("--no-peer", action="store_true")
    args = parser.parse_args()
    json.dump(measure(args.raw_dir, args.quantulum_seconds, not args.no_peer), sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
