"""The files of one release: what they hold, how they are encoded, that they validate."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from frictionless import Package, validate
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.release.files import csv_bytes, parquet_bytes
from pipeline.schemas import python_rows
from tests.test_release_fixtures import (
    CREATED,
    TABLES,
    frames,
    publish,
    real_schemas,
    sample_records,
    tree_bytes,
)

REPO_ROOT = Path(__file__).resolve().parent.parent
DUCKDB_TYPES = {
    "string": "VARCHAR",
    "integer": "BIGINT",
    "number": "DOUBLE",
    "boolean": "BOOLEAN",
    "date": "DATE",
}


@pytest.fixture(scope="module")
def release(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return publish(tmp_path_factory.mktemp("out")).path


def _expected_rows(name: str) -> list[tuple]:
    schema = real_schemas()[name]
    return python_rows(schema, frames(real_schemas(), sample_records())[name])


@pytest.mark.parametrize("name", TABLES)
def test_parquet_read_by_pyarrow_gives_the_input_rows_typed_per_schema(release, name):
    table = pq.read_table(release / f"{name}.parquet")
    schema = real_schemas()[name]
    assert table.schema.equals(schema.arrow_schema())
    expected_types = {"integer": pa.int64(), "number": pa.float64(), "date": pa.date32()}
    for fld in schema.fields:
        if fld.type in expected_types:
            assert table.schema.field(fld.name).type == expected_types[fld.type]
    rows = [tuple(r.values()) for r in table.to_pylist()]
    assert rows == _expected_rows(name)
    assert table.schema.metadata is None or b"pandas" not in table.schema.metadata
    assert pq.ParquetFile(release / f"{name}.parquet").metadata.row_group(0).column(
        0
    ).compression == ("ZSTD")


@pytest.mark.parametrize("name", TABLES)
def test_parquet_read_by_pandas_gives_the_input_frame(release, name):
    read = pd.read_parquet(release / f"{name}.parquet")
    expected = frames(real_schemas(), sample_records())[name]
    assert list(read.columns) == list(expected.columns)
    pd.testing.assert_frame_equal(
        read.astype(object).where(read.notna(), None),
        expected.astype(object).where(expected.notna(), None),
    )


@pytest.mark.parametrize("name", TABLES)
def test_csv_read_by_duckdb_with_the_schema_types_gives_the_input_rows(release, name):
    schema = real_schemas()[name]
    columns = {f.name: DUCKDB_TYPES[f.type] for f in schema.fields}
    with duckdb.connect() as con:
        rows = con.execute(
            "SELECT * FROM read_csv(?, header = true, auto_detect = false, delim = ',', "
            "quote = '\"', escape = '\"', columns = ?)",
            [str(release / f"{name}.csv"), columns],
        ).fetchall()
    assert rows == _expected_rows(name)


def test_csv_is_utf8_rfc4180_with_crlf_and_empty_nulls(release):
    data = (release / "quantities.csv").read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8")
    assert text.startswith("quantity_id,doc_id,char_start,char_end,quote,value,")
    assert text.endswith("\r\n")
    # Every record ends in CRLF; a bare LF only occurs inside a quoted field.
    parsed = list(csv.reader(io.StringIO(text, newline="")))
    assert len(parsed) == 1 + 5
    assert parsed[1][15] == 'Two-way trade reached $1.8 billion, "every day", in 2020.'
    assert '"Two-way trade reached $1.8 billion, ""every day"", in 2020."' in text
    assert parsed[5][5] == ""  # the null value
    assert parsed[3][5] == repr(1.2345678901234567e21)  # shortest repr
    assert float(parsed[3][5]) == 1.2345678901234567e21
    documents = (release / "documents.csv").read_text(encoding="utf-8")
    assert ",2021-02-25," in documents and ",false," in documents and ",true," in documents


def test_same_input_gives_byte_identical_files_and_the_same_version(tmp_path):
    first = publish(tmp_path / "a")
    second = publish(tmp_path / "b")
    assert first.version == second.version == "1.0.0"
    assert tree_bytes(tmp_path / "a") == tree_bytes(tmp_path / "b")


def test_datapackage_is_v2_with_sources_licenses_and_hashed_resources(release):
    descriptor = json.loads((release / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["$schema"] == "https://datapackage.org/profiles/2.0/datapackage.json"
    assert descriptor["name"] == "us-mexico-facts"
    assert descriptor["version"] == "1.0.0"
    assert descriptor["created"] == CREATED
    assert "homepage" not in descriptor
    assert descriptor["licenses"][0]["name"] == "ODC-PDDL-1.0"
    assert "17 U.S.C. § 105" in descriptor["description"]
    assert descriptor["contributors"][0]["roles"] == ["creator"]

    by_doc = {s["doc_id"]: s for s in descriptor["sources"]}
    assert set(by_doc) == {"001_fact_sheet", "004_memo"}
    known, unknown = by_doc["001_fact_sheet"], by_doc["004_memo"]
    assert known["path"] == known["url"] == "https://example.gov/fact-sheet"
    assert known["published_date"] == "2021-02-25"
    assert known["sha256"] == "1" * 64
    assert unknown["publisher"] is None and unknown["published_date"] is None
    assert "path" not in unknown and unknown["title"] == "004_memo.txt (title not known)"
    assert unknown["terms"].startswith("not stated")

    assert [r["name"] for r in descriptor["resources"]] == sorted(TABLES)
    for resource in descriptor["resources"]:
        csv_data = (release / resource["path"]).read_bytes()
        assert resource["format"] == "csv" and resource["mediatype"] == "text/csv"
        assert resource["encoding"] == "utf-8"
        assert resource["bytes"] == len(csv_data)
        assert resource["hash"] == "sha256:" + hashlib.sha256(csv_data).hexdigest()
        parquet = resource["parquet"]
        parquet_data = (release / parquet["path"]).read_bytes()
        assert parquet["mediatype"] == "application/vnd.apache.parquet"
        assert parquet["bytes"] == len(parquet_data)
        assert parquet["hash"] == "sha256:" + hashlib.sha256(parquet_data).hexdigest()
        schema = real_schemas()[resource["name"]]
        assert resource["schema"]["fields"] == schema.descriptor["fields"]
        assert resource["schema"].get("primaryKey") == schema.descriptor.get("primaryKey")
        assert resource["schema"].get("foreignKeys") == schema.descriptor.get("foreignKeys")


def test_frictionless_python_api_validates_the_release(release):
    report = validate(str(release / "datapackage.json"))
    assert report.valid, report.flatten(["taskNumber", "rowNumber", "fieldName", "type", "note"])
    assert sorted(task.name for task in report.tasks) == sorted(TABLES)


def test_frictionless_cli_validates_the_release(release):
    cli = Path(sys.executable).parent / "frictionless"
    done = subprocess.run(
        [str(cli), "validate", str(release / "datapackage.json")],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "VALID" in done.stdout and "INVALID" not in done.stdout


def test_frictionless_catches_a_tampered_file(release, tmp_path):
    """The declared hashes are checked, so validation does prove the bytes."""
    copy = tmp_path / "copy"
    copy.mkdir()
    for path in release.iterdir():
        (copy / path.name).write_bytes(path.read_bytes())
    data = (copy / "quarantine.csv").read_bytes()
    (copy / "quarantine.csv").write_bytes(data.replace(b"empty file", b"empty File"))
    report = Package(str(copy / "datapackage.json")).validate()
    assert not report.valid
    assert "hash-count" in {row[0] for row in report.flatten(["type"])}


_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    max_size=40,
)
_cells = st.tuples(
    st.one_of(st.none(), _text.filter(bool)),
    st.one_of(st.none(), st.integers(min_value=-(2**63), max_value=2**63 - 1)),
    st.one_of(st.none(), st.floats(allow_nan=False, allow_infinity=False)),
    st.one_of(st.none(), st.booleans()),
    st.one_of(st.none(), st.dates(min_value=dt.date(1, 1, 1))),
)
_ARROW = pa.schema(
    [
        ("s", pa.string()),
        ("i", pa.int64()),
        ("x", pa.float64()),
        ("b", pa.bool_()),
        ("d", pa.date32()),
    ]
)


@settings(max_examples=60, deadline=None)
@given(st.lists(_cells, max_size=6))
def test_any_cells_round_trip_through_csv_and_parquet(rows):
    table = pa.Table.from_pylist([dict(zip(_ARROW.names, r, strict=True)) for r in rows], _ARROW)
    data = csv_bytes(table)
    columns = {"s": "VARCHAR", "i": "BIGINT", "x": "DOUBLE", "b": "BOOLEAN", "d": "DATE"}
    with tempfile.TemporaryDirectory() as folder, duckdb.connect() as con:
        path = Path(folder) / "cells.csv"
        path.write_bytes(data)
        read = con.execute(
            "SELECT * FROM read_csv(?, header = true, auto_detect = false, delim = ',', "
            "quote = '\"', escape = '\"', columns = ?)",
            [str(path), columns],
        ).fetchall()
    assert read == [tuple(r) for r in rows]
    assert pq.read_table(pa.BufferReader(parquet_bytes(table))).to_pylist() == table.to_pylist()
    assert parquet_bytes(table) == parquet_bytes(table)
