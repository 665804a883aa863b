"""bench/results.md and bench/results.png from one run's measurements (bench.run)."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from bench.build import STAGES
from bench.png import Canvas, LogAxes

TARGETS = {
    "ratio": 1000.0,
    "build_seconds": 60.0,
    "peak_gib": 2.0,
    "incremental": 0.05,
    "exponent": 1.05,
}
STAGE_COLORS = {
    "ingest": (120, 120, 120),
    "extract": (31, 119, 180),
    "derive": (148, 103, 189),
    "validate": (214, 39, 40),
    "publish": (44, 160, 44),
    "load": (255, 127, 14),
    "total": (0, 0, 0),
}
GIB = 2**30


def one_line(build: dict[str, Any]) -> str:
    if not build.get("ok"):
        return f"FAILED: {build.get('error') or build.get('failed_steps')}"
    stages = ", ".join(f"{s} {build['stage_seconds'].get(s, 0):.1f}" for s in STAGES)
    return f"{build['wall_seconds']:.1f} s ({stages}), peak {build['peak_rss_bytes'] / GIB:.2f} GiB"


def find_build(results: dict[str, Any], label: str, size: int) -> dict[str, Any] | None:
    for build in results["builds"]:
        if build["label"] == label and build["size"] == size and build.get("ok"):
            return build
    return None


def summary(results: dict[str, Any]) -> dict[str, Any]:
    """The figures the targets are about, None where not measured."""
    out: dict[str, Any] = {}
    throughput = results.get("throughput") or {}
    peer = throughput.get("quantulum3")
    if throughput.get("ok") and peer:
        out["ratio_quantities"] = throughput["ours_quantities"]["mb_per_s"] / peer["mb_per_s"]
        out["ratio_all"] = throughput["ours_all"]["mb_per_s"] / peer["mb_per_s"]
    if throughput.get("ok"):
        out["regex_over_ours"] = (
            throughput["regex"]["mb_per_s"] / throughput["ours_all"]["mb_per_s"]
        )
    sizes = sorted(results["context"]["sizes"])
    largest = sizes[-1]
    full = find_build(results, "proposed", largest)
    if full:
        out["largest"] = largest
        out["build_seconds"] = full["wall_seconds"]
        out["peak_gib"] = full["peak_rss_bytes"] / GIB
        incremental = find_build(results, "incremental +1", largest + 1)
        if incremental:
            out["incremental"] = incremental["wall_seconds"] / full["wall_seconds"]
    small = find_build(results, "proposed", 1000)
    big = find_build(results, "proposed", 10000)
    if small and big:
        out["exponent"] = math.log(big["wall_seconds"] / small["wall_seconds"]) / math.log(10)
        out["stage_exponents"] = {
            s: math.log(big["stage_seconds"][s] / small["stage_seconds"][s]) / math.log(10)
            for s in STAGES
            if small["stage_seconds"].get(s, 0) > 0.05 and big["stage_seconds"].get(s, 0) > 0
        }
    return out


def _verdict(value: float | None, target: float, higher_is_better: bool = False) -> str:
    if value is None:
        return "not measured"
    good = value >= target if higher_is_better else value <= target
    return "**met**" if good else "**missed**"


def markdown(results: dict[str, Any]) -> str:
    ctx = results["context"]
    s = summary(results)
    load = ", ".join(f"{v:.1f}" for v in ctx["load_before"])
    lines = [
        "# Benchmark results",
        "",
        f"Measured {ctx['date']} by `make bench` (`python -m bench.run`) in "
        f"{ctx.get('bench_seconds', 0):.0f} s, on {ctx['cores']} cores, Python {ctx['python']}. "
        f"The machine is shared with other jobs (load average {load} before the run): "
        "times vary by ten percent or more between runs of the same code.",
        "",
        "## Targets",
        "",
        "| target | measured | verdict |",
        "|---|---|---|",
    ]

    def fmt(key: str, pattern: str) -> str:
        return pattern.format(s[key]) if s.get(key) is not None else "—"

    lines += [
        f"| extraction ≥ 1000× quantulum3 (quantity extractor, MB/s) | "
        f"{fmt('ratio_quantities', '{:.0f}×')} (every table: {fmt('ratio_all', '{:.0f}×')}) | "
        f"{_verdict(s.get('ratio_quantities'), TARGETS['ratio'], True)} |",
        f"| full build of {s.get('largest', '—')} documents ≤ 60 s | "
        f"{fmt('build_seconds', '{:.1f} s')} | "
        f"{_verdict(s.get('build_seconds'), TARGETS['build_seconds'])} |",
        f"| peak RSS ≤ 2 GiB | {fmt('peak_gib', '{:.2f} GiB')} | "
        f"{_verdict(s.get('peak_gib'), TARGETS['peak_gib'])} |",
        f"| incremental add-one ≤ 5 % of a full build | {fmt('incremental', '{:.1%}')} | "
        f"{_verdict(s.get('incremental'), TARGETS['incremental'])} |",
        f"| scaling exponent 1,000 → 10,000 ≤ 1.05 | {fmt('exponent', '{:.2f}')} | "
        f"{_verdict(s.get('exponent'), TARGETS['exponent'])} |",
        "",
    ]
    if s.get("stage_exponents"):
        lines.append(
            "Exponent by stage: "
            + ", ".join(f"{k} {v:.2f}" for k, v in s["stage_exponents"].items())
            + "."
        )
        lines.append("")
    lines += _throughput_section(results.get("throughput") or {})
    lines += _build_section(results)
    lines += _steps_section(results)
    lines += _derived_section(results.get("derived") or {})
    lines += _partition_section(results.get("partitions") or {})
    lines += _profile_section(results.get("throughput") or {})
    return "\n".join(lines) + "\n"


def _throughput_section(t: dict[str, Any]) -> list[str]:
    if not t.get("ok"):
        return ["## Extraction throughput", "", f"Not measured: {t.get('error')}", ""]
    first = t["ours_all"]
    lines = [
        "## Extraction throughput",
        "",
        f"The same {first['documents']} documents ({first['bytes'] / 1e6:.2f} MB), one "
        "process, one document at a time, best of repeated passes.",
        "",
        "| extractor | MB/s | documents/s | vs quantulum3 |",
        "|---|---|---|---|",
    ]
    peer = t.get("quantulum3")
    rows = [t["regex"], *([t["quantity_scan"]] if "quantity_scan" in t else [])]
    rows += [t["ours_all"], t["ours_quantities"]]
    rows += [{**v, "name": f"  ours, {k} only"} for k, v in t["per_table"].items()]
    if peer:
        rows.append(peer)
    for row in rows:
        ratio = f"{row['mb_per_s'] / peer['mb_per_s']:.0f}×" if peer else "—"
        lines.append(
            f"| {row['name']} | {row['mb_per_s']:.2f} | {row['docs_per_s']:.1f} | {ratio} |"
        )
    if peer and peer["documents"] < first["documents"]:
        lines.append("")
        lines.append(
            f"quantulum3 ran out of its time budget after {peer['documents']} documents; "
            "its rate is over those."
        )
    lines.append("")
    return lines


def _build_section(results: dict[str, Any]) -> list[str]:
    lines = [
        "## Full builds",
        "",
        "Real Dagster path (`dagster.execute_job` of every asset and check, in process, as "
        "`make run` runs them), "
        "each build in a fresh process; seconds per stage from the run's event log; "
        "'Dagster' is the wall time outside every step. Peak RSS is sampled every 50 ms "
        "over the process tree (workers included). 'as wired' is the pipeline as it is; "
        "'proposed' adds "
        + ", ".join(
            sorted({a for b in results["builds"] for a in b.get("applied", [])})
            or ["nothing pending"]
        )
        + " (bench/wiring.py). Derived tables left empty in these builds: "
        + (", ".join(results["context"]["stub"]) or "none")
        + " (see below).",
        "",
        "| build | documents | MB | wall s | "
        + " | ".join(STAGES)
        + " | Dagster | peak RSS GiB | documents/s |",
        "|---|---|---|---|" + "---|" * len(STAGES) + "---|---|---|",
    ]
    for b in results["builds"]:
        mb = f"{b['bytes'] / 1e6:.1f}" if b.get("bytes") else "—"
        if not b.get("ok"):
            reason = str(b.get("error") or b.get("failed_steps")).replace("|", "/")
            lines.append(
                f"| {b['label']} | {b['size']} | {mb} | failed: {reason} |"
                + " |" * (len(STAGES) + 3)
            )
            continue
        stages = " | ".join(f"{b['stage_seconds'].get(st, 0):.1f}" for st in STAGES)
        extraction = b.get("extraction") or {}
        label = b["label"]
        if extraction.get("documents_from_cache"):
            label += f" ({extraction['documents_from_cache']} from cache)"
        lines.append(
            f"| {label} | {b['size']} | {mb} | {b['wall_seconds']:.1f} | {stages} | "
            f"{b['dagster_overhead_seconds']:.1f} | {b['peak_rss_bytes'] / GIB:.2f} | "
            f"{b['size'] / b['wall_seconds']:.0f} |"
        )
    lines.append("")
    return lines


def _steps_section(results: dict[str, Any]) -> list[str]:
    sizes = sorted(results["context"]["sizes"])
    lines = []
    for label, size in (("proposed", sizes[-1]), ("incremental +1", sizes[-1] + 1)):
        build = find_build(results, label, size)
        if not build or not build.get("slowest_steps"):
            continue
        steps = ", ".join(f"`{s['step']}` {s['seconds']:.1f} s" for s in build["slowest_steps"][:8])
        lines += [f"Slowest steps, {label} at {size} documents: {steps}.", ""]
    return lines


def _derived_section(d: dict[str, Any]) -> list[str]:
    if not d.get("ok"):
        return ["## Derived tables", "", f"Not measured: {d.get('error')}", ""]
    lines = [
        "## Derived tables",
        "",
        "Rows of each SELECT in pipeline/sql/ (counted in DuckDB, not materialized), and "
        "the growth exponent between the two sizes (1 = linear, 2 = one row per pair):",
        "",
        "| table | documents | rows | query s | exponent | rows at 10,000 documents |",
        "|---|---|---|---|---|---|",
    ]
    for table, points in d["tables"].items():
        for p in points:
            exponent = p.get("exponent")
            projected = (
                f"~{points[-1]['rows'] * (10000 / points[-1]['documents']) ** exponent:,.0f}"
                if exponent is not None
                else "—"
            )
            lines.append(
                f"| {table} | {p['documents']} | {p['rows']:,} | {p['seconds']:.2f} | "
                f"{exponent:.2f} | {projected} |"
                if exponent is not None
                else f"| {table} | {p['documents']} | {p['rows']:,} | {p['seconds']:.2f} | — | — |"
            )
    lines.append("")
    return lines


def _partition_section(p: dict[str, Any]) -> list[str]:
    if not p.get("ok"):
        return []
    return [
        "## Documents as Dagster partitions?",
        "",
        f"One partition run of an empty asset costs {p['seconds_per_run_in_memory'] * 1000:.0f} ms "
        f"in memory and {p['seconds_per_run_sqlite']:.2f} s with SQLite storage on disk (as "
        f"`make run` keeps it); a launched run also loads the code location "
        f"({p['seconds_code_location_load']:.1f} s). 10,000 documents as partitions: "
        f"{p['seconds_for_10000_documents_sqlite'] / 3600:.1f} h to "
        f"{p['seconds_for_10000_documents_launched'] / 3600:.1f} h of overhead alone, "
        "against a content-hash cache inside one asset (see the incremental build above).",
        "",
    ]


def _profile_section(t: dict[str, Any]) -> list[str]:
    if not t.get("ok") or not t.get("profile"):
        return []
    lines = [
        "## Where extraction spends its time",
        "",
        "cProfile over the throughput corpus, the project's functions by own time:",
        "",
        "| own s | cumulative s | calls | function |",
        "|---|---|---|---|",
    ]
    lines += [
        f"| {r['own']:.3f} | {r['cum']:.3f} | {r['calls']} | `{r['function']}` |"
        for r in t["profile"]
    ]
    lines.append("")
    return lines


def chart(results: dict[str, Any], path: Path) -> None:
    """Build time by stage vs corpus size, build throughput, extraction throughput."""
    canvas = Canvas(1260, 480)
    builds = sorted(
        (b for b in results["builds"] if b.get("ok") and b["label"] == "proposed"),
        key=lambda b: b["size"],
    )
    sizes = [b["size"] for b in builds] or [100, 10000]
    x_range = (min(sizes) / 1.6, max(sizes) * 1.6)
    ticks = [(n, f"{n:,}") for n in sizes]
    times = [v for b in builds for v in [b["wall_seconds"], *b["stage_seconds"].values()] if v > 0]
    y_lo = 10 ** math.floor(math.log10(min(times, default=0.01)))
    y_hi = 10 ** math.ceil(math.log10(max(max(times, default=10), TARGETS["build_seconds"])))
    left = LogAxes(canvas, (70, 70, 420, 410), x_range, (y_lo, y_hi))
    left.frame("BUILD TIME BY STAGE", ticks, "SECONDS (LOG) VS DOCUMENTS (LOG)")
    for stage, color in STAGE_COLORS.items():
        points = [
            (b["size"], b["wall_seconds"] if stage == "total" else b["stage_seconds"].get(stage, 0))
            for b in builds
        ]
        left.series(points, color, 3 if stage == "total" else 2)
    left.series([(x_range[0], 60.0), (x_range[1], 60.0)], (200, 0, 0), 1, dash=6, markers=False)
    legend_y = 80
    for stage, color in STAGE_COLORS.items():
        canvas.rect(440, legend_y, 452, legend_y + 6, color)
        canvas.text(458, legend_y, stage)
        legend_y += 14
    canvas.text(440, legend_y + 4, "- - 60 S TARGET", (200, 0, 0))

    rates = [(b["size"], b["size"] / b["wall_seconds"]) for b in builds]
    r_lo = 10 ** math.floor(math.log10(min((r for _, r in rates), default=1)))
    r_hi = 10 ** math.ceil(math.log10(max((r for _, r in rates), default=10)) + 0.01)
    middle = LogAxes(canvas, (620, 70, 860, 410), x_range, (r_lo, r_hi))
    middle.frame("BUILD THROUGHPUT", ticks, "DOCUMENTS/S VS DOCUMENTS")
    middle.series(rates, STAGE_COLORS["total"], 3)

    t = results.get("throughput") or {}
    if t.get("ok"):
        bars = [
            ("REGEX", t["regex"]),
            ("OURS ALL", t["ours_all"]),
            ("OURS QTY", t["ours_quantities"]),
        ]
        if t.get("quantulum3"):
            bars.append(("QUANTULUM3", t["quantulum3"]))
        values = [b["mb_per_s"] for _, b in bars]
        b_lo = 10 ** math.floor(math.log10(min(values)))
        b_hi = 10 ** math.ceil(math.log10(max(values)))
        right = LogAxes(canvas, (980, 70, 1230, 410), (0, len(bars)), (b_lo, b_hi), log_x=False)
        right.frame("EXTRACTION", [], "MB/S (LOG), SAME 100 DOCUMENTS")
        for i, (name, bar) in enumerate(bars):
            x0, y = right.xy(i + 0.15, bar["mb_per_s"])
            x1, base = right.xy(i + 0.85, b_lo)
            canvas.rect(round(x0), round(y), round(x1), round(base), STAGE_COLORS["extract"])
            canvas.text(round(x0), 418 + 10 * (i % 2), name)
    canvas.save(path)
