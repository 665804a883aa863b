"""Row identity and the row-level diff of one table between two releases.

`row_changes` is the definition: rows as Python values, matched on their key with
Python's `==`, changed fields compared with `!=`, keys sorted by their JSON text. It is
what changes.json says, so it stays the one place that formats a diff.

`arrow_row_changes` gives the same answer without turning every row into a dict: Arrow
numbers the distinct keys of both tables (one hash pass per key field), numpy matches
the numbers, and each field is compared column by column, so only the rows that may
differ reach Python, and `row_changes` runs on those alone. That is exact as long as (a)
Arrow matches keys exactly as Python's `==` would and (b) every row Python would see as
changed is a candidate. (a) holds for strings, integers, dates and booleans, so other
key types (floats, where Arrow's hashing treats NaN as equal to NaN, and anything
unusual) take the Python path; (b) holds because a candidate is any row whose fields are
not equal in Arrow, and where Arrow says two values are equal (never for NaN), Python
does too. Duplicate keys also take the Python path, which raises the error it always
raised.
"""

from __future__ import annotations

import datetime as dt
import itertools
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


def _key_codes(tables: list[pa.Table], key_fields: list[str]) -> list[np.ndarray] | None:
    """Per table, one integer per row, equal exactly where the key tuples are equal, all
    below the number of rows of all tables (None if Arrow cannot match these keys
    exactly as Python does)."""
    if not key_fields or not all(_of_kind(t, key_fields, _KEY_TYPES) for t in tables):
        return None
    types = {tuple(t.schema.field(f).type for f in key_fields) for t in tables}
    if len(types) != 1:
        return None
    codes: np.ndarray | None = None
    for field in key_fields:
        chunks = [c for t in tables for c in t.column(field).chunks]
        values = pa.chunked_array(chunks, type=tables[0].schema.field(field).type)
        # One code per distinct value over all tables at once, null included (None ==
        # None for Python's tuples too).
        encoded = pc.dictionary_encode(values.combine_chunks(), null_encoding="encode")
        field_codes = encoded.indices.to_numpy(zero_copy_only=False).astype(np.int64)
        if codes is None:
            codes = field_codes
        else:
            # Pairs of codes, numbered densely again so the next field cannot overflow.
            pairs = codes * len(encoded.dictionary) + field_codes
            codes = np.unique(pairs, return_inverse=True)[1].astype(np.int64)
    assert codes is not None
    bounds = np.cumsum([0, *(t.num_rows for t in tables)])
    return [codes[start:stop] for start, stop in itertools.pairwise(bounds)]


def _unique(codes: np.ndarray) -> bool:
    return len(codes) == 0 or int(np.bincount(codes).max()) <= 1


def check_unique(table: pa.Table, key_fields: list[str], name: str) -> None:
    """Raise, as `index_rows` does, if two rows of `table` share a key."""
    codes = _key_codes([table], key_fields)
    if codes is None or not _unique(codes[0]):
        index_rows(table.select(key_fields).to_pylist(), key_fields, name)


def _differs(new: pa.Array, old: pa.Array) -> pa.Array:
    """True where two aligned columns may hold different values (never False where
    Python's `!=` is True); a null differs from a value, not from another null."""
    equal = pc.fill_null(pc.equal(new, old), False)
    both_null = pc.and_(pc.is_null(new), pc.is_null(old))
    return pc.invert(pc.or_(equal, both_null))


# Beyond this many runs of consecutive matched rows, gathering the rows is cheaper.
_MAX_RUNS = 256


def _runs(matched_new: np.ndarray, matched_old: np.ndarray) -> list[tuple[int, int, int]] | None:
    """(new start, old start, length) of the stretches where matched rows follow each
    other on both sides: usually few (rows added or removed in a block keep the rest in
    order), and compared as slices they need no copy."""
    if len(matched_new) == 0:
        return []
    breaks = np.flatnonzero((np.diff(matched_new) != 1) | (np.diff(matched_old) != 1)) + 1
    if len(breaks) >= _MAX_RUNS:
        return None
    starts = [0, *breaks.tolist()]
    ends = [*breaks.tolist(), len(matched_new)]
    return [
        (int(matched_new[a]), int(matched_old[a]), b - a) for a, b in zip(starts, ends, strict=True)
    ]


def _candidates(
    new: pa.Table,
    old: pa.Table,
    matched_new: np.ndarray,
    matched_old: np.ndarray,
    fields: list[str],
) -> np.ndarray:
    """For each matched pair of rows, whether any of `fields` may differ."""
    candidate = np.zeros(len(matched_new), dtype=bool)
    runs = _runs(matched_new, matched_old)
    for field in fields:
        new_column, old_column = new.column(field), old.column(field)
        if runs is None:
            pair = new_column.take(matched_new), old_column.take(matched_old)
            pieces = [_differs(*pair)]
        else:
            pieces = [
                _differs(new_column.slice(n, size), old_column.slice(o, size))
                for n, o, size in runs
            ]
        chunks = [chunk for piece in pieces for chunk in piece.chunks]
        differs = pa.chunked_array(chunks, pa.bool_()).combine_chunks()
        candidate |= differs.to_numpy(zero_copy_only=False)
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
    codes = _key_codes([old, new], key_fields) if same_types else None
    values_comparable = _of_kind(old, compared_fields, _VALUE_TYPES)
    if codes is None or not values_comparable or not all(_unique(c) for c in codes):
        return row_changes(name, old.to_pylist(), new.to_pylist(), key_fields, compared_fields)
    old_codes, new_codes = codes
    # Codes are below the number of rows of both tables: arrays indexed by code.
    span = old.num_rows + new.num_rows
    row_of_code = np.full(span, -1, dtype=np.int64)
    row_of_code[old_codes] = np.arange(old.num_rows)
    position = row_of_code[new_codes]
    in_new = np.zeros(span, dtype=bool)
    in_new[new_codes] = True
    added = np.flatnonzero(position < 0)
    removed = np.flatnonzero(~in_new[old_codes])
    matched_new = np.flatnonzero(position >= 0)
    matched_old = position[matched_new]
    candidate = _candidates(new, old, matched_new, matched_old, compared_fields)
    new_rows = new.take(np.concatenate([added, matched_new[candidate]]))
    old_rows = old.take(np.concatenate([removed, matched_old[candidate]]))
    return row_changes(
        name, old_rows.to_pylist(), new_rows.to_pylist(), key_fields, compared_fields
    )
