"""The claims SELECT over small in-memory quantities and documents tables.

Measure phrases are written the way the quantity extractor produces them (short,
lower-cased phrases from the sentence), not copied from any table of known pairs.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pytest

from pipeline.schemas import get_schema, load_schemas
from pipeline.tables import derived_sql, run_derived, sql_inputs
from pipeline.validation import foreign_key_problems, schema_problems

REPO = Path(__file__).resolve().parent.parent
CLAIMS_SQL = (REPO / "pipeline" / "sql" / "claims.sql").read_text(encoding="utf-8")

STATE, WHITE_HOUSE, GUARD, MEMO = "001_state", "002_white_house", "003_guard", "004_memo"


def quantity(qid: str, doc: str, quote: str, value: float, unit: str, kind: str,
             measure: str | None, qualifier: str = "exact", period: str | None = None,
             rate: str | None = None, **extra: Any) -> dict[str, Any]:  # fmt: skip
    return {
        "quantity_id": qid, "doc_id": doc, "char_start": 0, "char_end": len(quote),
        "quote": quote, "value": value, "unit": unit, "kind": kind, "form": "digits",
        "qualifier": qualifier, "range_role": None, "period": period, "rate": rate,
        "measure": measure, "flag": None, "sentence": quote, **extra,
    }  # fmt: skip


SEED_LIKE = [
    quantity("a000000000000001", STATE, "$1.8 billion", 1.8e9, "USD", "money",
             "two-way trade", rate="per_day"),
    quantity("b000000000000001", WHITE_HOUSE, "nearly $1.9 billion", 1.9e9, "USD", "money",
             "trade crossing the border", qualifier="approximate", rate="per_day"),
    quantity("a000000000000002", STATE, "more than $3.2 billion", 3.2e9, "USD", "money",
             "merida initiative appropriations", qualifier="lower_bound",
             period="FY2008-FY2020"),
    quantity("b000000000000002", WHITE_HOUSE, "more than $3.2 billion", 3.2e9, "USD", "money",
             "appropriations through the mérida initiative", qualifier="lower_bound",
             period="FY 2008 – FY 2020"),
    quantity("a000000000000003", STATE, "2,000-miles", 2000.0, "mile", "length",
             "u.s.-mexico border"),
    quantity("b000000000000003", WHITE_HOUSE, "2,000 miles", 2000.0, "mile", "length",
             "border"),
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
    assert (row["measure_a"], row["measure_b"]) == ("u.s.-mexico border", "border")


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
    assert disagreements == [("trade", "$1.8 billion", "nearly $1.9 billion")]


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
    ("measure_a", "measure_b", "rate", "matches"),
    [
        ("two-way trade", "trade crossing the border", "per_day", True),
        ("two-way trade", "trade crossing the border", None, False),
        ("active land ports of entry", "number of land ports of entry", None, True),
        ("u.s.-mexico border", "border", None, True),
        ("mexican students in the united states", "students studying in the united states",
         None, True),
        ("two-way trade in goods", "u.s. agriculture imports", None, False),
        ("border region population", "border", None, False),
        ("fulbright alumni", "fulbright program contributions", None, False),
    ],
)  # fmt: skip
def test_measure_matching(measure_a: str, measure_b: str, rate: str | None, matches: bool) -> None:
    rows = [
        quantity("a200000000000000", STATE, "x", 5.0, "count", "count", measure_a, rate=rate),
        quantity("b200000000000000", WHITE_HOUSE, "y", 5.0, "count", "count", measure_b,
                 rate=rate),
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
