"""What a release is, as callers see it: plain records, no behaviour.

The Dagster asset reads `ReleaseOutcome`; the DuckDB loader turns `ReleaseRecord`s into
the `releases` table; the catalog renders the same records, so all three agree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

Bump = Literal["initial", "major", "minor", "patch"]


@dataclass(frozen=True)
class FieldInfo:
    name: str
    type: str
    description: str


@dataclass(frozen=True)
class ResourceInfo:
    """One table of a release: its CSV (the validated resource) and its Parquet twin."""

    name: str
    title: str
    description: str
    rows: int
    bytes: int  # of the CSV file
    sha256: str  # of the CSV file, hex
    csv_path: Path
    parquet_path: Path
    parquet_bytes: int
    parquet_sha256: str
    fields: tuple[FieldInfo, ...] = ()


@dataclass(frozen=True)
class ReleaseRecord:
    """A complete release found on disk under `releases/<version>/`."""

    version: str
    path: Path
    created: str
    bump: Bump
    previous_version: str | None
    changelog_summary: str
    resources: tuple[ResourceInfo, ...]
    # Every file of the release folder (relative path -> sha256 hex), so a citation can
    # pin the exact bytes, descriptor and changelog included.
    sha256: dict[str, str] = field(default_factory=dict)
    is_latest: bool = False

    @property
    def row_counts(self) -> dict[str, int]:
        return {r.name: r.rows for r in self.resources}


@dataclass(frozen=True)
class ReleaseOutcome:
    """What one call of `publish_release` did.

    `is_new` is False when nothing changed: then `version`/`path` name the latest
    release, `bump` is None and nothing under `releases/` was written.
    """

    version: str
    path: Path
    is_new: bool
    bump: Bump | None
    changelog_summary: str
    resources: tuple[ResourceInfo, ...]
    previous_version: str | None = None
    changes: dict[str, Any] = field(default_factory=dict)
