"""The column-wise CSV encoder gives exactly the bytes of the row-by-row `csv.writer` one.

`reference_csv` is the writer releases were published with before the encoder moved to
Arrow, kept here as the definition of the format: any difference is a changed
published byte.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
from decimal import Decimal
from typing import Any

import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.release.csv_text import cell_text, csv_chunks
from pipeline.release.files import typed_table
from tests.test_release_fixtures import frames, real_schemas, sample_records


def csv_bytes(table: pa.Table) -> bytes:
    return b"".join(csv_chunks(table))


def reference_csv(table: pa.Table) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(table.column_names)
    columns = [column.to_pylist() for column in table.columns]
    for row in zip(*columns, strict=True):
        writer.writerow([cell_text(v) for v in row])
    return buffer.getvalue().encode("utf-8")


AWKWARD_TEXT = [
    'Two-way trade reached $1.8 billion, "every day", in 2020.',
    "Line one\r\nline two",
    "A lone\rcarriage return",
    "a lone\nline feed",
    '"',
    '""',
    ",",
    "  leading and trailing spaces  ",
    "tab\there",
    "NUL \x00 inside",
    "Non-ASCII: Sécurité – 50 % más 🌎 \\$5",
    "\u2028line separator\u2029",
    None,
    "",
]
AWKWARD_FLOATS = [
    0.0,
    -0.0,
    0.1,
    1.8e9,
    39840000.0,
    1e16,
    1e15 + 0.5,
    1.2345678901234567e21,
    1e-5,
    0.0001,
    5e-324,
    -1.7976931348623157e308,
    math.nan,
    math.inf,
    -math.inf,
    None,
]


def _column(values: list[Any], kind: pa.DataType) -> pa.Table:
    return pa.table({"only": pa.array(values, kind)})


@pytest.mark.parametrize(
    "table",
    [
        pytest.param(_column(AWKWARD_TEXT, pa.string()), id="text alone"),
        pytest.param(_column(AWKWARD_TEXT, pa.large_string()), id="large text alone"),
        pytest.param(_column(AWKWARD_FLOATS, pa.float64()), id="floats alone"),
        pytest.param(_column([None, 0, -1, 2**63 - 1, -(2**63)], pa.int64()), id="int64"),
        pytest.param(_column([None, 7, -7], pa.int32()), id="int32"),
        pytest.param(_column([True, False, None], pa.bool_()), id="booleans"),
        pytest.param(
            _column(
                [dt.date(1, 1, 1), dt.date(999, 12, 31), dt.date(9999, 12, 31), None], pa.date32()
            ),
            id="dates",
        ),
        pytest.param(_column([None, None], pa.string()), id="one column of nulls"),
        pytest.param(_column([], pa.string()), id="no rows"),
        pytest.param(pa.table({}), id="no columns"),
        pytest.param(
            pa.table({'a "quoted", name': pa.array([1], pa.int64()), "b\r\nc": pa.array(["x"])}),
            id="header that needs quotes",
        ),
        pytest.param(
            pa.table(
                {
                    "text": pa.array(AWKWARD_TEXT[:13]),
                    "number": pa.array(AWKWARD_FLOATS[:13], pa.float64()),
                    "empty": pa.array([None] * 13, pa.string()),
                }
            ),
            id="text, numbers and an empty column",
        ),
        pytest.param(
            _column([dt.datetime(2020, 1, 2, 3, 4, 5), None], pa.timestamp("s")),
            id="timestamps (left to csv.writer)",
        ),
        pytest.param(
            pa.table(
                {
                    "amount": pa.array([Decimal("1.50"), None], pa.decimal128(5, 2)),
                    "note": pa.array(["a,b", None]),
                }
            ),
            id="decimals beside text (left to csv.writer)",
        ),
    ],
)
def test_awkward_cells_give_the_reference_bytes(table):
    assert csv_bytes(table) == reference_csv(table)


def test_chunks_and_batches_do_not_change_the_bytes():
    values = AWKWARD_TEXT * 50
    table = pa.Table.from_batches(
        [
            pa.record_batch({"text": pa.array(values[:300]), "n": pa.array(range(300))}),
            pa.record_batch({"text": pa.array(values[300:]), "n": pa.array(range(300, 700))}),
        ]
    )
    expected = reference_csv(table)
    for rows in (1, 7, 256, 10_000):
        assert b"".join(csv_chunks(table, chunk_rows=rows)) == expected, rows


def test_the_sample_tables_give_the_reference_bytes():
    schemas = real_schemas()
    for name, frame in frames(schemas, sample_records()).items():
        table = typed_table(schemas[name], frame)
        assert csv_bytes(table) == reference_csv(table), name


_SCHEMA = pa.schema(
    [
        ("s", pa.string()),
        ("i", pa.int64()),
        ("x", pa.float64()),
        ("b", pa.bool_()),
        ("d", pa.date32()),
    ]
)
_cells = st.tuples(
    st.one_of(st.none(), st.text(st.characters(exclude_categories=("Cs",)), max_size=30)),
    st.one_of(st.none(), st.integers(min_value=-(2**63), max_value=2**63 - 1)),
    st.one_of(st.none(), st.floats()),
    st.one_of(st.none(), st.booleans()),
    st.one_of(st.none(), st.dates()),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_cells, max_size=12), st.integers(min_value=1, max_value=5))
def test_any_cells_give_the_reference_bytes(rows, chunk_rows):
    table = pa.Table.from_pylist([dict(zip(_SCHEMA.names, r, strict=True)) for r in rows], _SCHEMA)
    assert b"".join(csv_chunks(table, chunk_rows=chunk_rows)) == reference_csv(table)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(st.none(), st.text(max_size=5)), max_size=8))
def test_any_single_text_column_gives_the_reference_bytes(values):
    table = _column(values, pa.string())
    assert csv_bytes(table) == reference_csv(table)
