"""A real Chromium (Debian's, driven by Playwright) and the servers it talks to."""

from __future__ import annotations

from collections.abc import Generator, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from tests.browser.servers import DagsterDevServer, ServerError
from tests.conftest import RAW_DIR, REPO_ROOT

VIEWPORT = {"width": 1440, "height": 900}
# Generous for two shared cores: a slow page is not a broken page.
DEFAULT_TIMEOUT_MS = 60_000
SERVER_START_TIMEOUT_S = 240
# Dagster's first-visit "join the community" dialog covers the page; a returning user
# has dismissed it, which the UI records under this localStorage key.
_DISMISS_COMMUNITY_DIALOG = "window.localStorage.setItem('communityNux', '\"1\"');"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    """Keep each phase's report on the test item, so fixtures can tell a failed test."""
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture
def page(browser: Browser, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Page]:
    """A fresh browser context per test; on failure its last view is saved beside the test."""
    context = browser.new_context(viewport=VIEWPORT, accept_downloads=True)
    context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    context.add_init_script(_DISMISS_COMMUNITY_DIALOG)
    tab = context.new_page()
    try:
        yield tab
    finally:
        report = getattr(request.node, "report_call", None)
        if report is not None and report.failed:
            shot = tmp_path / "on_failure.png"
            try:
                tab.screenshot(path=str(shot), full_page=True)
                print(f"last view of the page: {shot}")
            except Exception as exc:  # the page may be what broke
                print(f"no failure screenshot: {exc}")
        context.close()


@pytest.fixture
def dagster_ui(tmp_path: Path) -> Iterator[DagsterDevServer]:
    """`dagster dev` on a free loopback port, over the repo's raw/ and a temporary output dir."""
    server = DagsterDevServer(
        repo_root=REPO_ROOT,
        dagster_home=tmp_path / "dagster_home",
        env={
            "PIPELINE_RAW_DIR": str(RAW_DIR),
            "PIPELINE_OUTPUT_DIR": str(tmp_path / "outputs"),
        },
        log_path=tmp_path / "dagster_dev.log",
    )
    try:
        server.start()
        try:
            server.wait_until_ready(SERVER_START_TIMEOUT_S)
        except ServerError as exc:
            pytest.fail(f"dagster dev did not come up: {exc}\nlog: {server.log_path}")
        yield server
    finally:
        server.stop()
