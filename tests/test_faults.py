"""The fault matrix of issue 6, one test per case, plus the run lock and the SQL scanner.

Each case lives in pipeline/faults/ and is the very function `python -m pipeline.faults`
runs to print the README's table, so the table and these tests cannot disagree. Cases
run the real pipeline in pytest's temporary folders; the bad-raw-file cases share one
build of a hostile raw directory, the run cases one old and one new output folder.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import duckdb
import pytest

from pipeline.faults import CASES, CaseContext
from pipeline.faults.sql_scan import scan_file
from pipeline.locking import (
    LOCK_NAME,
    LockBusyError,
    OutputWriteError,
    read_holder,
    run_lock,
    writing_outputs,
)

REPO_ROOT = Path(__file__).resolve().parent.parent
SLOW = {"sigkill_publish", "sigkill_load", "two_runs_at_once", "disk_full_load"}


@pytest.fixture(scope="session")
def fault_shared(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    return tmp_path_factory.mktemp("faults-shared"), {}


@pytest.mark.parametrize(
    "case",
    [pytest.param(c, id=c.id, marks=[pytest.mark.slow] if c.id in SLOW else []) for c in CASES],
)
def test_fault_case(case, tmp_path, fault_shared):
    shared, memo = fault_shared
    observed = case.run(CaseContext(tmp_path, shared, memo))
    assert observed.strip()


def test_every_issue_case_is_in_the_matrix():
    ids = {c.id for c in CASES}
    assert {
        "empty_file", "binary_file", "invalid_utf8", "over_size_limit", "bom_crlf",
        "same_bytes_two_names", "broken_yaml", "yaml_code_execution",
        "manifest_missing_file", "manifest_parent_path", "manifest_absolute_path",
        "symlink_pointing_out", "manifest_bad_date", "manifest_bad_url",
        "good_documents_published", "schema_violation", "sigkill_publish", "sigkill_load",
        "two_runs_at_once", "output_not_writable", "disk_full_publish", "disk_full_load",
        "fuzz_extractors", "pathological_inputs", "sql_injection_text", "sql_only_identifiers",
        "ui_loopback",
    } <= ids  # fmt: skip
    assert len(ids) == len(CASES)


# --- the run lock -------------------------------------------------------------------------

HOLDER = textwrap.dedent(
    """
    import sys, time
    from pipeline.locking import run_lock
    with run_lock(sys.argv[1], what="holder"):
        print("held", flush=True)
        time.sleep(float(sys.argv[2]))
    """
)


def _hold(out: Path, seconds: float) -> subprocess.Popen:
    process = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(out), str(seconds)],
        cwd=REPO_ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "held"
    return process


def test_a_second_process_fails_naming_the_holder(tmp_path):
    holder = _hold(tmp_path, 60)
    try:
        started = time.monotonic()
        with pytest.raises(LockBusyError) as caught, run_lock(tmp_path, wait_seconds=0.5):
            pass
        assert time.monotonic() - started >= 0.5
        message = str(caught.value)
        assert f"another run holds the lock (pid {holder.pid}, since 20" in message
        assert read_holder(tmp_path / LOCK_NAME).command == "holder"
    finally:
        holder.kill()
        holder.wait()


def test_a_killed_holder_leaves_no_stale_lock(tmp_path):
    holder = _hold(tmp_path, 60)
    holder.kill()  # SIGKILL: no finally, no cleanup
    holder.wait()
    with run_lock(tmp_path, wait_seconds=0):
        pass
    assert (tmp_path / LOCK_NAME).exists()  # kept on purpose: see pipeline.locking


def test_a_second_run_waits_and_says_so(tmp_path):
    holder = _hold(tmp_path, 1.0)
    said: list[str] = []
    started = time.monotonic()
    with run_lock(tmp_path, wait_seconds=60, on_wait=said.append):
        waited = time.monotonic() - started
    holder.wait()
    assert waited > 0.3
    assert len(said) == 1
    assert said[0].startswith("waiting for the lock") and f"pid {holder.pid}" in said[0]


def test_the_wait_comes_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("PIPELINE_LOCK_WAIT_SECONDS", "0.2")
    holder = _hold(tmp_path, 60)
    try:
        with pytest.raises(LockBusyError, match=r"waited 0\.2 s"), run_lock(tmp_path):
            pass
    finally:
        holder.kill()
        holder.wait()


def test_threads_exclude_each_other_but_one_thread_may_reenter(tmp_path):
    inside = threading.Event()
    leave = threading.Event()

    def hold() -> None:
        with run_lock(tmp_path, wait_seconds=0):
            inside.set()
            leave.wait(10)

    thread = threading.Thread(target=hold)
    thread.start()
    assert inside.wait(10)
    with pytest.raises(LockBusyError), run_lock(tmp_path, wait_seconds=0.2):
        pass
    leave.set()
    thread.join()
    with run_lock(tmp_path, wait_seconds=0), run_lock(tmp_path, wait_seconds=0):
        assert read_holder(tmp_path / LOCK_NAME).pid == os.getpid()
    assert read_holder(tmp_path / LOCK_NAME).pid is None


@pytest.mark.parametrize(
    ("error", "says"),
    [
        (OSError(28, "No space left on device", "x.csv"), "the disk is full [ENOSPC] (x.csv)"),
        (PermissionError(13, "Permission denied", "x"), "not writable [EACCES]"),
        (OSError(30, "Read-only file system"), "the file system is read-only [EROFS]"),
        (duckdb.IOException('Could not write "f.tmp": No space left on device'), "[ENOSPC]"),
    ],
)
def test_write_failures_become_one_clear_error(tmp_path, error, says):
    with pytest.raises(OutputWriteError) as caught, writing_outputs(tmp_path, "the release"):
        raise error
    message = str(caught.value)
    assert f"could not write the release in {tmp_path}" in message
    assert says in message
    assert "Nothing was replaced" in message
    assert caught.value.__cause__ is error


@pytest.mark.parametrize("error", [ValueError("bad row"), OSError(2, "No such file")])
def test_other_errors_pass_through_unchanged(tmp_path, error):
    with pytest.raises(type(error)) as caught, writing_outputs(tmp_path, "the release"):
        raise error
    assert caught.value is error


# --- the SQL scanner ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "findings"),
    [
        ("con.execute(f\"SELECT * FROM t WHERE q = '{text}'\")", ["text"]),
        ('con.execute("DELETE FROM t WHERE q = \'" + text + "\'")', ["text"]),
        ("con.execute(\"DELETE FROM t WHERE q = '{}'\".format(text))", ["format"]),
        ("sql = \"select * from t where q = '%s'\" % text\ncon.execute(sql)", ["text"]),
        ('con.sql(f"select {text}")', ["text"]),
        ('con.execute(f"INSERT INTO {quote_ident(name)} SELECT * FROM s WHERE x = ?", [text])', []),
        (
            'cols = []\nfor f in fields:\n    col = f"{quote_ident(f)} {TYPES[f]}"\n'
            '    col += " NOT NULL"\n    cols.append(col)\n'
            'con.execute(f"CREATE TABLE {quote_ident(name)} (" + ", ".join(cols) + ")")',
            [],
        ),
        ('con.execute(f"COMMENT ON TABLE t IS {quote_literal(text)}")', []),
        ('log(f"with {text}: SELECT failed")', []),
    ],
)
def test_the_sql_scanner_tells_quoted_identifiers_from_text(tmp_path, code, findings):
    source = "TYPES = {'a': 'VARCHAR'}\n\ndef f(con, text, name, fields):\n"
    source += textwrap.indent(code, "    ") + "\n"
    path = tmp_path / "snippet.py"
    path.write_text(source, encoding="utf-8")
    found = scan_file(path, "snippet.py")
    assert len(found) == len(findings), found
    for finding, expected in zip(found, findings, strict=True):
        assert expected in finding.expression
