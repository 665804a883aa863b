"""Releases as users meet them: a corrected raw document gives a patch release whose
changelog names exactly the rows that changed, and DuckDB follows the latest release."""

from __future__ import annotations

import json

import duckdb

from tests.conftest import materialize_all


def _latest(output_dir):
    return json.loads((output_dir / "releases" / "latest.json").read_text())["version"]


def test_a_corrected_number_is_a_patch_naming_exactly_that_row(raw_copy, tmp_path):
    output_dir = tmp_path / "outputs"
    assert materialize_all(raw_copy, output_dir).success
    assert _latest(output_dir) == "1.0.0"

    edited = raw_copy / "003_c0f9455023bfcfeb.txt"
    edited.write_bytes(edited.read_bytes().replace(b"140-mile border", b"150-mile border"))
    assert materialize_all(raw_copy, output_dir).success
    assert _latest(output_dir) == "1.0.1"

    changes = json.loads((output_dir / "releases" / "1.0.1" / "changes.json").read_text())
    assert changes["bump"] == "patch"
    assert changes["schema_changes"] == []
    resources = changes["resources"]
    for name, entry in resources.items():
        assert entry.get("added", []) == [] and entry.get("removed", []) == [], name
    (changed_quantity,) = resources["quantities"]["changed"]
    assert changed_quantity["fields"]["value"] == {"old": 140.0, "new": 150.0}
    quote = changed_quantity["fields"]["quote"]
    assert "140" in quote["old"] and quote["new"] == quote["old"].replace("140", "150")
    (changed_document,) = resources["documents"]["changed"]
    assert changed_document["key"] == {"doc_id": "003_c0f9455023bfcfeb"}
    assert set(changed_document["fields"]) == {"sha256"}
    changelog = (output_dir / "releases" / "1.0.1" / "CHANGELOG.md").read_text()
    assert changed_quantity["key"]["quantity_id"] in changelog

    with duckdb.connect(str(output_dir / "facts.duckdb"), read_only=True) as con:
        versions = con.execute(
            "SELECT version, is_latest FROM releases ORDER BY version"
        ).fetchall()
        (value,) = con.execute(
            "SELECT value FROM quantities WHERE quantity_id = ?",
            [changed_quantity["key"]["quantity_id"]],
        ).fetchone()
    assert versions == [("1.0.0", False), ("1.0.1", True)]
    assert value == 150.0


def test_removing_a_document_removes_its_facts_in_the_next_release(raw_copy, tmp_path):
    output_dir = tmp_path / "outputs"
    assert materialize_all(raw_copy, output_dir).success
    (raw_copy / "002_19013b2228f71610.txt").unlink()
    manifest = raw_copy / "manifest.csv"
    lines = manifest.read_text(encoding="utf-8").splitlines(keepends=True)
    manifest.write_text("".join(x for x in lines if "002_19013b2228f71610" not in x))
    assert materialize_all(raw_copy, output_dir).success
    changes = json.loads((output_dir / "releases" / "1.0.1" / "changes.json").read_text())
    assert changes["resources"]["documents"]["removed"] == [{"doc_id": "002_19013b2228f71610"}]
    assert len(changes["resources"]["quantities"]["removed"]) >= 3
    with duckdb.connect(str(output_dir / "facts.duckdb"), read_only=True) as con:
        left = con.execute(
            "SELECT count(*) FROM quantities WHERE doc_id = '002_19013b2228f71610'"
        ).fetchone()
    assert left == (0,)
