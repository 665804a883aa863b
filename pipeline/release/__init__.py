"""Versioned, immutable, atomically published releases of the data package.

`publish_release` writes `outputs/releases/<version>/` (CSV + Parquet per table,
datapackage.json, CHANGELOG.md, changes.json), regenerates `outputs/index.html` and
switches `outputs/releases/latest.json`; `list_releases` reads back what is on disk.
"""

from pipeline.release.publish import FaultHook, publish_release
from pipeline.release.records import (
    FieldInfo,
    ReleaseOutcome,
    ReleaseRecord,
    ResourceInfo,
)
from pipeline.release.store import list_releases

__all__ = [
    "FaultHook",
    "FieldInfo",
    "ReleaseOutcome",
    "ReleaseRecord",
    "ResourceInfo",
    "list_releases",
    "publish_release",
]
