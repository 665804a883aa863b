"""The release folder on disk: reading releases, the pointer, and crash-safe writes.

Layout under `<output_dir>/releases/`:
- `<version>/`: one complete, immutable release. A folder only ever appears there by one
  `os.rename` of a finished temporary folder, so its presence means it is complete.
- `latest.json`: the pointer, a small JSON file with relative paths (a symlink would not
  survive a copy to object storage, and a folder named `latest` would list as a release).
- `.publish-tmp-*`: work in progress; anything with that prefix is left over from a run
  that died and is removed by the next publish.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pipeline.release.records import FieldInfo, ReleaseRecord, ResourceInfo
from pipeline.release.versioning import parse_version

RELEASES_DIR = "releases"
POINTER_NAME = "latest.json"
CATALOG_NAME = "index.html"
DESCRIPTOR_NAME = "datapackage.json"
CHANGES_NAME = "changes.json"
CHANGELOG_NAME = "CHANGELOG.md"
TEMP_PREFIX = ".publish-tmp-"


def releases_dir(output_dir: Path) -> Path:
    return Path(output_dir) / RELEASES_DIR


def fsync_dir(path: Path) -> None:
    """Make a rename or a new entry in `path` durable (a no-op where unsupported)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_file(path: Path, data: bytes) -> None:
    """Write and flush to disk; used inside a temporary folder that is renamed later."""
    with open(path, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def replace_file(path: Path, data: bytes) -> None:
    """Replace `path` atomically: readers see the old bytes or the new, never a mix."""
    temp = path.parent / f"{TEMP_PREFIX}{path.name}-{os.getpid()}"
    write_file(temp, data)
    os.replace(temp, path)
    fsync_dir(path.parent)


@contextlib.contextmanager
def exclusive(folder: Path) -> Iterator[None]:
    """One publisher at a time per releases folder (the lock dies with the process)."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


def remove_leftovers(*folders: Path) -> list[str]:
    """Delete temporary files and folders a killed run left behind; call under the lock."""
    removed = []
    for folder in folders:
        if not folder.is_dir():
            continue
        for entry in sorted(folder.iterdir()):
            if not entry.name.startswith(TEMP_PREFIX):
                continue
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry)
            else:
                entry.unlink()
            removed.append(entry.name)
    return removed


def complete_versions(releases: Path) -> list[str]:
    """Versions of the releases on disk, oldest first."""
    if not releases.is_dir():
        return []
    found = []
    for entry in releases.iterdir():
        parsed = parse_version(entry.name)
        if parsed and entry.is_dir() and (entry / DESCRIPTOR_NAME).is_file():
            found.append((parsed, entry.name))
    return [name for _, name in sorted(found)]


def read_pointer(releases: Path) -> str | None:
    """The version `latest.json` names, if it names a release that exists."""
    try:
        pointer = json.loads((releases / POINTER_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    version = pointer.get("version") if isinstance(pointer, dict) else None
    if isinstance(version, str) and (releases / version / DESCRIPTOR_NAME).is_file():
        return version
    return None


def pointer_bytes(version: str, created: str) -> bytes:
    pointer = {
        "version": version,
        "created": created,
        "path": f"{version}/",
        "datapackage": f"{version}/{DESCRIPTOR_NAME}",
        "changelog": f"{version}/{CHANGELOG_NAME}",
    }
    return (json.dumps(pointer, indent=2) + "\n").encode("utf-8")


def read_json(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def _hash_of(resource: dict[str, Any]) -> str:
    return str(resource.get("hash", "")).removeprefix("sha256:")


def read_release(path: Path, latest: str | None = None) -> ReleaseRecord:
    descriptor = read_json(path / DESCRIPTOR_NAME)
    changes = read_json(path / CHANGES_NAME)
    resources = []
    for res in descriptor["resources"]:
        parquet = res.get("parquet", {})
        resources.append(
            ResourceInfo(
                name=res["name"],
                title=res.get("title", res["name"]),
                description=res.get("description", ""),
                rows=int(res.get("rows", 0)),
                bytes=int(res["bytes"]),
                sha256=_hash_of(res),
                csv_path=path / res["path"],
                parquet_path=path / parquet.get("path", f"{res['name']}.parquet"),
                parquet_bytes=int(parquet.get("bytes", 0)),
                parquet_sha256=_hash_of(parquet),
                fields=tuple(
                    FieldInfo(f["name"], f["type"], f.get("description", ""))
                    for f in res["schema"]["fields"]
                ),
            )
        )
    # Data files are immutable and their hashes are in the descriptor (checked by
    # `frictionless validate` and the tests); only the small text files are hashed here,
    # so listing many releases does not re-read every download.
    hashes = {r.csv_path.name: r.sha256 for r in resources}
    hashes.update({r.parquet_path.name: r.parquet_sha256 for r in resources})
    for name in (DESCRIPTOR_NAME, CHANGES_NAME, CHANGELOG_NAME):
        hashes[name] = hashlib.sha256((path / name).read_bytes()).hexdigest()
    hashes = dict(sorted(hashes.items()))
    return ReleaseRecord(
        version=path.name,
        path=path,
        created=str(descriptor.get("created", "")),
        bump=changes.get("bump", "initial"),
        previous_version=changes.get("previous_version"),
        changelog_summary=changes.get("summary", ""),
        resources=tuple(resources),
        sha256=hashes,
        is_latest=path.name == latest,
    )


def list_releases(output_dir: Path) -> list[ReleaseRecord]:
    """Every complete release under `output_dir/releases/`, oldest first."""
    releases = releases_dir(output_dir)
    latest = read_pointer(releases)
    return [read_release(releases / v, latest) for v in complete_versions(releases)]
