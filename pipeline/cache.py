"""Per-document extraction cache: a document whose bytes did not change is not re-extracted.

An entry is keyed by (sha256 of the raw bytes, extraction version) and lives at
`<output>/cache/extractions/<version>/<sha[:2]>/<sha>.json`. The version hashes everything
that decides a document's rows: the extractor sources (`extractor_version()`), the code
that keys and orders the rows (`pipeline/extraction.py`, `pipeline/ids.py`) and the fact
tables' schemas. Editing any of them starts a new version directory, so stale rows can
never be served; the old directory is pruned after the next run.

Why a content-hash cache inside one asset rather than one Dagster partition per document:
a partition run costs Dagster about a second of run overhead (measured in
`bench/results.md`), so 10,000 documents would cost hours where the cache costs
milliseconds, and Dagster advises against more than 100,000 partitions per asset.

Besides the per-document entries, each run leaves a *snapshot*: every fact table of the
run as one Arrow IPC file per table (as the project's IO manager keeps table frames;
a frame Arrow would change is pickled instead, the format and trust model of Dagster's
own filesystem IO manager), with the doc_id -> sha256 index it was built from. Reading
10,000 JSON entries costs seconds; the next run instead takes the rows of every
unchanged document from the snapshot in one vectorized filter, and reads entries only
for documents the snapshot does not have (renamed files, documents that come back).

Entries are written to a temporary file and renamed over the target, so a reader sees a
whole entry or none. There is no fsync: after a power loss an entry may be empty or torn,
and an entry that does not parse, or names another document hash or version, is a miss
(the document is simply extracted again). Rows are stored as a header plus lists of
values (doc_id left out) because that is a third of the size of a list of objects and
parses faster.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import pickle
import shutil
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from pipeline.extract.registry import extractor_version
from pipeline.ids import row_keys
from pipeline.schemas import get_schema, lossless_arrow

Rows = dict[str, list[dict[str, Any]]]
CACHE_DIR = Path("cache") / "extractions"
STATE_FILE = "state.json"
SNAPSHOT_DIR = "snapshot"
SNAPSHOT_INDEX = "index.json"
ENTRY_FORMAT = 2
CacheSpec = tuple[str, str]  # (root, version): what a worker process needs to write entries
_PIPELINE_DIR = Path(__file__).resolve().parent
_KEYING_SOURCES = (_PIPELINE_DIR / "extraction.py", _PIPELINE_DIR / "ids.py")


def cache_version(tables: Iterable[str]) -> str:
    """Everything a cached document's rows depend on, besides its bytes."""
    digest = hashlib.sha256(extractor_version().encode())
    for path in _KEYING_SOURCES:
        digest.update(path.read_bytes())
    for table in sorted(tables):
        digest.update(json.dumps(get_schema(table).descriptor, sort_keys=True).encode())
    return digest.hexdigest()[:16]


@dataclass(frozen=True)
class DocumentChanges:
    """How this run's documents compare with the previous run's, by doc_id and bytes."""

    new: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()

    def counts(self) -> dict[str, int]:
        return {
            "new": len(self.new),
            "changed": len(self.changed),
            "unchanged": len(self.unchanged),
            "removed": len(self.removed),
        }

    def markdown(self, limit: int = 20) -> str:
        lines = ["| documents | count | ids |", "|---|---|---|"]
        for name in ("new", "changed", "unchanged", "removed"):
            ids: tuple[str, ...] = getattr(self, name)
            shown = ", ".join(ids[:limit]) + (
                f", … ({len(ids) - limit} more)" if len(ids) > limit else ""
            )
            lines.append(f"| {name} | {len(ids)} | {shown if name != 'unchanged' else ''} |")
        return "\n".join(lines)


def compare(previous: dict[str, str], current: dict[str, str]) -> DocumentChanges:
    """`previous` and `current` map doc_id -> sha256 of the raw bytes."""
    new, changed, unchanged = [], [], []
    for doc_id, sha in sorted(current.items()):
        before = previous.get(doc_id)
        if before is None:
            new.append(doc_id)
        elif before != sha:
            changed.append(doc_id)
        else:
            unchanged.append(doc_id)
    removed = sorted(set(previous) - set(current))
    return DocumentChanges(tuple(new), tuple(changed), tuple(unchanged), tuple(removed))


class ExtractionCache:
    """Extraction results of single documents, on disk under `root`."""

    def __init__(self, root: Path, version: str) -> None:
        self.root = root
        self.version = version

    @classmethod
    def in_output_dir(cls, output_dir: Path, tables: Iterable[str]) -> ExtractionCache:
        return cls(output_dir / CACHE_DIR, cache_version(tables))

    @classmethod
    def from_spec(cls, spec: CacheSpec) -> ExtractionCache:
        return cls(Path(spec[0]), spec[1])

    @property
    def spec(self) -> CacheSpec:
        return (str(self.root), self.version)

    def entry_path(self, sha256: str) -> Path:
        return self.root / self.version / sha256[:2] / f"{sha256}.json"

    def get(self, sha256: str, doc_id: str, text: str, tables: Sequence[str]) -> Rows | None:
        """The document's rows, or None when they must be extracted."""
        try:
            entry = json.loads(self.entry_path(sha256).read_bytes())
        except (OSError, ValueError):
            return None
        if (
            not isinstance(entry, dict)
            or entry.get("format") != ENTRY_FORMAT
            or entry.get("sha256") != sha256
            or entry.get("version") != self.version
            or not set(tables) <= set(entry.get("tables", {}))
        ):
            return None
        rows = {t: _decode_table(entry["tables"][t], doc_id) for t in tables}
        if entry.get("doc_id") != doc_id:
            # Same bytes under another id (a renamed file): keys hash the doc_id, so they
            # are derived again; the extraction itself is still reused.
            rows = {t: _rekey(t, doc_id, text, r) for t, r in rows.items()}
        return rows

    def put(self, sha256: str, doc_id: str, rows: Rows) -> None:
        entry = {
            "format": ENTRY_FORMAT,
            "sha256": sha256,
            "version": self.version,
            "doc_id": doc_id,
            "tables": {t: _encode_table(t, r) for t, r in rows.items()},
        }
        data = json.dumps(entry, ensure_ascii=False, separators=(",", ":"))
        _write_atomic(self.entry_path(sha256), data.encode("utf-8"))

    # --- the previous run ---------------------------------------------------------
    def previous_documents(self) -> dict[str, str]:
        try:
            state = json.loads((self.root / STATE_FILE).read_bytes())
            return dict(state["documents"])
        except (OSError, ValueError, KeyError, TypeError):
            return {}

    def save_documents(self, documents: dict[str, str]) -> None:
        data = json.dumps({"version": self.version, "documents": documents}, sort_keys=True)
        _write_atomic(self.root / STATE_FILE, data.encode("utf-8"))

    # --- the last run's tables, whole --------------------------------------------
    def load_snapshot(
        self, current: Mapping[str, str], tables: Sequence[str]
    ) -> tuple[dict[str, pa.Table | pd.DataFrame], set[str]]:
        """Rows of the documents whose (doc_id, sha256) the snapshot holds, and their ids:
        per table the Arrow table it was stored as, or the pickled frame."""
        folder = self.root / self.version / SNAPSHOT_DIR
        try:
            index = json.loads((folder / SNAPSHOT_INDEX).read_bytes())
            if set(tables) - set(index["tables"]):
                return {}, set()
            ids = {d for d, sha in index["documents"].items() if current.get(d) == sha}
            if not ids:
                return {}, set()
            stored = {table: _read_snapshot_table(folder, table, ids) for table in tables}
        except (
            OSError,
            ValueError,
            KeyError,
            TypeError,
            pickle.UnpicklingError,
            EOFError,
            pa.ArrowException,
        ):
            return {}, set()
        return stored, ids

    def save_snapshot(
        self, tables: Mapping[str, pa.Table | pd.DataFrame], documents: dict[str, str]
    ) -> dict[str, pa.Table]:
        """Store the run's tables (Arrow as it is; a frame as Arrow when that is lossless,
        else pickled); returns those stored as Arrow, so the caller can hand them on
        without encoding them again."""
        folder = self.root / self.version / SNAPSHOT_DIR
        stored: dict[str, pa.Table] = {}
        # The index goes last and names what the pickles hold, so a run interrupted
        # between the two never pairs new tables with an old index or the reverse:
        # the index is removed first, and without an index the snapshot is not used.
        (folder / SNAPSHOT_INDEX).unlink(missing_ok=True)
        for table, value in tables.items():
            arrow = (
                value if isinstance(value, pa.Table) else lossless_arrow(get_schema(table), value)
            )
            for stale in (folder / f"{table}.arrow", folder / f"{table}.pkl"):
                stale.unlink(missing_ok=True)
            if arrow is None:
                _write_atomic(folder / f"{table}.pkl", pickle.dumps(value, protocol=5))
            else:
                _write_arrow_atomic(folder / f"{table}.arrow", arrow)
                stored[table] = arrow
        index = {"tables": sorted(tables), "documents": documents}
        _write_atomic(folder / SNAPSHOT_INDEX, json.dumps(index, sort_keys=True).encode())
        return stored

    def prune(self, keep: set[str]) -> int:
        """Delete other versions and entries of documents no longer present."""
        removed = 0
        if not self.root.is_dir():
            return 0
        for child in self.root.iterdir():
            if child.is_dir() and child.name != self.version:
                shutil.rmtree(child, ignore_errors=True)
                removed += 1
        current = self.root / self.version
        if current.is_dir():
            for bucket in current.iterdir():
                if bucket.name == SNAPSHOT_DIR or not bucket.is_dir():
                    continue
                for entry in bucket.iterdir():
                    if entry.name.endswith(".json") and entry.name[:-5] not in keep:
                        entry.unlink(missing_ok=True)
                        removed += 1
        return removed


def _write_arrow_atomic(path: Path, table: pa.Table) -> None:
    """An Arrow IPC file written straight to disk (no copy of it in memory), renamed into
    place whole, as `_write_atomic` does for bytes."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with pa.OSFile(str(tmp), "wb") as sink, pa.ipc.new_file(sink, table.schema) as writer:
            writer.write_table(table)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _read_snapshot_table(folder: Path, table: str, ids: set[str]) -> pa.Table | pd.DataFrame:
    """The snapshot's rows of documents `ids`: filtered in Arrow, without a Python object
    per row, when the table was stored as Arrow (see `lossless_arrow`)."""
    arrow_path = folder / f"{table}.arrow"
    if arrow_path.exists():
        # mapped, not read: the filter below copies only the rows it keeps
        with pa.memory_map(str(arrow_path)) as source:
            stored = pa.ipc.open_file(source).read_all()
        if stored.schema != get_schema(table).arrow_schema():
            raise ValueError(f"snapshot of {table} does not have its schema's Arrow types")
        keep = pc.is_in(stored.column("doc_id"), value_set=pa.array(sorted(ids), pa.string()))
        return stored.filter(keep)
    with open(folder / f"{table}.pkl", "rb") as handle:
        frame = pickle.load(handle)
    return frame[frame["doc_id"].isin(ids)].reset_index(drop=True)


@cache
def _stored_fields(table: str) -> tuple[list[str], list[int]]:
    """Fields an entry stores (doc_id left out) and the positions of date fields."""
    schema = get_schema(table)
    fields = [f for f in schema.field_names if f != "doc_id"]
    return fields, [i for i, f in enumerate(fields) if schema.field(f).type == "date"]


def _encode_table(table: str, rows: list[dict[str, Any]]) -> dict[str, Any]:
    fields, date_positions = _stored_fields(table)
    values = [[r.get(f) for f in fields] for r in rows]
    # JSON has no date: a date (or datetime) in a date field is stored tagged, and only
    # the columns that hold one are looked at when reading, so every other cell comes
    # back exactly as the extractor returned it (an ISO string stays a string).
    tagged = sorted({i for row in values for i in date_positions if isinstance(row[i], dt.date)})
    for row in values:
        for i in tagged:
            v = row[i]
            if isinstance(v, dt.datetime):
                row[i] = {"datetime": v.isoformat()}
            elif isinstance(v, dt.date):
                row[i] = {"date": v.isoformat()}
    return {"fields": fields, "tagged": tagged, "rows": values}


def _decode_table(stored: dict[str, Any], doc_id: str) -> list[dict[str, Any]]:
    fields = stored["fields"]
    tagged = stored.get("tagged", [])
    out = []
    for values in stored["rows"]:
        for i in tagged:
            v = values[i]
            if isinstance(v, dict):
                if "datetime" in v:
                    values[i] = dt.datetime.fromisoformat(v["datetime"])
                else:
                    values[i] = dt.date.fromisoformat(v["date"])
        row = dict(zip(fields, values, strict=True))
        row["doc_id"] = doc_id
        out.append(row)
    return out


def _rekey(table: str, doc_id: str, text: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    key = get_schema(table).primary_key[0]
    keys = row_keys(doc_id, table, text, ((r["char_start"], r["char_end"]) for r in rows))
    return [{**r, key: k} for r, k in zip(rows, keys, strict=True)]


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        try:
            tmp.write_bytes(data)
        except FileNotFoundError:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp.write_bytes(data)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
