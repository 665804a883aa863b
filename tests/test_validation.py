import pytest

from pipeline.schemas import load_schemas
from pipeline.validation import foreign_key_problems, grounding_problems, schema_problems

QUANTITIES = load_schemas()["quantities"]
DOCUMENTS = load_schemas()["documents"]
TEXT = "Trade totaled $538.1 billion in 2020."


def _document(doc_id, **overrides):
    """A documents row with what is required and nothing else known."""
    return {
        "doc_id": doc_id, "file_name": f"{doc_id}.txt", "file_names": f"{doc_id}.txt",
        "sha256": "0" * 64, "size_bytes": 3, "char_count": 3,
        "has_front_matter": False, "metadata_source": "none", **overrides,
    }  # fmt: skip


def _row(**overrides):
    row = {
        "quantity_id": "0123456789abcdef",
        "doc_id": "d1",
        "char_start": 14,
        "char_end": 28,
        "quote": "$538.1 billion",
        "value": 538.1e9,
        "unit": "USD",
        "kind": "money",
        "form": "digits",
        "qualifier": "exact",
        "sentence": TEXT,
    }
    row.update(overrides)
    return row


def test_a_valid_row_passes_every_check():
    frame = QUANTITIES.frame([_row()])
    assert schema_problems(QUANTITIES, frame) == []
    assert grounding_problems(frame, {"d1": TEXT}) == []


def test_schema_violations_are_reported_by_row_and_field():
    frame = QUANTITIES.frame(
        [_row(), _row(kind="weight", quantity_id="0123456789abcdeg", unit=None)]
    )
    problems = schema_problems(QUANTITIES, frame)
    fields = {(p.row, p.field) for p in problems}
    assert (2, "kind") in fields
    assert (2, "quantity_id") in fields
    assert (2, "unit") in fields
    assert all(p.row == 2 for p in problems)


def test_duplicate_keys_are_caught():
    frame = QUANTITIES.frame([_row(), _row()])
    assert any(
        p.kind in ("primary-key", "unique-error") for p in schema_problems(QUANTITIES, frame)
    )


def test_grounding_catches_a_quote_that_is_not_in_the_text():
    frame = QUANTITIES.frame([_row(char_start=15)])
    (problem,) = grounding_problems(frame, {"d1": TEXT})
    assert problem.kind == "grounding" and problem.row == 1
    assert grounding_problems(frame, {}) and "not among" in grounding_problems(frame, {})[0].message


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({}, None),
        ({"char_start": 15}, "quote is"),
        ({"char_start": None}, "has no offsets"),
        ({"char_end": 10_000}, "outside the text"),
        ({"doc_id": "d2"}, "not among"),
    ],
)
def test_grounding_reads_a_frame_and_its_arrow_table_alike(overrides, message):
    """The check step hands grounding the Arrow table; tests and callers may pass the
    frame: both give the same report, and a missing offset is a problem, not a crash."""
    frame = QUANTITIES.frame([_row(**overrides)])
    from_frame = grounding_problems(frame, {"d1": TEXT})
    from_arrow = grounding_problems(QUANTITIES.to_arrow(frame), {"d1": TEXT})
    assert from_frame == from_arrow
    if message is None:
        assert from_frame == []
    else:
        (problem,) = from_frame
        assert problem.kind == "grounding" and message in problem.message


def test_foreign_keys_point_at_existing_documents():
    frame = QUANTITIES.frame([_row(doc_id="missing")])
    documents = DOCUMENTS.frame([])
    (problem,) = foreign_key_problems(QUANTITIES, frame, {"documents": documents})
    assert problem.kind == "foreign-key" and "missing" in problem.message


def _reference_foreign_key_problems(schema, frame, tables):
    """Every row looked up in a set of tuples, as foreign_key_problems always did."""
    from pipeline.validation import MAX_REPORTED, Problem

    problems = []
    for fk in schema.foreign_keys:
        fields, ref = fk["fields"], fk["reference"]
        fields = fields if isinstance(fields, list) else [fields]
        ref_fields = ref["fields"] if isinstance(ref["fields"], list) else [ref["fields"]]
        known = set(tables[ref["resource"]][ref_fields].itertuples(index=False, name=None))
        for i, key in enumerate(frame[fields].itertuples(index=False, name=None), start=1):
            if key not in known:
                message = f"{dict(zip(fields, key, strict=True))} has no row in {ref['resource']}"
                problems.append(Problem(i, ",".join(fields), "foreign-key", message))
                if len(problems) >= MAX_REPORTED:
                    return problems
    return problems


@pytest.mark.parametrize(
    "doc_ids",
    [
        ["d1", "d2", "d1"],  # all known
        ["d1", "missing", "d2", "gone"],
        [None, "d1", float("nan"), 7, "D1", "d1 "],  # null, NaN, a number, near misses
        [f"x{i}" for i in range(120)],  # more missing than are reported
    ],
)
def test_foreign_key_report_is_the_row_by_row_report(doc_ids):
    import pandas as pd

    frame = QUANTITIES.frame([_row(doc_id="d1") for _ in doc_ids])
    frame["doc_id"] = pd.Series(doc_ids, dtype=object)
    tables = {"documents": DOCUMENTS.frame([_document("d1"), _document("d2")])}
    assert foreign_key_problems(QUANTITIES, frame, tables) == _reference_foreign_key_problems(
        QUANTITIES, frame, tables
    )


def test_a_date_that_is_not_a_date_is_reported_not_raised():
    frame = DOCUMENTS.frame([_document("a", published_date="Spring 2025")])
    (problem,) = schema_problems(DOCUMENTS, frame)
    assert (problem.row, problem.field, problem.kind) == (1, "published_date", "type-error")


def test_an_ungrounded_row_blocks_the_release(tmp_path):
    """All grounded checks run in one step (the texts load once); a quantity whose quote
    is not text[char_start:char_end] still fails its own table's check, the other
    tables' pass, and nothing is published or loaded."""
    import shutil
    from unittest import mock

    from pipeline.extract.registry import FACT_EXTRACTORS
    from pipeline.faults.harness import build
    from tests.conftest import SEEDS_DIR

    raw = tmp_path / "raw"
    raw.mkdir()
    for seed in sorted(SEEDS_DIR.glob("*.txt"))[:2]:
        shutil.copy(seed, raw / seed.name)
    real = FACT_EXTRACTORS["quantities"]

    def shifted(text):
        rows = real(text)
        if rows:
            rows[0] = {**rows[0], "char_start": rows[0]["char_start"] + 1}
        return rows

    with mock.patch.dict(FACT_EXTRACTORS, {"quantities": shifted}):
        result = build(raw, tmp_path / "out", work_dir=tmp_path / "dagster")
    assert not result.success
    assert not result.check("core_quantities:grounded").passed
    assert "failing_rows" in result.check("core_quantities:grounded").metadata
    assert result.check("core_acronyms:grounded").passed
    assert result.materialized().isdisjoint({"out_release", "out_facts_duckdb"})
    assert not (tmp_path / "out" / "releases" / "latest.json").exists()
