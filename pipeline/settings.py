"""Where the pipeline reads and writes, configured from the environment.

`PIPELINE_RAW_DIR` and `PIPELINE_OUTPUT_DIR` are honored by `make run`, `make ui` and
the tests alike; they default to the repository's `raw/` and `outputs/`.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

import dagster as dg

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_MAX_FILE_BYTES = 50 * 1024 * 1024


class PipelineSettings(dg.ConfigurableResource):
    """Paths and limits of one pipeline deployment."""

    raw_dir: str
    output_dir: str
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES

    @classmethod
    def from_env(cls) -> PipelineSettings:
        return cls(
            raw_dir=os.environ.get("PIPELINE_RAW_DIR", str(REPO_ROOT / "raw")),
            output_dir=os.environ.get("PIPELINE_OUTPUT_DIR", str(REPO_ROOT / "outputs")),
            max_file_bytes=int(
                os.environ.get("PIPELINE_MAX_FILE_BYTES", str(DEFAULT_MAX_FILE_BYTES))
            ),
        )

    @property
    def raw_path(self) -> Path:
        return Path(self.raw_dir).resolve()

    @property
    def output_path(self) -> Path:
        return Path(self.output_dir).resolve()

    @property
    def database_path(self) -> Path:
        return self.output_path / "facts.duckdb"


def build_timestamp(raw_dir: Path) -> str:
    """The `created` stamp of a release, reproducible from the inputs.

    Same inputs must give byte-identical releases, so the stamp cannot be the wall
    clock. Following reproducible-builds.org: SOURCE_DATE_EPOCH when set, else the time
    of the last commit that touched the raw directory when it is tracked by git, else the
    newest modification time among the raw files.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        moment = dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
    else:
        moment = _git_commit_time(raw_dir)
        if moment is None:
            mtimes = [p.stat().st_mtime for p in raw_dir.iterdir() if p.is_file()]
            moment = dt.datetime.fromtimestamp(int(max(mtimes, default=0)), tz=dt.UTC)
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _git_commit_time(path: Path) -> dt.datetime | None:
    try:
        out = subprocess.run(
            ["git", "-C", str(path), "log", "-1", "--format=%ct", "--", "."],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if out.returncode != 0 or not out.stdout.strip():
        return None
    return dt.datetime.fromtimestamp(int(out.stdout.strip()), tz=dt.UTC)
