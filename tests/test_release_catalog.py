"""outputs/index.html: the download catalog, fetched from a real static file server."""

from __future__ import annotations

import functools
import hashlib
import http.server
import threading
import urllib.request
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.test_release_fixtures import publish, real_schemas, sample_records


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        return None


class _Page(HTMLParser):
    """Links, section ids and the text of the page, in document order."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.sections: list[str] = []
        self.tags: set[str] = set()
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        values = dict(attrs)
        if tag == "a" and values.get("href"):
            self.links.append(values["href"] or "")
        if tag == "section" and values.get("id"):
            self.sections.append(values["id"] or "")
        if tag == "meta" and values.get("name") == "viewport":
            self.tags.add("meta-viewport")

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    return page


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("outputs")
    publish(out)
    records = sample_records()
    records["quantities"][0]["value"] = 1.9e9
    publish(out, records)
    records["quarantine"].append(
        {"file_name": "bad.txt", "sha256": None, "stage": "read", "reason": "unreadable"}
    )
    publish(out, records)
    return out


@pytest.fixture(scope="module")
def server(outputs: Path) -> Iterator[str]:
    """`python -m http.server -d outputs`, in a thread, on a free loopback port."""
    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(outputs))
    )
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


def _get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=10) as response:
        assert response.status == 200
        return response.read()


def test_served_catalog_links_to_downloads_that_match_their_hashes(server, outputs):
    html = _get(server).decode("utf-8")  # "/" serves index.html, as a static host would
    page = _parse(html)
    csv_link = next(link for link in page.links if link.endswith("/quantities.csv"))
    assert csv_link == "releases/1.1.0/quantities.csv"
    data = _get(server + csv_link)
    assert data == (outputs / csv_link).read_bytes()
    assert hashlib.sha256(data).hexdigest() in html
    parquet = _get(server + "releases/1.1.0/quantities.parquet")
    assert parquet[:4] == b"PAR1"


def test_every_link_resolves_to_a_file_under_outputs(outputs):
    page = _parse((outputs / "index.html").read_text(encoding="utf-8"))
    files = [link for link in page.links if not link.startswith("#")]
    assert len(files) == 3 * (3 + 2 * 3) + 1  # per release: 3 docs + 2 files x 3 tables
    for link in files:
        assert not link.startswith(("/", "http:", "https:")), link
        assert (outputs / link).is_file(), link


def test_releases_are_listed_newest_first_with_summary_and_counts(outputs):
    html = (outputs / "index.html").read_text(encoding="utf-8")
    page = _parse(html)
    assert page.sections == ["v1.1.0", "v1.0.1", "v1.0.0"]
    text = " ".join(page.text)
    assert "minor release over 1.0.1: quarantine: rows 1 added" in text
    assert "patch release over 1.0.0: quantities: rows 1 changed" in text
    assert "initial release: documents (2 rows)" in text
    assert html.count('<span class="badge">latest</span>') == 1
    assert html.index("badge") < html.index('id="v1.0.1"')


def test_every_release_has_a_field_table_per_resource(outputs):
    html = (outputs / "index.html").read_text(encoding="utf-8")
    schemas = real_schemas()
    for schema in schemas.values():
        assert html.count(f"<summary>{schema.name}: {len(schema.fields)} fields</summary>") == 3
        for fld in schema.fields:
            assert f'<td><code>{fld.name}</code></td><td data-label="type">{fld.type}</td>' in html


def test_catalog_is_static_and_fits_a_phone(outputs):
    html = (outputs / "index.html").read_text(encoding="utf-8")
    page = _parse(html)
    assert "script" not in page.tags
    assert "meta-viewport" in page.tags
    # On a narrow screen rows stack; a table still too wide scrolls in its own box.
    assert "@media (max-width: 40rem)" in html
    assert html.count('<div class="scroll"><table>') == html.count("<table")
    assert "word-break: break-all" in html


@pytest.mark.browser
def test_catalog_fits_a_phone_screen_in_a_real_browser(server, browser):
    """No sideways scrolling at 390 px wide, with every field table opened."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        page.goto(server)
        page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        width, viewport = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert width <= viewport
        # Nor inside the tables' own scroll boxes: on a phone the rows stack.
        overflowing = page.evaluate(
            "[...document.querySelectorAll('.scroll')]"
            ".filter(box => box.scrollWidth > box.clientWidth).length"
        )
        assert overflowing == 0
        font_px = page.evaluate(
            "parseFloat(getComputedStyle(document.querySelector('td')).fontSize)"
        )
        assert font_px >= 13
        with page.expect_download() as download:
            page.locator('a[href="releases/1.1.0/quarantine.csv"]').click()
        assert download.value.suggested_filename == "quarantine.csv"
    finally:
        context.close()
