"""Every executor returns exactly the tables of a plain in-process extraction."""

from __future__ import annotations

import pandas as pd
import pytest

from pipeline.cache import ExtractionCache
from pipeline.executors import (
    DaskExecutor,
    InProcessExecutor,
    chunk_items,
    executor_from_env,
)
from pipeline.extraction import extract_document
from pipeline.incremental import extract_with_cache
from pipeline.ingest import ingest_raw_dir
from pipeline.schemas import get_schema
from pipeline.tables import fact_tables
from tests.conftest import RAW_DIR


@pytest.fixture(scope="module")
def items() -> list[tuple[str, str, str]]:
    documents = ingest_raw_dir(RAW_DIR, 50_000_000).documents
    return sorted((d.doc_id, d.sha256, d.text) for d in documents)


def expected(items: list[tuple[str, str, str]]) -> dict[str, pd.DataFrame]:
    merged: dict[str, list] = {t: [] for t in fact_tables()}
    for doc_id, _, text in items:
        for table, rows in extract_document(doc_id, text, fact_tables()).items():
            merged[table].extend(rows)
    return {t: get_schema(t).frame(rows) for t, rows in merged.items()}


def gathered(chunks) -> dict[str, pd.DataFrame]:
    """Chunks come back in any order: put them back in item order."""
    ordered = sorted(chunks, key=lambda chunk: chunk[0][0])
    indexes = [i for chunk, _ in ordered for i in chunk]
    assert indexes == list(range(len(indexes)))
    return {
        t: pd.concat([frames[t] for _, frames in ordered], ignore_index=True) for t in fact_tables()
    }


def assert_same_tables(got: dict[str, pd.DataFrame], want: dict[str, pd.DataFrame]) -> None:
    for table in want:
        pd.testing.assert_frame_equal(got[table], want[table], check_exact=True)


@pytest.mark.parametrize(
    ("sizes", "workers"),
    [
        ([10] * 7, 2),
        ([3_000_000, 10, 10, 3_000_000], 2),
        ([100_000] * 200, 2),
        ([5], 1),
        ([], 2),
    ],
)
def test_chunks_cover_every_item_once_in_order(sizes, workers):
    items = [(str(i), "sha", "x" * n) for i, n in enumerate(sizes)]
    chunks = chunk_items(items, workers)
    assert [i for chunk in chunks for i in chunk] == list(range(len(items)))
    assert all(chunks)
    if sum(sizes) > 4_000_000:
        assert len(chunks) >= workers  # both workers get work


def test_serial_in_process_matches_plain_extraction(items):
    executor = InProcessExecutor(workers=2, parallel_min_bytes=10**12)
    assert_same_tables(gathered(executor.extract(items, fact_tables())), expected(items))
    assert executor.last_mode == "serial"


def test_process_pool_matches_plain_extraction_and_writes_the_cache(items, tmp_path):
    executor = InProcessExecutor(workers=2, parallel_min_bytes=0)
    cache = ExtractionCache(tmp_path, "v")
    chunks = list(executor.extract(items, fact_tables(), cache.spec))
    assert executor.last_mode == "2 processes"
    assert_same_tables(gathered(chunks), expected(items))
    for doc_id, sha, text in items:  # written by the workers, read back here
        assert cache.get(sha, doc_id, text, fact_tables()) == extract_document(
            doc_id, text, fact_tables()
        )


def test_dask_local_cluster_on_loopback_matches_plain_extraction(items):
    with DaskExecutor(n_workers=2) as executor:
        assert executor.workers == 2
        assert all(
            address.startswith("tcp://127.0.0.1:")
            for address in executor.client.scheduler_info()["workers"]
        )
        chunks = list(executor.extract(items, fact_tables()))
    assert_same_tables(gathered(chunks), expected(items))


def test_dask_through_the_cache_gives_the_same_tables(tmp_path):
    documents = ingest_raw_dir(RAW_DIR, 50_000_000).documents
    plain = extract_with_cache(documents, fact_tables(), None, InProcessExecutor(workers=1))
    cache = ExtractionCache(tmp_path, "v")
    with DaskExecutor(n_workers=1) as executor:
        distributed = extract_with_cache(documents, fact_tables(), cache, executor)
    assert distributed.executor == "dask"
    assert_same_tables(distributed.frames, plain.frames)
    again = extract_with_cache(documents, fact_tables(), cache, InProcessExecutor(workers=1))
    assert again.extracted == []  # the Dask workers' entries and snapshot serve the rerun
    assert_same_tables(again.frames, plain.frames)


@pytest.mark.parametrize(
    ("environ", "kind", "workers"),
    [
        ({}, InProcessExecutor, None),
        ({"PIPELINE_EXECUTOR": "inprocess", "PIPELINE_WORKERS": "1"}, InProcessExecutor, 1),
        ({"PIPELINE_EXECUTOR": " InProcess "}, InProcessExecutor, None),
    ],
)
def test_the_switch_reads_the_environment(environ, kind, workers):
    executor = executor_from_env(environ)
    assert isinstance(executor, kind)
    if workers is not None:
        assert executor.workers == workers


def test_the_switch_starts_a_local_dask_cluster_without_an_address():
    with executor_from_env({"PIPELINE_EXECUTOR": "dask", "PIPELINE_WORKERS": "1"}) as executor:
        assert isinstance(executor, DaskExecutor)
        assert executor.workers == 1


def test_an_unknown_executor_is_refused():
    with pytest.raises(ValueError, match="expected 'inprocess' or 'dask'"):
        executor_from_env({"PIPELINE_EXECUTOR": "spark"})


@pytest.mark.parametrize(
    ("total", "env", "started"),
    [
        (10**9, {"PIPELINE_WORKERS": "2"}, True),
        (1_000, {"PIPELINE_WORKERS": "2"}, False),  # extracted serially: no pool
        (10**9, {"PIPELINE_WORKERS": "1"}, False),
        (10**9, {"PIPELINE_EXECUTOR": "dask"}, False),  # no cluster started for this
    ],
)
def test_the_pool_server_is_warmed_up_only_when_a_pool_will_run(total, env, started):
    from multiprocessing import forkserver

    from pipeline.executors import warm_up

    assert warm_up(total, env) is started
    if started:  # the pool then finds it running
        forkserver.ensure_running()
        assert forkserver._forkserver._forkserver_pid is not None
