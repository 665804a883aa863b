"""Bulk validation reports exactly what Frictionless reports, on the same frames.

Every test compares `bulk_schema_problems` with `schema_problems` (Frictionless, row by
row) on real extracted tables with bad rows injected: same rows, fields, kinds, messages
and order, including the cut at MAX_REPORTED.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.assets.core import core_documents
from pipeline.bulk_validation import bulk_schema_problems
from pipeline.extraction import extract_document
from pipeline.ingest import ingest_raw_dir
from pipeline.schemas import TableSchema, _load, get_schema
from pipeline.tables import fact_tables
from pipeline.validation import MAX_REPORTED, schema_problems
from tests.conftest import RAW_DIR


@pytest.fixture(scope="module")
def seed_frames() -> dict[str, pd.DataFrame]:
    result = ingest_raw_dir(RAW_DIR, 50_000_000)
    tables = fact_tables()
    rows: dict[str, list] = {t: [] for t in tables}
    for doc in result.documents:
        for table, found in extract_document(doc.doc_id, doc.text, tables).items():
            rows[table].extend(found)
    frames = {t: get_schema(t).frame(r) for t, r in rows.items()}
    frames["documents"] = core_documents(result).value
    return frames


def assert_same(schema: TableSchema, frame: pd.DataFrame) -> list:
    expected = schema_problems(schema, frame)
    assert bulk_schema_problems(schema, frame) == expected
    return expected


@pytest.mark.parametrize("table", [*fact_tables(), "documents"])
def test_valid_seed_tables_have_no_problems_either_way(seed_frames, table):
    frame = seed_frames[table]
    assert len(frame) > 0
    assert assert_same(get_schema(table), frame) == []


def _set(row: int, column: str, value: object) -> Callable[[pd.DataFrame], None]:
    def inject(frame: pd.DataFrame) -> None:
        # A typed column keeps its dtype when the value fits it (the fast path); a value
        # that cannot live in it turns the column into objects (the cell-by-cell path).
        try:
            frame.at[row, column] = value
        except (TypeError, ValueError):
            frame[column] = frame[column].astype(object)
            frame.at[row, column] = value

    return inject


def _duplicate_key(frame: pd.DataFrame) -> None:
    frame.at[3, "quantity_id"] = frame.at[1, "quantity_id"]
    frame.at[5, "quantity_id"] = frame.at[1, "quantity_id"]


def _blank_row(frame: pd.DataFrame) -> None:
    for column in frame.columns:
        frame[column] = frame[column].astype(object)
        frame.at[2, column] = None


def _many_bad_kinds(frame: pd.DataFrame) -> None:
    frame.loc[: MAX_REPORTED + 10, "kind"] = "bogus"  # every row when the frame is shorter


INJECTIONS = {
    "key not matching its pattern": _set(0, "quantity_id", "not-a-hex-key!!"),
    "key with a trailing newline passes ^...$ in both": _set(
        0, "quantity_id", "0123456789abcdef\n"
    ),
    "duplicate keys (unique and primary key)": _duplicate_key,
    "missing key (required, primary key all None)": _set(4, "quantity_id", None),
    "empty quote is a missing value": _set(1, "quote", ""),
    "unit missing": _set(2, "unit", None),
    "kind outside its enum": _set(2, "kind", "weight"),
    "negative char_start": _set(6, "char_start", -5),
    "char_end below its minimum": _set(6, "char_end", 0),
    "integer in a string column": _set(3, "unit", 5),
    "text in an integer column": _set(3, "char_start", "seven"),
    "float with a fraction in an integer column": _set(3, "char_end", 4.5),
    "whole float in an integer column is fine": _set(3, "char_end", 40.0),
    "text in a number column": _set(3, "value", "lots"),
    "numeric text in a number column is read, so fine": _set(3, "value", "12.5"),
    "boolean in a number column": _set(3, "value", True),
    "NaN in a number column is missing": _set(3, "value", float("nan")),
    "completely blank row": _blank_row,
    "more problems than are reported": _many_bad_kinds,
}


@pytest.mark.parametrize("inject", INJECTIONS.values(), ids=INJECTIONS.keys())
def test_injected_bad_rows_are_reported_as_frictionless_reports_them(seed_frames, inject):
    frame = seed_frames["quantities"].copy()
    inject(frame)
    problems = assert_same(get_schema("quantities"), frame)
    name = next(k for k, v in INJECTIONS.items() if v is inject)
    if "fine" in name or "passes" in name or "is missing" in name:
        assert problems == []
    else:
        assert problems, "the injected row must be caught"


def test_problems_name_the_row_field_and_kind(seed_frames):
    frame = seed_frames["quantities"].copy()
    _duplicate_key(frame)
    _set(7, "kind", "weight")(frame)
    problems = bulk_schema_problems(get_schema("quantities"), frame)
    summary = [(p.row, p.field, p.kind) for p in problems]
    assert (4, "quantity_id", "unique-error") in summary
    assert (4, None, "primary-key") in summary
    assert (6, "quantity_id", "unique-error") in summary
    assert (8, "kind", "constraint-error") in summary
    # Positions count the header as 1, and point at the latest earlier duplicate.
    message = problems[summary.index((6, None, "primary-key"))].message
    assert message == (
        'Row at position "7" violates the primary key: the same as in the row at position 5'
    )


def test_the_report_is_cut_at_the_limit_like_frictionless(seed_frames):
    copies = -(-(MAX_REPORTED + 20) // len(seed_frames["quantities"]))
    frame = pd.concat([seed_frames["quantities"]] * copies, ignore_index=True)
    frame["quantity_id"] = [f"{i:016x}" for i in range(len(frame))]
    _many_bad_kinds(frame)
    assert len(assert_same(get_schema("quantities"), frame)) == MAX_REPORTED


def test_an_empty_table_and_wrong_columns(seed_frames):
    schema = get_schema("quantities")
    assert assert_same(schema, seed_frames["quantities"].iloc[0:0]) == []
    reordered = seed_frames["quantities"][list(reversed(schema.field_names))]
    assert [p.kind for p in assert_same(schema, reordered)] == ["columns"]


def test_a_date_with_a_time_of_day_is_a_type_error(seed_frames):
    frame = seed_frames["documents"].copy()
    frame["published_date"] = frame["published_date"].astype(object)
    frame.at[0, "published_date"] = dt.datetime(2021, 3, 1, 11, 36)
    frame.at[1, "published_date"] = dt.date(2021, 3, 1)
    problems = assert_same(get_schema("documents"), frame)
    assert [(p.row, p.field, p.kind) for p in problems] == [(1, "published_date", "type-error")]


def _custom_schema(tmp_path: Path) -> TableSchema:
    """Constraints the project's schemas do not use yet, so every path is exercised."""
    descriptor = {
        "name": "custom",
        "description": "test table",
        "missingValues": ["", "NA"],
        "fields": [
            {"name": "code", "type": "string", "description": "d",
             "constraints": {"required": True, "minLength": 2, "maxLength": 4,
                             "pattern": "[A-Z]+"}},
            {"name": "grade", "type": "integer", "description": "d",
             "constraints": {"enum": [1, 2, 3], "maximum": 3}},
            {"name": "score", "type": "number", "description": "d",
             "constraints": {"unique": True, "minimum": 0.5, "maximum": 100}},
            {"name": "ok", "type": "boolean", "description": "d",
             "constraints": {"required": True}},
            {"name": "day", "type": "date", "description": "d",
             "constraints": {"minimum": "2000-01-01"}},
        ],
        "primaryKey": ["code", "grade"],
    }  # fmt: skip
    path = tmp_path / "custom.schema.json"
    path.write_text(json.dumps(descriptor))
    return _load(path)


CUSTOM_ROWS = [
    {"code": "AB", "grade": 1, "score": 10.5, "ok": True, "day": dt.date(2020, 1, 1)},
    {"code": "ABCDE", "grade": 2, "score": 10.5, "ok": False, "day": dt.date(1999, 1, 1)},
    {"code": "a", "grade": 4, "score": 0.0, "ok": None, "day": None},
    {"code": "NA", "grade": 1, "score": 100.0, "ok": True, "day": None},
    {"code": "AB", "grade": 1, "score": -0.0, "ok": True, "day": dt.date(2001, 1, 1)},
    {"code": "XY", "grade": None, "score": None, "ok": True, "day": None},
    {"code": "XY", "grade": None, "score": 3.0, "ok": True, "day": None},
]


def test_other_constraints_and_missing_values_tokens(tmp_path):
    schema = _custom_schema(tmp_path)
    problems = assert_same(schema, schema.frame(CUSTOM_ROWS))
    kinds = {p.kind for p in problems}
    assert {"constraint-error", "unique-error", "primary-key"} <= kinds


CELL_VALUES = st.sampled_from(
    [None, "", "NA", "AB", "ABC", "abc", "ZZZZZ", 0, 1, 2, 3, 7, -1, 0.5, 2.0, 150.0, True]
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    edits=st.lists(
        st.tuples(st.integers(0, len(CUSTOM_ROWS) - 1), st.integers(0, 4), CELL_VALUES),
        max_size=8,
    )
)
def test_random_corruption_is_reported_identically(tmp_path, edits):
    schema = _custom_schema(tmp_path)
    frame = schema.frame(CUSTOM_ROWS)
    for row, column_index, value in edits:
        column = schema.field_names[column_index]
        if column == "day" and isinstance(value, str):
            continue  # python_rows raises on text in a date column before Frictionless runs
        frame[column] = frame[column].astype(object)
        frame.at[row, column] = value
    assert_same(schema, frame)
