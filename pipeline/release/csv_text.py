"""CSV text of an Arrow table, formatted column by column in Arrow, streamed in chunks.

The bytes are exactly those of Python's `csv.writer` (QUOTE_MINIMAL, CRLF) fed with
`cell_text` of every value, which is the published format (see `files.py`): a field is
quoted when it holds a comma, a quote, CR or LF, quotes doubled; a null is an empty
field; a record made of one empty field is written `""`, as `csv.writer` does. Only
floats need Python (`repr` is the shortest round-trip text, which no Arrow cast gives),
and only once per distinct value. Types other than the five a schema can give are
formatted by `csv.writer` itself, so any Arrow table gives the same bytes either way.

Why not Arrow's or DuckDB's CSV writers: Arrow quotes every string value and prints
floats its own way (`39840000`, not `39840000.0`); DuckDB's float text and quoting rules
are its own too. Either would change published bytes.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterator, Sequence
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

LINE_END = "\r\n"
# Chunks of a few MB: memory stays flat whatever the table's size.
CHUNK_ROWS = 32_768
_NEEDS_QUOTES = r'[,"\r\n]'
_CAST_TO_TEXT = (pa.types.is_integer, pa.types.is_boolean, pa.types.is_date32)


def _text(value: str) -> pa.Scalar:
    # Large strings throughout: a chunk's text may pass 2 GiB, 32-bit offsets' limit.
    return pa.scalar(value, pa.large_string())


_QUOTE, _EMPTY, _COMMA, _EOL = _text('"'), _text(""), _text(","), _text(LINE_END)


def cell_text(value: Any) -> str:
    """One value as CSV text before quoting (what `csv.writer` is given)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if math.isnan(value):
            return "NaN"
        if math.isinf(value):
            return "INF" if value > 0 else "-INF"
        return repr(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def _python_lines(rows: Sequence[Sequence[Any]]) -> str:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator=LINE_END, quoting=csv.QUOTE_MINIMAL)
    for row in rows:
        writer.writerow([cell_text(v) for v in row])
    return buffer.getvalue()


def header_line(names: Sequence[str]) -> bytes:
    return _python_lines([names]).encode("utf-8")


def _float_text(values: pa.Array) -> pa.Array:
    """`cell_text` of each float, computed once per distinct bit pattern (so -0.0 and
    0.0, which compare equal, still get their own text)."""
    bits = values.view(pa.int64())
    distinct = pc.unique(bits)
    texts = pa.array(
        [None if v is None else cell_text(v) for v in distinct.view(pa.float64()).to_pylist()],
        pa.large_string(),
    )
    return pc.take(texts, pc.index_in(bits, value_set=distinct))


def _field_text(values: pa.Array, *, alone: bool, last: bool) -> pa.Array | None:
    """Each cell as its CSV field ('' for null), the line end appended in the last
    column; None for a type this module leaves to `csv.writer`."""
    kind = values.type
    end = _EOL if last else _EMPTY
    if pa.types.is_string(kind) or pa.types.is_large_string(kind):
        text = pc.fill_null(values.cast(pa.large_string()), _EMPTY)
        needs = pc.match_substring_regex(text, _NEEDS_QUOTES)
        if alone:
            # csv.writer writes a record of one empty field as `""`, so that it is
            # not read back as an empty line.
            needs = pc.or_(needs, pc.equal(text, _EMPTY))
        if not pc.any(needs).as_py():
            return pc.binary_join_element_wise(text, end, _EMPTY) if last else text
        # Quotes only where needed, added around the text rather than chosen between
        # two whole columns: a choice of long strings costs more than the join.
        opening = pc.if_else(needs, _QUOTE, _EMPTY)
        closing = pc.if_else(needs, _text('"' + end.as_py()), end)
        doubled = pc.replace_substring(text, '"', '""')
        return pc.binary_join_element_wise(opening, doubled, closing, _EMPTY)
    if pa.types.is_float64(kind):
        text = _float_text(values)
    elif any(test(kind) for test in _CAST_TO_TEXT):
        text = values.cast(pa.large_string())
    else:
        return None
    text = pc.fill_null(text, _EMPTY)
    if alone:
        text = pc.if_else(pc.equal(text, _EMPTY), _text('""'), text)
    return pc.binary_join_element_wise(text, end, _EMPTY) if last else text


def _lines(batch: pa.RecordBatch) -> memoryview | None:
    """The CSV lines of one batch as UTF-8 bytes, or None if a column needs Python."""
    cells = []
    count = batch.num_columns
    for index, column in enumerate(batch.columns):
        text = _field_text(column, alone=count == 1, last=index == count - 1)
        if text is None:
            return None
        cells.append(text)
    lines = pc.binary_join_element_wise(*cells, _COMMA) if count > 1 else cells[0]
    return _string_data(lines)


def _string_data(text: pa.Array) -> memoryview:
    """The bytes of all values of a (large) string array, back to back, no copy."""
    if text.null_count:
        raise ValueError("a CSV line came out null")
    _, offsets, data = text.buffers()
    bounds = memoryview(offsets).cast("q")
    start, stop = bounds[text.offset], bounds[text.offset + len(text)]
    return memoryview(data)[start:stop] if data is not None else memoryview(b"")


def csv_chunks(table: pa.Table, chunk_rows: int = CHUNK_ROWS) -> Iterator[bytes | memoryview]:
    """The CSV file of `table` (header first), in pieces to write or hash one by one."""
    yield header_line(table.column_names)
    if table.num_columns == 0:
        return
    for batch in table.to_batches(max_chunksize=chunk_rows):
        if batch.num_rows == 0:
            continue
        lines = _lines(batch)
        if lines is None:
            columns = [column.to_pylist() for column in batch.columns]
            yield _python_lines(list(zip(*columns, strict=True))).encode("utf-8")
        else:
            yield lines
