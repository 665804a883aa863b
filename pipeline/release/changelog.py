"""A release's change record, for people (`CHANGELOG.md`) and machines (`changes.json`).

Both are rendered from the one dict `versioning.diff` returns, so they cannot disagree.
Schema changes come first: they are what breaks a reader's code.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from pipeline.release.datapackage import PACKAGE_NAME

_BACKTICKS = re.compile(r"`+")
_SUMMARY_ITEMS = 4


def _code(value: Any) -> str:
    """A Markdown code span that survives backticks inside the value."""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    text = text.replace("\r", "\\r").replace("\n", "\\n")
    fence = "`" * (max((len(m) for m in _BACKTICKS.findall(text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") or not text else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _value(value: Any) -> str:
    return _code(json.dumps(value, ensure_ascii=False))


def _key(key: Mapping[str, Any]) -> str:
    if len(key) == 1:
        return _code(str(next(iter(key.values()))))
    return ", ".join(f"{name}={_code(str(v))}" for name, v in key.items())


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def describe_schema_change(change: Mapping[str, Any]) -> str:
    kind = change["change"]
    field = change.get("field")
    if kind == "resource_added":
        return "resource added"
    if kind == "resource_removed":
        return "resource removed"
    if kind == "field_removed":
        return f"field {field} removed (was {change['old']})"
    if kind == "field_added":
        return f"field {field} added ({change['new']})"
    if kind == "field_retyped":
        return f"field {field} retyped {change['old']} -> {change['new']}"
    if kind == "fields_reordered":
        return "fields reordered"
    if kind == "primary_key_changed":
        return f"primary key {change['old']} -> {change['new']}"
    if kind == "field_changed":
        return f"field {field}: {change['property']} changed"
    return f"{change.get('property', kind)} changed"


def _describe_metadata_change(change: Mapping[str, Any]) -> str:
    line = f"- package {change['property']} changed"
    details = [f"{doc} added" for doc in change.get("added", [])]
    details += [f"{doc} removed" for doc in change.get("removed", [])]
    details += [f"{doc} ({', '.join(fields)})" for doc, fields in change.get("changed", {}).items()]
    return f"{line}: {'; '.join(details)}" if details else line


def _resource_counts(entry: Mapping[str, Any]) -> str:
    parts = []
    for label, name in (("added", "added"), ("removed", "removed"), ("changed", "changed")):
        if entry.get(name):
            parts.append(f"{len(entry[name])} {label}")
    return ", ".join(parts)


def summary(changes: Mapping[str, Any]) -> str:
    """One line: what a reader of the catalog or the `releases` table needs first."""
    resources = changes["resources"]
    if changes["bump"] == "initial":
        listed = ", ".join(f"{n} ({_plural(e['rows'], 'row')})" for n, e in resources.items())
        return f"initial release: {listed}"
    parts = [f"{c['resource']}: {describe_schema_change(c)}" for c in changes["schema_changes"]]
    if len(parts) > _SUMMARY_ITEMS:
        parts = [*parts[:_SUMMARY_ITEMS], f"{len(parts) - _SUMMARY_ITEMS} more schema changes"]
    for name, entry in resources.items():
        counts = _resource_counts(entry)
        if counts:
            parts.append(f"{name}: rows {counts}")
        elif entry["status"] == "reencoded":
            parts.append(f"{name}: files re-encoded, same rows")
    if changes["metadata_changes"]:
        props = ", ".join(c["property"] for c in changes["metadata_changes"])
        parts.append(f"metadata: {props}")
    previous = changes.get("previous_version")
    return f"{changes['bump']} release over {previous}: " + "; ".join(parts)


def changes_document(
    changes: Mapping[str, Any], version: str, previous: str | None, created: str
) -> dict[str, Any]:
    document = {
        "version": version,
        "previous_version": previous,
        "created": created,
        "bump": changes["bump"],
        **{k: v for k, v in changes.items() if k != "bump"},
    }
    document["summary"] = summary(document)
    return document


def changes_json(document: Mapping[str, Any]) -> bytes:
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _resource_section(name: str, entry: Mapping[str, Any]) -> list[str]:
    status = entry["status"]
    rows, before = entry.get("rows"), entry.get("rows_before")
    lines = [f"### {name}", ""]
    if status == "added":
        return [*lines, f"New resource, {_plural(rows, 'row')}.", ""]
    if status == "removed":
        return [*lines, f"Resource removed (had {_plural(before, 'row')}).", ""]
    if status == "unchanged":
        return [*lines, f"Unchanged, {_plural(rows, 'row')}.", ""]
    lines += [f"{_plural(rows, 'row')} (was {before}).", ""]
    if status == "reencoded":
        return [*lines, "Same rows; the files were re-encoded (new bytes, new hashes).", ""]
    lines += [f"Rows are identified by {', '.join(entry['key_fields'])}.", ""]
    for label in ("added", "removed"):
        keys = entry.get(label) or []
        if keys:
            lines += [f"Rows {label} ({len(keys)}):", ""]
            lines += [f"- {_key(k)}" for k in keys]
            lines.append("")
    changed = entry.get("changed") or []
    if changed:
        lines += [f"Rows changed ({len(changed)}):", ""]
        for row in changed:
            edits = "; ".join(
                f"{f}: {_value(v['old'])} -> {_value(v['new'])}" for f, v in row["fields"].items()
            )
            lines.append(f"- {_key(row['key'])}: {edits}")
        lines.append("")
    if not (entry.get("added") or entry.get("removed") or changed):
        lines += ["No row changed (schema only).", ""]
    return lines


def changelog_markdown(document: Mapping[str, Any]) -> bytes:
    version, bump = document["version"], document["bump"]
    title = f"# {PACKAGE_NAME} {version}"
    if bump == "initial":
        lines = [title, "", f"Created {document['created']}. This is the initial release.", ""]
        lines += [f"Summary: {document['summary']}.", "", "## Resources", ""]
        for name, entry in document["resources"].items():
            lines.append(f"- {name}: {_plural(entry['rows'], 'row')}")
        return ("\n".join(lines) + "\n").encode("utf-8")
    lines = [
        title,
        "",
        f"Created {document['created']}. A {bump} release over {document['previous_version']}.",
        "",
        f"Summary: {document['summary']}.",
        "",
        "## Schema changes",
        "",
    ]
    if document["schema_changes"]:
        for change in document["schema_changes"]:
            line = f"- {change['resource']}: {describe_schema_change(change)} ({change['impact']})"
            if change["change"] in ("field_changed", "schema_changed", "resource_changed"):
                line += f": {_value(change.get('old'))} -> {_value(change.get('new'))}"
            lines.append(line)
    else:
        lines.append("None.")
    lines += ["", "## Metadata changes", ""]
    if document["metadata_changes"]:
        lines += [_describe_metadata_change(c) for c in document["metadata_changes"]]
    else:
        lines.append("None.")
    lines += ["", "## Rows", ""]
    for name, entry in document["resources"].items():
        lines += _resource_section(name, entry)
    return ("\n".join(lines).rstrip("\n") + "\n").encode("utf-8")
