"""Row identity and the row-level diff of one table between two releases.

`row_changes` is the definition: rows as Python values, matched on their key with
Python's `==`, changed fields compared with `!=`, keys sorted by their JSON text. It is
what changes.json says, so it stays the one place that formats a diff.

`arrow_row_changes` gives the same answer without turning every row into a dict: Arrow
matches the keys (hash lookups over whole columns) and compares each field column by
column, so only the rows that may differ reach Python, and `row_changes` runs on those
alone. That is exact as long as (a) Arrow matches keys exactly as Python's `==` would
and (b) every row Python would see as changed is a candidate. (a) holds for strings,
integers, dates and booleans, so other key types (floats, where Arrow's hashing treats
NaN as equal to NaN, and anything unusual) take the Python path; (b) holds because a
candidate is any row whose fields are not equal in Arrow, and where Arrow says two
values are equal (never for NaN), Python does too. Duplicate keys also take the Python
path, which raises the error it always raised.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Mapping
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

_KEY_TYPES = (
    pa.types.is_string,
    pa.types.is_large_string,
    pa.types.is_integer,
    pa.types.is_date32,
    pa.types.is_boolean,
)
_VALUE_TYPES = (*_KEY_TYPES, pa.types.is_floating)
_SEPARATOR = pa.scalar("|", pa.string())


def json_value(value: Any) -> Any:
    """A cell as it is written into changes.json (dates as ISO text)."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    return value


def _key_of(row: Mapping[str, Any], key_fields: list[str]) -> tuple[Any, ...]:
    return tuple(row.get(k) for k in key_fields)


def _key_json(key: tuple[Any, ...], key_fields: list[str]) -> dict[str, Any]:
    return {k: json_value(v) for k, v in zip(key_fields, key, strict=True)}


def _sort_token(key: tuple[Any, ...]) -> str:
    return json.dumps([json_value(v) for v in key], default=str)


def index_rows(rows: list[dict[str, Any]], key_fields: list[str], name: str) -> dict[tuple, dict]:
    """Rows by key; a repeated key is an error (it would make the diff meaningless)."""
    indexed: dict[tuple, dict] = {}
    for row in rows:
        key = _key_of(row, key_fields)
        if key in indexed:
            raise ValueError(f"{name}: duplicate primary key {_key_json(key, key_fields)}")
        indexed[key] = row
    return indexed


def row_changes(
    name: str,
    old_rows: list[dict[str, Any]],
    new_rows: list[dict[str, Any]],
    key_fields: list[str],
    compared_fields: list[str],
) -> dict[str, Any]:
    """Rows added, removed and changed (old/new of each changed field), keys sorted."""
    old = index_rows(old_rows, key_fields, name)
    new = index_rows(new_rows, key_fields, name)
    added = sorted((k for k in new if k not in old), key=_sort_token)
    removed = sorted((k for k in old if k not in new), key=_sort_token)
    changed = []
    for key in sorted((k for k in new if k in old), key=_sort_token):
        before, after = old[key], new[key]
        fields = {
            f: {"old": json_value(before.get(f)), "new": json_value(after.get(f))}
            for f in compared_fields
            if before.get(f) != after.get(f)
        }
        if fields:
            changed.append({"key": _key_json(key, key_fields), "fields": fields})
    return {
        "added": [_key_json(k, key_fields) for k in added],
        "removed": [_key_json(k, key_fields) for k in removed],
        "changed": changed,
    }


def _of_kind(table: pa.Table, fields: list[str], kinds: tuple) -> bool:
    return all(any(test(table.schema.field(f).type) for test in kinds) for f in fields)


def _arrow_keys(tables: list[pa.Table], key_fields: list[str]) -> list[pa.Array] | None:
    """One array of keys per table, equal where the key tuples are equal (None if Arrow
    cannot match these keys exactly as Python does)."""
    if not key_fields or not all(_of_kind(t, key_fields, _KEY_TYPES) for t in tables):
        return None
    types = {tuple(t.schema.field(f).type for f in key_fields) for t in tables}
    if len(types) != 1:
        return None
    if len(key_fields) == 1:
        return [t.column(key_fields[0]).combine_chunks() for t in tables]
    # Several fields: code each field's values (null included) over all tables at once,
    # then join the codes, so equal tuples, and only they, give equal texts.
    codes = []
    for field in key_fields:
        chunks = [c for t in tables for c in t.column(field).chunks]
        values = pa.chunked_array(chunks, type=tables[0].schema.field(field).type)
        encoded = pc.dictionary_encode(values.combine_chunks(), null_encoding="encode")
        codes.append(encoded.indices.cast(pa.string()))
    joined = pc.binary_join_element_wise(*codes, _SEPARATOR)
    keys, start = [], 0
    for t in tables:
        keys.append(joined.slice(start, t.num_rows))
        start += t.num_rows
    return keys


def _unique(keys: pa.Array) -> bool:
    return pc.count_distinct(keys, mode="all").as_py() == len(keys)


def check_unique(table: pa.Table, key_fields: list[str], name: str) -> None:
    """Raise, as `index_rows` does, if two rows of `table` share a key."""
    keys = _arrow_keys([table], key_fields)
    if keys is None or not _unique(keys[0]):
        index_rows(table.select(key_fields).to_pylist(), key_fields, name)


def _differs(new: pa.Array, old: pa.Array) -> pa.Array:
    """True where two aligned columns may hold different values (never False where
    Python's `!=` is True); a null differs from a value, not from another null."""
    equal = pc.fill_null(pc.equal(new, old), False)
    both_null = pc.and_(pc.is_null(new), pc.is_null(old))
    return pc.invert(pc.or_(equal, both_null))


# Beyond this many runs of consecutive matched rows, gathering the rows is cheaper.
_MAX_RUNS = 256


def _runs(matched_new: pa.Array, matched_old: pa.Array) -> list[tuple[int, int, int]] | None:
    """(new start, old start, length) of the stretches where matched rows follow each
    other on both sides: usually few (rows added or removed in a block keep the rest in
    order), and compared as slices they need no copy."""
    new_at, old_at = matched_new.to_numpy(), matched_old.to_numpy()
    if len(new_at) == 0:
        return []
    breaks = np.flatnonzero((np.diff(new_at) != 1) | (np.diff(old_at) != 1)) + 1
    if len(breaks) >= _MAX_RUNS:
        return None
    starts = [0, *breaks.tolist()]
    ends = [*breaks.tolist(), len(new_at)]
    return [(int(new_at[a]), int(old_at[a]), b - a) for a, b in zip(starts, ends, strict=True)]


def _candidates(
    new: pa.Table, old: pa.Table, matched_new: pa.Array, matched_old: pa.Array, fields: list[str]
) -> pa.Array:
    """For each matched pair of rows, whether any of `fields` may differ."""
    candidate = pa.repeat(False, len(matched_new))
    runs = _runs(matched_new, matched_old)
    for field in fields:
        new_column, old_column = new.column(field), old.column(field)
        if runs is None:
            pair = new_column.take(matched_new), old_column.take(matched_old)
            differs = _differs(*pair)
        else:
            pieces = [
                _differs(new_column.slice(n, size), old_column.slice(o, size))
                for n, o, size in runs
            ]
            chunks = [chunk for piece in pieces for chunk in piece.chunks]
            differs = pa.chunked_array(chunks, pa.bool_()).combine_chunks()
        candidate = pc.or_(candidate, differs)
    return candidate


def arrow_row_changes(
    name: str,
    old: pa.Table,
    new: pa.Table,
    key_fields: list[str],
    compared_fields: list[str],
) -> dict[str, Any]:
    """`row_changes` of two Arrow tables (holding at least the key and compared fields),
    with only the rows that may differ turned into Python values."""
    fields = [*key_fields, *compared_fields]
    old, new = old.select(fields), new.select(fields)
    same_types = all(old.schema.field(f).type == new.schema.field(f).type for f in fields)
    keys = _arrow_keys([old, new], key_fields) if same_types else None
    values_comparable = _of_kind(old, compared_fields, _VALUE_TYPES)
    if keys is None or not values_comparable or not all(_unique(k) for k in keys):
        return row_changes(name, old.to_pylist(), new.to_pylist(), key_fields, compared_fields)
    old_keys, new_keys = keys
    position = pc.index_in(new_keys, value_set=old_keys, skip_nulls=False)
    added = pc.is_null(position)
    removed = pc.invert(pc.is_in(old_keys, value_set=new_keys, skip_nulls=False))
    matched_new = pc.indices_nonzero(pc.is_valid(position))
    matched_old = pc.drop_null(position)
    candidate = _candidates(new, old, matched_new, matched_old, compared_fields)
    new_rows = pa.concat_tables([new.filter(added), new.take(matched_new.filter(candidate))])
    old_rows = pa.concat_tables([old.filter(removed), old.take(matched_old.filter(candidate))])
    return row_changes(
        name, old_rows.to_pylist(), new_rows.to_pylist(), key_fields, compared_fields
    )
