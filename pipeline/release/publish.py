"""Publishing a release: diff against the latest, then write it so a crash is harmless.

Order of work, each step safe to die after:
1. take the releases folder's lock and delete what a killed run left (`.publish-tmp-*`);
2. encode every table (the CSV's size and hash, the Parquet bytes) and diff against the
   latest complete release; nothing changed -> no release, nothing written;
3. write every file into `releases/.publish-tmp-<random>/`, `datapackage.json` last.
When a release is certain before any row is compared (the first one, or the documents
or the set of tables changed), 2 writes the data files of 3 as it encodes them, so each
CSV is formatted once and streamed to disk; otherwise 2 only hashes them and 3 formats
each CSV again straight into its file, so no CSV is ever held whole in memory.
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
import pyarrow as pa

from pipeline.release.catalog import catalog_html
from pipeline.release.changelog import changelog_markdown, changes_document, changes_json
from pipeline.release.datapackage import (
    metadata_of,
    package_descriptor,
    package_metadata,
    resource_descriptor,
)
from pipeline.release.files import (
    EncodedTable,
    encode_tables,
    read_parquet_table,
    typed_table,
    write_csv,
)
from pipeline.release.records import ReleaseOutcome
from pipeline.release.rows import check_unique
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
from pipeline.release.versioning import Snapshot, diff, next_version
from pipeline.schemas import TableSchema

FaultHook = Callable[[str], None]
# Data Package names: lower-case, so file names made from them are portable too.
_RESOURCE_NAME = re.compile(r"[a-z0-9][a-z0-9._-]*")
_READ_ONLY = 0o444


def _no_fault(step: str) -> None:
    return None


def _check_inputs(
    tables: Mapping[str, pd.DataFrame | pa.Table], schemas: Mapping[str, TableSchema], created: str
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

    def table(name: str, fields: list[str]) -> pa.Table:
        parquet = resources[name].get("parquet", {}).get("path", f"{name}.parquet")
        return read_parquet_table(release / parquet, fields)

    return Snapshot(metadata=metadata_of(descriptor), resources=resources, table=table)


def _typed(
    tables: Mapping[str, pd.DataFrame | pa.Table], schemas: Mapping[str, TableSchema]
) -> dict[str, pa.Table]:
    """Every table typed by its schema, its primary key checked unique."""
    typed = {n: typed_table(schemas[n], tables[n]) for n in sorted(schemas)}
    for name, table in typed.items():
        key = list(schemas[name].primary_key)
        if key:
            check_unique(table, key, name)
    return typed


def _release_certain(
    before: Snapshot | None, metadata: Mapping[str, Any], names: list[str]
) -> bool:
    """Whether a new release follows whatever the rows: a first release, changed
    package metadata (any document added, removed or edited changes `sources`) or a
    table added or removed are each at least a patch."""
    if before is None:
        return True
    return dict(before.metadata) != dict(metadata) or sorted(before.resources) != sorted(names)


def _staging(releases: Path) -> Path:
    return Path(tempfile.mkdtemp(prefix=TEMP_PREFIX, dir=releases))


def _written(temp: Path, step: FaultHook) -> Callable[[str], None]:
    def done(name: str) -> None:
        os.chmod(temp / name, _READ_ONLY)
        step(f"wrote {name}")

    return done


def _write_data(temp: Path, encoded: Sequence[EncodedTable], step: FaultHook) -> None:
    done = _written(temp, step)
    for table in encoded:
        write_csv(temp / table.csv_name, table)
        done(table.csv_name)
        write_file(temp / table.parquet_name, table.parquet)
        done(table.parquet_name)


def _write_metadata(
    temp: Path, descriptor: dict[str, Any], document: dict[str, Any], step: FaultHook
) -> None:
    done = _written(temp, step)
    files = [
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
        done(name)
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
    tables: Mapping[str, pd.DataFrame | pa.Table],
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
        typed = _typed(tables, schemas)
        metadata = package_metadata(sources)
        versions = complete_versions(releases)
        previous = versions[-1] if versions else None
        before = _previous_snapshot(releases / previous) if previous else None
        certain = _release_certain(before, metadata, sorted(typed))
        temp = _staging(releases) if certain else None
        try:
            encoded = encode_tables(typed, temp, _written(temp, step) if temp else None)
            resources = [resource_descriptor(schemas[t.name], t) for t in encoded]
            by_name = {t.name: t for t in encoded}
            after = Snapshot(
                metadata=metadata,
                resources={r["name"]: r for r in resources},
                table=lambda name, fields: by_name[name].table.select(fields),
            )
            changes = diff(before, after)
            if changes["bump"] is not None:
                version = next_version(previous, changes["bump"])
                target = releases / version
                if target.exists():
                    raise FileExistsError(
                        f"release {version} exists; releases are never overwritten"
                    )
                document = changes_document(changes, version, previous, created)
                descriptor = package_descriptor(metadata, version, created, resources)
                if temp is None:
                    temp = _staging(releases)
                    _write_data(temp, encoded, step)
                _write_metadata(temp, descriptor, document, step)
                os.chmod(temp, 0o755)
                # rename(2) onto an existing non-empty folder fails: never an overwrite.
                os.rename(temp, target)
        except Exception:
            if temp is not None:
                shutil.rmtree(temp, ignore_errors=True)
            raise

        if changes["bump"] is None:
            assert previous is not None and temp is None  # a first release is "initial"
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
