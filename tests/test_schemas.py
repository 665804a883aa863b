import datetime as dt

import duckdb
import pytest

from pipeline.schemas import load_schemas
from pipeline.tables import check_producers

SCHEMAS = load_schemas()


def test_every_schema_has_a_producer_and_described_fields():
    check_producers()
    for schema in SCHEMAS.values():
        assert schema.description
        assert all(f.description for f in schema.fields), schema.name
        assert schema.primary_key, f"{schema.name} has no primary key"


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_duckdb_ddl_creates_typed_commented_tables(name):
    schema = SCHEMAS[name]
    with duckdb.connect(":memory:") as con:
        for statement in schema.duckdb_ddl():
            con.execute(statement)
        columns = con.execute(
            "SELECT column_name, comment FROM duckdb_columns() WHERE table_name = ?", [name]
        ).fetchall()
        table_comment = con.execute(
            "SELECT comment FROM duckdb_tables() WHERE table_name = ?", [name]
        ).fetchone()
    assert [c for c, _ in columns] == schema.field_names
    assert all(comment for _, comment in columns)
    assert table_comment[0] == schema.description


def test_frame_and_arrow_follow_the_schema_types():
    schema = SCHEMAS["documents"]
    frame = schema.frame(
        [
            {
                "doc_id": "a",
                "file_name": "a.txt",
                "file_names": "a.txt",
                "sha256": "0" * 64,
                "size_bytes": 3,
                "char_count": 3,
                "published_date": dt.date(2021, 3, 1),
                "has_front_matter": False,
                "metadata_source": "none",
            }
        ]
    )
    assert list(frame.columns) == schema.field_names
    table = schema.to_arrow(frame)
    assert str(table.schema.field("size_bytes").type) == "int64"
    assert str(table.schema.field("published_date").type) == "date32[day]"
    assert table.column("title").to_pylist() == [None]


def test_frame_rejects_fields_the_schema_does_not_have():
    with pytest.raises(ValueError, match="not in schema"):
        SCHEMAS["quarantine"].frame([{"file_name": "x", "stage": "read", "reason": "r", "x": 1}])
