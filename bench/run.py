"""`make bench`: measure extraction and full builds at several corpus sizes, in one run.

    python -m bench.run [--sizes 100,1000,10000] [--big] [--quick] [--no-dask]

Writes bench/results.md and bench/results.png and prints the table. Every measurement
runs in a fresh subprocess (so one build's memory never inflates the next), from a
snapshot of pipeline/, schemas/ and bench/ taken at the start, so every build of one run
measures the same code even while the working tree changes. Corpora are generated once
into bench/corpus/<n>/ (git-ignored) and reused while the generator and seeds are the
same. Output directories are temporary; nothing is written to outputs/.

Default plan (under 10 minutes on 2 cores): throughput on 100 documents (with
quantulum3), derived-table growth, Dagster's cost per partition, then builds: the
pipeline as wired at 100 and 1,000 documents; with the proposed changes (bench.wiring)
at every size; one document added to the 10,000-document build; and the 10,000-document
build with extraction on a Dask LocalCluster.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench import report

BENCH_DIR = Path(__file__).resolve().parent
REPO_ROOT = BENCH_DIR.parent
CORPUS_ROOT = BENCH_DIR / "corpus"
PROPOSED = "cache,bulk_validation"


def _corpus_marker(n: int, seed: int) -> str:
    digest = hashlib.sha256((BENCH_DIR / "corpus.py").read_bytes())
    for path in sorted((REPO_ROOT / "raw").glob("*.txt")):
        digest.update(path.read_bytes())
    return json.dumps({"documents": n, "seed": seed, "source": digest.hexdigest()[:16]})


def ensure_corpus(n: int, seed: int) -> Path:
    from bench.corpus import write_corpus

    target = CORPUS_ROOT / str(n)
    marker = target / ".generated"
    expected = _corpus_marker(n, seed)
    if marker.is_file() and marker.read_text() == expected:
        return target
    shutil.rmtree(target, ignore_errors=True)
    start = time.perf_counter()
    write_corpus(target, n, seed=seed)
    marker.write_text(expected)
    print(f"  generated {n} documents in {time.perf_counter() - start:.1f} s", flush=True)
    return target


def snapshot(dest: Path) -> Path:
    for name in ("pipeline", "schemas"):
        shutil.copytree(REPO_ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    (dest / "bench").mkdir()
    for path in BENCH_DIR.glob("*.py"):
        shutil.copy2(path, dest / "bench" / path.name)
    shutil.copytree(REPO_ROOT / "raw", dest / "raw")  # the corpus generator's shapes
    return dest


def run_json(
    args: list[str], cwd: Path, timeout: float, env: dict[str, str] | None = None
) -> dict[str, Any]:
    """Run `python -m <args>` in `cwd`; its last stdout line is JSON."""
    start = time.perf_counter()
    try:
        done = subprocess.run(
            [sys.executable, "-m", *args],
            cwd=cwd,
            env={**os.environ, "PYTHONPATH": str(cwd), **(env or {})},
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return {"ok": False, "error": f"stopped after {timeout:.0f} s (time budget)"}
    lines = done.stdout.strip().splitlines()
    if done.returncode == 0 and lines:
        result = json.loads(lines[-1])
        result.setdefault("ok", True)
        result["process_seconds"] = time.perf_counter() - start
        return result
    tail = [line for line in done.stderr.strip().splitlines() if line.strip()][-3:]
    return {"ok": False, "exit": done.returncode, "error": " / ".join(tail)[-400:]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--big", action="store_true", help="also 100,000 documents")
    parser.add_argument("--quick", action="store_true", help="100 and 1,000 only, no peer")
    parser.add_argument("--no-dask", action="store_true")
    parser.add_argument("--seed", type=int, default=20250101)
    parser.add_argument("--limit-gib", type=float, default=6.0, help="memory guard per build")
    parser.add_argument("--stub", default="", help="derived tables left empty in builds")
    parser.add_argument("--results", type=Path, default=BENCH_DIR / "results.md")
    parser.add_argument(
        "--budget-seconds",
        type=float,
        default=540,
        help="skip the last builds (with a note) when they would end past this",
    )
    args = parser.parse_args()

    sizes = [int(s) for s in args.sizes.split(",")]
    if args.quick:
        sizes = [s for s in sizes if s <= 1000]
    if args.big:
        sizes.append(100_000)
    started = time.perf_counter()
    context: dict[str, Any] = {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cores": os.cpu_count(),
        "load_before": os.getloadavg(),
        "python": sys.version.split()[0],
        "sizes": sizes,
        "stub": [s for s in args.stub.split(",") if s],
    }
    print("corpora", flush=True)
    corpora = {n: ensure_corpus(n, args.seed) for n in sorted({*sizes, 300})}
    context["corpus_bytes"] = {
        n: sum(p.stat().st_size for p in corpora[n].glob("*.txt")) for n in corpora
    }
    results: dict[str, Any] = {"context": context, "builds": []}
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp_name:
        tmp = Path(tmp_name)
        code = snapshot(tmp / "code")
        smallest = corpora[min(sizes)]
        print(f"throughput on {smallest.name} documents", flush=True)
        results["throughput"] = run_json(
            ["bench.throughput", str(smallest), *(["--no-peer"] if args.quick else [])],
            code,
            timeout=420,
        )
        print("derived tables' growth (100 and 300 documents)", flush=True)
        results["derived"] = run_json(
            ["bench.derived", str(corpora[100]), str(corpora[300])], code, timeout=240
        )
        print("Dagster's cost per partition run", flush=True)
        results["partitions"] = run_json(["bench.partitions"], code, timeout=120)

        def build(
            label: str, n: int, raw: Path, out: Path, apply: str, estimate: float = 0, **env: str
        ) -> None:
            print(f"build: {label}, {n} documents", flush=True)
            if time.perf_counter() - started + estimate > args.budget_seconds:
                results["builds"].append(
                    {"ok": False, "label": label, "size": n, "bytes": None,
                     "error": f"skipped: would end past the {args.budget_seconds:.0f} s budget"}
                )  # fmt: skip
                print("  skipped (time budget)", flush=True)
                return
            cmd = ["bench.build", str(raw), str(out), "--limit-gib", str(args.limit_gib)]
            if apply:
                cmd += ["--apply", apply]
            if context["stub"]:
                cmd += ["--stub", ",".join(context["stub"])]
            result = run_json(cmd, code, timeout=600, env=env)
            result.update({"label": label, "size": n, "bytes": context["corpus_bytes"].get(n)})
            results["builds"].append(result)
            print(f"  {report.one_line(result)}", flush=True)

        from bench.wiring import pending

        if any(pending().values()):  # otherwise "as wired" is the same build as "proposed"
            for n in [s for s in sizes if s <= 1000]:
                build("as wired", n, corpora[n], tmp / f"wired{n}", "")
        for n in sizes:
            build("proposed", n, corpora[n], tmp / f"proposed{n}", PROPOSED)
        largest = max(sizes)
        grown = tmp / f"raw{largest + 1}"
        shutil.copytree(corpora[largest], grown, copy_function=os.link)
        from bench.corpus import add_document

        add_document(grown, largest, seed=args.seed)
        context["corpus_bytes"][largest + 1] = sum(p.stat().st_size for p in grown.glob("*.txt"))
        full = report.find_build(results, "proposed", largest)
        full_seconds = full["wall_seconds"] if full else 0.0
        build(
            "incremental +1", largest + 1, grown, tmp / f"proposed{largest}", PROPOSED,
            estimate=0.4 * full_seconds,
        )  # fmt: skip
        if not args.no_dask and not args.quick:
            build(
                "proposed, dask",
                largest,
                corpora[largest],
                tmp / f"dask{largest}",
                PROPOSED,
                estimate=1.1 * full_seconds,
                PIPELINE_EXECUTOR="dask",
            )
    context["load_after"] = os.getloadavg()
    context["bench_seconds"] = time.perf_counter() - started
    markdown = report.markdown(results)
    args.results.write_text(markdown)
    report.chart(results, args.results.with_suffix(".png"))
    (args.results.with_suffix(".json")).write_text(json.dumps(results, indent=1, default=str))
    print(markdown)


if __name__ == "__main__":
    main()
