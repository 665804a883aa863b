"""The release's `datapackage.json` (Data Package v2).

Each table is one resource: its CSV, which `frictionless validate` checks against the
inline schema, byte count and sha256. The Parquet twin is described under the custom
property `parquet` of the same resource rather than as a second resource: a table then
has one name (foreign keys resolve to exactly one resource), consumers walking
`resources` see each table once, and validation does not depend on Frictionless's
pandas-based Parquet reader. The Parquet bytes and hash are checked by our tests.

Licensing, stated as plainly as it is known: the compilation (selection, structure, keys,
scaled values, schemas) is dedicated to the public domain under ODC-PDDL-1.0. The source
texts quoted in the tables are not ours to license: each source lists what is known of
its terms (`terms`, given by the caller, or "not stated").
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping
from typing import Any

from pipeline.release.files import CSV_DIALECT, PARQUET_MEDIATYPE, EncodedTable
from pipeline.schemas import TableSchema

PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
TABLE_SCHEMA_PROFILE = "https://datapackage.org/profiles/2.0/tableschema.json"
PACKAGE_NAME = "us-mexico-facts"
PACKAGE_TITLE = "U.S.–Mexico facts"
TERMS_NOT_STATED = "not stated in the document or its manifest entry"
PACKAGE_DESCRIPTION = (
    "Facts stated in public documents on U.S.–Mexico relations (amounts, counts, "
    "acronyms, recommendations, citations...), each row pointing back to the exact "
    "characters of the source text it was read from (char_start/char_end into the "
    "UTF-8 decoded document, quote == text[char_start:char_end]). Every table is "
    "published as CSV (the resource described here) and as typed Parquet (see each "
    "resource's `parquet` property).\n\n"
    "Terms of use. This compilation (the selection and arrangement of the facts, the "
    "row keys, the scaled values and the schemas) is dedicated to the public domain "
    "under ODC-PDDL-1.0. That dedication does not extend to the source texts quoted in "
    "the tables (quote, sentence and similar fields): they remain under their "
    "publishers' terms, listed per source under `sources[].terms`. Works prepared by "
    "U.S. federal government employees as part of their official duties are not "
    "protected by copyright in the United States (17 U.S.C. § 105); documents from "
    "other publishers, such as a state government or a university, keep their own "
    "terms, and where those are not stated they are unknown: the excerpts are given "
    "for reference and citation, and wider reuse of that text should be checked with "
    "the publisher."
)
LICENSES = [
    {
        "name": "ODC-PDDL-1.0",
        "path": "https://opendatacommons.org/licenses/pddl/1-0/",
        "title": "Open Data Commons Public Domain Dedication and License v1.0 "
        "(the compilation only; quoted source text keeps its publisher's terms)",
    }
]
CONTRIBUTORS = [
    {
        "title": "us-mexico-facts project",
        "roles": ["creator"],
        "description": "Compiled the tables automatically from the listed sources.",
    }
]
KEYWORDS = ["United States", "Mexico", "bilateral relations", "facts", "provenance"]


def _plain(value: Any) -> Any:
    """A JSON-ready value with None for every kind of missing (pandas NA, NaN)."""
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if type(value).__name__ in ("NAType", "NaTType"):
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def source_descriptor(source: Mapping[str, Any]) -> dict[str, Any]:
    """One document as a Data Package source; unknown metadata stays null."""
    title = _plain(source.get("title"))
    file_name = _plain(source.get("file_name"))
    entry: dict[str, Any] = {
        "title": title or f"{file_name or source.get('doc_id')} (title not known)",
    }
    url = _plain(source.get("url"))
    if url:
        entry["path"] = url
    entry.update(
        {
            "doc_id": _plain(source.get("doc_id")),
            "file_name": file_name,
            "publisher": _plain(source.get("publisher")),
            "published_date": _plain(source.get("published_date")),
            "url": url or None,
            "sha256": _plain(source.get("sha256")),
            "terms": _plain(source.get("terms")) or TERMS_NOT_STATED,
        }
    )
    return entry


def resource_descriptor(schema: TableSchema, encoded: EncodedTable) -> dict[str, Any]:
    table_schema = {"$schema": TABLE_SCHEMA_PROFILE, **schema.frictionless_descriptor()}
    return {
        "name": schema.name,
        "type": "table",
        "title": schema.title,
        "description": schema.description,
        "path": encoded.csv_name,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "bytes": encoded.csv_size,
        "hash": f"sha256:{encoded.csv_sha256}",
        "rows": encoded.rows,
        "dialect": dict(CSV_DIALECT),
        "schema": table_schema,
        "parquet": {
            "path": encoded.parquet_name,
            "format": "parquet",
            "mediatype": PARQUET_MEDIATYPE,
            "bytes": len(encoded.parquet),
            "hash": f"sha256:{encoded.parquet_sha256}",
            "compression": "zstd",
        },
    }


def package_metadata(sources: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """Everything package-level except version, created and resources.

    Kept apart because it is what a release compares to decide on a metadata (patch)
    change: version and created differ on every release by construction.
    """
    described = sorted(
        (source_descriptor(s) for s in sources),
        key=lambda s: (str(s["doc_id"]), str(s["file_name"]), s["title"]),
    )
    return {
        "$schema": PROFILE,
        "name": PACKAGE_NAME,
        "title": PACKAGE_TITLE,
        "description": PACKAGE_DESCRIPTION,
        "keywords": list(KEYWORDS),
        "licenses": [dict(x) for x in LICENSES],
        "contributors": [dict(x) for x in CONTRIBUTORS],
        "sources": described,
    }


def package_descriptor(
    metadata: Mapping[str, Any], version: str, created: str, resources: list[dict[str, Any]]
) -> dict[str, Any]:
    head = {k: v for k, v in metadata.items() if k in ("$schema", "name", "title")}
    rest = {k: v for k, v in metadata.items() if k not in head}
    return {**head, "version": version, "created": created, **rest, "resources": resources}


def metadata_of(descriptor: Mapping[str, Any]) -> dict[str, Any]:
    """The comparable package-level metadata of a published descriptor."""
    return {k: v for k, v in descriptor.items() if k not in ("version", "created", "resources")}
