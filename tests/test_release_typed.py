"""A table is typed as the value-by-value conversion types it, however its columns arrive.

`TableSchema.to_arrow` converts the columns pandas holds in a form Arrow reads directly
without a Python loop; anything else (NaN or pd.NA in an object column, ISO date texts,
numpy dtypes) goes value by value (`_python_values`), column by column. Either way the
Arrow table, and so every published byte, must be the one the value-by-value path gives.
`frame_from_arrow` must give back the frame `frame(table.to_pylist())` would.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pytest

from pipeline.release.files import csv_bytes, csv_digest, sha256_hex, typed_table
from pipeline.schemas import _ARROW_TYPES, _python_values
from tests.test_release_fixtures import frames, real_schemas, sample_records


def _reference(schema, frame: pd.DataFrame) -> pa.Table:
    """What releases were always typed as: every value through Python, then empty strings
    as nulls."""
    arrays = [
        pa.array(_python_values(frame[f.name], f.type), type=_ARROW_TYPES[f.type])
        for f in schema.fields
    ]
    table = pa.Table.from_arrays(arrays, schema=schema.arrow_schema())
    for index, fld in enumerate(schema.fields):
        if fld.type == "string":
            column = table.column(index)
            cleaned = pc.if_else(pc.equal(column, ""), pa.scalar(None, pa.string()), column)
            table = table.set_column(index, table.schema.field(index), cleaned)
    return table


def _sample(name: str) -> pd.DataFrame:
    return frames(real_schemas(), sample_records())[name].copy()


def _nan_held_as_a_value(frame: pd.DataFrame) -> pd.DataFrame:
    values = np.array([np.nan, 0.1, 1.8e9, -0.0, np.nan], dtype="float64")
    mask = np.array([False, False, False, False, True])
    frame["value"] = pd.Series(pd.arrays.FloatingArray(values, mask))
    return frame


def _object_nulls(frame: pd.DataFrame) -> pd.DataFrame:
    frame["unit"] = pd.Series([np.nan, pd.NA, None, "USD", ""], dtype=object)
    return frame


def _numpy_dtypes(frame: pd.DataFrame) -> pd.DataFrame:
    frame["char_start"] = frame["char_start"].astype("int64")
    frame["value"] = frame["value"].astype("float64")
    return frame


def _iso_dates(frame: pd.DataFrame) -> pd.DataFrame:
    frame["published_date"] = pd.Series(["2021-02-25", None], dtype=object)
    return frame


def _datetime_dates(frame: pd.DataFrame) -> pd.DataFrame:
    frame["published_date"] = pd.Series([dt.datetime(2021, 2, 25, 13, 5), pd.NA], dtype=object)
    return frame


def _not_a_time(frame: pd.DataFrame) -> pd.DataFrame:
    # to_arrow passes NaT on, and Arrow reads it as a date; typed_table must agree.
    frame["published_date"] = pd.Series([dt.date(2021, 2, 25), pd.NaT], dtype=object)
    return frame


def _nullable_booleans(frame: pd.DataFrame) -> pd.DataFrame:
    frame["has_front_matter"] = pd.Series([pd.NA, True], dtype="boolean")
    return frame


@pytest.mark.parametrize(
    ("name", "change"),
    [
        ("quantities", lambda f: f),
        ("documents", lambda f: f),
        ("quarantine", lambda f: f),
        ("quantities", _nan_held_as_a_value),
        ("quantities", _object_nulls),
        ("quantities", _numpy_dtypes),
        ("documents", _iso_dates),
        ("documents", _datetime_dates),
        ("documents", _not_a_time),
        ("documents", _nullable_booleans),
        ("quantities", lambda f: f.iloc[:0]),
    ],
)
def test_typed_table_is_what_to_arrow_gives(name, change):
    schema = real_schemas()[name]
    frame = change(_sample(name))
    typed = typed_table(schema, frame)
    expected = _reference(schema, frame)
    assert typed.equals(expected, check_metadata=True)
    assert csv_bytes(typed) == csv_bytes(expected)


def test_a_nan_value_is_published_as_null():
    schema = real_schemas()["quantities"]
    typed = typed_table(schema, _nan_held_as_a_value(_sample("quantities")))
    assert typed.column("value").to_pylist() == [None, 0.1, 1.8e9, -0.0, None]


@pytest.mark.parametrize(
    "bad",
    [pd.Series([1, "two"], dtype=object), pd.Series(["not a date", None], dtype=object)],
)
def test_values_to_arrow_refuses_are_refused(bad):
    schema = real_schemas()["documents"]
    frame = _sample("documents")
    frame["published_date" if bad[1] is None else "title"] = bad
    with pytest.raises((pa.ArrowException, TypeError, ValueError)):
        schema.to_arrow(frame)
    with pytest.raises((pa.ArrowException, TypeError, ValueError)):
        typed_table(schema, frame)


def test_csv_digest_is_the_size_and_hash_of_the_csv():
    schema = real_schemas()["quantities"]
    table = typed_table(schema, _sample("quantities"))
    data = csv_bytes(table)
    assert csv_digest(table) == (len(data), sha256_hex(data))


@pytest.mark.parametrize("name", ["quantities", "documents", "quarantine"])
def test_frame_from_arrow_is_the_frame_of_its_rows(name):
    # every type (string, integer, number, boolean, date), with nulls, and an empty table
    schema = real_schemas()[name]
    table = typed_table(schema, _sample(name))
    rebuilt = schema.frame_from_arrow(table)
    expected = schema.frame(table.to_pylist())
    assert rebuilt.dtypes.equals(expected.dtypes)
    assert rebuilt.equals(expected)
    assert [rebuilt[c].tolist() for c in rebuilt] == [expected[c].tolist() for c in expected]
    assert typed_table(schema, rebuilt).equals(table)


def test_frame_from_arrow_refuses_columns_the_schema_does_not_have():
    schema = real_schemas()["quarantine"]
    table = typed_table(schema, _sample("quarantine")).append_column(
        "extra", pa.nulls(len(_sample("quarantine")))
    )
    with pytest.raises(ValueError, match="extra"):
        schema.frame_from_arrow(table)


def test_an_arrow_table_of_the_schema_is_typed_as_its_frame_would_be():
    schema = real_schemas()["quantities"]
    frame = _object_nulls(_sample("quantities"))
    assert typed_table(schema, schema.to_arrow(frame)).equals(typed_table(schema, frame))
    wrong = schema.to_arrow(frame).cast(
        pa.schema([pa.field(f.name, pa.string()) for f in schema.arrow_schema()])
    )
    with pytest.raises(ValueError, match="not typed by the schema"):
        typed_table(schema, wrong)
