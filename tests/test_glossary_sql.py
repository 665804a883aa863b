from pathlib import Path

import duckdb
import pytest

from pipeline.extract.acronyms import extract_acronyms
from pipeline.schemas import get_schema
from pipeline.validation import schema_problems

SQL = (Path(__file__).resolve().parent.parent / "pipeline" / "sql" / "glossary.sql").read_text(
    encoding="utf-8"
)

DOCUMENTS = {
    "state_2021": (
        "The United States-Mexico-Canada Agreement (USMCA) supports trade. "
        "Migrant Protection Protocols (MPP) ended. USMCA review is due."
    ),
    "white_house_2021": (
        "The United States-Mexico-Canada Agreement\n(USMCA) will support trade. "
        "The Migrant Protection Protocols (MPP) were suspended."
    ),
    "think_tank_2024": (
        "Under the Migration Protection Program (MPP), migrants waited. MPP was costly, "
        "and MPP cases piled up. Later, the migrant protection protocols (MPP) returned."
    ),
    "no_definitions": "A short note that defines nothing at all.",
}


def _glossary(documents: dict[str, str]) -> list[dict]:
    return _run(documents)[0]


def _run(documents: dict[str, str]) -> tuple[list[dict], dict[str, str]]:
    """The SELECT's rows, and the column types of the view made from the same SQL."""
    acronyms, docs = [], []
    for i, (doc_id, text) in enumerate(sorted(documents.items())):
        for j, rec in enumerate(extract_acronyms(text)):
            acronyms.append({"acronym_id": f"{i:08x}{j:08x}", "doc_id": doc_id, **rec})
        docs.append(
            {
                "doc_id": doc_id,
                "file_name": f"{doc_id}.txt",
                "file_names": f"{doc_id}.txt",
                "sha256": "0" * 64,
                "size_bytes": len(text.encode()),
                "char_count": len(text),
                "has_front_matter": False,
                "metadata_source": "none",
            }
        )
    with duckdb.connect(":memory:") as con:
        for name, records in (("acronyms", acronyms), ("documents", docs)):
            schema = get_schema(name)
            for statement in schema.duckdb_ddl():
                con.execute(statement)
            con.register("staging", schema.to_arrow(schema.frame(records)))
            con.execute(f'INSERT INTO "{name}" SELECT * FROM staging')
            con.unregister("staging")
        rows = con.sql(SQL).to_arrow_table().to_pylist()
        con.execute(f"CREATE VIEW glossary AS {SQL}")
        assert con.execute("SELECT count(*) FROM glossary").fetchall() == [(len(rows),)]
        types = {name: kind for name, kind, *_ in con.execute("DESCRIBE glossary").fetchall()}
    return rows, types


@pytest.fixture(scope="module")
def glossary() -> list[dict]:
    return _glossary(DOCUMENTS)


def test_rows_follow_the_glossary_schema(glossary):
    schema = get_schema("glossary")
    frame = schema.frame(glossary)
    assert list(glossary[0]) == schema.field_names
    assert schema_problems(schema, frame) == []


def test_view_column_types_are_the_schema_types():
    _, types = _run(DOCUMENTS)
    duckdb_type = {"string": "VARCHAR", "integer": "BIGINT"}
    assert types == {f.name: duckdb_type[f.type] for f in get_schema("glossary").fields}


def test_agreeing_documents_share_one_row(glossary):
    (usmca,) = [r for r in glossary if r["acronym"] == "USMCA"]
    assert usmca["expansion"] == "United States-Mexico-Canada Agreement"
    assert usmca["expansion_count"] == 1
    assert usmca["other_expansions"] is None
    assert usmca["documents_defining"] == 2
    assert usmca["documents_using"] == 1
    assert usmca["uses"] == 1
    assert usmca["doc_ids"] == "state_2021 | white_house_2021"


def test_different_expansions_each_show_and_name_the_other(glossary):
    mpp = {r["expansion"].lower(): r for r in glossary if r["acronym"] == "MPP"}
    assert sorted(mpp) == ["migrant protection protocols", "migration protection program"]
    protocols = mpp["migrant protection protocols"]
    program = mpp["migration protection program"]
    # Capitals differ between documents, so the sorted-first spelling is shown.
    assert protocols["expansion"] == "Migrant Protection Protocols"
    assert protocols["documents_defining"] == 3
    assert protocols["definitions"] == 3
    assert protocols["other_expansions"] == "Migration Protection Program"
    assert program["documents_defining"] == 1
    assert program["other_expansions"] == "Migrant Protection Protocols"
    assert {r["expansion_count"] for r in mpp.values()} == {2}
    assert {r["documents_defining_acronym"] for r in mpp.values()} == {3}


def test_uses_in_a_document_count_once_per_expansion(glossary):
    program = next(
        r for r in glossary if r["acronym"] == "MPP" and r["expansion"].startswith("Migration")
    )
    assert program["uses"] == 2
    assert program["documents_using"] == 1


def test_keys_are_unique_and_stable(glossary):
    keys = [r["glossary_id"] for r in glossary]
    assert len(keys) == len(set(keys))
    assert [r["glossary_id"] for r in _glossary(DOCUMENTS)] == keys


def test_no_definitions_no_rows():
    assert _glossary({"no_definitions": DOCUMENTS["no_definitions"]}) == []
