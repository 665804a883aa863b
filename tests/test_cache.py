"""The extraction cache: an unchanged document is never extracted again.

Extraction is counted by wrapping every registered extractor, so the tests count calls,
not time: a cached document costs zero extractor calls.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest

from pipeline import cache as cache_module
from pipeline.cache import ExtractionCache, cache_version, compare
from pipeline.executors import InProcessExecutor
from pipeline.extract import registry
from pipeline.extraction import extract_document
from pipeline.incremental import extract_with_cache
from pipeline.ingest import ingest_raw_dir
from pipeline.schemas import get_schema
from pipeline.tables import fact_tables
from tests.conftest import RAW_DIR

MAX_BYTES = 50_000_000


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> Counter[tuple[str, str]]:
    """(table, first 40 characters of the text) -> number of extractor calls."""
    counter: Counter[tuple[str, str]] = Counter()
    for table, extractor in list(registry.FACT_EXTRACTORS.items()):

        def counting(text: str, _table: str = table, _extractor=extractor) -> list:
            counter[(_table, text[:40])] += 1
            return _extractor(text)

        monkeypatch.setitem(registry.FACT_EXTRACTORS, table, counting)
    return counter


@pytest.fixture
def raw(tmp_path: Path) -> Path:
    target = tmp_path / "raw"
    shutil.copytree(RAW_DIR, target)
    return target


def run(raw: Path, output: Path):
    documents = ingest_raw_dir(raw, MAX_BYTES).documents
    tables = fact_tables()
    cache = ExtractionCache.in_output_dir(output, tables)
    return extract_with_cache(documents, tables, cache, InProcessExecutor(workers=1))


def uncached_frames(raw: Path) -> dict[str, pd.DataFrame]:
    """What extracting every document again gives, as the fact assets frame it."""
    tables = fact_tables()
    merged: dict[str, list] = {t: [] for t in tables}
    for doc in sorted(ingest_raw_dir(raw, MAX_BYTES).documents, key=lambda d: d.doc_id):
        for table, rows in extract_document(doc.doc_id, doc.text, tables).items():
            merged[table].extend(rows)
    return {t: get_schema(t).frame(rows) for t, rows in merged.items()}


def assert_same_tables(got: dict[str, pd.DataFrame], expected: dict[str, pd.DataFrame]) -> None:
    assert list(got) == list(expected)
    for table in expected:
        pd.testing.assert_frame_equal(got[table], expected[table], check_exact=True)


def test_an_unchanged_document_is_not_re_extracted(raw, tmp_path, calls):
    output = tmp_path / "out"
    first = run(raw, output)
    n_docs = len(list(raw.glob("*.txt")))
    assert first.changes.counts() == {"new": n_docs, "changed": 0, "unchanged": 0, "removed": 0}
    assert sum(calls.values()) == n_docs * len(fact_tables())
    assert set(calls.values()) == {1}

    calls.clear()
    second = run(raw, output)
    assert sum(calls.values()) == 0, "a cached document was extracted again"
    assert second.changes.counts() == {
        "new": 0,
        "changed": 0,
        "unchanged": n_docs,
        "removed": 0,
    }
    assert second.extracted == []
    assert second.from_snapshot == n_docs
    assert_same_tables(second.frames, uncached_frames(raw))
    assert_same_tables(first.frames, uncached_frames(raw))


def test_only_the_changed_document_is_extracted_and_its_rows_follow_the_bytes(raw, tmp_path, calls):
    output = tmp_path / "out"
    run(raw, output)
    edited = raw / "003_c0f9455023bfcfeb.txt"
    edited.write_bytes(edited.read_bytes() + b"\nThe program trained 420 soldiers in 2024.\n")
    calls.clear()
    result = run(raw, output)
    assert result.changes.changed == ("003_c0f9455023bfcfeb",)
    assert result.changes.counts()["unchanged"] == len(list(raw.glob("*.txt"))) - 1
    assert result.extracted == ["003_c0f9455023bfcfeb"]
    assert sum(calls.values()) == len(fact_tables())
    assert_same_tables(result.frames, uncached_frames(raw))


def test_added_and_removed_documents_are_counted_and_removed_rows_disappear(raw, tmp_path, calls):
    output = tmp_path / "out"
    run(raw, output)
    (raw / "004_56bb4bad0c193031.txt").unlink()
    (raw / "new_note.txt").write_text("Officials reported 1,250 crossings a day.\n")
    calls.clear()
    result = run(raw, output)
    assert result.changes.new == ("new_note",)
    assert result.changes.removed == ("004_56bb4bad0c193031",)
    assert sum(calls.values()) == len(fact_tables())  # only the new document
    for frame in result.frames.values():
        assert "004_56bb4bad0c193031" not in set(frame["doc_id"])
    assert_same_tables(result.frames, uncached_frames(raw))


def test_a_renamed_file_reuses_the_extraction_under_its_new_id(raw, tmp_path, calls):
    output = tmp_path / "out"
    run(raw, output)
    # Without a manifest row the doc_id is the file's stem, so a rename changes the id.
    (raw / "manifest.csv").unlink()
    run(raw, output)
    (raw / "001_1cb4359ec7be3ce3.txt").rename(raw / "renamed.txt")
    calls.clear()
    result = run(raw, output)
    assert sum(calls.values()) == 0, "same bytes must not be extracted again"
    assert result.changes.new == ("renamed",)
    assert result.changes.removed == ("001_1cb4359ec7be3ce3",)
    assert result.from_entries == 1  # the snapshot knows the bytes under the old id only
    assert_same_tables(result.frames, uncached_frames(raw))  # keys derived from the new id


def test_a_new_extractor_version_re_extracts_and_prunes_the_old_entries(raw, tmp_path, calls):
    output = tmp_path / "out"
    documents = ingest_raw_dir(raw, MAX_BYTES).documents
    tables = fact_tables()
    old = ExtractionCache(output / cache_module.CACHE_DIR, "0000000000000000")
    extract_with_cache(documents, tables, old, InProcessExecutor(workers=1))
    calls.clear()
    new = ExtractionCache(output / cache_module.CACHE_DIR, "1111111111111111")
    result = extract_with_cache(documents, tables, new, InProcessExecutor(workers=1))
    assert sum(calls.values()) == len(documents) * len(tables)
    assert result.changes.counts()["unchanged"] == len(documents)  # bytes did not change
    assert not (output / cache_module.CACHE_DIR / "0000000000000000").exists()


def test_the_version_covers_extractors_keys_and_schemas():
    version = cache_version(fact_tables())
    assert len(version) == 16
    assert version != cache_version(fact_tables()[:1])


def test_a_torn_entry_is_a_miss_not_a_crash(raw, tmp_path, calls):
    output = tmp_path / "out"
    first = run(raw, output)
    _drop_snapshot(output)
    entries = sorted((output / cache_module.CACHE_DIR).rglob("*.json"))
    entries = [e for e in entries if e.parent.name != cache_module.SNAPSHOT_DIR]
    entries = [e for e in entries if e.name != cache_module.STATE_FILE]
    assert len(entries) == len(list(raw.glob("*.txt")))
    entries[0].write_bytes(entries[0].read_bytes()[:20])  # as after a crash mid-write
    entries[1].write_text(json.dumps({"format": cache_module.ENTRY_FORMAT, "sha256": "other"}))
    calls.clear()
    result = run(raw, output)
    assert sum(calls.values()) == 2 * len(fact_tables())
    assert result.from_entries == len(entries) - 2
    assert_same_tables(result.frames, first.frames)


def _drop_snapshot(output: Path) -> None:
    for folder in (output / cache_module.CACHE_DIR).rglob(cache_module.SNAPSHOT_DIR):
        shutil.rmtree(folder)


def test_without_the_snapshot_the_entries_serve_every_document(raw, tmp_path, calls):
    output = tmp_path / "out"
    first = run(raw, output)
    _drop_snapshot(output)
    calls.clear()
    second = run(raw, output)
    assert sum(calls.values()) == 0
    assert second.from_entries == len(list(raw.glob("*.txt")))
    assert_same_tables(second.frames, first.frames)


def test_a_torn_snapshot_falls_back_to_the_entries(raw, tmp_path, calls):
    output = tmp_path / "out"
    first = run(raw, output)
    (stored,) = [
        p
        for p in (output / cache_module.CACHE_DIR).rglob("quantities.*")
        if p.parent.name == cache_module.SNAPSHOT_DIR
    ]
    assert stored.suffix == ".arrow"  # the extractors' frames are what Arrow holds exactly
    stored.write_bytes(stored.read_bytes()[:100])
    calls.clear()
    second = run(raw, output)
    assert sum(calls.values()) == 0
    assert second.from_snapshot == 0
    assert_same_tables(second.frames, first.frames)


def test_entries_are_written_whole_and_nothing_temporary_is_left(raw, tmp_path):
    output = tmp_path / "out"
    run(raw, output)
    files = [p for p in (output / cache_module.CACHE_DIR).rglob("*") if p.is_file()]
    assert files and not [p for p in files if p.name.endswith(".tmp")]
    for path in files:
        if path.suffix == ".json":
            json.loads(path.read_bytes())


@pytest.mark.parametrize(
    ("previous", "current", "expected"),
    [
        ({}, {"a": "1"}, {"new": 1, "changed": 0, "unchanged": 0, "removed": 0}),
        ({"a": "1"}, {"a": "1"}, {"new": 0, "changed": 0, "unchanged": 1, "removed": 0}),
        ({"a": "1"}, {"a": "2"}, {"new": 0, "changed": 1, "unchanged": 0, "removed": 0}),
        ({"a": "1", "b": "2"}, {"b": "2"}, {"new": 0, "changed": 0, "unchanged": 1, "removed": 1}),
        ({"a": "1"}, {"b": "1"}, {"new": 1, "changed": 0, "unchanged": 0, "removed": 1}),
    ],
)
def test_compare_counts_by_id_and_bytes(previous, current, expected):
    assert compare(previous, current).counts() == expected


def test_without_a_cache_everything_is_extracted_every_time(raw, calls):
    documents = ingest_raw_dir(raw, MAX_BYTES).documents
    for _ in range(2):
        result = extract_with_cache(documents, fact_tables(), None, InProcessExecutor(workers=1))
    assert set(calls.values()) == {2}
    assert_same_tables(result.frames, uncached_frames(raw))


def test_values_come_back_as_the_extractor_returned_them(tmp_path):
    cache = ExtractionCache(tmp_path, "v")
    row = {
        "doc_id": "d",
        "file_name": "2021-03-01",  # an ISO date in a string stays a string
        "published_date": dt.date(2021, 3, 1),
        "char_count": 12,
        "title": "Café “quoted” ✓",
    }
    stamped = {**row, "published_date": dt.datetime(2021, 3, 1, 11, 36)}
    cache.put("ab" * 32, "d", {"documents": [row, stamped]})
    # A field the extractor left out comes back as None: what schema.frame makes of it.
    blank = dict.fromkeys(get_schema("documents").field_names)
    assert cache.get("ab" * 32, "d", "", ["documents"]) == {
        "documents": [{**blank, **row}, {**blank, **stamped}]
    }
    assert cache.get("cd" * 32, "d", "", ["documents"]) is None


def _extraction_asset():
    """The pipeline's cached extraction asset."""
    from pipeline.definitions import all_assets

    return next(a for a in all_assets if "core_extractions" in {k.path[-1] for k in a.keys})


def test_a_dagster_run_shows_new_changed_unchanged_and_removed_documents(raw, tmp_path, calls):
    import dagster as dg

    from pipeline.assets.raw import raw_documents
    from pipeline.settings import PipelineSettings

    settings = PipelineSettings(raw_dir=str(raw), output_dir=str(tmp_path / "out"))
    assets = [raw_documents, _extraction_asset()]

    def counts() -> dict[str, int]:
        result = dg.materialize(
            assets, resources={"settings": settings}, instance=dg.DagsterInstance.ephemeral()
        )
        (event,) = [
            m
            for m in result.get_asset_materialization_events()
            if m.asset_key.to_user_string() == "core_extractions"
        ]
        metadata = event.materialization.metadata
        return {
            k: metadata[f"documents_{k}"].value
            for k in ("new", "changed", "unchanged", "removed", "extracted")
        }

    assert counts() == {"new": 5, "changed": 0, "unchanged": 0, "removed": 0, "extracted": 5}
    edited = raw / "002_19013b2228f71610.txt"
    edited.write_bytes(edited.read_bytes() + b"\nOfficials counted 75 new crossings.\n")
    (raw / "000_b260a5a1ffb7bc83.txt").unlink()
    calls.clear()
    assert counts() == {"new": 0, "changed": 1, "unchanged": 3, "removed": 1, "extracted": 1}
    assert sum(calls.values()) == len(fact_tables())  # only the edited document
