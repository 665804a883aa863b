"""A sensor that rebuilds everything when the raw directory changes.

The cursor remembers a fingerprint of the raw directory's content, so a tick that finds
the same content requests nothing, and a file that is only touched (new mtime, same
bytes) does not start a build. Stopped by default; docs/ui.md explains why.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from dataclasses import dataclass
from pathlib import Path

import dagster as dg

from pipeline.settings import PipelineSettings

BUILD_JOB_NAME = "build_everything"
# A run that is waiting or working still writes the output directory; a second build
# started beside it would race it for the same files.
_BUSY_STATUSES = [
    dg.DagsterRunStatus.NOT_STARTED,
    dg.DagsterRunStatus.QUEUED,
    dg.DagsterRunStatus.STARTING,
    dg.DagsterRunStatus.STARTED,
    dg.DagsterRunStatus.CANCELING,
]


@dataclass(frozen=True)
class RawDirState:
    """What the sensor saw last time: the content fingerprint and how many changes so far."""

    fingerprint: str
    generation: int

    def to_cursor(self) -> str:
        return json.dumps({"fingerprint": self.fingerprint, "generation": self.generation})

    @classmethod
    def from_cursor(cls, cursor: str | None) -> RawDirState | None:
        if not cursor:
            return None
        try:
            data = json.loads(cursor)
            return cls(fingerprint=str(data["fingerprint"]), generation=int(data["generation"]))
        except (ValueError, KeyError, TypeError):
            # A cursor from another version of this sensor: treat the directory as unseen.
            return None


def _file_identity(path: Path, root: Path, max_file_bytes: int) -> str:
    """What of one file can change the build's outputs, as a short string."""
    try:
        if path.is_symlink() and not path.resolve().is_relative_to(root):
            # Ingest quarantines such a link unread: only the link itself matters.
            return f"link-outside:{os.readlink(path)}"
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):
            # A FIFO or device would block a read forever; ingest quarantines it unread.
            return f"not-a-file:{stat.S_IFMT(status.st_mode)}"
        size = status.st_size
        if size > max_file_bytes:
            # Ingest quarantines it on its size alone; reading it would only cost time.
            return f"over-limit:{size}:{path.stat().st_mtime_ns}"
        with path.open("rb") as handle:
            return "sha256:" + hashlib.file_digest(handle, "sha256").hexdigest()
    except (OSError, RuntimeError) as exc:
        # Vanished, unreadable or a link loop (RuntimeError on Python 3.11): ingest will
        # quarantine it.
        return f"unreadable:{getattr(exc, 'errno', None)}"


def raw_dir_fingerprint(raw_dir: Path, max_file_bytes: int) -> tuple[str, int]:
    """A sha256 over (name, content identity) of every file ingest would look at.

    The manifest and non-document files count too: the manifest changes document
    metadata and a stray file changes the quarantine table. Hidden files and folders are
    skipped as ingest skips them, so an editor's swap file does not start a build.
    Returns the hex digest and the number of files it covers.
    """
    root = raw_dir.resolve()
    digest = hashlib.sha256()
    count = 0
    for path in sorted(raw_dir.iterdir(), key=lambda p: p.name):
        if path.name.startswith(".") or path.is_dir():
            continue
        identity = _file_identity(path, root, max_file_bytes)
        # NUL and newline cannot both appear inside a file name on POSIX, so entries
        # never run into each other.
        digest.update(f"{path.name}\0{identity}\n".encode("utf-8", "surrogateescape"))
        count += 1
    return digest.hexdigest(), count


@dg.sensor(
    job_name=BUILD_JOB_NAME,
    minimum_interval_seconds=30,
    default_status=dg.DefaultSensorStatus.STOPPED,
    description=(
        "Watches the raw directory (PIPELINE_RAW_DIR, default raw/). When a file is added, "
        "removed or its bytes change, requests one run of build_everything. The first tick "
        "after it is turned on builds once, so the outputs match the directory. Waits while "
        "a build is already queued or running. Off by default: turn it on under Automation."
    ),
)
def raw_files_sensor(
    context: dg.SensorEvaluationContext, settings: PipelineSettings
) -> dg.RunRequest | dg.SkipReason | dg.SensorResult:
    raw_dir = settings.raw_path
    if not raw_dir.is_dir():
        return dg.SkipReason(f"raw directory {raw_dir} does not exist")

    fingerprint, file_count = raw_dir_fingerprint(raw_dir, settings.max_file_bytes)
    previous = RawDirState.from_cursor(context.cursor)
    if previous is not None and previous.fingerprint == fingerprint:
        return dg.SkipReason(f"no change in {file_count} raw files since the last build request")

    busy = context.instance.get_runs(
        filters=dg.RunsFilter(job_name=BUILD_JOB_NAME, statuses=_BUSY_STATUSES), limit=1
    )
    if busy:
        # Cursor left as it was, so the change is still new at the next tick.
        return dg.SkipReason(
            f"raw files changed, but run {busy[0].run_id} of {BUILD_JOB_NAME} is still in "
            "progress; will request a build once it ends"
        )

    state = RawDirState(
        fingerprint=fingerprint, generation=(previous.generation + 1 if previous else 1)
    )
    # The run key makes a re-evaluated tick (daemon restart before the cursor was saved)
    # a no-op. The generation is in it because Dagster never reuses a run key: content
    # that changes and then changes back must still rebuild.
    run_request = dg.RunRequest(
        run_key=f"raw-{state.generation}-{fingerprint}",
        tags={
            "raw_fingerprint": fingerprint,
            "raw_files": str(file_count),
            "trigger": "raw_files_sensor",
        },
    )
    return dg.SensorResult(run_requests=[run_request], cursor=state.to_cursor())
