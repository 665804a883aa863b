"""Faults during a run: nothing half-written, nothing lost.

Each case starts from the old state of pipeline.faults.runs, runs the changed raw
folder with one fault, and checks what a user could see afterwards.
"""

from __future__ import annotations

import errno
import os
import subprocess
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from unittest import mock

from pipeline.extract.registry import FACT_EXTRACTORS
from pipeline.faults.core import CaseContext, CaseFailed, FaultCase, expect
from pipeline.faults.harness import build, output_state
from pipeline.faults.interpose import WritePoints
from pipeline.faults.runs import (
    ADDED_DOCUMENT,
    RunBase,
    drive,
    finish,
    is_state,
    old_or_new,
    run_base,
    start_driver,
    untouched,
)

GROUP = "Faults during a run: nothing half-written"
LOCK_MESSAGE = "another run holds the lock"
FILE_SIZE_LIMIT = 1024 * 1024
BAD_KIND = "furlongs"


def shown_error(error: str, tmp: Path) -> str:
    """The root of a step's error, as the matrix prints it: temporary paths and the
    reassurance sentence left out."""
    text = error.split(" <- caused by: ")[0].replace(str(tmp), "<tmp>")
    return text.split(" Nothing was replaced")[0].removeprefix("pipeline.locking.")


def _rerun_reaches_new(base: RunBase, out: Path, work: Path) -> None:
    again = build(base.raw_new, out, work_dir=work)
    expect(again.success, f"the re-run failed: {again.step_errors()}")
    problems = is_state(output_state(out), base.new)
    expect(not problems, f"after the re-run: {'; '.join(problems)}")


# --- a schema-violating row ------------------------------------------------------------


def _with_bad_row(extract: Callable[[str], list[dict[str, Any]]]) -> Callable[..., Any]:
    """The real extractor, plus one grounded row whose `kind` is not in the schema."""

    def extract_with_bad_row(text: str) -> list[dict[str, Any]]:
        records = extract(text)
        if ADDED_DOCUMENT in text and records:
            records = [*records, {**records[0], "kind": BAD_KIND}]
        return records

    return extract_with_bad_row


def schema_violation_blocks(ctx: CaseContext) -> str:
    base = run_base(ctx)
    out = base.fresh_output(ctx.tmp)
    bad = _with_bad_row(FACT_EXTRACTORS["quantities"])
    with mock.patch.dict(FACT_EXTRACTORS, {"quantities": bad}):
        result = build(base.raw_new, out, work_dir=ctx.tmp / "dagster")
    expect(not result.success, "the run succeeded with an invalid row")
    check = result.check("core_quantities:matches_schema")
    expect(not check.passed, "matches_schema passed an invalid row")
    report = str(check.metadata["failing_rows"].value)
    expect(BAD_KIND in report and "kind" in report, f"the check does not name the row: {report}")
    written = result.materialized() & {"out_release", "out_facts_duckdb"}
    expect(not written, f"{sorted(written)} ran after a failed blocking check")
    problems = untouched(output_state(out), base.old)
    expect(not problems, f"the outputs changed: {'; '.join(problems)}")
    rows = [line for line in report.splitlines() if BAD_KIND in line]
    first = " ".join(rows[0].strip("| ").split()) if rows else ""
    first = first if len(first) <= 150 else first[:149] + "…"
    return (
        f"matches_schema failed ({check.metadata['problems'].value} problem(s); UI metadata "
        f"row: `{first}`); out_release and out_facts_duckdb skipped; release, "
        f"latest.json and facts.duckdb byte-identical to before"
    )


# --- SIGKILL -----------------------------------------------------------------------------


def _is_load(label: str) -> bool:
    return "duckdb" in label


def kill_points(labels: list[str], phase: str) -> list[str]:
    """The write points worth dying at: where a folder or file becomes visible (every
    rename and replace), the first and last file written in the hidden release folder,
    and each step of the DuckDB build. Generic over tables and file names."""
    chosen: list[str] = []

    def add(label: str | None) -> None:
        if label and label not in chosen:
            chosen.append(label)

    if phase == "publish":
        staged = [label for label in labels if label.startswith("write releases/.publish-tmp-*/")]
        add(staged[0] if staged else None)
        add(staged[-1] if staged else None)
        for label in labels:
            if label.split()[0] in {"rename", "replace"} and not _is_load(label):
                add(label)
    else:
        for label in labels:
            if _is_load(label) and label.endswith((": connect", ": COMMIT", ": close")):
                add(label)
        add(next((label for label in labels if "INSERT INTO" in label), None))
        add(next((label for label in labels if label.endswith("-> facts.duckdb")), None))
    return sorted(chosen, key=labels.index)


def kill_sweep(ctx: CaseContext, phase: str) -> str:
    base = run_base(ctx)
    points = kill_points(base.trace, phase)
    expect(len(points) >= 4, f"too few {phase} points found in the trace: {points}")
    for number, label in enumerate(points, start=1):
        work = ctx.tmp / f"point{number}"
        out = base.fresh_output(work)
        died = drive(work / "killed", base.raw_new, out, "--kill-at", label)
        expect(died.killed, f"not killed at {label!r}: {died.describe()}")
        reached = died.labels()
        expect(reached and reached[-1] == label, f"died at {reached[-1:]} instead of {label!r}")
        after = output_state(out)
        problems = old_or_new(after, base)
        expect(not problems, f"killed before {label!r}: {'; '.join(problems)}")
        _rerun_reaches_new(base, out, work / "rerun")
    where = "; ".join(f"`{p}`" for p in points)
    return (
        f"killed (SIGKILL) before each of {len(points)} {phase} steps: {where}. Every time: "
        "latest.json named a complete release, no partial release visible, facts.duckdb "
        "opened with the old or the new tables; the re-run reached the new state exactly, "
        "leftovers removed"
    )


# --- two runs at once --------------------------------------------------------------------


def _wait_for(condition: Callable[[], bool], what: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 180
    while not condition():
        if process.poll() is not None:
            raise CaseFailed(f"{what}: the process ended first (exit {process.returncode})")
        if time.monotonic() > deadline:
            process.kill()
            raise CaseFailed(f"{what}: timed out")
        time.sleep(0.05)


def two_runs_at_once(ctx: CaseContext) -> str:
    base = run_base(ctx)
    out = base.fresh_output(ctx.tmp)
    control = ctx.tmp / "control"
    control.mkdir()
    first_write = next(label for label in base.trace if label.startswith("write releases/"))
    holder = start_driver(
        ctx.tmp / "first", base.raw_new, out, "--pause-at", first_write, "--control", str(control)
    )
    try:
        _wait_for((control / "paused").exists, "the first run never reached publishing", holder)
        try:
            impatient = drive(
                ctx.tmp / "impatient", base.raw_new, out,
                env={"PIPELINE_LOCK_WAIT_SECONDS": "1"}, timeout=90,
            )  # fmt: skip
        except subprocess.TimeoutExpired as exc:
            raise CaseFailed("the second run blocked with no message instead of failing") from exc
        error = impatient.report().get("errors", {}).get("out_release", "")
        expect(impatient.returncode == 1, f"the second run did not fail: {impatient.describe()}")
        expected = f"{LOCK_MESSAGE} (pid {holder.pid}, since"
        expect(expected in error, f"out_release error {error[:300]!r} lacks {expected!r}")
        written = set(impatient.report().get("materialized", [])) & {"out_facts_duckdb"}
        expect(not written, "the second run loaded the database anyway")
        problems = untouched(output_state(out), base.old)
        expect(not problems, f"the outputs changed meanwhile: {'; '.join(problems)}")

        patient = start_driver(ctx.tmp / "patient", base.raw_new, out)
        stderr = ctx.tmp / "patient" / "stderr.txt"
        _wait_for(
            lambda: "waiting for the lock" in stderr.read_text(errors="replace"),
            "the patient run never said it was waiting",
            patient,
        )
        (control / "resume").write_text("go", encoding="utf-8")
        first = finish(holder, ctx.tmp / "first")
        second = finish(patient, ctx.tmp / "patient")
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait()
    expect(first.returncode == 0, f"the first run failed: {first.describe()}")
    expect(second.returncode == 0, f"the waiting run failed: {second.describe()}")
    # No order is asserted between the two finishing: each writer takes the lock for its
    # own step (publish, then load), so the waiting run may load the database first. The
    # database is loaded from the latest release under the lock, so either order ends in
    # the same state, which is what is checked.
    problems = is_state(output_state(out), base.new)
    expect(not problems, f"after both runs: {'; '.join(problems)}")
    line = error.split(LOCK_MESSAGE, 1)[1].split(";")[0].replace(str(ctx.tmp), "<tmp>")
    return (
        f"second run failed after 1 s: '{LOCK_MESSAGE}{line}; ...', outputs untouched; a "
        "third run logged 'waiting for the lock', then completed once the first let go: one "
        "new release, database consistent"
    )


# --- a folder that refuses writes -------------------------------------------------------

_CREATING = {"write", "mkdir", "replace", "rename", "chmod"}


def _refusing(code: int, after: int, out: Path) -> WritePoints:
    """Write points that, from the `after`+1-th creating operation on, fail like the
    kernel does with `code`. Removals still work, as they do on a full disk."""
    seen = [0]

    def on_point(_index: int, label: str) -> None:
        if label.split()[0] not in _CREATING:
            return
        seen[0] += 1
        if seen[0] > after:
            raise OSError(code, os.strerror(code), points.last_path)

    points = WritePoints(out, on_point)
    return points


def _refused_run(ctx: CaseContext, code: int, after: int) -> tuple[str, str]:
    base = run_base(ctx)
    out = base.fresh_output(ctx.tmp)
    points = _refusing(code, after, out)
    points.install()
    try:
        result = build(base.raw_new, out, work_dir=ctx.tmp / "dagster")
    finally:
        points.uninstall()
    expect(not result.success, "the run succeeded though every write failed")
    errors = result.step_errors()
    expect(errors, "no step failed")
    step, error = next(iter(errors.items()))
    plain = os.strerror(code)
    expect(plain in error, f"the {step} error does not say {plain!r}: {error[:300]!r}")
    expect(str(out) in error, f"the error does not name the output folder: {error[:300]!r}")
    problems = untouched(output_state(out), base.old)
    expect(not problems, f"something was lost or half-written: {'; '.join(problems)}")
    _rerun_reaches_new(base, out, ctx.tmp / "rerun")
    return f"{step} failed: '{shown_error(error, ctx.tmp)}'", plain


def not_writable(ctx: CaseContext) -> str:
    error, _ = _refused_run(ctx, errno.EACCES, after=0)
    return (
        f"{error}; old release, latest.json and facts.duckdb "
        "untouched; after the fix the re-run published"
    )


def disk_full_publishing(ctx: CaseContext) -> str:
    error, _ = _refused_run(ctx, errno.ENOSPC, after=6)
    return (
        f"{error}; the half-written hidden release folder was "
        "removed; old release, latest.json and facts.duckdb untouched; the re-run published"
    )


def disk_full_loading(ctx: CaseContext) -> str:
    base = run_base(ctx)
    largest = max(p.stat().st_size for p in base.new_dir.rglob("*") if p.is_file()
                  and p.name != "facts.duckdb")  # fmt: skip
    database = (base.new_dir / "facts.duckdb").stat().st_size
    expect(largest < FILE_SIZE_LIMIT < database, "the size limit does not single out DuckDB")
    out = base.fresh_output(ctx.tmp)
    full = drive(ctx.tmp / "full", base.raw_new, out, "--file-size-limit", str(FILE_SIZE_LIMIT))
    error = full.report().get("errors", {}).get("out_facts_duckdb", "")
    expect(full.returncode == 1, f"the run did not fail cleanly: {full.describe()}")
    expect("File too large" in error or "file size" in error, f"unclear error: {error[:300]!r}")
    after = output_state(out)
    expect(after.database_sha == base.old.database_sha, "the old facts.duckdb was touched")
    expect(not after.hidden, f"leftovers: {after.hidden}")
    expect(after.pointer_version == base.new.pointer_version, "the release was not published")
    problems = old_or_new(after, base)
    expect(not problems, "; ".join(problems))
    _rerun_reaches_new(base, out, ctx.tmp / "rerun")
    shown = shown_error(error, ctx.tmp)
    return (
        f"with a real {FILE_SIZE_LIMIT // 1024} KiB file-size limit (RLIMIT_FSIZE): release "
        f"{after.pointer_version} published, out_facts_duckdb failed: '{shown}'; old "
        "facts.duckdb byte-identical, temp file removed; the re-run rebuilt it"
    )


def _case(case_id: str, title: str, expected: str, run: Callable[[CaseContext], str]):
    return FaultCase(case_id, GROUP, title, expected, run)


RUN_CASES = [
    _case(
        "schema_violation",
        "an extraction emits a schema-violating row",
        "blocking check fails naming the row; nothing loaded or published; previous release, "
        "pointer and DuckDB unchanged",
        schema_violation_blocks,
    ),
    _case(
        "sigkill_publish",
        "SIGKILL during publish, then re-run",
        "no partial release visible; DuckDB old or new; re-run completes",
        lambda ctx: kill_sweep(ctx, "publish"),
    ),
    _case(
        "sigkill_load",
        "SIGKILL during the DuckDB load, then re-run",
        "DuckDB opens with the old or the new state; re-run completes",
        lambda ctx: kill_sweep(ctx, "load"),
    ),
    _case(
        "two_runs_at_once",
        "two runs at once",
        f"the second waits, or fails with '{LOCK_MESSAGE} (pid N, since T)'; nothing corrupted",
        two_runs_at_once,
    ),
    _case(
        "output_not_writable",
        "output directory not writable",
        "a clear error naming the folder; nothing lost",
        not_writable,
    ),
    _case(
        "disk_full_publish",
        "disk full while publishing (ENOSPC)",
        "a clear error; no partial release; nothing lost",
        disk_full_publishing,
    ),
    _case(
        "disk_full_load",
        "disk full while DuckDB writes",
        "a clear error; the previous facts.duckdb intact",
        disk_full_loading,
    ),
]
