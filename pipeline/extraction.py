"""Running every fact extractor over a document and keying its rows.

Kept apart from the Dagster assets so the benchmark, the tests and any executor can
call the same function on one document at a time (extraction is embarrassingly
parallel per document).
"""

from __future__ import annotations

from typing import Any

from pipeline.extract.registry import FACT_EXTRACTORS
from pipeline.ids import row_keys
from pipeline.schemas import get_schema

Rows = dict[str, list[dict[str, Any]]]


def extract_document(doc_id: str, text: str, tables: list[str] | None = None) -> Rows:
    """Fact rows of one document per table, in text order, with doc_id and keys set."""
    out: Rows = {}
    for table in tables or list(FACT_EXTRACTORS):
        records = sorted(
            FACT_EXTRACTORS[table](text), key=lambda r: (r["char_start"], r["char_end"])
        )
        key = get_schema(table).primary_key[0]
        keys = row_keys(doc_id, table, text, ((r["char_start"], r["char_end"]) for r in records))
        out[table] = [{key: k, "doc_id": doc_id, **r} for k, r in zip(keys, records, strict=True)]
    return out
