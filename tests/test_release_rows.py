"""The Arrow row diff says exactly what the row-by-row Python diff says."""

from __future__ import annotations

import datetime as dt
import math
import random

import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.release import rows
from pipeline.release.rows import arrow_row_changes, check_unique, index_rows, row_changes

_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("part", pa.int64()),
        ("value", pa.float64()),
        ("text", pa.string()),
        ("day", pa.date32()),
        ("flag", pa.bool_()),
    ]
)
COMPARED = ["value", "text", "day", "flag"]


def _table(records: list[dict]) -> pa.Table:
    return pa.Table.from_pylist(records, _SCHEMA)


def _both(old: pa.Table, new: pa.Table, key: list[str], compared: list[str]) -> tuple:
    fields = [*key, *compared]
    expected = row_changes(
        "t", old.select(fields).to_pylist(), new.select(fields).to_pylist(), key, compared
    )
    return arrow_row_changes("t", old, new, key, compared), expected


def _row(i: str, part: int = 0, **values) -> dict:
    row = {"id": i, "part": part, "value": 1.5, "text": "a, b", "day": dt.date(2020, 1, 2)}
    return {**row, "flag": True, **values}


OLD = [_row("a"), _row("b", value=None), _row("c", text=None), _row("d"), _row("e", part=1)]


@pytest.mark.parametrize(
    ("new", "key"),
    [
        pytest.param(OLD, ["id"], id="nothing changed"),
        pytest.param([*OLD, _row("f")], ["id"], id="one row added at the end"),
        pytest.param([_row("0"), *OLD], ["id"], id="one row added at the start"),
        pytest.param(OLD[:2] + OLD[3:], ["id"], id="one row removed"),
        pytest.param([_row("a", value=2.5), *OLD[1:]], ["id"], id="a value changed"),
        pytest.param([_row("a"), _row("b", value=0.0), *OLD[2:]], ["id"], id="null to a value"),
        pytest.param([_row("a"), _row("b"), _row("c", text=""), *OLD[3:]], ["id"], id="null to ''"),
        pytest.param([*OLD[:4], _row("e", part=1, flag=None)], ["id"], id="a flag nulled"),
        pytest.param(list(reversed(OLD)), ["id"], id="same rows, reversed"),
        pytest.param([_row("a", value=-0.0), *OLD[1:]], ["id"], id="0.0 against -0.0"),
        pytest.param([_row("a", part=1), *OLD[1:]], ["id", "part"], id="two-field key"),
        pytest.param([_row("a", day=dt.date(2021, 1, 2)), *OLD[1:]], ["id"], id="a date changed"),
    ],
)
def test_edits_are_reported_as_python_reports_them(new, key):
    compared = [f for f in COMPARED if f not in key]
    got, expected = _both(_table(OLD), _table(new), key, compared)
    assert got == expected


def test_nan_is_always_a_change_as_python_says():
    old = _table([_row("a", value=math.nan), _row("b")])
    new = _table([_row("a", value=math.nan), _row("b", value=math.nan)])
    got, expected = _both(old, new, ["id"], COMPARED)
    assert got == expected
    assert [c["key"] for c in got["changed"]] == [{"id": "a"}, {"id": "b"}]


def test_null_keys_match_each_other_as_python_tuples_do():
    old = _table([_row(None, value=1.0), _row("b")])
    new = _table([_row(None, value=2.0), _row("b")])
    got, expected = _both(old, new, ["id"], ["value"])
    assert got == expected
    assert got["changed"] == [{"key": {"id": None}, "fields": {"value": {"old": 1.0, "new": 2.0}}}]


@pytest.mark.parametrize("side", ["old", "new"])
@pytest.mark.parametrize("key", [["id"], ["id", "part"], ["value"]])
def test_a_duplicate_key_is_refused_with_the_python_message(side, key):
    twice = [_row("a"), _row("a")]
    tables = {"old": _table(OLD), "new": _table(OLD)}
    tables[side] = _table(twice)
    fields = [*key, *[f for f in COMPARED if f not in key]]
    with pytest.raises(ValueError) as python:
        row_changes("t", *(tables[s].select(fields).to_pylist() for s in ("old", "new")), key, [])
    with pytest.raises(ValueError) as arrow:
        arrow_row_changes("t", tables["old"], tables["new"], key, [])
    assert str(arrow.value) == str(python.value)
    assert "duplicate primary key" in str(arrow.value)


@pytest.mark.parametrize(
    ("records", "key"),
    [
        ([_row("a"), _row("b"), _row("a")], ["id"]),
        ([_row("a", part=1), _row("a", part=2), _row("a", part=1)], ["id", "part"]),
        ([_row(None), _row(None)], ["id"]),
        ([_row("a", value=-0.0), _row("b", value=0.0)], ["value"]),
        ([_row("a"), _row("b")], []),
    ],
)
def test_check_unique_raises_what_index_rows_raises(records, key):
    table = _table(records)
    with pytest.raises(ValueError) as python:
        index_rows(table.select(key).to_pylist(), key, "t")
    with pytest.raises(ValueError) as arrow:
        check_unique(table, key, "t")
    assert str(arrow.value) == str(python.value)


@pytest.mark.parametrize(
    ("records", "key"),
    [
        ([_row("a"), _row("b"), _row(None)], ["id"]),
        ([_row("a", part=1), _row("a", part=2), _row("b", part=1)], ["id", "part"]),
        ([_row("a")], []),
        # NaN != NaN: Python never finds two NaN keys equal, so neither may Arrow.
        ([_row("a", value=math.nan), _row("b", value=math.nan)], ["value"]),
    ],
)
def test_check_unique_accepts_distinct_keys(records, key):
    check_unique(_table(records), key, "t")


def test_a_retyped_key_field_is_compared_as_python_compares_it():
    old = pa.table({"id": pa.array(["1", "2"]), "v": pa.array([1.0, 2.0])})
    new = pa.table({"id": pa.array([1, 2], pa.int64()), "v": pa.array([1.0, 2.0])})
    expected = row_changes("t", old.to_pylist(), new.to_pylist(), ["id"], ["v"])
    assert arrow_row_changes("t", old, new, ["id"], ["v"]) == expected
    assert len(expected["added"]) == len(expected["removed"]) == 2


_rows = st.lists(
    st.tuples(
        st.sampled_from(["a", "b", "c", "d", "e", "f", "g", None]),
        st.integers(min_value=0, max_value=2),
        st.one_of(st.none(), st.sampled_from([0.0, -0.0, 1.5, math.nan, 1e300])),
        st.one_of(st.none(), st.sampled_from(["", "x", 'q"uote', "a,b"])),
        st.one_of(st.none(), st.sampled_from([dt.date(1, 1, 1), dt.date(2020, 5, 6)])),
        st.one_of(st.none(), st.booleans()),
    ),
    max_size=14,
)


def _unique_rows(raw: list[tuple], key: list[str]) -> pa.Table:
    seen, records = set(), []
    for values in raw:
        record = dict(zip(_SCHEMA.names, values, strict=True))
        identity = tuple(record[k] for k in key)
        if identity not in seen:
            seen.add(identity)
            records.append(record)
    return _table(records)


@settings(max_examples=200, deadline=None)
@given(
    _rows,
    _rows,
    st.sampled_from([["id"], ["id", "part"], ["part", "day"], ["flag"]]),
    st.sampled_from([0, 1, 256]),
    st.randoms(use_true_random=False),
)
def test_any_two_tables_diff_as_python_diffs_them(old, new, key, max_runs, rng: random.Random):
    """Whether the matched rows are compared by slices or gathered (max_runs) does
    not matter either."""
    old_table, new_table = _unique_rows(old, key), _unique_rows(new, key)
    order = list(range(new_table.num_rows))
    rng.shuffle(order)
    new_table = new_table.take(pa.array(order, pa.int64())) if rng.random() < 0.5 else new_table
    compared = [f for f in _SCHEMA.names if f not in key]
    original = rows._MAX_RUNS
    rows._MAX_RUNS = max_runs
    try:
        got, expected = _both(old_table, new_table, key, compared)
    finally:
        rows._MAX_RUNS = original
    assert got == expected
