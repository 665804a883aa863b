"""One extraction run over a corpus: only documents the cache cannot serve are extracted.

Every fact table comes back as the frame `TableSchema.frame` builds from the rows of
every document in doc_id order (text order inside a document) -- exactly what
extracting every document again would give -- assembled from three sources:
1. the last run's snapshot, for documents whose doc_id and bytes are unchanged;
2. per-document cache entries, for bytes seen before under another id or in an older run;
3. the executor, for the rest (workers write their cache entries themselves).

The pieces are put together in Arrow when each of them converts to its schema's Arrow
types exactly (`lossless_arrow`), as the snapshot is stored: adding one document to
10,000 then costs an Arrow filter, a concatenation and a sort, not a Python object per
cached cell. The frames are made from that Arrow table only when asked for; a piece
Arrow would change sends its table through pandas as before.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Protocol

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from pipeline.cache import DocumentChanges, ExtractionCache, compare
from pipeline.schemas import get_schema, lossless_arrow

Piece = pa.Table | pd.DataFrame


class DocumentLike(Protocol):
    doc_id: str
    sha256: str
    text: str


@dataclass
class ExtractionRun:
    """Every fact table of the corpus, and what the run had to do to get them."""

    tables: dict[str, Piece]  # per table its Arrow table, or a frame Arrow would change
    changes: DocumentChanges
    extracted: list[str] = field(default_factory=list)  # doc_ids run through extractors
    from_snapshot: int = 0
    from_entries: int = 0
    executor: str = "inprocess"

    @cached_property
    def frames(self) -> dict[str, pd.DataFrame]:
        return {t: get_schema(t).as_frame(value) for t, value in self.tables.items()}

    @property
    def reused(self) -> int:
        return self.from_snapshot + self.from_entries

    def metadata(self) -> dict[str, Any]:
        return {
            **{f"documents_{k}": v for k, v in self.changes.counts().items()},
            "documents_extracted": len(self.extracted),
            "documents_from_cache": self.reused,
            "executor": self.executor,
        }


def extract_with_cache(
    documents: Sequence[DocumentLike],
    tables: Sequence[str],
    cache: ExtractionCache | None,
    executor: Any = None,
) -> ExtractionRun:
    """The fact tables of `documents`, extracting only what `cache` does not hold.

    `executor` is a `pipeline.executors` executor (serial in-process when None). With a
    cache, the run also leaves its snapshot, its document list (for the next run's
    new/changed/unchanged/removed counts) and prunes entries of vanished documents.
    """
    from pipeline.executors import InProcessExecutor  # executors import the extractors

    tables = list(tables)
    ordered = sorted(documents, key=lambda d: d.doc_id)
    current = {d.doc_id: d.sha256 for d in ordered}
    parts: list[dict[str, Piece]] = []
    from_snapshot: set[str] = set()
    previous: dict[str, str] = {}
    if cache is not None:
        previous = cache.previous_documents()
        snapshot, from_snapshot = cache.load_snapshot(current, tables)
        if from_snapshot:
            parts.append(snapshot)

    cached_rows: dict[str, list[dict[str, Any]]] = {t: [] for t in tables}
    from_entries = 0
    misses = []
    for doc in ordered:
        if doc.doc_id in from_snapshot:
            continue
        hit = cache.get(doc.sha256, doc.doc_id, doc.text, tables) if cache is not None else None
        if hit is None:
            misses.append(doc)
            continue
        from_entries += 1
        for table in tables:
            cached_rows[table].extend(hit[table])
    if from_entries:
        parts.append({t: get_schema(t).frame(rows) for t, rows in cached_rows.items()})

    runner = executor if executor is not None else InProcessExecutor(workers=1)
    items = [(d.doc_id, d.sha256, d.text) for d in misses]
    spec = cache.spec if cache is not None else None
    for _, frames in runner.extract(items, tables, spec):
        parts.append(frames)

    assembled = {t: _in_document_order([p[t] for p in parts], t) for t in tables}
    if cache is not None:
        # what the snapshot stores as Arrow is handed on as that Arrow table
        assembled.update(cache.save_snapshot(assembled, current))
        cache.save_documents(current)
        cache.prune(set(current.values()))
    return ExtractionRun(
        tables=assembled,
        changes=compare(previous, current),
        extracted=[d.doc_id for d in misses],
        from_snapshot=len(from_snapshot),
        from_entries=from_entries,
        executor=getattr(runner, "name", type(runner).__name__),
    )


def _in_document_order(pieces: list[Piece], table: str) -> Piece:
    """One table, rows ordered by doc_id and, within a document, as extracted: Arrow when
    every piece is Arrow or converts to it exactly, else a frame.

    Every piece is in doc_id order already and holds whole documents, so a stable sort
    on doc_id interleaves them without reordering any document's rows.
    """
    schema = get_schema(table)
    pieces = [p for p in pieces if len(p)]
    if not pieces:
        return schema.frame([])
    as_arrow = [p if isinstance(p, pa.Table) else lossless_arrow(schema, p) for p in pieces]
    if all(a is not None for a in as_arrow):
        combined = pa.concat_tables(as_arrow) if len(as_arrow) > 1 else as_arrow[0]
        if len(as_arrow) == 1:
            return combined
        # Arrow's sort is stable and orders strings by their UTF-8 bytes, which is
        # Python's order of str (by code point)
        order = pc.sort_indices(combined, sort_keys=[("doc_id", "ascending")])
        return combined.take(order).combine_chunks()
    frames = [schema.as_frame(p) for p in pieces]
    if len(frames) == 1:
        return frames[0].reset_index(drop=True)
    frame = pd.concat(frames, ignore_index=True)
    order = np.argsort(frame["doc_id"].to_numpy(dtype=object), kind="stable")
    return frame.take(order).reset_index(drop=True)
