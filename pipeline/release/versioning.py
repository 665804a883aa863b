"""What changed since the previous release, and which version that makes.

The rules (Data Package versioning, as the project states them):
- major: a resource disappears, or a schema changes incompatibly: a field removed,
  renamed (seen as removed + added), retyped or moved (CSV readers and Table Schema's
  default `fieldsMatch: exact` go by position), or the primary key changes (rows would
  no longer be identified the same way);
- minor: a resource, a field or rows are added;
- patch: values of existing rows change, rows are withdrawn (a correction: a fact that
  was read wrongly), or only metadata changes (descriptions, constraints, foreign keys,
  sources, licenses), or the files are re-encoded with the same rows;
- nothing changed: no release.

Rows are matched on the table's primary key, which is content-derived, so a corrected
value shows up as a changed row rather than as one row removed and another added. A
table whose CSV and Parquet files hash the same as in the previous release holds the
same rows, so its rows are not compared (the common case when one document changes).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import pyarrow as pa

from pipeline.release.rows import arrow_row_changes, check_unique

_VERSION = re.compile(r"(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)")
_RANK = {"patch": 1, "minor": 2, "major": 3}
FIRST_VERSION = "1.0.0"


def parse_version(text: str) -> tuple[int, int, int] | None:
    match = _VERSION.fullmatch(text)
    if not match:
        return None
    major, minor, patch = (int(g) for g in match.groups())
    return major, minor, patch


def next_version(previous: str | None, bump: str) -> str:
    if previous is None or bump == "initial":
        return FIRST_VERSION
    parsed = parse_version(previous)
    if parsed is None:
        raise ValueError(f"not a release version: {previous!r}")
    major, minor, patch = parsed
    if bump == "major":
        return f"{major + 1}.0.0"
    if bump == "minor":
        return f"{major}.{minor + 1}.0"
    if bump == "patch":
        return f"{major}.{minor}.{patch + 1}"
    raise ValueError(f"unknown bump {bump!r}")


@dataclass(frozen=True)
class Snapshot:
    """One side of a diff: package metadata, resource descriptors and a loader of a
    resource's rows (`table(name, fields)`: those fields only, as Arrow)."""

    metadata: Mapping[str, Any]
    resources: Mapping[str, Mapping[str, Any]]
    table: Callable[[str, list[str]], pa.Table]


def _fields(resource: Mapping[str, Any]) -> list[dict[str, Any]]:
    return list(resource["schema"]["fields"])


def _schema_changes(name: str, old: Mapping[str, Any], new: Mapping[str, Any]) -> list[dict]:
    changes: list[dict[str, Any]] = []

    def add(change: str, impact: str, **detail: Any) -> None:
        changes.append({"resource": name, "change": change, **detail, "impact": impact})

    old_fields = {f["name"]: f for f in _fields(old)}
    new_fields = {f["name"]: f for f in _fields(new)}
    for field_name in old_fields:
        if field_name not in new_fields:
            add("field_removed", "major", field=field_name, old=old_fields[field_name]["type"])
    for field_name in new_fields:
        if field_name not in old_fields:
            add("field_added", "minor", field=field_name, new=new_fields[field_name]["type"])
    for field_name, new_field in new_fields.items():
        old_field = old_fields.get(field_name)
        if old_field is None:
            continue
        if old_field["type"] != new_field["type"]:
            add(
                "field_retyped",
                "major",
                field=field_name,
                old=old_field["type"],
                new=new_field["type"],
            )
        for prop in sorted((set(old_field) | set(new_field)) - {"name", "type"}):
            if old_field.get(prop) != new_field.get(prop):
                add(
                    "field_changed",
                    "patch",
                    field=field_name,
                    property=prop,
                    old=old_field.get(prop),
                    new=new_field.get(prop),
                )
    common_old = [f for f in old_fields if f in new_fields]
    common_new = [f for f in new_fields if f in old_fields]
    if common_old != common_new:
        add("fields_reordered", "major", old=common_old, new=common_new)

    old_schema, new_schema = old["schema"], new["schema"]
    if list(old_schema.get("primaryKey", [])) != list(new_schema.get("primaryKey", [])):
        add(
            "primary_key_changed",
            "major",
            old=old_schema.get("primaryKey", []),
            new=new_schema.get("primaryKey", []),
        )
    for prop in sorted((set(old_schema) | set(new_schema)) - {"fields", "primaryKey"}):
        if old_schema.get(prop) != new_schema.get(prop):
            old_value, new_value = old_schema.get(prop), new_schema.get(prop)
            add("schema_changed", "patch", property=prop, old=old_value, new=new_value)
    for prop in ("title", "description"):
        if old.get(prop) != new.get(prop):
            add("resource_changed", "patch", property=prop, old=old.get(prop), new=new.get(prop))
    return changes


def _resource_diff(
    name: str, old: Mapping[str, Any], new: Mapping[str, Any], before: Snapshot, after: Snapshot
) -> tuple[list[dict], dict[str, Any]]:
    schema_changes = _schema_changes(name, old, new)
    old_types = {f["name"]: f["type"] for f in _fields(old)}
    new_order = [f["name"] for f in _fields(new)]
    old_key = list(old["schema"].get("primaryKey", []))
    new_key = list(new["schema"].get("primaryKey", []))
    # Without a stable key (none, or a changed one) a row is identified by every field
    # both versions share with the same type: edits then read as remove + add.
    comparable = [f for f in new_order if old_types.get(f) == _type_of(new, f)]
    key_fields = new_key if (new_key and new_key == old_key) else comparable
    compared = [f for f in comparable if f not in key_fields]
    entry: dict[str, Any] = {
        "status": "unchanged",
        "key_fields": key_fields,
        "rows_before": old.get("rows"),
        "rows": new.get("rows"),
    }
    files_differ = old.get("hash") != new.get("hash") or (old.get("parquet") or {}).get("hash") != (
        new.get("parquet") or {}
    ).get("hash")
    if files_differ:
        fields = [*key_fields, *compared]
        entry.update(
            arrow_row_changes(
                name, before.table(name, fields), after.table(name, fields), key_fields, compared
            )
        )
    else:
        # Both files byte for byte as published: the same rows, so nothing to compare.
        # Rows identified by all their fields must still be distinct, as the full
        # comparison would have insisted (a declared key was checked on publishing).
        if key_fields != new_key:
            check_unique(after.table(name, key_fields), key_fields, name)
        entry.update({"added": [], "removed": [], "changed": []})
    if entry["added"] or entry["removed"] or entry["changed"] or schema_changes:
        entry["status"] = "changed"
    elif files_differ:
        entry["status"] = "reencoded"
    return schema_changes, entry


def _type_of(resource: Mapping[str, Any], field_name: str) -> str | None:
    return next((f["type"] for f in _fields(resource) if f["name"] == field_name), None)


def _by_doc(entries: Any) -> dict[str, dict[str, Any]] | None:
    if not isinstance(entries, list):
        return None
    if not all(isinstance(e, dict) and isinstance(e.get("doc_id"), str) for e in entries):
        return None
    return {e["doc_id"]: e for e in entries}


def _metadata_change(prop: str, old: Any, new: Any) -> dict[str, Any]:
    """A package property that changed; for the sources, which documents and fields."""
    change: dict[str, Any] = {"property": prop, "impact": "patch"}
    old_docs, new_docs = _by_doc(old), _by_doc(new)
    if old_docs is not None and new_docs is not None:
        change["added"] = sorted(set(new_docs) - set(old_docs))
        change["removed"] = sorted(set(old_docs) - set(new_docs))
        change["changed"] = {
            doc: sorted(
                k
                for k in set(old_docs[doc]) | set(new_docs[doc])
                if old_docs[doc].get(k) != new_docs[doc].get(k)
            )
            for doc in sorted(set(old_docs) & set(new_docs))
            if old_docs[doc] != new_docs[doc]
        }
    return change


def diff(before: Snapshot | None, after: Snapshot) -> dict[str, Any]:
    """Everything that changed, JSON-ready, with `bump` (None when nothing did)."""
    if before is None:
        return {
            "bump": "initial",
            "schema_changes": [],
            "metadata_changes": [],
            "resources": {
                name: {"status": "added", "rows_before": None, "rows": res.get("rows")}
                for name, res in after.resources.items()
            },
        }
    schema_changes: list[dict[str, Any]] = []
    resources: dict[str, dict[str, Any]] = {}
    for name, old in before.resources.items():
        if name not in after.resources:
            schema_changes.append(
                {"resource": name, "change": "resource_removed", "impact": "major"}
            )
            resources[name] = {"status": "removed", "rows_before": old.get("rows"), "rows": None}
    for name, new in after.resources.items():
        old = before.resources.get(name)
        if old is None:
            schema_changes.append({"resource": name, "change": "resource_added", "impact": "minor"})
            resources[name] = {"status": "added", "rows_before": None, "rows": new.get("rows")}
            continue
        changes, entry = _resource_diff(name, old, new, before, after)
        schema_changes.extend(changes)
        resources[name] = entry
    metadata_changes = [
        _metadata_change(prop, before.metadata.get(prop), after.metadata.get(prop))
        for prop in sorted(set(before.metadata) | set(after.metadata))
        if before.metadata.get(prop) != after.metadata.get(prop)
    ]
    impacts = [c["impact"] for c in [*schema_changes, *metadata_changes]]
    for entry in resources.values():
        if entry.get("added"):
            impacts.append("minor")
        if entry.get("removed") or entry.get("changed") or entry["status"] == "reencoded":
            impacts.append("patch")
    bump = max(impacts, key=_RANK.__getitem__) if impacts else None
    return {
        "bump": bump,
        "schema_changes": schema_changes,
        "metadata_changes": metadata_changes,
        "resources": dict(sorted(resources.items())),
    }
