"""Sample tables for the release tests, built through the real schemas.

The values are chosen to be awkward for CSV and Parquet: commas, quotes, CR/LF and lone
CR inside fields, non-ASCII text, floats that only a shortest-repr writer round-trips,
integers above 2**53, nulls in every nullable type.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
from frictionless import Package

from pipeline.release import ReleaseOutcome, publish_release
from pipeline.schemas import SCHEMA_DIR, TableSchema, load_schemas

TABLES = ("documents", "quantities", "quarantine")
CREATED = "2025-06-01T12:00:00Z"

Records = dict[str, list[dict[str, Any]]]


def sample_records() -> Records:
    documents = [
        {
            "doc_id": "001_fact_sheet",
            "file_name": "001_fact_sheet.txt",
            "file_names": "001_fact_sheet.txt",
            "sha256": "1" * 64,
            "size_bytes": 2**53 + 1,
            "char_count": 5120,
            "title": 'The United States and Mexico: "Strategic Partners", Neighbors',
            "publisher": "U.S. Department of State, Office of the Spokesperson",
            "published_date": dt.date(2021, 2, 25),
            "date_note": "inferred: issued the day before the trip",
            "url": "https://example.gov/fact-sheet",
            "document_type": "fact sheet",
            "has_front_matter": False,
            "metadata_source": "manifest",
        },
        {
            "doc_id": "004_memo",
            "file_name": "004_memo.txt",
            "file_names": "004_memo.txt | copy of memo.txt",
            "sha256": "4" * 64,
            "size_bytes": 90210,
            "char_count": 88000,
            "title": None,
            "publisher": None,
            "published_date": None,
            "date_note": "Spring 2025 (printed)",
            "url": None,
            "document_type": None,
            "has_front_matter": True,
            "metadata_source": "none",
        },
    ]
    sentences = [
        'Two-way trade reached $1.8 billion, "every day", in 2020.',
        "Line one\r\nline two, with a comma",
        "A lone\rcarriage return and a tab\there",
        "  leading and trailing spaces  ",
        "Non-ASCII: Sécurité – 50 % más 🌎, and a backslash \\$5",
    ]
    values = [1.8e9, 0.1, 1.2345678901234567e21, 39840000.0, None]
    quantities = []
    for i, (sentence, value) in enumerate(zip(sentences, values, strict=True)):
        quantities.append(
            {
                "quantity_id": f"{i + 1:016x}",
                "doc_id": "001_fact_sheet" if i < 3 else "004_memo",
                "char_start": 100 * i,
                "char_end": 100 * i + 12,
                "quote": f"${i + 1}.8 billion",
                "value": value,
                "unit": "USD",
                "kind": "money",
                "form": "digits",
                "qualifier": "approximate" if i % 2 else "exact",
                "range_role": None,
                "period": "2020" if i == 0 else None,
                "rate": "per_day" if i == 0 else None,
                "measure": "two-way trade" if i == 0 else None,
                "flag": "malformed_number" if value is None else None,
                "sentence": sentence,
            }
        )
    quarantine = [
        {"file_name": "empty.txt", "sha256": "e" * 64, "stage": "read", "reason": "empty file"},
        {
            "file_name": "latin1.txt",
            "sha256": None,
            "stage": "decode",
            "reason": "invalid UTF-8 at byte 17",
        },
    ]
    return {"documents": documents, "quantities": quantities, "quarantine": quarantine}


def frames(schemas: dict[str, TableSchema], records: Records) -> dict[str, pd.DataFrame]:
    """Frames typed by the schemas; record keys a schema lacks are dropped first."""
    out = {}
    for name, schema in schemas.items():
        fields = set(schema.field_names)
        out[name] = schema.frame(
            [{k: v for k, v in r.items() if k in fields} for r in records[name]]
        )
    return out


def sources(records: Records) -> list[dict[str, Any]]:
    keep = ("doc_id", "file_name", "title", "publisher", "published_date", "url", "sha256")
    return [{k: d[k] for k in keep} for d in records["documents"]]


def real_schemas(names: tuple[str, ...] = TABLES) -> dict[str, TableSchema]:
    schemas = load_schemas()
    return {n: schemas[n] for n in names}


def edited_schemas(
    tmp_dir: Path, edit: Callable[[dict[str, dict[str, Any]]], None], names=TABLES
) -> dict[str, TableSchema]:
    """The real schemas, copied to `tmp_dir` and changed by `edit(descriptors)`."""
    tmp_dir.mkdir(parents=True, exist_ok=True)
    descriptors = {
        n: json.loads((SCHEMA_DIR / f"{n}.schema.json").read_text(encoding="utf-8")) for n in names
    }
    edit(descriptors)
    for descriptor in descriptors.values():
        path = tmp_dir / f"{descriptor['name']}.schema.json"
        path.write_text(json.dumps(descriptor), encoding="utf-8")
    return load_schemas(tmp_dir)


def publish(
    output_dir: Path,
    records: Records | None = None,
    schemas: dict[str, TableSchema] | None = None,
    created: str = CREATED,
    **kwargs: Any,
) -> ReleaseOutcome:
    records = copy.deepcopy(records if records is not None else sample_records())
    schemas = schemas if schemas is not None else real_schemas()
    return publish_release(
        output_dir=output_dir,
        tables=frames(schemas, records),
        schemas=schemas,
        sources=sources(records),
        created=created,
        **kwargs,
    )


def tree_bytes(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_sample_records_are_valid_rows_of_the_real_schemas(tmp_path: Path) -> None:
    """The fixtures must themselves pass Frictionless, or every release test is moot."""
    outcome = publish(tmp_path)
    report = Package(str(outcome.path / "datapackage.json")).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert {r.name: r.rows for r in outcome.resources} == {
        "documents": 2,
        "quantities": 5,
        "quarantine": 2,
    }
