"""The one Dagster Definitions object of the project (loaded by workspace.yaml)."""

from __future__ import annotations

import dagster as dg

from pipeline.assets.checks import table_checks
from pipeline.assets.core import table_assets
from pipeline.assets.out import database_asset, release_asset
from pipeline.assets.raw import raw_documents
from pipeline.io_manager import TableFrameIOManager
from pipeline.sensors import raw_files_sensor
from pipeline.settings import PipelineSettings
from pipeline.tables import check_producers, published_tables

check_producers()

all_assets = [raw_documents, *table_assets(), release_asset(), database_asset()]
all_checks = table_checks(published_tables())

build_everything = dg.define_asset_job(
    name="build_everything",
    selection=dg.AssetSelection.all(),
    description="Rebuild everything: ingest, extract, validate (blocking checks), publish, load.",
)

defs = dg.Definitions(
    assets=all_assets,
    asset_checks=all_checks,
    jobs=[build_everything],
    sensors=[raw_files_sensor],
    resources={"settings": PipelineSettings.from_env(), "io_manager": TableFrameIOManager()},
    # One process per run: a step subprocess costs seconds of imports, the tables are
    # small, and the parallel part (extraction) parallelizes inside its own step.
    executor=dg.in_process_executor,
)
