"""Blocking checks, generated from the schemas for every table.

A failing check stops everything downstream: nothing invalid is loaded or published,
and the check's metadata lists the failing rows and why.
"""

import inspect
from collections.abc import Callable

import dagster as dg
import pandas as pd

from pipeline.assets.core import asset_name
from pipeline.bulk_validation import bulk_schema_problems
from pipeline.ingest import IngestResult
from pipeline.schemas import TableSchema, get_schema
from pipeline.validation import (
    Problem,
    foreign_key_problems,
    grounding_problems,
    problems_markdown,
)

GROUNDED_FIELDS = ("doc_id", "char_start", "char_end", "quote")


def _result(
    problems: list[Problem], frame: pd.DataFrame, schema: TableSchema
) -> dg.AssetCheckResult:
    key = schema.primary_key[0] if len(schema.primary_key) == 1 else None
    metadata: dict[str, object] = {"rows_checked": len(frame), "problems": len(problems)}
    if problems:
        metadata["failing_rows"] = dg.MetadataValue.md(problems_markdown(problems, frame, key))
    return dg.AssetCheckResult(passed=not problems, metadata=metadata)


def _taking(
    names: list[str], fn: Callable[..., dg.AssetCheckResult]
) -> Callable[..., dg.AssetCheckResult]:
    """Give a **kwargs check function named parameters: Dagster reads a check's inputs
    from its signature, and these are generated per table."""
    kind = inspect.Parameter.POSITIONAL_OR_KEYWORD
    fn.__signature__ = inspect.Signature([inspect.Parameter(n, kind) for n in names])  # type: ignore[attr-defined]
    return fn


def _referenced_tables(schema: TableSchema) -> list[str]:
    return sorted({fk["reference"]["resource"] for fk in schema.foreign_keys} - {schema.name})


def schema_check(table: str) -> dg.AssetChecksDefinition:
    schema = get_schema(table)
    refs = _referenced_tables(schema)

    def _check(**frames: pd.DataFrame) -> dg.AssetCheckResult:
        frame = frames.pop(asset_name(table))
        problems = bulk_schema_problems(schema, frame)
        problems += foreign_key_problems(
            schema, frame, {table: frame, **{n.removeprefix("core_"): f for n, f in frames.items()}}
        )
        return _result(problems, frame, schema)

    return dg.asset_check(
        asset=asset_name(table),
        name="matches_schema",
        blocking=True,
        description=f"Every row of {table} is valid against schemas/{table}.schema.json "
        "(Frictionless: types, required fields, enums, patterns, unique and primary keys) "
        "and every foreign key points at an existing row.",
        additional_ins={asset_name(t): dg.AssetIn(asset_name(t)) for t in refs},
    )(_taking([asset_name(table), *(asset_name(t) for t in refs)], _check))


def grounding_check(table: str) -> dg.AssetChecksDefinition:
    schema = get_schema(table)

    def _check(**inputs: object) -> dg.AssetCheckResult:
        frame = inputs[asset_name(table)]
        raw: IngestResult = inputs["raw_documents"]  # type: ignore[assignment]
        texts = {d.doc_id: d.text for d in raw.documents}
        return _result(grounding_problems(frame, texts), frame, schema)  # type: ignore[arg-type]

    return dg.asset_check(
        asset=asset_name(table),
        name="grounded",
        blocking=True,
        description=f"Every {table} row's quote is exactly text[char_start:char_end] of its "
        "document: each fact points back to the characters it came from.",
        additional_ins={"raw_documents": dg.AssetIn("raw_documents")},
    )(_taking([asset_name(table), "raw_documents"], _check))


def table_checks(tables: list[str]) -> list[dg.AssetChecksDefinition]:
    checks = []
    for table in tables:
        checks.append(schema_check(table))
        if set(GROUNDED_FIELDS) <= set(get_schema(table).field_names):
            checks.append(grounding_check(table))
    return checks
