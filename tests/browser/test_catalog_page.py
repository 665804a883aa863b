"""A user opens the release catalog page, downloads files and checks them against the page."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import dagster as dg
import pytest
from playwright.sync_api import Locator, Page, expect

from tests.browser.servers import static_file_server

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SHA256_HEX = re.compile(r"\b[0-9a-f]{64}\b")
# The files a user downloads by clicking: the table most facts live in, both formats.
# Chromium refuses an 11th download clicked within about a second, as a guard against
# pages that spray downloads, so every other file is fetched and hashed in the page.
CLICKED_RESOURCE = "quantities"
# The browser's own SHA-256 (Web Crypto) of what the server sends for each link.
_HASH_IN_PAGE = """async (hrefs) => {
  const hex = (buf) => [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, "0"));
  const out = {};
  for (const href of hrefs) {
    const reply = await fetch(href, { cache: "no-store" });
    const digest = await crypto.subtle.digest("SHA-256", await reply.arrayBuffer());
    out[href] = { status: reply.status, sha256: hex(digest).join("") };
  }
  return out;
}"""


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _promised_files(section: Locator, shot: Path) -> dict[str, tuple[str, str, Locator]]:
    """href -> (resource, sha256 shown beside the link, the link), for every download link."""
    promised: dict[str, tuple[str, str, Locator]] = {}
    for row in section.locator("tbody tr").all():
        cells = row.locator("td")
        resource = cells.first.inner_text().strip()
        for cell in cells.filter(has=row.page.locator("a[download]")).all():
            link = cell.locator("a[download]")
            hash_text = cell.locator("code.hash").inner_text()
            found = SHA256_HEX.search(hash_text)
            assert found, f"no sha256 beside {link.get_attribute('href')}: {hash_text!r} ({shot})"
            promised[link.get_attribute("href") or ""] = (resource, found.group(), link)
    return promised


def test_downloads_of_the_latest_release_arrive_with_the_hash_the_page_shows(
    seed_build: tuple[Path, dg.ExecuteInProcessResult], page: Page, tmp_path: Path
) -> None:
    output_dir, result = seed_build
    assert result.success, "the seed build failed; see test_pipeline_e2e"
    assert (output_dir / "index.html").is_file(), sorted(p.name for p in output_dir.iterdir())
    downloads = tmp_path / "downloads"

    with static_file_server(output_dir) as base_url:
        page.goto(f"{base_url}/index.html")
        latest = page.locator("section").filter(has=page.locator(".badge", has_text="latest"))
        expect(latest).to_have_count(1)
        version = latest.locator("h2").inner_text().removesuffix("latest").strip()
        shot = tmp_path / "catalog.png"
        page.screenshot(path=str(shot), full_page=True)
        promised = _promised_files(latest, shot)
        clicked = {h: p for h, p in promised.items() if p[0] == CLICKED_RESOURCE}
        assert len(clicked) == 2, f"{CLICKED_RESOURCE}: no CSV and Parquet links ({shot})"

        # A user's clicks: the file arrives as a download and matches the page.
        for href, (_, shown, link) in clicked.items():
            with page.expect_download() as pending:
                link.click()
            download = pending.value
            assert download.failure() is None, f"{download.url}: {download.failure()}"
            saved = downloads / download.suggested_filename
            download.save_as(saved)
            assert saved.name == href.rsplit("/", 1)[-1], download.suggested_filename
            assert _sha256(saved) == shown, f"{download.url} differs from its hash ({shot})"

        # Every other link: what the browser receives hashes to what the page shows.
        fetched = page.evaluate(_HASH_IN_PAGE, sorted(promised))
        wrong = {
            href: (got, promised[href][1])
            for href, got in fetched.items()
            if got != {"status": 200, "sha256": promised[href][1]}
        }
        assert not wrong, f"links whose bytes differ from the page: {wrong} ({shot})"

        # The package descriptor linked from the same section agrees with the page.
        with page.expect_response(re.compile(r"datapackage\.json$")) as response_info:
            latest.get_by_role("link", name="datapackage.json").click()
        response = response_info.value
        assert response.ok, response.status
        package = json.loads(response.body())

    assert package["version"] == version
    assert all(href.startswith(f"releases/{version}/") for href in promised), sorted(promised)
    described = {
        f"releases/{version}/{r['path']}": r["hash"].removeprefix("sha256:")
        for r in package["resources"]
    }
    shown_csv = {href: p[1] for href, p in promised.items() if href.endswith(".csv")}
    assert shown_csv == described, "the page and datapackage.json list different CSV files"
    for href in promised:
        assert _sha256(output_dir / href) == promised[href][1], href
