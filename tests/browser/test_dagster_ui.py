"""A user opens the Dagster UI, clicks "Materialize all" and checks what they got.

The clicking happens in a real Chromium. The exact assertions (every asset, every check,
every row count) read the same server's GraphQL API, which is what the UI itself reads.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path
from typing import Any

import duckdb
import pytest
from playwright.sync_api import Page, expect

from pipeline.assets.core import asset_name
from pipeline.tables import published_tables
from tests.browser.servers import DagsterDevServer, ServerError
from tests.conftest import RAW_DIR, REPO_ROOT

pytestmark = [pytest.mark.browser, pytest.mark.slow]

RUN_TIMEOUT_S = 600
# The asset a user opens after the run: the table most facts live in.
ASSET_TO_OPEN = "core_quantities"
README_SCREENSHOT = REPO_ROOT / "docs" / "img" / "asset_graph.png"
README_SCREENSHOT_MAX_BYTES = 200 * 1024
GRAPH_VIEWPORT = {"width": 1600, "height": 1000}
# Below the page header and the graph's search bar.
GRAPH_TOP_PX = 100
# Node labels in the graph; long names are middle-truncated ("core_cit…_mentions").
ASSET_LABEL = re.compile(r"^(raw|core|out)_\S+$")

ASSET_NODES = """{ assetNodes {
  assetKey { path } groupName
  assetChecksOrError { ... on AssetChecks { checks {
    name executionForLatestMaterialization { runId status }
  } } }
} }"""
RUN = """query($id: ID!) { runOrError(runId: $id) { ... on Run {
  status
  assetSelection { path }
  assetCheckSelection { name assetKey { path } }
  assetMaterializations {
    assetKey { path }
    metadataEntries { label ... on IntMetadataEntry { intValue } }
  }
} } }"""
FAILURES = """query($id: ID!) { logsForRun(runId: $id) { ... on EventConnection { events {
  __typename
  ... on ExecutionStepFailureEvent { stepKey error { message causes { message } } }
  ... on RunFailureEvent { message error { message causes { message } } }
} } } }"""


def _key(path: list[str]) -> str:
    return "/".join(path)


def _shot(page: Page, directory: Path, name: str) -> Path:
    path = directory / f"{name}.png"
    page.screenshot(path=str(path))
    return path


def _failures(server: DagsterDevServer, run_id: str) -> str:
    try:
        events = server.graphql(FAILURES, {"id": run_id})["logsForRun"]["events"]
    except ServerError as exc:
        return f"(could not read the run's events: {exc})"
    lines = []
    for event in events:
        if event["__typename"] not in ("ExecutionStepFailureEvent", "RunFailureEvent"):
            continue
        error = event.get("error") or {}
        messages = [error.get("message") or event.get("message") or ""]
        messages += [cause["message"] for cause in error.get("causes") or []]
        step = event.get("stepKey") or "run"
        lines.append(f"{step}: " + " <- ".join(m.strip() for m in messages))
    return "\n".join(lines) or "(no failure events)"


def _open_asset_graph(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/asset-groups")
    expect(page.get_by_role("button", name="Materialize all")).to_be_enabled()


def _graph_option(page: Page, wanted: str, opposite: str) -> None:
    """Pick an option of the graph's settings menu unless it is already in effect."""
    # An icon-only button, named by its icon's label.
    page.get_by_role("button", name="settings", exact=True).click()
    item = page.get_by_role("menuitem", name=re.compile(f"({wanted}|{opposite})"))
    if wanted in item.inner_text():
        item.click()
        # The choice is written to the URL and localStorage after the click's re-render.
        page.wait_for_timeout(500)
    # The menu may stay open or fade out after a click, and a second click on the settings
    # button during the fade closes it: reloading gives the next option a settled page.
    # Both options are remembered across a reload (URL and localStorage).
    page.reload()
    expect(page.get_by_role("button", name="Materialize all")).to_be_enabled()


def _asset_labels_outside_view(page: Page) -> tuple[int, int]:
    """(asset labels drawn in the graph, how many of them fall outside the window)."""
    size = page.viewport_size or GRAPH_VIEWPORT
    labels = [
        box
        for label in page.get_by_text(ASSET_LABEL).all()
        if label.is_visible() and (box := label.bounding_box()) is not None
    ]
    outside = [
        b
        for b in labels
        if b["x"] < 0
        or b["y"] < GRAPH_TOP_PX
        or b["x"] + b["width"] > size["width"]
        or b["y"] + b["height"] > size["height"]
    ]
    return len(labels), len(outside)


def _show_whole_graph(page: Page, base_url: str, asset_count: int) -> None:
    """Every group open, top to bottom, the whole graph in the window: the README picture."""
    page.set_viewport_size(GRAPH_VIEWPORT)
    _open_asset_graph(page, base_url)
    _graph_option(page, "Expand all groups", "Collapse all groups")
    # Stages read top to bottom and the many core tables side by side: fits a wide screen.
    _graph_option(page, "vertical orientation", "horizontal orientation")
    # The graph fits itself to the window when it loads (the last reload), not when its
    # layout changes.
    expect(page.get_by_text(ASSET_LABEL)).to_have_count(asset_count)
    for _ in range(6):
        # Let the zoom transition finish so the picture is not caught mid-animation.
        page.wait_for_timeout(1000)
        drawn, outside = _asset_labels_outside_view(page)
        if not outside:
            break
        # A graph that has grown past the automatic zoom's lower limit: zoom out by hand.
        page.get_by_role("button", name="zoom_out", exact=True).click()
    assert drawn == asset_count and not outside, (
        f"{drawn} of {asset_count} assets drawn, {outside} outside the window"
    )


def test_materialize_all_from_the_asset_graph(
    dagster_ui: DagsterDevServer, page: Page, tmp_path: Path
) -> None:
    nodes: list[dict[str, Any]] = dagster_ui.graphql(ASSET_NODES)["assetNodes"]
    assets = {_key(n["assetKey"]["path"]): n for n in nodes}
    checks = {
        f"{key}:{check['name']}"
        for key, node in assets.items()
        for check in node["assetChecksOrError"].get("checks", [])
    }
    assert ASSET_TO_OPEN in assets, sorted(assets)
    assert checks, "the definitions declare no asset checks"

    # 1. The asset graph, as `make ui` shows it, and one click.
    _open_asset_graph(page, dagster_ui.url)
    for group in ("raw", "core", "out"):
        expect(page.get_by_text(group, exact=True).first).to_be_visible()
    page.get_by_role("button", name="Materialize all").click()
    view_run = page.get_by_role("link", name="View", exact=True)
    expect(view_run).to_have_attribute("href", re.compile(r"/runs/[0-9a-f-]{36}$"))
    run_id = (view_run.get_attribute("href") or "").rsplit("/", 1)[-1]
    launched = _shot(page, tmp_path, "launched")
    # Through the Runs list rather than the toast's link, which disappears on its own.
    page.get_by_role("link", name="Runs").first.click()
    # The list names a run by the first 8 characters of its id; the toast's link says "View".
    page.locator(f'a[href="/runs/{run_id}"]', has_text=run_id[:8]).click()
    expect(page).to_have_url(re.compile(re.escape(run_id)))

    # 2. Watch the run page until the run ends.
    try:
        status = dagster_ui.wait_for_run(run_id, RUN_TIMEOUT_S)
    except ServerError as exc:
        pytest.fail(f"{exc}\nscreenshot: {_shot(page, tmp_path, 'run_timeout')}")
    finished_run = _shot(page, tmp_path, "finished_run")
    assert status == "SUCCESS", (
        f"run {run_id} ended {status}:\n{_failures(dagster_ui, run_id)}\n"
        f"screenshots: {launched} {finished_run}\nserver log: {dagster_ui.log_path}"
    )
    expect(page.get_by_text("Success", exact=True).first).to_be_visible()
    expect(page.get_by_text(f"{len(assets)} assets", exact=True).first).to_be_visible()
    finished_run = _shot(page, tmp_path, "finished_run")

    # 3. What the run did, exactly: every asset materialized once, every check passed,
    #    every table with its row count.
    run = dagster_ui.graphql(RUN, {"id": run_id})["runOrError"]
    where = f"(run {run_id}; screenshot {finished_run})"
    assert {_key(a["path"]) for a in run["assetSelection"]} == set(assets), where
    assert {f"{_key(c['assetKey']['path'])}:{c['name']}" for c in run["assetCheckSelection"]} == (
        checks
    ), where
    materialized = [_key(m["assetKey"]["path"]) for m in run["assetMaterializations"]]
    assert sorted(materialized) == sorted(assets), where

    nodes = dagster_ui.graphql(ASSET_NODES)["assetNodes"]
    check_outcomes = {
        f"{_key(n['assetKey']['path'])}:{c['name']}": c["executionForLatestMaterialization"]
        for n in nodes
        for c in n["assetChecksOrError"].get("checks", [])
    }
    not_passed = {
        name: outcome
        for name, outcome in check_outcomes.items()
        if not outcome or outcome["runId"] != run_id or outcome["status"] != "SUCCEEDED"
    }
    assert not not_passed, f"checks that did not pass in this run: {not_passed} {where}"

    metadata = {
        _key(m["assetKey"]["path"]): {e["label"]: e.get("intValue") for e in m["metadataEntries"]}
        for m in run["assetMaterializations"]
    }
    tables = {table: asset_name(table) for table in published_tables()}
    for label in ("dagster/row_count", "dagster/column_schema"):
        lacking = [a for a in tables.values() if label not in metadata.get(a, {})]
        assert not lacking, f"no {label} on {lacking} {where}"
    shown_rows = {table: metadata[asset]["dagster/row_count"] for table, asset in tables.items()}
    database = Path(dagster_ui.env["PIPELINE_OUTPUT_DIR"]) / "facts.duckdb"
    with duckdb.connect(str(database), read_only=True) as db:
        stored_rows = {t: db.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
    assert shown_rows == stored_rows, f"row counts in the UI differ from {database} {where}"
    assert shown_rows["documents"] == len(list(RAW_DIR.glob("*.txt"))), where
    expected_rows = metadata[ASSET_TO_OPEN]["dagster/row_count"]
    assert expected_rows > 0, where

    # 4. The asset page a user opens next: the row count and the checks, as shown.
    page.get_by_role("link", name="Catalog").first.click()
    page.locator(f'a[href="/assets/{ASSET_TO_OPEN}"]').first.click()
    expect(page).to_have_url(re.compile(f"/assets/{ASSET_TO_OPEN}"))
    row_count_box = page.get_by_text("Row count", exact=True).locator("xpath=..")
    expect(row_count_box).to_contain_text(f"{expected_rows:,}")
    # The status box loads after the page; until then it reads "Never materialized".
    status_box = page.get_by_text("Latest materialization", exact=True).locator("xpath=..")
    expect(status_box.locator(f'a[href^="/runs/{run_id}"]')).to_be_visible()
    asset_page = _shot(page, tmp_path, "asset_page")
    page.get_by_role("tab", name="Checks").click()
    own_checks = [c.split(":", 1)[1] for c in checks if c.split(":", 1)[0] == ASSET_TO_OPEN]
    assert own_checks, f"{ASSET_TO_OPEN} has no checks to show"
    for name in own_checks:
        # The list entry holds the (possibly middle-truncated) name and the status word.
        entry = page.locator(f'[title="{name}"]').first.locator("xpath=..")
        expect(entry).to_contain_text("Succeeded")
    checks_page = _shot(page, tmp_path, "asset_checks")
    assert page.get_by_text("Failed", exact=True).count() == 0, checks_page

    # 5. The picture of the whole graph, all green.
    _show_whole_graph(page, dagster_ui.url, len(assets))
    graph = _shot(page, tmp_path, "asset_graph")
    print(f"screenshots: {graph} {finished_run} {asset_page} {checks_page}")
    if os.environ.get("UPDATE_SCREENSHOT") == "1":
        size = graph.stat().st_size
        assert size <= README_SCREENSHOT_MAX_BYTES, f"{graph} is {size} bytes, too big to commit"
        README_SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(graph, README_SCREENSHOT)
