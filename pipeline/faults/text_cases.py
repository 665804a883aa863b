"""Hostile text: injection, fuzzing, pathological sizes, and where the UI listens."""

from __future__ import annotations

import shlex
import shutil
import subprocess
import time
from pathlib import Path

from pipeline.extract.registry import FACT_EXTRACTORS
from pipeline.faults.core import CaseContext, FaultCase, expect
from pipeline.faults.harness import build, query, read_release_csv
from pipeline.faults.pathological import pathological_inputs
from pipeline.faults.properties import record_problems
from pipeline.faults.sql_scan import scan_package
from pipeline.settings import REPO_ROOT

GROUP = "Fuzzing and hostile text"
INJECTION = "'); DROP TABLE documents; --"
INJECTION_FILE = f"{INJECTION}.txt"
INJECTION_TEXT = (
    f'---\ntitle: "{INJECTION}"\n---\n'
    f"Congress approved $5 million{INJECTION} for the ports; {INJECTION}\n"
    "A second sentence adds 12 inspectors.\n"
)
FUZZ_EXAMPLES = 200
PATHOLOGICAL_SIZE = 100_000


def sql_injection_round_trip(ctx: CaseContext) -> str:
    raw = ctx.tmp / "raw"
    raw.mkdir()
    shutil.copy(REPO_ROOT / "raw" / "002_19013b2228f71610.txt", raw)
    (raw / INJECTION_FILE).write_text(INJECTION_TEXT, encoding="utf-8")
    out = ctx.tmp / "outputs"
    result = build(raw, out, work_dir=ctx.tmp / "dagster")
    expect(result.success, f"the run failed: {result.step_errors()}")
    rows = query(out, "SELECT doc_id, file_name, title FROM documents WHERE file_name = ?",
                 [INJECTION_FILE])  # fmt: skip
    expect(len(rows) == 1, f"the hostile document is not one row of documents: {rows}")
    doc_id, file_name, title = rows[0]
    expect((file_name, title) == (INJECTION_FILE, INJECTION), f"altered: {rows[0]}")
    expect(query(out, "SELECT count(*) FROM documents") == [(2,)], "documents lost rows")
    sentences = query(out, "SELECT sentence FROM quantities WHERE doc_id = ?", [doc_id])
    expect(any(INJECTION in s for (s,) in sentences), "the sentence did not round-trip")
    released = [r for r in read_release_csv(out, "documents") if r["file_name"] == INJECTION_FILE]
    expect(released and released[0]["title"] == INJECTION, "the release CSV altered it")
    return (
        f"file name, title and sentence containing `{INJECTION}` round-trip byte for byte "
        "through DuckDB and the release CSV; every table intact"
    )


def sql_from_schema_identifiers(ctx: CaseContext) -> str:
    findings, files = scan_package(REPO_ROOT / "pipeline")
    expect(not findings, "SQL built from something else than quoted identifiers: "
           + "; ".join(str(f) for f in findings))  # fmt: skip
    return (
        f"{files} files scanned: every SQL string interpolates only quote_ident/quote_literal "
        "of schema names (or a reviewed SELECT from pipeline/sql/); rows go in as Arrow or `?`"
    )


def ui_loopback(ctx: CaseContext) -> str:
    make = shutil.which("make")
    expect(make is not None, "make is not installed")
    dry = subprocess.run(
        [str(make), "-n", "ui"], cwd=REPO_ROOT, capture_output=True, text=True, timeout=60
    )
    expect(dry.returncode == 0, f"make -n ui failed: {dry.stderr[-300:]}")
    lines = [
        line for line in dry.stdout.splitlines() if " dev " in f" {line} " and "dagster" in line
    ]
    expect(len(lines) == 1, f"expected one `dagster dev` command, got {lines}")
    words = shlex.split(lines[0])
    hosts = [words[i + 1] for i, w in enumerate(words[:-1]) if w in {"-h", "--host"}]
    hosts += [w.split("=", 1)[1] for w in words if w.startswith("--host=")]
    expect(hosts == ["127.0.0.1"], f"dagster dev binds {hosts or 'its default'}, not 127.0.0.1")
    expect("0.0.0.0" not in dry.stdout, "something in `make ui` binds 0.0.0.0")
    shown = " ".join(w if "/" not in w else Path(w).name for w in words)
    return f"`make -n ui` runs `{shown}`: loopback only"


def fuzz_every_extractor(ctx: CaseContext) -> str:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    checked = [0]

    @settings(max_examples=FUZZ_EXAMPLES, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow])  # fmt: skip
    @given(st.text(max_size=400))
    def every_extractor_keeps_the_contract(text: str) -> None:
        for table, extract in FACT_EXTRACTORS.items():
            problems = record_problems(table, text, extract(text))
            expect(not problems, f"on {text!r}: {problems[:3]}")
        checked[0] += 1

    every_extractor_keeps_the_contract()
    return (
        f"{checked[0]} arbitrary Unicode texts through all {len(FACT_EXTRACTORS)} extractors: "
        "no exception, spans in bounds, quote == text[start:end], values finite and valid "
        "(tests/test_fuzz.py runs thousands more, and mutated seed sentences)"
    )


def pathological_texts(ctx: CaseContext) -> str:
    slowest = (0.0, "")
    texts = pathological_inputs(PATHOLOGICAL_SIZE)
    for name, text in texts.items():
        for table, extract in FACT_EXTRACTORS.items():
            started = time.perf_counter()
            records = extract(text)
            seconds = time.perf_counter() - started
            problems = record_problems(table, text, records)
            expect(not problems, f"{table} on {name}: {problems[:2]}")
            slowest = max(slowest, (seconds, f"{table} on {name}"))
    return (
        f"{len(texts)} texts of {PATHOLOGICAL_SIZE:,} characters (digits, endless numbers, "
        f"unclosed brackets, one long line, ...): every record valid; slowest {slowest[1]} "
        f"{slowest[0]:.2f} s. Time budgets at 10 MB live in the benchmark"
    )


def _case(case_id: str, title: str, expected: str, run) -> FaultCase:
    return FaultCase(case_id, GROUP, title, expected, run)


TEXT_CASES = [
    _case(
        "fuzz_extractors",
        "arbitrary Unicode through every extractor",
        "never raises; spans in bounds; quote == text[start:end]; every value finite",
        fuzz_every_extractor,
    ),
    _case(
        "pathological_inputs",
        "very long lines, endless digits, repeated patterns",
        "extraction completes with valid records (time budget: the benchmark)",
        pathological_texts,
    ),
    _case(
        "sql_injection_text",
        f"document text and file name containing `{INJECTION}`",
        "stored and published verbatim; nothing executed",
        sql_injection_round_trip,
    ),
    _case(
        "sql_only_identifiers",
        "SQL is never built from document text",
        "only quoted schema identifiers are interpolated into SQL",
        sql_from_schema_identifiers,
    ),
    _case(
        "ui_loopback",
        "`make ui` network exposure",
        "binds to 127.0.0.1 only",
        ui_loopback,
    ),
]
