"""Running the real pipeline in a temporary folder, and reading back what it left.

`build` materializes every asset and check of the project's Definitions in process,
like `make run` does, with the raw and output folders and the limits given.
`output_state` fingerprints an output folder so a case can say "unchanged" or "old or
new, never a mix" about it.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from unittest import mock

import dagster as dg
import duckdb

from pipeline.cache import CACHE_DIR
from pipeline.schemas import quote_ident
from pipeline.settings import DEFAULT_MAX_FILE_BYTES, PipelineSettings

DATABASE_NAME = "facts.duckdb"
# Every build of a case stamps releases with the same time, so the bytes of two
# releases of the same inputs can be compared.
FIXED_EPOCH = "1767225600"  # 2026-01-01T00:00:00Z
QUIET = "CRITICAL"


@dataclass
class Build:
    result: dg.ExecuteInProcessResult
    instance: dg.DagsterInstance
    output_dir: Path

    @property
    def success(self) -> bool:
        return self.result.success

    def materialized(self) -> set[str]:
        return {
            e.asset_key.to_user_string()
            for e in self.result.all_events
            if e.event_type_value == "ASSET_MATERIALIZATION" and e.asset_key is not None
        }

    def materialization_metadata(self, asset: str) -> dict[str, Any]:
        for event in self.result.all_events:
            if event.event_type_value != "ASSET_MATERIALIZATION":
                continue
            if event.asset_key is not None and event.asset_key.to_user_string() == asset:
                return dict(event.event_specific_data.materialization.metadata)
        raise KeyError(f"{asset} was not materialized")

    def check(self, name: str) -> Any:
        """The evaluation of check `asset:check`, e.g. `core_quantities:matches_schema`."""
        for evaluation in self.result.get_asset_check_evaluations():
            if evaluation.asset_check_key.to_user_string() == name:
                return evaluation
        raise KeyError(f"check {name} did not run")

    def failed_checks(self) -> list[str]:
        return sorted(
            e.asset_check_key.to_user_string()
            for e in self.result.get_asset_check_evaluations()
            if not e.passed
        )

    def step_errors(self) -> dict[str, str]:
        """Failed step -> the error the UI shows for it, Dagster's own wrapper left out."""
        errors = {}
        for event in self.result.all_events:
            if event.event_type_value == "STEP_FAILURE" and event.step_key:
                error = event.event_specific_data.error
                messages = []
                while error is not None:
                    if not error.cls_name or not error.cls_name.startswith("Dagster"):
                        messages.append(error.message.strip())
                    error = error.cause
                errors[event.step_key] = " <- caused by: ".join(messages)
        return errors

    def warnings(self) -> list[str]:
        return [
            entry.user_message
            for entry in self.instance.all_logs(self.result.run_id)
            if entry.level is not None and int(entry.level) >= 30 and entry.user_message
        ]


def build(
    raw_dir: Path,
    output_dir: Path,
    *,
    work_dir: Path,
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES,
    env: dict[str, str] | None = None,
    log_level: str = QUIET,
) -> Build:
    """Materialize everything from `raw_dir` into `output_dir`; never raises for a
    failed step (the Build says what failed)."""
    from pipeline.definitions import all_assets, all_checks
    from pipeline.io_manager import TableFrameIOManager

    settings = PipelineSettings(
        raw_dir=str(raw_dir), output_dir=str(output_dir), max_file_bytes=max_file_bytes
    )
    work_dir.mkdir(parents=True, exist_ok=True)
    instance = dg.DagsterInstance.ephemeral(tempdir=str(work_dir))
    with mock.patch.dict(os.environ, {"SOURCE_DATE_EPOCH": FIXED_EPOCH, **(env or {})}):
        result = dg.materialize(
            [*all_assets, *all_checks],
            resources={"settings": settings, "io_manager": TableFrameIOManager()},
            instance=instance,
            raise_on_error=False,
            run_config={"loggers": {"console": {"config": {"log_level": log_level}}}},
        )
    return Build(result, instance, Path(output_dir))


# --- reading an output folder back ------------------------------------------------


def _is_hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


def _is_internal(relative: Path) -> bool:
    """The extraction cache is the pipeline's scratch space, not something published:
    a torn entry is a cache miss by design (see pipeline.cache)."""
    return relative.parts[: len(CACHE_DIR.parts)] == CACHE_DIR.parts


def _sha(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


@dataclass(frozen=True)
class OutputState:
    """What a user can see in an output folder.

    `files`: every visible file but the database, with its sha256; `database`: a
    fingerprint of every table and view of facts.duckdb (its bytes are not
    reproducible, its content is); `database_sha`: its bytes, to prove "untouched";
    `hidden`: work files a killed run may leave (never visible as a release); the
    extraction cache is left out altogether;
    `pointer_version`: the release latest.json names.
    """

    files: dict[str, str]
    database: str | None
    database_sha: str | None
    tables: dict[str, int]
    hidden: tuple[str, ...]
    pointer_version: str | None


def database_fingerprint(db_path: Path) -> tuple[str, dict[str, int]]:
    """sha256 over the sorted rows of every table and view, and the row counts."""
    digest = hashlib.sha256()
    counts: dict[str, int] = {}
    with duckdb.connect(str(db_path), read_only=True) as con:
        names = con.execute(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = 'main' ORDER BY table_name"
        ).fetchall()
        for (name,) in names:
            rows = con.execute(f"SELECT * FROM {quote_ident(name)} ORDER BY ALL").fetchall()
            counts[name] = len(rows)
            digest.update(name.encode())
            digest.update(repr(rows).encode())
    return digest.hexdigest(), counts


def output_state(output_dir: Path) -> OutputState:
    output_dir = Path(output_dir)
    files: dict[str, str] = {}
    hidden: list[str] = []
    database = database_sha = None
    tables: dict[str, int] = {}
    if output_dir.is_dir():
        for path in sorted(output_dir.rglob("*")):
            relative = path.relative_to(output_dir)
            if path.is_dir():
                continue
            if _is_internal(relative):
                continue
            if _is_hidden(relative):
                top = relative.parts[0]
                if top != ".pipeline.lock" and top not in hidden:
                    hidden.append(top)
            elif str(relative) == DATABASE_NAME:
                database_sha = _sha(path)
                database, tables = database_fingerprint(path)
            else:
                files[str(relative)] = _sha(path)
    pointer = output_dir / "releases" / "latest.json"
    version = None
    if pointer.is_file():
        version = json.loads(pointer.read_text(encoding="utf-8")).get("version")
    return OutputState(files, database, database_sha, tables, tuple(hidden), version)


def read_release_csv(output_dir: Path, table: str) -> list[dict[str, str]]:
    """Rows of `table` in the release latest.json names."""
    releases = Path(output_dir) / "releases"
    version = json.loads((releases / "latest.json").read_text(encoding="utf-8"))["version"]
    text = (releases / version / f"{table}.csv").read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def query(output_dir: Path, sql: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
    with duckdb.connect(str(Path(output_dir) / DATABASE_NAME), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()
