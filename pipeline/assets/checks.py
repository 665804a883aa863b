"""Blocking checks, generated from the schemas for every table.

A failing check stops everything downstream: nothing invalid is loaded or published,
and the check's metadata lists the failing rows and why.
"""

import inspect
from collections.abc import Callable, Iterator

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


def grounding_checks(tables: list[str]) -> dg.AssetChecksDefinition:
    """One `grounded` check per table, run together in one step: the texts are the
    largest input of all (every document), and are loaded once, not once per table."""
    names = [asset_name(t) for t in tables]

    def _check(
        context: dg.AssetCheckExecutionContext, **inputs: object
    ) -> Iterator[dg.AssetCheckResult]:
        raw: IngestResult = inputs.pop("raw_documents")  # type: ignore[assignment]
        texts = {d.doc_id: d.text for d in raw.documents}
        selected = context.selected_asset_check_keys
        for table, name in zip(tables, names, strict=True):
            key = dg.AssetCheckKey(dg.AssetKey(name), "grounded")
            if key not in selected:
                continue
            frame: pd.DataFrame = inputs[name]  # type: ignore[assignment]
            result = _result(grounding_problems(frame, texts), frame, get_schema(table))
            yield dg.AssetCheckResult(
                asset_key=name,
                check_name="grounded",
                passed=result.passed,
                metadata=result.metadata,
            )

    kind = inspect.Parameter.POSITIONAL_OR_KEYWORD
    _check.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
        [inspect.Parameter("context", kind)]
        + [inspect.Parameter(n, kind) for n in [*names, "raw_documents"]]
    )
    return dg.multi_asset_check(
        name="core_facts_grounded",
        specs=[
            dg.AssetCheckSpec(
                name="grounded",
                asset=name,
                blocking=True,
                additional_deps=["raw_documents"],
                description=f"Every {table} row's quote is exactly text[char_start:char_end] "
                "of its document: each fact points back to the characters it came from.",
            )
            for table, name in zip(tables, names, strict=True)
        ],
        can_subset=True,
        ins={**{n: dg.AssetIn(n) for n in names}, "raw_documents": dg.AssetIn("raw_documents")},
    )(_check)


def table_checks(tables: list[str]) -> list[dg.AssetChecksDefinition]:
    checks = [schema_check(table) for table in tables]
    grounded = [t for t in tables if set(GROUNDED_FIELDS) <= set(get_schema(t).field_names)]
    if grounded:
        checks.append(grounding_checks(grounded))
    return checks
