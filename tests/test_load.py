import duckdb
import pytest

from pipeline.load import build_database
from pipeline.schemas import load_schemas

SCHEMAS = load_schemas()


def _quarantine(*names):
    return SCHEMAS["quarantine"].frame(
        [{"file_name": n, "stage": "read", "reason": "empty file"} for n in names]
    )


def test_tables_views_and_comments_are_created(tmp_path):
    db = tmp_path / "facts.duckdb"
    counts = build_database(
        db,
        {"quarantine": _quarantine("a.txt", "b.txt")},
        SCHEMAS,
        views={"quarantined_files": "SELECT file_name FROM quarantine"},
    )
    assert counts == {"quarantine": 2}
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM quarantined_files").fetchone() == (2,)
        (comment,) = con.execute(
            "SELECT comment FROM duckdb_columns() WHERE table_name='quarantine' "
            "AND column_name='reason'"
        ).fetchone()
    assert comment == SCHEMAS["quarantine"].field("reason").description
    assert sorted(p.name for p in tmp_path.iterdir()) == ["facts.duckdb"]


def test_a_failed_load_leaves_the_previous_database_untouched(tmp_path):
    db = tmp_path / "facts.duckdb"
    build_database(db, {"quarantine": _quarantine("old.txt")}, SCHEMAS)
    duplicate_keys = _quarantine("new.txt", "new.txt")
    with pytest.raises(duckdb.ConstraintException):
        build_database(db, {"quarantine": duplicate_keys}, SCHEMAS)
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT file_name FROM quarantine").fetchall() == [("old.txt",)]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["facts.duckdb"]
