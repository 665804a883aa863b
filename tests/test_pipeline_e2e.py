"""The whole pipeline on the seeds, in process, with real files and a real DuckDB."""

from __future__ import annotations

import hashlib
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow.parquet as pq
from frictionless import Package

from tests.conftest import RAW_DIR, SEEDS_DIR, materialize_all


def _release_dir(output_dir: Path) -> Path:
    import json

    latest = json.loads((output_dir / "releases" / "latest.json").read_text())
    return output_dir / "releases" / latest["version"]


def _file_hashes(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_build_succeeds_and_every_check_passes(seed_build):
    _, result = seed_build
    assert result.success
    evaluations = result.get_asset_check_evaluations()
    assert evaluations, "no asset checks ran"
    failed = [e.asset_check_key.to_user_string() for e in evaluations if not e.passed]
    assert failed == []


def test_documents_are_the_seeds_with_their_checksums(seed_build):
    output_dir, _ = seed_build
    with duckdb.connect(str(output_dir / "facts.duckdb"), read_only=True) as con:
        rows = con.execute("SELECT file_name, sha256, char_count FROM documents").fetchall()
    expected = {
        p.name: (hashlib.sha256(p.read_bytes()).hexdigest(), len(p.read_text(encoding="utf-8")))
        for p in SEEDS_DIR.glob("*.txt")
    }
    assert {name: (sha, n) for name, sha, n in rows} == expected


def test_every_quantity_is_grounded_in_its_raw_file(seed_build):
    output_dir, _ = seed_build
    with duckdb.connect(str(output_dir / "facts.duckdb"), read_only=True) as con:
        rows = con.execute(
            "SELECT d.file_name, q.char_start, q.char_end, q.quote "
            "FROM quantities q JOIN documents d USING (doc_id)"
        ).fetchall()
    assert len(rows) > 30
    texts = {p.name: p.read_bytes().decode("utf-8") for p in RAW_DIR.glob("*.txt")}
    for file_name, start, end, quote in rows:
        assert texts[file_name][start:end] == quote


def test_release_files_match_the_database_and_validate(seed_build):
    output_dir, _ = seed_build
    release = _release_dir(output_dir)
    report = Package(str(release / "datapackage.json")).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    with duckdb.connect(str(output_dir / "facts.duckdb"), read_only=True) as con:
        for table in ("documents", "quantities"):
            db = con.execute(f'SELECT * FROM "{table}" ORDER BY ALL').df()
            from_parquet = pq.read_table(release / f"{table}.parquet").to_pandas()
            from_parquet = from_parquet.sort_values(list(from_parquet.columns)).reset_index(
                drop=True
            )
            assert len(from_parquet) == len(db)
            pd.testing.assert_frame_equal(
                from_parquet.astype(str), db.astype(str), check_dtype=False
            )


def test_rebuild_is_byte_identical_and_keeps_the_version(tmp_path):
    first = materialize_all(RAW_DIR, tmp_path)
    assert first.success
    release = _release_dir(tmp_path)
    before = _file_hashes(release)
    second = materialize_all(RAW_DIR, tmp_path)
    assert second.success
    assert _release_dir(tmp_path) == release
    assert sorted(p.name for p in (tmp_path / "releases").iterdir() if p.is_dir()) == [release.name]
    assert _file_hashes(release) == before

    # From scratch, elsewhere: the same bytes again.
    elsewhere = tmp_path / "elsewhere"
    assert materialize_all(RAW_DIR, elsewhere).success
    assert _file_hashes(_release_dir(elsewhere)) == before


def test_a_run_of_a_few_assets_in_a_fresh_instance_checks_them(tmp_path):
    """A check step loads only tables its checked tables need themselves: materializing
    the extraction alone (no quarantine, no derived tables yet) runs and passes the
    checks of what it built."""
    import dagster as dg

    from pipeline.definitions import all_assets, all_checks
    from pipeline.io_manager import TableFrameIOManager
    from pipeline.settings import PipelineSettings
    from pipeline.tables import fact_tables

    selection = dg.AssetSelection.assets(
        "raw_documents", "core_documents", "core_extractions", *(f"core_{t}" for t in fact_tables())
    )
    result = dg.materialize(
        [*all_assets, *all_checks],
        selection=selection,
        resources={
            "settings": PipelineSettings(raw_dir=str(RAW_DIR), output_dir=str(tmp_path / "out")),
            "io_manager": TableFrameIOManager(base_dir=str(tmp_path / "storage")),
        },
        instance=dg.DagsterInstance.ephemeral(),
        raise_on_error=False,
    )
    assert result.success
    checked = {e.asset_check_key.to_user_string() for e in result.get_asset_check_evaluations()}
    assert checked == {
        "core_documents:matches_schema",
        *(f"core_{t}:{c}" for t in fact_tables() for c in ("matches_schema", "grounded")),
    }
