"""The raw-directory sensor, evaluated tick by tick without a daemon or a browser."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import dagster as dg
import pytest
from dagster._core.definitions.sensor_definition import SensorExecutionData

from pipeline.sensors import BUILD_JOB_NAME, RawDirState, raw_dir_fingerprint, raw_files_sensor
from pipeline.settings import PipelineSettings
from tests.conftest import RAW_DIR

Tick = Callable[[str | None], SensorExecutionData]


@pytest.fixture
def raw_dir(tmp_path: Path) -> Path:
    target = tmp_path / "raw"
    shutil.copytree(RAW_DIR, target)
    for path in target.iterdir():
        path.chmod(0o644)  # the seeds are read-only in the repo; these copies get edited
    return target


@pytest.fixture
def instance() -> Iterator[dg.DagsterInstance]:
    with dg.DagsterInstance.ephemeral() as ephemeral:
        yield ephemeral


@pytest.fixture
def tick(raw_dir: Path, tmp_path: Path, instance: dg.DagsterInstance) -> Tick:
    """Evaluate the sensor once against `raw_dir`, starting from `cursor`."""
    settings = PipelineSettings(
        raw_dir=str(raw_dir), output_dir=str(tmp_path / "outputs"), max_file_bytes=10_000
    )

    def evaluate(cursor: str | None) -> SensorExecutionData:
        context = dg.build_sensor_context(
            instance=instance, cursor=cursor, resources={"settings": settings}
        )
        return raw_files_sensor.evaluate_tick(context)

    return evaluate


def _requested(result: SensorExecutionData) -> dg.RunRequest:
    assert result.skip_message is None, result.skip_message
    assert len(result.run_requests) == 1, result.run_requests
    return result.run_requests[0]


def test_first_tick_builds_once_and_remembers_the_content(tick: Tick, raw_dir: Path) -> None:
    first = tick(None)
    request = _requested(first)
    fingerprint, count = raw_dir_fingerprint(raw_dir, 10_000)
    assert request.run_key == f"raw-1-{fingerprint}"
    assert request.tags["raw_files"] == str(count) == str(len(list(raw_dir.iterdir())))
    assert RawDirState.from_cursor(first.cursor) == RawDirState(fingerprint, 1)

    second = tick(first.cursor)
    assert second.run_requests == []
    assert second.skip_message is not None and "no change" in second.skip_message


def test_touching_a_file_without_changing_its_bytes_does_not_build(
    tick: Tick, raw_dir: Path
) -> None:
    cursor = tick(None).cursor
    document = next(raw_dir.glob("*.txt"))
    later = document.stat().st_mtime_ns + 3_600 * 10**9
    os.utime(document, ns=(later, later))
    assert tick(cursor).run_requests == []


def test_one_changed_byte_builds_again_under_a_new_run_key(tick: Tick, raw_dir: Path) -> None:
    first = tick(None)
    document = next(raw_dir.glob("*.txt"))
    data = bytearray(document.read_bytes())
    data[-1] = ord("!") if data[-1] != ord("!") else ord("?")
    document.write_bytes(bytes(data))

    second = tick(first.cursor)
    request = _requested(second)
    assert request.run_key != _requested(first).run_key
    assert RawDirState.from_cursor(second.cursor).generation == 2


@pytest.mark.parametrize(
    ("change", "builds"),
    [
        pytest.param(lambda d: (d / "005_new.txt").write_text("A new text.\n"), True, id="add"),
        pytest.param(lambda d: next(d.glob("*.txt")).unlink(), True, id="remove"),
        pytest.param(lambda d: next(d.glob("*.txt")).rename(d / "renamed.txt"), True, id="rename"),
        pytest.param(
            lambda d: (d / "manifest.csv").write_bytes(
                (d / "manifest.csv").read_bytes().replace(b",", b", ", 1)
            ),
            True,
            id="manifest-edited",
        ),
        # Ingest quarantines a non-document file, so the quarantine table changes.
        pytest.param(lambda d: (d / "notes.pdf").write_bytes(b"%PDF"), True, id="stray-file"),
        pytest.param(lambda d: (d / ".draft.txt.swp").write_bytes(b"x"), False, id="hidden"),
        pytest.param(lambda d: (d / "archive").mkdir(), False, id="subfolder"),
    ],
)
def test_what_counts_as_a_change(
    tick: Tick, raw_dir: Path, change: Callable[[Path], object], builds: bool
) -> None:
    cursor = tick(None).cursor
    change(raw_dir)
    result = tick(cursor)
    assert bool(result.run_requests) is builds, result.skip_message


def test_content_changed_back_still_rebuilds(tick: Tick, raw_dir: Path) -> None:
    """Dagster never reuses a run key, so the key must not be the content alone."""
    original = tick(None)
    added = raw_dir / "005_new.txt"
    added.write_text("A new text.\n")
    with_file = tick(original.cursor)
    added.unlink()
    back = tick(with_file.cursor)

    keys = [_requested(r).run_key for r in (original, with_file, back)]
    assert len(set(keys)) == 3, keys
    assert RawDirState.from_cursor(back.cursor).fingerprint == (
        RawDirState.from_cursor(original.cursor).fingerprint
    )


def test_a_file_over_the_size_limit_is_judged_by_size_and_mtime(tick: Tick, raw_dir: Path) -> None:
    big = raw_dir / "big.txt"
    big.write_bytes(b"x" * 20_000)  # over the fixture's 10_000-byte limit
    cursor = tick(None).cursor
    later = big.stat().st_mtime_ns + 10**9
    os.utime(big, ns=(later, later))
    assert _requested(tick(cursor)).tags["trigger"] == "raw_files_sensor"


def test_waits_while_a_build_is_in_progress_and_keeps_the_change_pending(
    tick: Tick, raw_dir: Path, instance: dg.DagsterInstance
) -> None:
    cursor = tick(None).cursor
    (raw_dir / "005_new.txt").write_text("A new text.\n")
    running = instance.add_run(
        dg.DagsterRun(job_name=BUILD_JOB_NAME, status=dg.DagsterRunStatus.STARTED)
    )

    waiting = tick(cursor)
    assert waiting.run_requests == []
    assert waiting.skip_message is not None and running.run_id in waiting.skip_message
    assert waiting.cursor in (None, cursor)

    instance.report_run_canceled(running)
    assert _requested(tick(cursor)).run_key.startswith("raw-2-")


def test_a_finished_build_of_another_job_does_not_block(
    tick: Tick, instance: dg.DagsterInstance
) -> None:
    instance.add_run(dg.DagsterRun(job_name="some_other_job", status=dg.DagsterRunStatus.STARTED))
    instance.add_run(dg.DagsterRun(job_name=BUILD_JOB_NAME, status=dg.DagsterRunStatus.SUCCESS))
    _requested(tick(None))


@pytest.mark.parametrize("cursor", ["", "not json", '{"fingerprint": "abc"}', "[1, 2]"])
def test_an_unreadable_cursor_counts_as_a_directory_never_seen(tick: Tick, cursor: str) -> None:
    assert _requested(tick(cursor)).run_key.startswith("raw-1-")


def test_a_missing_raw_directory_is_skipped_not_an_error(tick: Tick, raw_dir: Path) -> None:
    shutil.rmtree(raw_dir)
    result = tick(None)
    assert result.run_requests == []
    assert result.skip_message is not None and "does not exist" in result.skip_message


def test_off_by_default_and_aimed_at_the_whole_build() -> None:
    assert raw_files_sensor.default_status == dg.DefaultSensorStatus.STOPPED
    assert raw_files_sensor.job_name == BUILD_JOB_NAME


def test_the_build_it_requests_is_the_projects_whole_build() -> None:
    from pipeline.definitions import defs

    job = defs.resolve_job_def(BUILD_JOB_NAME)
    assert job.asset_layer.selected_asset_keys == defs.resolve_asset_graph().get_all_asset_keys()
    # Whether or not pipeline/definitions.py registers the sensor yet, it must resolve there.
    registered = {sensor.name for sensor in defs.sensors or []}
    project = (
        defs
        if raw_files_sensor.name in registered
        else dg.Definitions.merge(defs, dg.Definitions(sensors=[raw_files_sensor]))
    )
    resolved = project.resolve_sensor_def(raw_files_sensor.name)
    assert resolved.job_name == BUILD_JOB_NAME
    assert resolved.default_status == dg.DefaultSensorStatus.STOPPED


def test_a_fifo_or_a_link_loop_never_blocks_or_breaks_the_fingerprint(tmp_path):
    import os

    from pipeline.sensors import raw_dir_fingerprint

    (tmp_path / "a.txt").write_text("The border is 2,000 miles long.")
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    digest, count = raw_dir_fingerprint(tmp_path, 1_000_000)
    assert count == 3 and len(digest) == 64
