"""Publishing a release: diff against the latest, then write it so a crash is harmless.

Order of work, each step safe to die after:
1. take the releases folder's lock and delete what a killed run left (`.publish-tmp-*`);
2. encode every table (CSV + Parquet bytes) and diff against the latest complete release;
   nothing changed -> no release;
3. write every file into `releases/.publish-tmp-<random>/`, `datapackage.json` last;
4. `os.rename` that folder to `releases/<version>/` (atomic; fails rather than overwrite);
5. regenerate `index.html` (atomic replace);
6. switch `latest.json` (atomic replace) -- last, so it never names an incomplete release.
A crash before 4 leaves the old state (plus a hidden temp folder, removed next time); after
4 the new release is complete and the next publish, finding nothing to change, repairs the
catalog and the pointer.

`fault_hook(step)` is called after each step with the step's name; tests make it raise
to interrupt publishing at any point.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.release.catalog import catalog_html
from pipeline.release.changelog import changelog_markdown, changes_document, changes_json
from pipeline.release.datapackage import (
    metadata_of,
    package_descriptor,
    package_metadata,
    resource_descriptor,
)
from pipeline.release.files import EncodedTable, encode_table, read_parquet_rows
from pipeline.release.records import ReleaseOutcome
from pipeline.release.store import (
    CATALOG_NAME,
    CHANGELOG_NAME,
    CHANGES_NAME,
    DESCRIPTOR_NAME,
    POINTER_NAME,
    TEMP_PREFIX,
    complete_versions,
    exclusive,
    fsync_dir,
    pointer_bytes,
    read_json,
    read_pointer,
    read_release,
    releases_dir,
    remove_leftovers,
    replace_file,
    write_file,
)
from pipeline.release.versioning import Snapshot, diff, index_rows, next_version
from pipeline.schemas import TableSchema

FaultHook = Callable[[str], None]
# Data Package names: lower-case, so file names made from them are portable too.
_RESOURCE_NAME = re.compile(r"[a-z0-9][a-z0-9._-]*")
_READ_ONLY = 0o444


def _no_fault(step: str) -> None:
    return None


def _check_inputs(
    tables: Mapping[str, pd.DataFrame], schemas: Mapping[str, TableSchema], created: str
) -> None:
    if set(tables) != set(schemas):
        raise ValueError(
            f"tables {sorted(tables)} and schemas {sorted(schemas)} name different resources"
        )
    for name, schema in schemas.items():
        if schema.name != name:
            raise ValueError(f"schema under key {name!r} is named {schema.name!r}")
        if not _RESOURCE_NAME.fullmatch(name):
            raise ValueError(f"resource name {name!r} is not a lower-case Data Package name")
        for fk in schema.foreign_keys:
            target = fk.get("reference", {}).get("resource", "")
            if target and target not in schemas:
                raise ValueError(f"{name}: foreign key to {target!r}, which is not published")
    try:
        dt.datetime.fromisoformat(created)
    except ValueError as exc:
        raise ValueError(f"created {created!r} is not an ISO 8601 timestamp") from exc


def _previous_snapshot(release: Path) -> Snapshot:
    descriptor = read_json(release / DESCRIPTOR_NAME)
    resources = {r["name"]: r for r in descriptor["resources"]}

    def rows(name: str) -> list[dict[str, Any]]:
        parquet = resources[name].get("parquet", {}).get("path", f"{name}.parquet")
        return read_parquet_rows(release / parquet)

    return Snapshot(metadata=metadata_of(descriptor), resources=resources, rows=rows)


def _write_release(
    temp: Path,
    encoded: Sequence[EncodedTable],
    descriptor: dict[str, Any],
    document: dict[str, Any],
    step: FaultHook,
) -> None:
    files: list[tuple[str, bytes]] = []
    for table in encoded:
        files += [(table.csv_name, table.csv), (table.parquet_name, table.parquet)]
    files += [
        (CHANGES_NAME, changes_json(document)),
        (CHANGELOG_NAME, changelog_markdown(document)),
        # Last: a folder holding datapackage.json has everything else already.
        (
            DESCRIPTOR_NAME,
            (json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n").encode("utf-8"),
        ),
    ]
    for name, data in files:
        write_file(temp / name, data)
        os.chmod(temp / name, _READ_ONLY)
        step(f"wrote {name}")
    fsync_dir(temp)


def _finish(output_dir: Path, releases: Path, version: str, step: FaultHook) -> None:
    """Catalog, then pointer: both derived from what is on disk, both atomic."""
    created = read_json(releases / version / DESCRIPTOR_NAME).get("created", "")
    # Marked latest from `version`, not from the pointer: the pointer moves after this.
    records = [read_release(releases / v, version) for v in complete_versions(releases)]
    catalog = output_dir / CATALOG_NAME
    page = catalog_html(records)
    if not catalog.is_file() or catalog.read_bytes() != page:
        replace_file(catalog, page)
    step("wrote catalog")
    if read_pointer(releases) != version:
        replace_file(releases / POINTER_NAME, pointer_bytes(version, created))
    step("switched pointer")


def publish_release(
    output_dir: Path,
    tables: Mapping[str, pd.DataFrame],
    schemas: Mapping[str, TableSchema],
    sources: Sequence[Mapping[str, Any]],
    created: str,
    *,
    fault_hook: FaultHook | None = None,
) -> ReleaseOutcome:
    """Publish `tables` as a new release under `output_dir/releases/` if anything changed.

    `tables` hold exactly their schema's columns (as `TableSchema.frame` builds them);
    `sources` has one mapping per document (title, publisher, published_date, url, sha256,
    file_name, doc_id, optionally terms); `created` is written as is into
    datapackage.json, so the caller decides how reproducible it is.
    """
    step = fault_hook or _no_fault
    output_dir = Path(output_dir)
    _check_inputs(tables, schemas, created)
    releases = releases_dir(output_dir)
    releases.mkdir(parents=True, exist_ok=True)
    with exclusive(releases):
        remove_leftovers(releases, output_dir)
        step("removed leftovers")
        names = sorted(schemas)
        encoded = [encode_table(schemas[n], tables[n]) for n in names]
        for table in encoded:
            key = list(schemas[table.name].primary_key)
            if key:
                index_rows(table.table.select(key).to_pylist(), key, table.name)
        resources = [resource_descriptor(schemas[t.name], t) for t in encoded]
        metadata = package_metadata(sources)
        by_name = {t.name: t for t in encoded}
        after = Snapshot(
            metadata=metadata,
            resources={r["name"]: r for r in resources},
            rows=lambda name: by_name[name].table.to_pylist(),
        )
        versions = complete_versions(releases)
        previous = versions[-1] if versions else None
        before = _previous_snapshot(releases / previous) if previous else None
        changes = diff(before, after)

        if changes["bump"] is None:
            assert previous is not None  # a first release always has bump "initial"
            _finish(output_dir, releases, previous, step)
            record = read_release(releases / previous, previous)
            return ReleaseOutcome(
                version=previous,
                path=record.path,
                is_new=False,
                bump=None,
                changelog_summary=f"nothing changed since {previous}",
                resources=record.resources,
                previous_version=previous,
                changes={},
            )

        version = next_version(previous, changes["bump"])
        target = releases / version
        if target.exists():
            raise FileExistsError(f"release {version} exists; releases are never overwritten")
        document = changes_document(changes, version, previous, created)
        descriptor = package_descriptor(metadata, version, created, resources)
        temp = Path(tempfile.mkdtemp(prefix=TEMP_PREFIX, dir=releases))
        try:
            _write_release(temp, encoded, descriptor, document, step)
            os.chmod(temp, 0o755)
            # rename(2) onto an existing non-empty folder fails: never an overwrite.
            os.rename(temp, target)
        except Exception:
            shutil.rmtree(temp, ignore_errors=True)
            raise
        fsync_dir(releases)
        step("renamed release")
        _finish(output_dir, releases, version, step)
        record = read_release(target, version)
        return ReleaseOutcome(
            version=version,
            path=target,
            is_new=True,
            bump=changes["bump"],
            changelog_summary=document["summary"],
            resources=record.resources,
            previous_version=previous,
            changes=document,
        )
