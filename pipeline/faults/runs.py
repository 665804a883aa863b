"""The shared ground of the run-fault cases: an old state, a new one, and a driver.

Every case starts from the same *old* output folder (the seeds, published as the first
release) and the same changed raw folder (the seeds plus one new document) whose clean
run gives the *new* state. A fault must leave the old state or the new one -- never
a mix -- and a re-run must then reach exactly the new one.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from pipeline.faults.core import CaseContext, expect
from pipeline.faults.harness import OutputState, build, output_state
from pipeline.settings import REPO_ROOT

SEED_DIR = REPO_ROOT / "raw"
ADDED_DOCUMENT = (
    "Memo on border infrastructure.\n\n"
    "The memo asks Congress for $7 million to hire 300 new inspectors at 12 ports of entry.\n"
)
DRIVER_TIMEOUT = 240


@dataclass(frozen=True)
class RunBase:
    root: Path
    raw_old: Path
    raw_new: Path
    old_dir: Path
    new_dir: Path
    old: OutputState
    new: OutputState
    trace: list[str]

    def fresh_output(self, into: Path) -> Path:
        """A private copy of the old output folder for one case to damage."""
        target = into / "outputs"
        shutil.copytree(self.old_dir, target, symlinks=True)
        return target


def _writable_copy(source: Path, target: Path) -> Path:
    shutil.copytree(source, target)
    for path in target.iterdir():
        path.chmod(0o644)
    return target


def run_base(ctx: CaseContext) -> RunBase:
    def make() -> RunBase:
        root = Path(tempfile.mkdtemp(prefix="runs-", dir=ctx.shared))
        raw_old = _writable_copy(SEED_DIR, root / "raw_old")
        raw_new = _writable_copy(SEED_DIR, root / "raw_new")
        (raw_new / "added_memo.txt").write_text(ADDED_DOCUMENT, encoding="utf-8")
        old_dir = root / "old"
        first = build(raw_old, old_dir, work_dir=root / "dagster-old")
        expect(first.success, f"the first build failed: {first.step_errors()}")
        new_dir = root / "new"
        shutil.copytree(old_dir, new_dir, symlinks=True)
        driven = drive(root / "reference", raw_new, new_dir)
        expect(driven.returncode == 0, f"the reference run failed: {driven.describe()}")
        old, new = output_state(old_dir), output_state(new_dir)
        expect(old.pointer_version != new.pointer_version, "the new document made no release")
        return RunBase(root, raw_old, raw_new, old_dir, new_dir, old, new, driven.labels())

    return ctx.once("runs", make)


@dataclass(frozen=True)
class Driven:
    returncode: int
    work: Path
    pid: int

    @property
    def killed(self) -> bool:
        return self.returncode == -signal.SIGKILL

    def labels(self) -> list[str]:
        trace = self.work / "trace.jsonl"
        if not trace.is_file():
            return []
        return [json.loads(line)[1] for line in trace.read_text(encoding="utf-8").splitlines()]

    def report(self) -> dict:
        path = self.work / "report.json"
        return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}

    def stderr(self) -> str:
        path = self.work / "stderr.txt"
        return path.read_text(encoding="utf-8", errors="replace") if path.is_file() else ""

    def describe(self) -> str:
        report = self.report()
        if report:
            return f"exit {self.returncode}, errors {report.get('errors')}"
        return f"exit {self.returncode}, stderr tail: {self.stderr()[-600:]}"


def driver_command(work: Path, raw: Path, out: Path, *extra: str) -> list[str]:
    return [
        sys.executable, "-m", "pipeline.faults.driver",
        "--raw", str(raw), "--out", str(out), "--work", str(work / "dagster"),
        "--trace", str(work / "trace.jsonl"), "--report", str(work / "report.json"),
        *extra,
    ]  # fmt: skip


def driver_env(work: Path, **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    # This checkout's package, and every temporary file of the run inside `work`.
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")]))
    env["TMPDIR"] = str(work)
    env["DAGSTER_HOME"] = str(work)
    env.update(extra)
    return env


def start_driver(
    work: Path, raw: Path, out: Path, *extra: str, env: dict[str, str] | None = None
) -> subprocess.Popen:
    work.mkdir(parents=True, exist_ok=True)
    with (work / "stderr.txt").open("wb") as stderr:
        return subprocess.Popen(
            driver_command(work, raw, out, *extra),
            cwd=REPO_ROOT,
            env=driver_env(work, **(env or {})),
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )


def finish(process: subprocess.Popen, work: Path, timeout: float = DRIVER_TIMEOUT) -> Driven:
    try:
        code = process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        raise
    return Driven(code, work, process.pid)


def drive(
    work: Path,
    raw: Path,
    out: Path,
    *extra: str,
    env: dict[str, str] | None = None,
    timeout: float = DRIVER_TIMEOUT,
) -> Driven:
    """Run the pipeline in a driver process to its end (or its death)."""
    return finish(start_driver(work, raw, out, *extra, env=env), work, timeout)


# --- judging a state ------------------------------------------------------------------


def _release_files(state: OutputState, version: str) -> dict[str, str]:
    prefix = f"releases/{version}/"
    return {n: h for n, h in state.files.items() if n.startswith(prefix)}


def _versions(state: OutputState) -> set[str]:
    return {n.split("/")[1] for n in state.files if n.startswith("releases/") and n.count("/") == 2}


def old_or_new(after: OutputState, base: RunBase) -> list[str]:
    """Why `after` is not "the old state or the new one" (empty when it is)."""
    problems = []
    for name, digest in sorted(after.files.items()):
        if digest not in {base.old.files.get(name), base.new.files.get(name)}:
            problems.append(f"{name} is neither the old nor the new file")
    for version in sorted(_versions(after)):
        files = _release_files(after, version)
        complete = [_release_files(s, version) for s in (base.old, base.new)]
        if files not in [c for c in complete if c]:
            problems.append(f"release {version} is visible but incomplete")
    if after.pointer_version not in _versions(after):
        problems.append(f"latest.json names {after.pointer_version}, not a complete release")
    if after.database not in {base.old.database, base.new.database}:
        problems.append("facts.duckdb holds neither the old nor the new tables")
    return problems


def is_state(after: OutputState, expected: OutputState) -> list[str]:
    """Why `after` is not exactly `expected`, leftovers included (empty when it is)."""
    problems = []
    changed = sorted(
        n
        for n in set(after.files) | set(expected.files)
        if after.files.get(n) != expected.files.get(n)
    )
    if changed:
        problems.append(f"files differ: {', '.join(changed[:5])}")
    if after.database != expected.database:
        problems.append("facts.duckdb content differs")
    if after.hidden:
        problems.append(f"leftovers: {', '.join(after.hidden)}")
    return problems


def untouched(after: OutputState, before: OutputState) -> list[str]:
    """`is_state`, and the database file not even rewritten."""
    problems = is_state(after, before)
    if after.database_sha != before.database_sha:
        problems.append("facts.duckdb was rewritten")
    return problems
