"""Table frames travel between steps as Arrow files, and come back as the same frame."""

from __future__ import annotations

import datetime as dt

import dagster as dg
import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from pipeline.io_manager import TableFrameIOManager, arrow_input
from pipeline.schemas import lossless_arrow
from tests.test_release_fixtures import frames, real_schemas, sample_records


def _round_trip(tmp_path, name: str, frame, as_arrow: bool = False) -> tuple[bytes, object]:
    """Materialize `frame` (or an Arrow table) as asset core_<name> and read it back in a
    downstream step: as a frame, or with `as_arrow` through an `arrow_input`."""
    received: dict[str, object] = {}

    @dg.asset(name=f"core_{name}")
    def produced():
        return frame

    upstream = arrow_input(f"core_{name}") if as_arrow else dg.AssetIn(f"core_{name}")

    @dg.asset(ins={"upstream": upstream})
    def consumer(upstream) -> None:
        received["value"] = upstream

    result = dg.materialize(
        [produced, consumer],
        resources={"io_manager": TableFrameIOManager(base_dir=str(tmp_path))},
        instance=dg.DagsterInstance.ephemeral(),
    )
    assert result.success
    return (tmp_path / f"core_{name}").read_bytes(), received["value"]


def _same(a: pd.DataFrame, b: pd.DataFrame) -> bool:
    """Same columns, dtypes and cells, told apart by repr: None, NaN and NA differ, so do
    a date and a datetime, or 1 and 1.0."""
    return (
        list(a.columns) == list(b.columns)
        and a.dtypes.equals(b.dtypes)
        and [[repr(v) for v in a[c].tolist()] for c in a]
        == [[repr(v) for v in b[c].tolist()] for c in b]
    )


@pytest.mark.parametrize("name", ["quantities", "documents", "quarantine"])
def test_a_table_frame_is_stored_as_arrow_and_read_back_unchanged(tmp_path, name):
    frame = frames(real_schemas(), sample_records())[name]
    stored, back = _round_trip(tmp_path, name, frame)
    assert stored.startswith(b"ARROW1")
    assert _same(back, frame)


def _date_as_text(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.copy()
    frame["published_date"] = pd.Series(["2021-02-25", None], dtype=object)
    return frame


def _datetime(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.copy()
    frame["published_date"] = pd.Series([dt.datetime(2021, 2, 25, 13, 5), None], dtype=object)
    return frame


def _nan_in_text(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.copy()
    frame["title"] = pd.Series([np.nan, "A title"], dtype=object)
    return frame


def _numpy_integers(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.copy()
    frame["char_count"] = frame["char_count"].astype("int64")
    return frame


@pytest.mark.parametrize("change", [_date_as_text, _datetime, _nan_in_text, _numpy_integers])
def test_a_frame_arrow_would_change_is_pickled_as_it_is(tmp_path, change):
    frame = change(frames(real_schemas(), sample_records())["documents"])
    assert lossless_arrow(real_schemas()["documents"], frame) is None
    stored, back = _round_trip(tmp_path, "documents", frame)
    assert not stored.startswith(b"ARROW1")
    assert _same(back, frame)


def test_a_nan_value_is_not_turned_into_null(tmp_path):
    frame = frames(real_schemas(), sample_records())["quantities"].copy()
    frame["value"] = pd.Series(
        pd.arrays.FloatingArray(np.array([np.nan] * len(frame)), np.zeros(len(frame), bool))
    )
    assert lossless_arrow(real_schemas()["quantities"], frame) is None
    stored, back = _round_trip(tmp_path, "quantities", frame)
    assert not stored.startswith(b"ARROW1")
    assert _same(back, frame)


def test_values_that_are_not_tables_are_pickled(tmp_path):
    @dg.asset
    def core_extractions() -> dict[str, int]:
        return {"new": 1}

    result = dg.materialize(
        [core_extractions],
        resources={"io_manager": TableFrameIOManager(base_dir=str(tmp_path))},
        instance=dg.DagsterInstance.ephemeral(),
    )
    assert result.success
    assert not (tmp_path / "core_extractions").read_bytes().startswith(b"ARROW1")


@pytest.mark.parametrize("change", [lambda f: f, _date_as_text])
def test_an_arrow_input_gets_the_schema_typed_table(tmp_path, change):
    """Publishing asks for its inputs as Arrow: what it gets is what to_arrow gives, for
    a frame stored as Arrow and for one that had to be pickled."""
    schema = real_schemas()["documents"]
    frame = change(frames(real_schemas(), sample_records())["documents"])
    _, received = _round_trip(tmp_path, "documents", frame, as_arrow=True)
    assert isinstance(received, pa.Table)
    assert received.equals(schema.to_arrow(frame), check_metadata=True)


def test_an_arrow_output_of_the_schema_is_read_back_as_its_frame(tmp_path):
    schema = real_schemas()["quantities"]
    frame = frames(real_schemas(), sample_records())["quantities"]
    stored, back = _round_trip(tmp_path, "quantities", schema.to_arrow(frame))
    assert stored.startswith(b"ARROW1")
    assert _same(back, schema.frame_from_arrow(schema.to_arrow(frame)))


def test_an_arrow_output_of_other_types_is_refused(tmp_path):
    schema = real_schemas()["quantities"]
    table = schema.to_arrow(frames(real_schemas(), sample_records())["quantities"])
    loose = table.cast(pa.schema([pa.field(f.name, f.type) for f in table.schema]))  # nullable

    @dg.asset(name="core_quantities")
    def produced() -> pa.Table:
        return loose.set_column(0, "quantity_id", pa.array([1] * len(loose)))

    result = dg.materialize(
        [produced],
        resources={"io_manager": TableFrameIOManager(base_dir=str(tmp_path))},
        instance=dg.DagsterInstance.ephemeral(),
        raise_on_error=False,
    )
    assert not result.success
    (failure,) = [e for e in result.all_events if e.event_type_value == "STEP_FAILURE"]
    assert "must have exactly the types" in str(failure.event_specific_data.error)


@pytest.mark.parametrize("annotated", [True, False])
def test_a_check_input_annotated_as_arrow_gets_the_arrow_table(tmp_path, annotated):
    """Asset checks cannot put metadata on the input they check, so they ask for Arrow by
    annotating it `pa.Table`; without the annotation they get the frame."""
    frame = frames(real_schemas(), sample_records())["documents"]
    received: dict[str, object] = {}

    @dg.asset(name="core_documents")
    def produced():
        return frame

    if annotated:

        @dg.asset_check(asset=produced)
        def looked_at(core_documents: pa.Table) -> dg.AssetCheckResult:
            received["value"] = core_documents
            return dg.AssetCheckResult(passed=True)

    else:

        @dg.asset_check(asset=produced)
        def looked_at(core_documents) -> dg.AssetCheckResult:  # type: ignore[no-redef]
            received["value"] = core_documents
            return dg.AssetCheckResult(passed=True)

    result = dg.materialize(
        [produced, looked_at],
        resources={"io_manager": TableFrameIOManager(base_dir=str(tmp_path))},
        instance=dg.DagsterInstance.ephemeral(),
    )
    assert result.success
    if annotated:
        assert isinstance(received["value"], pa.Table)
        assert received["value"].equals(real_schemas()["documents"].to_arrow(frame))
    else:
        assert _same(received["value"], frame)
