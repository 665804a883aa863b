"""Metadata shown in the Dagster UI for every table materialization."""

from typing import Any

import dagster as dg
import pandas as pd
import pyarrow as pa

from pipeline.schemas import TableSchema

PREVIEW_ROWS = 10
PREVIEW_CELL_CHARS = 80


def markdown_preview(frame: pd.DataFrame, rows: int = PREVIEW_ROWS) -> str:
    if frame.empty:
        return "_no rows_"
    head = frame.head(rows).copy()
    for column in head.columns:
        head[column] = [_short(v) for v in head[column].tolist()]
    return head.to_markdown(index=False)


def _short(value: Any) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return ""
    text = str(value).replace("\n", " ").replace("|", "\\|")
    return text if len(text) <= PREVIEW_CELL_CHARS else text[: PREVIEW_CELL_CHARS - 1] + "…"


def table_metadata(schema: TableSchema, frame: pd.DataFrame | pa.Table) -> dict[str, Any]:
    shown = schema.as_frame(frame[:PREVIEW_ROWS])  # only the rows shown become Python objects
    return {
        "dagster/row_count": len(frame),
        "dagster/column_schema": schema.dagster_column_schema(),
        "preview": dg.MetadataValue.md(markdown_preview(shown)),
    }
