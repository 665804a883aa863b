"""Where extraction runs: in this process (a process pool over the local cores when the
work is big enough to pay for it) or on a Dask distributed cluster.

Chosen by `PIPELINE_EXECUTOR`:
- `inprocess` (default): documents are extracted here; when the documents to extract
  hold at least `PIPELINE_PARALLEL_MIN_BYTES` (default 4 MB, about half a second of
  extraction on one core), they go to a pool of `PIPELINE_WORKERS` processes (default:
  every core this process may use).
- `dask`: chunks of documents are submitted to a `dask.distributed` scheduler at
  `PIPELINE_DASK_ADDRESS` (e.g. `tcp://scheduler:8786`); without an address a
  `LocalCluster` is started on 127.0.0.1 for the run (tests, benchmark, a laptop).

Only extraction is distributed: it is a pure function of one document's text. A worker
extracts a chunk of consecutive documents, writes their cache entries (when given the
cache's location: the output directory must then be on storage the workers see) and
returns one DataFrame per fact table for the chunk, which pickles far smaller and faster
than the rows as dicts. DuckDB, with its single writer, is only ever touched by the
load step, after every result is back in this process.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import Any, Protocol

Frames = dict[str, Any]  # table -> pandas.DataFrame of the chunk's rows
Item = tuple[str, str, str]  # (doc_id, sha256 of the raw bytes, text)
CacheSpec = tuple[str, str] | None  # (cache root, version) or no cache

EXECUTOR_ENV = "PIPELINE_EXECUTOR"
WORKERS_ENV = "PIPELINE_WORKERS"
PARALLEL_MIN_BYTES_ENV = "PIPELINE_PARALLEL_MIN_BYTES"
DASK_ADDRESS_ENV = "PIPELINE_DASK_ADDRESS"
DEFAULT_PARALLEL_MIN_BYTES = 4_000_000
# A chunk is one task: big enough that the per-task cost (pickling, scheduling) is
# small beside the extraction, small enough that both workers stay busy to the end.
CHUNK_MIN_BYTES = 256_000
CHUNK_MAX_BYTES = 2_000_000
CHUNKS_PER_WORKER = 8


def extract_chunk(items: Sequence[Item], tables: Sequence[str], cache: CacheSpec) -> Frames:
    """Extract a chunk of documents; runs in a worker process or on a Dask worker."""
    from pipeline.cache import ExtractionCache
    from pipeline.extraction import extract_document
    from pipeline.schemas import get_schema

    store = ExtractionCache.from_spec(cache) if cache is not None else None
    merged: dict[str, list[dict[str, Any]]] = {t: [] for t in tables}
    for doc_id, sha256, text in items:
        rows = extract_document(doc_id, text, list(tables))
        if store is not None:
            store.put(sha256, doc_id, rows)
        for table in tables:
            merged[table].extend(rows[table])
    return {t: get_schema(t).frame(rows) for t, rows in merged.items()}


def chunk_items(items: Sequence[Item], workers: int) -> list[list[int]]:
    """Indexes of `items` grouped into chunks of roughly even size in characters."""
    total = sum(len(item[-1]) for item in items)
    target = total // max(1, workers * CHUNKS_PER_WORKER)
    target = max(CHUNK_MIN_BYTES, min(CHUNK_MAX_BYTES, target))
    chunks: list[list[int]] = []
    current: list[int] = []
    size = 0
    for i, item in enumerate(items):
        current.append(i)
        size += len(item[-1])
        if size >= target:
            chunks.append(current)
            current, size = [], 0
    if current:
        chunks.append(current)
    return chunks


class Executor(Protocol):
    name: str

    def extract(
        self, items: Sequence[Item], tables: Sequence[str], cache: CacheSpec = None
    ) -> Iterator[tuple[list[int], Frames]]:
        """Yield (indexes into items, their frames) per chunk, chunks in any order."""
        ...

    def close(self) -> None: ...


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


class InProcessExecutor:
    """Extraction on this machine: serial for small work, a process pool for big work."""

    name = "inprocess"

    def __init__(self, workers: int | None = None, parallel_min_bytes: int | None = None) -> None:
        self.workers = workers or available_cores()
        self.parallel_min_bytes = (
            DEFAULT_PARALLEL_MIN_BYTES if parallel_min_bytes is None else parallel_min_bytes
        )
        self.last_mode = "serial"

    def extract(
        self, items: Sequence[Item], tables: Sequence[str], cache: CacheSpec = None
    ) -> Iterator[tuple[list[int], Frames]]:
        total = sum(len(text) for _, _, text in items)
        if self.workers <= 1 or total < self.parallel_min_bytes or len(items) < 2:
            self.last_mode = "serial"
            for chunk in chunk_items(items, 1):
                yield chunk, extract_chunk([items[i] for i in chunk], tables, cache)
            return
        self.last_mode = f"{self.workers} processes"
        yield from self._pooled(items, tables, cache)

    def _pooled(
        self, items: Sequence[Item], tables: Sequence[str], cache: CacheSpec
    ) -> Iterator[tuple[list[int], Frames]]:
        context = _forkserver()
        chunks = chunk_items(items, self.workers)
        with ProcessPoolExecutor(max_workers=self.workers, mp_context=context) as pool:
            pending: dict[Future[Frames], list[int]] = {
                pool.submit(extract_chunk, [items[i] for i in chunk], list(tables), cache): chunk
                for chunk in chunks
            }
            while pending:
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    yield pending.pop(future), future.result()

    def close(self) -> None:
        pass

    def __enter__(self) -> InProcessExecutor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class DaskExecutor:
    """Extraction on a Dask distributed cluster: an existing scheduler, or a LocalCluster
    on loopback started (and stopped) by this executor."""

    name = "dask"

    def __init__(self, address: str | None = None, n_workers: int | None = None) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:  # a clear message instead of a bare import error
            raise RuntimeError(
                "PIPELINE_EXECUTOR=dask needs the 'distributed' package "
                "(pip install 'distributed==2026.8.0')"
            ) from exc
        self._cluster = None
        if address:
            self.client = Client(address)
        else:
            self._cluster = LocalCluster(
                n_workers=n_workers or available_cores(),
                threads_per_worker=1,  # the extractors hold the GIL: one thread per process
                processes=True,
                host="127.0.0.1",
                dashboard_address=None,
            )
            self.client = Client(self._cluster)
        self.workers = len(self.client.scheduler_info().get("workers", {}))

    def extract(
        self, items: Sequence[Item], tables: Sequence[str], cache: CacheSpec = None
    ) -> Iterator[tuple[list[int], Frames]]:
        from distributed import as_completed

        if not items:
            return
        chunks = chunk_items(items, max(1, self.workers))
        futures = [
            self.client.submit(
                extract_chunk, [items[i] for i in chunk], list(tables), cache, pure=False
            )
            for chunk in chunks
        ]
        index = {future.key: chunk for future, chunk in zip(futures, chunks, strict=True)}
        for future, frames in as_completed(futures, with_results=True):
            yield index[future.key], frames
            future.release()

    def close(self) -> None:
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()

    def __enter__(self) -> DaskExecutor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _forkserver() -> Any:
    # forkserver, not fork: the caller may be a threaded Dagster process, and a fork
    # copies locks held by other threads. The server imports the extractors once
    # and every worker is forked from it already warm.
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["pipeline.extraction"])
    return context


def warm_up(total_bytes: int, environ: dict[str, str] | None = None) -> bool:
    """Start the process pool's server in the background when `total_bytes` of documents
    could need it: its imports (1.5 s) then run on the other core while this one ingests.
    The pool started later finds the server running. Returns whether it was started."""
    env = os.environ if environ is None else environ
    if (env.get(EXECUTOR_ENV, "inprocess").strip().lower() or "inprocess") != "inprocess":
        return False  # a Dask cluster imports on its own workers
    min_bytes = env.get(PARALLEL_MIN_BYTES_ENV)
    executor = InProcessExecutor(
        int(env[WORKERS_ENV]) if env.get(WORKERS_ENV) else None,
        int(min_bytes) if min_bytes else None,
    )
    if executor.workers <= 1 or total_bytes < executor.parallel_min_bytes:
        return False
    from multiprocessing import forkserver

    _forkserver()
    threading.Thread(target=forkserver.ensure_running, name="warm-up", daemon=True).start()
    return True


def executor_from_env(environ: dict[str, str] | None = None) -> InProcessExecutor | DaskExecutor:
    """The executor `PIPELINE_EXECUTOR` names (inprocess or dask); close it when done."""
    env = os.environ if environ is None else environ
    kind = env.get(EXECUTOR_ENV, "inprocess").strip().lower() or "inprocess"
    workers = int(env[WORKERS_ENV]) if env.get(WORKERS_ENV) else None
    if kind == "inprocess":
        min_bytes = env.get(PARALLEL_MIN_BYTES_ENV)
        return InProcessExecutor(workers, int(min_bytes) if min_bytes else None)
    if kind == "dask":
        return DaskExecutor(env.get(DASK_ADDRESS_ENV) or None, workers)
    raise ValueError(f"{EXECUTOR_ENV}={kind!r}: expected 'inprocess' or 'dask'")
