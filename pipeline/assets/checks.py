"""Blocking checks, generated from the schemas for every table.

A failing check stops everything downstream: nothing invalid is loaded or published,
and the check's metadata lists the failing rows and why.
"""

import inspect
from collections.abc import Callable, Iterator

import dagster as dg
import pandas as pd
import pyarrow as pa

from pipeline.assets.core import asset_name
from pipeline.bulk_validation import bulk_schema_problems
from pipeline.ingest import IngestResult
from pipeline.schemas import TableSchema, get_schema
from pipeline.tables import fact_tables
from pipeline.validation import (
    GROUNDED_FIELDS,
    Problem,
    foreign_key_problems,
    grounding_problems,
    problems_markdown,
)


def _result(
    problems: list[Problem],
    table: pd.DataFrame | pa.Table,
    schema: TableSchema,
    asset: str,
    check: str,
) -> dg.AssetCheckResult:
    key = schema.primary_key[0] if len(schema.primary_key) == 1 else None
    metadata: dict[str, object] = {"rows_checked": len(table), "problems": len(problems)}
    if problems:
        frame = schema.as_frame(table)
        metadata["failing_rows"] = dg.MetadataValue.md(problems_markdown(problems, frame, key))
    return dg.AssetCheckResult(
        asset_key=asset, check_name=check, passed=not problems, metadata=metadata
    )


def _with_inputs(
    names: list[str],
    fn: Callable[..., Iterator[dg.AssetCheckResult]],
    arrow: frozenset[str] = frozenset(),
) -> Callable[..., Iterator[dg.AssetCheckResult]]:
    """Give a **kwargs check function named parameters (a context, then `names`): Dagster
    reads a check's inputs from its signature, and these are generated from the schemas.
    An input in `arrow` is annotated `pa.Table`, which the project's IO manager answers
    with the stored Arrow table (`wants_arrow_input`): a check cannot put metadata on an
    input that is also the asset it checks."""
    kind = inspect.Parameter.POSITIONAL_OR_KEYWORD
    parameters = [
        inspect.Parameter(n, kind, annotation=pa.Table if n in arrow else inspect.Parameter.empty)
        for n in names
    ]
    fn.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
        [inspect.Parameter("context", kind), *parameters]
    )
    return fn


def _referenced_tables(schema: TableSchema) -> list[str]:
    return sorted({resource for _, resource, _ in schema.references()} - {schema.name})


def _referenced_fields(tables: list[str]) -> dict[str, list[str]]:
    """The fields of each table that foreign keys of `tables` point at."""
    fields: dict[str, list[str]] = {}
    for table in tables:
        for _, resource, names in get_schema(table).references():
            known = fields.setdefault(resource, [])
            known += [n for n in names if n not in known]
    return fields


def schema_checks(step: str, tables: list[str]) -> dg.AssetChecksDefinition:
    """One `matches_schema` check per table, run together in one step, so a table that
    several others reference (documents, quantities) loads once, not once per check.
    Inputs arrive as Arrow: a checked table becomes its frame, a table that is only
    referenced becomes just the key columns its referrers look up."""
    inputs = sorted({*tables, *(r for t in tables for r in _referenced_tables(get_schema(t)))})
    referenced = _referenced_fields(tables)

    def _check(
        context: dg.AssetCheckExecutionContext, **arrow: pa.Table
    ) -> Iterator[dg.AssetCheckResult]:
        by_table = {
            name: get_schema(name).frame_from_arrow(
                value, None if name in tables else referenced[name]
            )
            for name, value in ((n.removeprefix("core_"), v) for n, v in arrow.items())
        }
        for table in tables:
            if dg.AssetCheckKey(dg.AssetKey(asset_name(table)), "matches_schema") not in (
                context.selected_asset_check_keys
            ):
                continue
            schema, frame = get_schema(table), by_table[table]
            problems = bulk_schema_problems(schema, frame)
            problems += foreign_key_problems(schema, frame, by_table)
            yield _result(problems, frame, schema, asset_name(table), "matches_schema")

    return dg.multi_asset_check(
        name=step,
        specs=[
            dg.AssetCheckSpec(
                name="matches_schema",
                asset=asset_name(table),
                blocking=True,
                additional_deps=[asset_name(r) for r in _referenced_tables(get_schema(table))],
                description=f"Every row of {table} is valid against schemas/{table}.schema.json "
                "(Frictionless: types, required fields, enums, patterns, unique and primary "
                "keys) and every foreign key points at an existing row.",
            )
            for table in tables
        ],
        can_subset=True,
        ins={asset_name(t): dg.AssetIn(asset_name(t)) for t in inputs},
    )(_with_inputs([asset_name(t) for t in inputs], _check, frozenset(map(asset_name, inputs))))


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
            arrow: pa.Table = inputs[name]  # type: ignore[assignment]
            problems = grounding_problems(arrow, texts)
            yield _result(problems, arrow, get_schema(table), name, "grounded")

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
        # the four grounded columns are read from Arrow: no frame of the other columns
    )(_with_inputs([*names, "raw_documents"], _check, frozenset(names)))


def table_checks(tables: list[str]) -> list[dg.AssetChecksDefinition]:
    """The schema checks of the tables one asset definition produces run in one step
    (the fact tables, which one extraction step produces together, share theirs), so a
    check step never needs a table that its checked tables do not need themselves: a run
    of a few assets in a fresh instance finds every input it loads. Grounding is one step
    over the fact tables and the texts."""
    facts = set(fact_tables())
    groups = [[t for t in tables if t in facts]] + [[t] for t in tables if t not in facts]
    checks = [
        schema_checks(
            f"core_{group[0]}_matches_schema" if len(group) == 1 else "core_facts_match_schemas",
            group,
        )
        for group in groups
        if group
    ]
    grounded = [t for t in tables if set(GROUNDED_FIELDS) <= set(get_schema(t).field_names)]
    if grounded:
        checks.append(grounding_checks(grounded))
    return checks
