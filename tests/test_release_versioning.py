"""Which version a change makes, and what its changelog says."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from pipeline.release import list_releases, publish_release
from pipeline.release.versioning import next_version, parse_version
from tests.test_release_fixtures import (
    CREATED,
    edited_schemas,
    frames,
    publish,
    real_schemas,
    sample_records,
    tree_bytes,
)
from tests.test_release_fixtures import sources as fixture_sources


@pytest.mark.parametrize(
    ("previous", "bump", "expected"),
    [
        (None, "initial", "1.0.0"),
        ("1.0.0", "patch", "1.0.1"),
        ("1.0.9", "patch", "1.0.10"),
        ("1.4.2", "minor", "1.5.0"),
        ("1.4.2", "major", "2.0.0"),
        ("2.10.0", "minor", "2.11.0"),
    ],
)
def test_next_version(previous, bump, expected):
    assert next_version(previous, bump) == expected


@pytest.mark.parametrize(
    ("text", "parsed"),
    [
        ("1.0.0", (1, 0, 0)),
        ("10.20.30", (10, 20, 30)),
        ("1.0", None),
        ("01.0.0", None),
        ("1.0.0-rc1", None),
        ("latest.json", None),
        (".publish-tmp-x", None),
    ],
)
def test_parse_version_accepts_only_release_folder_names(text, parsed):
    assert parse_version(text) == parsed


def _changes(outcome) -> dict[str, Any]:
    return json.loads((outcome.path / "changes.json").read_text(encoding="utf-8"))


def _changelog(outcome) -> str:
    return (outcome.path / "CHANGELOG.md").read_text(encoding="utf-8")


@pytest.fixture
def first(tmp_path: Path):
    return tmp_path / "out", publish(tmp_path / "out")


def test_first_release_is_1_0_0_and_says_initial_release(first):
    _, outcome = first
    assert (outcome.version, outcome.is_new, outcome.bump) == ("1.0.0", True, "initial")
    assert "initial release" in _changelog(outcome)
    changes = _changes(outcome)
    assert changes["bump"] == "initial" and changes["previous_version"] is None
    assert changes["resources"]["quantities"] == {"status": "added", "rows_before": None, "rows": 5}
    assert outcome.changelog_summary.startswith("initial release: documents (2 rows)")


def test_nothing_changed_makes_no_release_and_writes_nothing(first):
    out, outcome = first
    before = tree_bytes(out)
    again = publish(out, created="2030-01-01T00:00:00Z")
    assert (again.version, again.is_new, again.bump) == ("1.0.0", False, None)
    assert again.path == outcome.path
    assert "nothing changed" in again.changelog_summary
    assert tree_bytes(out) == before
    assert [r.version for r in list_releases(out)] == ["1.0.0"]


def test_one_changed_value_is_a_patch_naming_exactly_that_row(first):
    out, _ = first
    records = sample_records()
    records["quantities"][1]["value"] = 0.2
    outcome = publish(out, records)
    assert (outcome.version, outcome.bump) == ("1.0.1", "patch")
    entry = _changes(outcome)["resources"]["quantities"]
    assert entry["added"] == [] and entry["removed"] == []
    assert entry["changed"] == [
        {"key": {"quantity_id": "0000000000000002"}, "fields": {"value": {"old": 0.1, "new": 0.2}}}
    ]
    changelog = _changelog(outcome)
    assert "- `0000000000000002`: value: `0.1` -> `0.2`" in changelog
    assert changelog.count("0000000000000") == 1
    assert "quantities: rows 1 changed" in outcome.changelog_summary


def test_added_rows_are_a_minor_release_listing_their_keys(first):
    out, _ = first
    records = sample_records()
    extra = copy.deepcopy(records["quantities"][0])
    extra.update(quantity_id="00000000000000ff", char_start=900, char_end=912)
    records["quantities"].append(extra)
    outcome = publish(out, records)
    assert (outcome.version, outcome.bump) == ("1.1.0", "minor")
    entry = _changes(outcome)["resources"]["quantities"]
    assert entry["added"] == [{"quantity_id": "00000000000000ff"}]
    assert entry["changed"] == [] and entry["removed"] == []
    assert (entry["rows_before"], entry["rows"]) == (5, 6)
    assert "Rows added (1):\n\n- `00000000000000ff`" in _changelog(outcome)


def test_withdrawn_rows_are_a_patch_listing_their_keys(first):
    out, _ = first
    records = sample_records()
    records["quarantine"] = records["quarantine"][:1]
    outcome = publish(out, records)
    assert (outcome.version, outcome.bump) == ("1.0.1", "patch")
    entry = _changes(outcome)["resources"]["quarantine"]
    assert entry["removed"] == [{"file_name": "latin1.txt", "stage": "decode"}]
    assert "- file_name=`latin1.txt`, stage=`decode`" in _changelog(outcome)


def test_removing_a_field_from_a_schema_is_a_major_release(first, tmp_path):
    out, _ = first

    def drop_measure(descriptors):
        fields = descriptors["quantities"]["fields"]
        descriptors["quantities"]["fields"] = [f for f in fields if f["name"] != "measure"]

    outcome = publish(out, schemas=edited_schemas(tmp_path / "schemas", drop_measure))
    assert (outcome.version, outcome.bump) == ("2.0.0", "major")
    changes = _changes(outcome)
    assert changes["schema_changes"] == [
        {
            "resource": "quantities",
            "change": "field_removed",
            "field": "measure",
            "old": "string",
            "impact": "major",
        }
    ]
    # The rows themselves did not change: no row is listed because a column went away.
    assert changes["resources"]["quantities"]["changed"] == []
    changelog = _changelog(outcome)
    assert changelog.index("## Schema changes") < changelog.index("## Rows")
    assert "- quantities: field measure removed (was string) (major)" in changelog


def _retype_char_start(descriptors):
    for fld in descriptors["quantities"]["fields"]:
        if fld["name"] == "char_start":
            fld["type"] = "number"


def _add_field(descriptors):
    descriptors["quarantine"]["fields"].append(
        {"name": "note", "type": "string", "description": "A note added later."}
    )


def _reword_description(descriptors):
    descriptors["documents"]["fields"][0]["description"] += " Now better explained."


def _swap_fields(descriptors):
    fields = descriptors["quarantine"]["fields"]
    fields[2], fields[3] = fields[3], fields[2]


def _change_primary_key(descriptors):
    descriptors["quarantine"]["primaryKey"] = ["file_name", "stage", "reason"]


@pytest.mark.parametrize(
    ("edit", "bump", "change"),
    [
        (_retype_char_start, "major", "field_retyped"),
        (_swap_fields, "major", "fields_reordered"),
        (_change_primary_key, "major", "primary_key_changed"),
        (_add_field, "minor", "field_added"),
        (_reword_description, "patch", "field_changed"),
    ],
)
def test_schema_edits_bump_by_their_compatibility(first, tmp_path, edit, bump, change):
    out, _ = first
    outcome = publish(out, schemas=edited_schemas(tmp_path / "schemas", edit))
    assert outcome.bump == bump
    assert [c["change"] for c in _changes(outcome)["schema_changes"]] == [change]


def test_a_resource_that_disappears_is_major_and_a_new_one_minor(first, tmp_path):
    out, _ = first
    smaller = real_schemas(("documents", "quantities"))
    records = sample_records()
    gone = publish(out, records, schemas=smaller)
    assert (gone.version, gone.bump) == ("2.0.0", "major")
    assert _changes(gone)["resources"]["quarantine"]["status"] == "removed"
    back = publish(out, records)
    assert (back.version, back.bump) == ("2.1.0", "minor")
    assert _changes(back)["schema_changes"] == [
        {"resource": "quarantine", "change": "resource_added", "impact": "minor"}
    ]


def test_a_retitled_document_is_a_patch_in_rows_and_sources(first):
    out, _ = first
    records = sample_records()
    records["documents"][1]["title"] = "Analysis and Recommendations"
    outcome = publish(out, records)
    assert outcome.bump == "patch"
    changes = _changes(outcome)
    assert changes["metadata_changes"] == [
        {
            "property": "sources",
            "impact": "patch",
            "added": [],
            "removed": [],
            "changed": {"004_memo": ["title"]},
        }
    ]
    assert changes["resources"]["documents"]["changed"] == [
        {
            "key": {"doc_id": "004_memo"},
            "fields": {"title": {"old": None, "new": "Analysis and Recommendations"}},
        }
    ]


def test_versions_accumulate_and_list_oldest_first(first):
    out, _ = first
    records = sample_records()
    records["quantities"][0]["value"] = 1.9e9
    publish(out, records)
    records["quarantine"].append(
        {"file_name": "bad.txt", "sha256": None, "stage": "read", "reason": "unreadable"}
    )
    publish(out, records)
    listed = list_releases(out)
    assert [(r.version, r.bump, r.is_latest) for r in listed] == [
        ("1.0.0", "initial", False),
        ("1.0.1", "patch", False),
        ("1.1.0", "minor", True),
    ]
    assert listed[-1].row_counts == {"documents": 2, "quantities": 5, "quarantine": 3}
    assert listed[-1].previous_version == "1.0.1"
    assert set(listed[-1].sha256) >= {"datapackage.json", "quarantine.csv", "CHANGELOG.md"}


def test_metadata_alone_is_a_patch(first):
    out, _ = first
    records = sample_records()
    schemas = real_schemas()
    sources = [{**s, "terms": "U.S. government work"} for s in fixture_sources(records)]
    outcome = publish_release(out, frames(schemas, records), schemas, sources, CREATED)
    assert (outcome.version, outcome.bump) == ("1.0.1", "patch")
    changes = _changes(outcome)
    assert changes["metadata_changes"] == [
        {
            "property": "sources",
            "impact": "patch",
            "added": [],
            "removed": [],
            "changed": {"001_fact_sheet": ["terms"], "004_memo": ["terms"]},
        }
    ]
    assert "- package sources changed: 001_fact_sheet (terms); 004_memo (terms)" in _changelog(
        outcome
    )
    assert all(entry["status"] == "unchanged" for entry in changes["resources"].values())
    assert "metadata: sources" in outcome.changelog_summary


def test_without_a_primary_key_rows_are_identified_by_all_their_fields(tmp_path):
    def drop_key(descriptors):
        del descriptors["quarantine"]["primaryKey"]

    schemas = edited_schemas(tmp_path / "schemas", drop_key)
    out = tmp_path / "out"
    publish(out, schemas=schemas)
    records = sample_records()
    records["quarantine"][0]["reason"] = "empty file (0 bytes)"
    outcome = publish(out, records, schemas=schemas)
    assert outcome.bump == "minor"  # an edit is a removal plus an addition here
    entry = _changes(outcome)["resources"]["quarantine"]
    assert entry["key_fields"] == ["file_name", "sha256", "stage", "reason"]
    assert [k["reason"] for k in entry["removed"]] == ["empty file"]
    assert [k["reason"] for k in entry["added"]] == ["empty file (0 bytes)"]
