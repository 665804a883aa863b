"""One writer at a time per output directory, and one clear error when writing fails.

DuckDB allows a single writer process, and a release folder must never be written by
two runs at once (`make run` beside the UI, or two terminals). Every step that writes
into the output directory holds `run_lock`: an `fcntl.flock` on
`<output_dir>/.pipeline.lock`. The kernel drops the lock when its holder dies, even by
SIGKILL, so a crashed run never leaves a stale lock behind. A second run waits up to
`PIPELINE_LOCK_WAIT_SECONDS` (default 120) and then fails with "another run holds the
lock (pid N, since T)".

The lock file is never deleted: removing it while another process has it open would let
two runs lock two different files under the same name.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import fcntl
import json
import logging
import os
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

LOCK_NAME = ".pipeline.lock"
WAIT_ENV = "PIPELINE_LOCK_WAIT_SECONDS"
DEFAULT_WAIT_SECONDS = 120.0
POLL_SECONDS = 0.1
WAITING_MESSAGE = "waiting for the lock"

logger = logging.getLogger(__name__)

# Re-entry by the same thread (a writer calling another writer) must not deadlock on
# its own lock; flock would treat a second open of the file as a stranger.
_held: dict[tuple[str, int], int] = {}
_held_guard = threading.Lock()


@dataclass(frozen=True)
class LockHolder:
    pid: int | None
    since: str | None
    command: str | None

    def describe(self) -> str:
        pid = self.pid if self.pid is not None else "unknown"
        since = self.since or "an unknown time"
        return f"pid {pid}, since {since}"


class LockBusyError(RuntimeError):
    """Another run holds the output directory's lock and did not let go in time."""

    def __init__(self, path: Path, holder: LockHolder, waited: float) -> None:
        self.path = path
        self.holder = holder
        self.waited = waited
        super().__init__(
            f"another run holds the lock ({holder.describe()}) on {path}; waited "
            f"{waited:g} s. Let it finish, or stop it, then run again (set {WAIT_ENV} "
            "to wait longer)."
        )


class OutputWriteError(OSError):
    """Writing into the output directory failed; what was published before is intact."""


def lock_path(output_dir: Path) -> Path:
    return Path(output_dir) / LOCK_NAME


def wait_seconds_from_env() -> float:
    raw = os.environ.get(WAIT_ENV, "")
    try:
        return max(0.0, float(raw)) if raw.strip() else DEFAULT_WAIT_SECONDS
    except ValueError:
        return DEFAULT_WAIT_SECONDS


def read_holder(path: Path) -> LockHolder:
    """Who wrote the lock file last: the holder while the lock is taken."""
    try:
        data = json.loads(path.read_text(encoding="utf-8") or "{}")
    except (OSError, ValueError):
        data = {}
    if not isinstance(data, dict):
        data = {}
    pid = data.get("pid")
    return LockHolder(
        pid=pid if isinstance(pid, int) else None,
        since=data.get("since") if isinstance(data.get("since"), str) else None,
        command=data.get("command") if isinstance(data.get("command"), str) else None,
    )


@contextlib.contextmanager
def run_lock(
    output_dir: Path,
    wait_seconds: float | None = None,
    *,
    what: str = "a pipeline run",
    on_wait: Callable[[str], None] | None = None,
) -> Iterator[Path]:
    """Hold the output directory's lock for the duration of the block.

    Waits up to `wait_seconds` (default: $PIPELINE_LOCK_WAIT_SECONDS, else 120) for
    another holder, then raises LockBusyError naming it. A run that has to wait says so
    once, through `on_wait` (e.g. Dagster's context.log.warning) or this module's
    logger, so a waiting run never looks like a hung one.
    """
    output_dir = Path(output_dir)
    output_dir.mkdir(parents=True, exist_ok=True)
    path = lock_path(output_dir)
    key = (str(path.resolve()), threading.get_ident())
    with _held_guard:
        if key in _held:
            _held[key] += 1
            reentered = True
        else:
            reentered = False
    if reentered:
        try:
            yield path
        finally:
            with _held_guard:
                _held[key] -= 1
        return

    wait = wait_seconds_from_env() if wait_seconds is None else max(0.0, wait_seconds)
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        _acquire(fd, path, wait, on_wait or logger.warning)
        _record_holder(fd, what)
        with _held_guard:
            _held[key] = 1
        try:
            yield path
        finally:
            with _held_guard:
                del _held[key]
            # Clear the holder first: an empty file never names a run that is gone.
            with contextlib.suppress(OSError):
                os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _acquire(fd: int, path: Path, wait: float, on_wait: Callable[[str], None]) -> None:
    started = time.monotonic()
    announced = False
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            waited = time.monotonic() - started
            if waited >= wait:
                raise LockBusyError(path, read_holder(path), round(waited, 1)) from None
            if not announced and wait > 0:
                announced = True
                on_wait(
                    f"{WAITING_MESSAGE} on {path} for up to {wait:g} s: another run holds "
                    f"it ({read_holder(path).describe()})"
                )
            time.sleep(min(POLL_SECONDS, wait - waited))


def _record_holder(fd: int, what: str) -> None:
    since = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    record = json.dumps({"pid": os.getpid(), "since": since, "command": what}) + "\n"
    os.ftruncate(fd, 0)
    os.pwrite(fd, record.encode("utf-8"), 0)


_PLAIN_REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is exceeded",
    errno.EFBIG: "a file grew over the allowed file size",
    errno.EROFS: "the file system is read-only",
    errno.EACCES: "permission denied: the output directory is not writable",
    errno.EPERM: "operation not permitted: the output directory is not writable",
}
_DUCKDB_MARKERS = {
    "no space left on device": errno.ENOSPC,
    "file too large": errno.EFBIG,
    "disk quota exceeded": errno.EDQUOT,
    "read-only file system": errno.EROFS,
    "permission denied": errno.EACCES,
}


def write_failure(exc: BaseException) -> int | None:
    """The errno of a failed write into the outputs, from Python or from DuckDB."""
    if isinstance(exc, OSError) and exc.errno in _PLAIN_REASONS:
        return exc.errno
    # DuckDB reports its own I/O failures with the OS message inside: an IOException,
    # or a FatalException when a checkpoint cannot be written.
    kind = type(exc)
    if "duckdb" in kind.__module__ and kind.__name__ in {"IOException", "FatalException"}:
        message = str(exc).lower()
        return next((code for marker, code in _DUCKDB_MARKERS.items() if marker in message), None)
    return None


@contextlib.contextmanager
def writing_outputs(
    output_dir: Path,
    what: str,
    wait_seconds: float | None = None,
    on_wait: Callable[[str], None] | None = None,
) -> Iterator[Path]:
    """Hold the run lock while writing `what`, and turn a full disk or a read-only
    output directory into one error that says what happened and that nothing is lost."""
    output_dir = Path(output_dir)
    with run_lock(output_dir, wait_seconds, what=what, on_wait=on_wait):
        try:
            yield output_dir
        except Exception as exc:
            code = write_failure(exc)
            if code is None:
                raise
            detail = getattr(exc, "filename", None)
            where = f" ({detail})" if detail else ""
            raise OutputWriteError(
                code,
                f"could not write {what} in {output_dir}: {_PLAIN_REASONS[code]} "
                f"[{errno.errorcode.get(code, code)}]{where}. Nothing was replaced: the previous "
                "release, latest.json and facts.duckdb are as they were. Free space or fix "
                "permissions, then run again.",
            ) from exc
