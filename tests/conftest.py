from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import dagster as dg
import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED = REPO_ROOT.parent / "shared"
SEEDS_DIR = SHARED / "seeds"
GOLD_DIR = SHARED / "gold"
RAW_DIR = REPO_ROOT / "raw"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def materialize_all(raw_dir: Path, output_dir: Path) -> dg.ExecuteInProcessResult:
    """Run every asset and check of the project's Definitions, in process."""
    from pipeline.definitions import all_assets, all_checks
    from pipeline.io_manager import TableFrameIOManager
    from pipeline.settings import PipelineSettings

    settings = PipelineSettings(raw_dir=str(raw_dir), output_dir=str(output_dir))
    return dg.materialize(
        [*all_assets, *all_checks],
        resources={"settings": settings, "io_manager": TableFrameIOManager()},
        instance=dg.DagsterInstance.ephemeral(),
        raise_on_error=False,
    )


@pytest.fixture
def raw_copy(tmp_path: Path) -> Path:
    """A private copy of raw/ a test may edit."""
    target = tmp_path / "raw"
    shutil.copytree(RAW_DIR, target)
    return target


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dg.ExecuteInProcessResult]:
    """One full build of the seeds, shared by the tests that only read its outputs."""
    output_dir = tmp_path_factory.mktemp("outputs")
    result = materialize_all(RAW_DIR, output_dir)
    return output_dir, result


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One Chromium for the whole session: Playwright's sync API allows one instance
    per thread, so every browser test shares it."""
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: run `bash scripts/install_browser.sh` "
            "(or deselect with -m 'not browser')"
        )
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()
