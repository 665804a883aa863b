"""One extraction run over a corpus: only documents the cache cannot serve are extracted.

Every fact table comes back as the frame `TableSchema.frame` builds from the rows of
every document in doc_id order (text order inside a document) -- exactly what
extracting every document again would give -- assembled from three sources:
1. the last run's snapshot, for documents whose doc_id and bytes are unchanged;
2. per-document cache entries, for bytes seen before under another id or in an older run;
3. the executor, for the rest (workers write their cache entries themselves).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np
import pandas as pd
import pyarrow as pa

from pipeline.cache import DocumentChanges, ExtractionCache, compare
from pipeline.schemas import get_schema


class DocumentLike(Protocol):
    doc_id: str
    sha256: str
    text: str


@dataclass
class ExtractionRun:
    """Every fact table of the corpus, and what the run had to do to get them."""

    frames: dict[str, pd.DataFrame]
    changes: DocumentChanges
    # the same tables as exact Arrow, where the cache's snapshot encoded them already
    arrow: dict[str, pa.Table] = field(default_factory=dict)
    extracted: list[str] = field(default_factory=list)  # doc_ids run through extractors
    from_snapshot: int = 0
    from_entries: int = 0
    executor: str = "inprocess"

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
    parts: list[dict[str, pd.DataFrame]] = []
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

    frames = {t: _in_document_order([p[t] for p in parts], t) for t in tables}
    arrow: dict[str, pa.Table] = {}
    if cache is not None:
        arrow = cache.save_snapshot(frames, current)
        cache.save_documents(current)
        cache.prune(set(current.values()))
    return ExtractionRun(
        frames=frames,
        arrow=arrow,
        changes=compare(previous, current),
        extracted=[d.doc_id for d in misses],
        from_snapshot=len(from_snapshot),
        from_entries=from_entries,
        executor=getattr(runner, "name", type(runner).__name__),
    )


def _in_document_order(pieces: list[pd.DataFrame], table: str) -> pd.DataFrame:
    """One frame, rows ordered by doc_id and, within a document, as extracted.

    Every piece is in doc_id order already and holds whole documents, so a stable sort
    on doc_id interleaves them without reordering any document's rows.
    """
    pieces = [p for p in pieces if len(p)]
    if not pieces:
        return get_schema(table).frame([])
    if len(pieces) == 1:
        return pieces[0].reset_index(drop=True)
    frame = pd.concat(pieces, ignore_index=True)
    order = np.argsort(frame["doc_id"].to_numpy(dtype=object), kind="stable")
    return frame.take(order).reset_index(drop=True)
