"""The claims SELECT over small in-memory quantities and documents tables, and over the
seed documents as the extractor reads them.

Measure phrases are written the way the quantity extractor produces them (short,
lower-cased phrases from the sentence), with the sentences they come from (the name
words of a measure are the ones its sentence capitalizes), not copied from any table of
known pairs.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pytest

from pipeline.extraction import extract_document
from pipeline.ingest import ingest_raw_dir
from pipeline.schemas import get_schema, load_schemas
from pipeline.tables import derived_sql, run_derived, sql_inputs
from pipeline.validation import foreign_key_problems, schema_problems

REPO = Path(__file__).resolve().parent.parent
RAW_DIR = REPO / "raw"
CLAIMS_SQL = (REPO / "pipeline" / "sql" / "claims.sql").read_text(encoding="utf-8")

STATE, WHITE_HOUSE, GUARD, MEMO = "001_state", "002_white_house", "003_guard", "004_memo"


def quantity(qid: str, doc: str, quote: str, value: float, unit: str, kind: str,
             measure: str | None, qualifier: str = "exact", period: str | None = None,
             rate: str | None = None, sentence: str | None = None,
             **extra: Any) -> dict[str, Any]:  # fmt: skip
    return {
        "quantity_id": qid, "doc_id": doc, "char_start": 0, "char_end": len(quote),
        "quote": quote, "value": value, "unit": unit, "kind": kind, "form": "digits",
        "qualifier": qualifier, "range_role": None, "period": period, "rate": rate,
        "measure": measure, "flag": None, "sentence": sentence or quote, **extra,
    }  # fmt: skip


SEED_LIKE = [
    quantity("a000000000000001", STATE, "$1.8 billion", 1.8e9, "USD", "money",
             "two-way trade", rate="per_day",
             sentence="- Every day, we benefit from $1.8 billion in two-way trade; outside of "
                      "the pandemic, hundreds of thousands of people legally cross the border."),
    quantity("b000000000000001", WHITE_HOUSE, "$1.9 billion", 1.9e9, "USD", "money",
             "trade crossing shared border", qualifier="approximate", rate="per_day",
             sentence="Each day,\nnearly $1.9 billion in trade crosses our shared border."),
    quantity("a000000000000002", STATE, "$3.2 billion", 3.2e9, "USD", "money",
             "appropriations through merida initiative", qualifier="lower_bound",
             period="FY2008-FY2020",
             sentence="- From FY 2008-FY 2020, the United States has appropriated more than "
                      "$3.2 billion in equipment, training, and capacity building support "
                      "through the Merida Initiative."),
    quantity("b000000000000002", WHITE_HOUSE, "$3.2 billion", 3.2e9, "USD", "money",
             "appropriations through mérida initiative", qualifier="lower_bound",
             period="FY 2008 – FY 2020",
             sentence="Through the Mérida Initiative, the\nUnited States has appropriated "
                      "more than $3.2 billion in equipment,\ntraining, and capacity building "
                      "from FY 2008 – FY 2020."),
    quantity("a000000000000003", STATE, "2,000-miles", 2000.0, "mile", "length", "border",
             sentence="- With 2,000-miles of border and 55 active land ports of entry, "
                      "bilateral relations directly impact the lives of millions of Americans."),
    quantity("b000000000000003", WHITE_HOUSE, "2,000 miles", 2000.0, "mile", "length",
             "border",
             sentence="With 2,000 miles of border, the relationship with\nMexico impacts the "
                      "lives of millions of Americans every day."),
    # California's border with Mexico is not the U.S.-Mexico border.
    quantity("c000000000000003", GUARD, "140-mile", 140.0, "mile", "length",
             "california-mexico border",
             sentence="California and Mexico’s geographic proximity fosters deep cultural ties "
                      "and shared interests, particularly along our 140-mile border."),
    # Same measure, different years: not the same claim.
    quantity("a000000000000004", STATE, "$538.1 billion", 538.1e9, "USD", "money",
             "two-way trade in goods", period="2020"),
    quantity("d000000000000004", MEMO, "\\$807 billion", 807e9, "USD", "money",
             "two-way trade in goods", period="2023"),
    quantity("d000000000000005", MEMO, "\\$807bn", 807e9, "USD", "money",
             "two-way trade in goods", period="2023"),
    # Same unit, unrelated measures.
    quantity("a000000000000006", STATE, "55", 55.0, "count", "count",
             "active land ports of entry"),
    quantity("c000000000000006", GUARD, "over 400", 400.0, "count", "count",
             "servicemembers deployed statewide", qualifier="lower_bound"),
    # A malformed number never takes part.
    quantity("a000000000000007", STATE, "10,0000", None, "count", "count",
             "fulbright alumni", flag="malformed_number"),
    quantity("c000000000000007", GUARD, "10,000", 10000.0, "count", "count",
             "fulbright alumni"),
]  # fmt: skip


def documents() -> pd.DataFrame:
    rows = []
    for doc, published in [(STATE, "2021-02-25"), (WHITE_HOUSE, "2021-03-01"),
                           (GUARD, "2025-12-04"), (MEMO, None)]:  # fmt: skip
        rows.append({
            "doc_id": doc, "file_name": f"{doc}.txt", "file_names": f"{doc}.txt",
            "sha256": "0" * 64, "size_bytes": 10, "char_count": 10, "title": None,
            "publisher": None, "published_date": published, "date_note": None, "url": None,
            "document_type": None, "has_front_matter": False, "metadata_source": "none",
        })  # fmt: skip
    return get_schema("documents").frame(rows)


def claims(quantity_rows: list[dict[str, Any]]) -> pd.DataFrame:
    """The SELECT run in DuckDB over typed in-memory tables, as the pipeline runs it."""
    tables = {
        "quantities": get_schema("quantities").frame(quantity_rows),
        "documents": documents(),
    }
    return run_derived("claims", tables, load_schemas())


def pair(frame: pd.DataFrame, a: str, b: str) -> dict[str, Any]:
    hit = frame[(frame.quantity_id_a == a) & (frame.quantity_id_b == b)]
    assert len(hit) == 1, f"{a} / {b}: {len(hit)} rows"
    return hit.iloc[0].to_dict()


@pytest.fixture(scope="module")
def seed_like() -> pd.DataFrame:
    return claims(SEED_LIKE)


def test_daily_trade_is_a_disagreement(seed_like: pd.DataFrame) -> None:
    row = pair(seed_like, "a000000000000001", "b000000000000001")
    assert row["agreement"] == "disagree" and not row["agrees"]
    assert (row["measure_key"], row["rate"]) == ("trade", "per_day")
    assert (row["value_a"], row["qualifier_a"]) == (1.8e9, "exact")
    assert (row["value_b"], row["qualifier_b"]) == (1.9e9, "approximate")
    assert str(row["published_date_a"]) == "2021-02-25"
    assert str(row["published_date_b"]) == "2021-03-01"
    assert row["relative_difference"] == pytest.approx(0.1 / 1.9, abs=1e-6)


def test_merida_appropriations_agree(seed_like: pd.DataFrame) -> None:
    row = pair(seed_like, "a000000000000002", "b000000000000002")
    assert row["agreement"] == "equal" and row["agrees"]
    assert row["measure_similarity"] == 1.0
    assert (row["period_a"], row["period_b"]) == ("FY2008-FY2020", "FY 2008 – FY 2020")


def test_border_length_agrees(seed_like: pd.DataFrame) -> None:
    row = pair(seed_like, "a000000000000003", "b000000000000003")
    assert row["agreement"] == "equal"
    assert (row["measure_a"], row["measure_b"]) == ("border", "border")


def test_only_these_pairs(seed_like: pd.DataFrame) -> None:
    pairs = set(zip(seed_like.quantity_id_a, seed_like.quantity_id_b, strict=True))
    assert pairs == {
        ("a000000000000001", "b000000000000001"),
        ("a000000000000002", "b000000000000002"),
        ("a000000000000003", "b000000000000003"),
    }


def test_result_matches_its_schema(seed_like: pd.DataFrame) -> None:
    schema = get_schema("claims")
    assert list(seed_like.columns) == schema.field_names
    assert schema_problems(schema, seed_like) == []
    tables = {"quantities": get_schema("quantities").frame(SEED_LIKE), "documents": documents()}
    assert foreign_key_problems(schema, seed_like, tables) == []
    assert all(re.fullmatch(r"[0-9a-f]{16}", c) for c in seed_like.claim_id)


def test_sql_reads_only_quantities_and_documents() -> None:
    assert derived_sql()["claims"] == CLAIMS_SQL
    assert sorted(sql_inputs(CLAIMS_SQL)) == ["documents", "quantities"]


def test_same_sql_works_as_a_duckdb_view() -> None:
    con = duckdb.connect(":memory:")
    con.register("quantities", get_schema("quantities").frame(SEED_LIKE))
    con.register("documents", documents())
    con.execute(f"CREATE VIEW claims AS {CLAIMS_SQL}")
    disagreements = con.execute(
        "SELECT measure_key, quote_a, quote_b FROM claims WHERE NOT agrees"
    ).fetchall()
    assert disagreements == [("trade", "$1.8 billion", "$1.9 billion")]


@pytest.mark.parametrize(
    ("left", "right", "agreement"),
    [
        # value, qualifier on each side
        ((100.0, "exact"), (100.0, "exact"), "equal"),
        ((100.0, "approximate"), (102.0, "exact"), "compatible"),
        ((100.0, "approximate"), (103.0, "exact"), "disagree"),
        ((3.2e9, "lower_bound"), (3.5e9, "exact"), "compatible"),
        ((3.2e9, "lower_bound"), (3.2e9, "exact"), "compatible"),
        ((3.2e9, "lower_bound"), (3.0e9, "exact"), "disagree"),
        ((40.0, "upper_bound"), (38.0, "approximate"), "compatible"),
        ((40.0, "upper_bound"), (45.0, "lower_bound"), "disagree"),
        ((1.9e9, "approximate"), (1.8e9, "exact"), "disagree"),
    ],
)
def test_agreement_under_qualifiers(
    left: tuple[float, str], right: tuple[float, str], agreement: str
) -> None:
    rows = [
        quantity("a100000000000000", STATE, "x", left[0], "percent", "percent",
                 "share of agricultural imports", qualifier=left[1]),
        quantity("b100000000000000", WHITE_HOUSE, "y", right[0], "percent", "percent",
                 "agricultural imports share", qualifier=right[1]),
    ]  # fmt: skip
    frame = claims(rows)
    assert list(frame.agreement) == [agreement]
    assert list(frame.agrees) == [agreement != "disagree"]


@pytest.mark.parametrize(
    ("measure_a", "sentence_a", "measure_b", "sentence_b", "rate", "matches"),
    [
        ("two-way trade", "We benefit from 5 in two-way trade.",
         "trade crossing the border", "Nearly 5 in trade crosses the border.", "per_day", True),
        ("two-way trade", "We benefit from 5 in two-way trade.",
         "trade crossing the border", "Nearly 5 in trade crosses the border.", None, False),
        ("active land ports of entry", "There are 5 active land ports of entry.",
         "number of land ports of entry", "The number of land ports of entry is 5.", None,
         True),
        # a phrase that names its parties never meets one that names none
        ("u.s.-mexico border", "The U.S.-Mexico border is 5 miles long.",
         "border", "With 5 miles of border, trade grows.", None, False),
        ("california-mexico border", "California and Mexico share our 5-mile border.",
         "border", "With 5 miles of border, trade grows.", None, False),
        ("california-mexico border", "California and Mexico share our 5-mile border.",
         "u.s.-mexico border", "The U.S.-Mexico border is 5 miles long.", None, False),
        # the same parties, however written
        ("u.s.-mexico border", "The U.S.-Mexico border is 5 miles long.",
         "mexico-united states border", "Mexico and the United States share a 5-mile border.",
         None, True),
        ("appropriations through merida initiative",
         "Congress has appropriated 5 through the Merida Initiative.",
         "appropriations for mérida initiative",
         "Congress appropriated some 5 for the Mérida Initiative.", None, True),
        # the capitals of a heading or a title-case label name nothing
        ("total two-way trade", "Total Two-Way Trade: 5",
         "total two-way trade", "In 2020, total two-way trade reached 5.", None, True),
        # a nationality is a name: Mexican students are not all students
        ("mexican students in the united states",
         "Some 5 Mexican students are in the United States.",
         "students studying in the united states",
         "Some 5 students studied in the United States.", None, False),
        ("mexican students in the united states",
         "Some 5 Mexican students are in the United States.",
         "mexican students studying in the united states",
         "Some 5 Mexican students studied in the United States.", None, True),
        ("two-way trade in goods", "In 2020, two-way trade in goods totaled 5.",
         "u.s. agriculture imports", "Some 5 of U.S. agriculture imports come from Mexico.",
         None, False),
        ("border region population", "The border region population is 5.",
         "border", "With 5 miles of border, trade grows.", None, False),
        ("fulbright alumni", "There are 5 Fulbright alumni.",
         "fulbright program contributions", "The Fulbright program contributions are 5.",
         None, False),
    ],
)  # fmt: skip
def test_measure_matching(
    measure_a: str, sentence_a: str, measure_b: str, sentence_b: str, rate: str | None,
    matches: bool,
) -> None:  # fmt: skip
    rows = [
        quantity("a200000000000000", STATE, "x", 5.0, "count", "count", measure_a, rate=rate,
                 sentence=sentence_a),
        quantity("b200000000000000", WHITE_HOUSE, "y", 5.0, "count", "count", measure_b,
                 rate=rate, sentence=sentence_b),
    ]  # fmt: skip
    assert len(claims(rows)) == (1 if matches else 0)


@pytest.mark.parametrize(
    "change",
    [
        {"unit": "MXN"},
        {"kind": "count", "unit": "count"},
        {"rate": "per_year"},
        {"period": "2020"},
        {"doc_id": STATE},
        {"measure": None},
    ],
)
def test_rows_that_never_pair(change: dict[str, Any]) -> None:
    base = quantity("a300000000000000", STATE, "$1.8 billion", 1.8e9, "USD", "money",
                    "two-way trade", rate="per_day")  # fmt: skip
    other = {**base, "quantity_id": "b300000000000000", "doc_id": WHITE_HOUSE, **change}
    assert claims([base, other]).empty


@pytest.fixture(scope="module")
def seed_claims() -> pd.DataFrame:
    """The claims of the seed documents: the real ingest, extractor and SELECT."""
    documents = ingest_raw_dir(RAW_DIR, 50_000_000).documents
    rows = [
        {
            "doc_id": d.doc_id, "file_name": d.file_name, "file_names": " | ".join(d.file_names),
            "sha256": d.sha256, "size_bytes": d.size_bytes, "char_count": len(d.text),
            "has_front_matter": d.has_front_matter, "metadata_source": d.metadata_source,
            **d.metadata,
        }
        for d in documents
    ]  # fmt: skip
    quantities = [
        row for d in documents for row in extract_document(d.doc_id, d.text, ["quantities"])[
            "quantities"
        ]
    ]  # fmt: skip
    tables = {
        "quantities": get_schema("quantities").frame(quantities),
        "documents": get_schema("documents").frame(rows),
    }
    return run_derived("claims", tables, load_schemas())


def test_seed_claims(seed_claims: pd.DataFrame) -> None:
    """Daily two-way trade disagrees between State and the White House; the Merida
    appropriations and the border length agree; California's 140-mile border meets no
    other document's border."""
    found = {
        (row.doc_id_a[:3], row.doc_id_b[:3], row.quote_a, row.quote_b): (
            row.measure_key, row.rate, row.agreement
        )
        for row in seed_claims.itertuples()
    }  # fmt: skip
    assert found == {
        ("001", "002", "$1.8 billion", "$1.9 billion"): ("trade", "per_day", "disagree"),
        ("001", "002", "$3.2 billion", "$3.2 billion"): ("appropriation", None, "equal"),
        ("001", "002", "2,000-miles", "2,000 miles"): ("border", None, "equal"),
    }
    assert "140-mile" not in set(seed_claims.quote_a) | set(seed_claims.quote_b)


def test_claims_grow_linearly_when_every_document_states_the_same_measure() -> None:
    """Twenty sources of one measure would be 190 pairs; each statement meets one."""
    docs = [f"doc{i:02d}" for i in range(20)]
    rows = [
        quantity(f"{i:016x}", doc, "$1.8 billion", 1.8e9, "USD", "money", "two-way trade",
                 rate="per_day")
        for i, doc in enumerate(docs)
    ]  # fmt: skip
    documents_frame = get_schema("documents").frame(
        [
            {"doc_id": d, "file_name": f"{d}.txt", "file_names": f"{d}.txt",
             "sha256": "0" * 64, "size_bytes": 10, "char_count": 10,
             "has_front_matter": False, "metadata_source": "none"}
            for d in docs
        ]
    )  # fmt: skip
    tables = {"quantities": get_schema("quantities").frame(rows), "documents": documents_frame}
    frame = run_derived("claims", tables, load_schemas())
    per_statement = frame.groupby("quantity_id_b").size()
    assert per_statement.max() == 1
    # Every statement but the first is linked to an earlier one: 19 rows, not 190.
    assert len(frame) == 19
    assert set(frame.doc_id_b) == set(docs[1:])
    # Equal measures and no dates: the nearest earlier document is the one compared.
    assert dict(zip(frame.doc_id_b, frame.doc_id_a, strict=True)) == {
        docs[i]: docs[i - 1] for i in range(1, 20)
    }
