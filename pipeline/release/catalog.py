"""`outputs/index.html`: the download catalog, one static page.

Plain HTML and a little CSS (no script), so it works from any static file server or
object store, and on a phone: below 40rem each table row becomes a block with its cells
labelled, hashes wrap, and the rare table still too wide scrolls inside its own box.
Every link is relative to `outputs/`, so the folder can be served or copied as is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape
from urllib.parse import quote

from pipeline.release.datapackage import PACKAGE_DESCRIPTION, PACKAGE_NAME, PACKAGE_TITLE
from pipeline.release.records import ReleaseRecord, ResourceInfo
from pipeline.release.versioning import parse_version

_STYLE = """
:root { color-scheme: light dark; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0 auto;
       max-width: 64rem; padding: 1rem; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; }
h2 { font-size: 1.3rem; margin-top: 2.2rem; border-top: 1px solid #8884; padding-top: 1rem; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .3rem; }
.badge { font-size: .8rem; border: 1px solid currentColor; border-radius: .6rem;
         padding: 0 .45rem; margin-left: .4rem; vertical-align: middle; }
.scroll { overflow-x: auto; -webkit-overflow-scrolling: touch; }
table { border-collapse: collapse; margin: .4rem 0; font-size: .92rem; }
th, td { text-align: left; vertical-align: top; padding: .3rem .55rem;
         border-bottom: 1px solid #8884; }
td.num { text-align: right; white-space: nowrap; }
code.hash { font-size: .8rem; word-break: break-all; }
details { margin: .3rem 0 .8rem; }
summary { cursor: pointer; }
.meta { color: #777; font-size: .92rem; }
.terms { font-size: .92rem; }
@media (max-width: 40rem) {
  table, tbody, tr, td { display: block; width: auto; }
  thead { display: none; }
  tr { border-bottom: 1px solid #8884; padding: .35rem 0; }
  td { border: 0; padding: .1rem 0; }
  td.num { text-align: left; }
  td[data-label]::before { content: attr(data-label) ": "; color: #777; }
}
"""
_BACKTICKED = re.compile(r"`([^`]+)`")


def _prose(text: str) -> str:
    """Escaped text with its Markdown code spans (the descriptor's style) as <code>."""
    return _BACKTICKED.sub(r"<code>\1</code>", escape(text))


def _href(*parts: str) -> str:
    return "/".join(quote(p) for p in parts)


def _size(n: int) -> str:
    if n < 1024:
        return f"{n} B"
    if n < 1024 * 1024:
        return f"{n / 1024:.1f} KiB"
    return f"{n / (1024 * 1024):.1f} MiB"


def _resource_rows(release: ReleaseRecord) -> list[str]:
    out = []
    for r in release.resources:
        csv_link = _href("releases", release.version, r.csv_path.name)
        parquet_link = _href("releases", release.version, r.parquet_path.name)
        out.append(
            "<tr>"
            f"<td><strong>{escape(r.name)}</strong></td>"
            f'<td class="num" data-label="rows">{r.rows:,}</td>'
            f'<td><a href="{csv_link}" download>CSV</a> '
            f'<span class="meta">{_size(r.bytes)}</span><br>'
            f'<code class="hash">sha256 {r.sha256}</code></td>'
            f'<td><a href="{parquet_link}" download>Parquet</a> '
            f'<span class="meta">{_size(r.parquet_bytes)}</span><br>'
            f'<code class="hash">sha256 {r.parquet_sha256}</code></td>'
            "</tr>"
        )
    return out


def _field_table(resource: ResourceInfo) -> list[str]:
    rows = [
        f"<tr><td><code>{escape(f.name)}</code></td>"
        f'<td data-label="type">{escape(f.type)}</td>'
        f"<td>{escape(f.description)}</td></tr>"
        for f in resource.fields
    ]
    return [
        f"<details><summary>{escape(resource.name)}: {len(resource.fields)} fields</summary>",
        f"<p>{escape(resource.description)}</p>",
        '<div class="scroll"><table>',
        "<thead><tr><th>field</th><th>type</th><th>description</th></tr></thead>",
        "<tbody>",
        *rows,
        "</tbody></table></div></details>",
    ]


def _release_section(release: ReleaseRecord) -> list[str]:
    version = escape(release.version)
    base = ("releases", release.version)
    badge = '<span class="badge">latest</span>' if release.is_latest else ""
    lines = [
        f'<section id="v{version}">',
        f"<h2>{version}{badge}</h2>",
        f'<p class="meta">Created {escape(release.created)} · {escape(release.bump)}</p>',
        f"<p>{escape(release.changelog_summary)}</p>",
        "<p>"
        f'<a href="{_href(*base, "datapackage.json")}">datapackage.json</a> · '
        f'<a href="{_href(*base, "CHANGELOG.md")}">CHANGELOG.md</a> · '
        f'<a href="{_href(*base, "changes.json")}">changes.json</a></p>',
        '<div class="scroll"><table>',
        "<thead><tr><th>resource</th><th>rows</th><th>CSV (sha256)</th>"
        "<th>Parquet (sha256)</th></tr></thead>",
        "<tbody>",
        *_resource_rows(release),
        "</tbody></table></div>",
        "<h3>Fields</h3>",
    ]
    for resource in release.resources:
        lines += _field_table(resource)
    lines.append("</section>")
    return lines


def catalog_html(releases: Sequence[ReleaseRecord]) -> bytes:
    """The page for `releases` (any order in; newest first out)."""
    newest_first = sorted(releases, key=lambda r: parse_version(r.version) or (0, 0, 0))[::-1]
    intro, _, terms = PACKAGE_DESCRIPTION.partition("\n\n")
    terms = terms.removeprefix("Terms of use. ")
    latest = next((r for r in newest_first if r.is_latest), None)
    pointer = (
        f'The latest release is <a href="#v{escape(latest.version)}">'
        f"{escape(latest.version)}</a> (also named by "
        '<a href="releases/latest.json">releases/latest.json</a>).'
        if latest
        else "No release is marked latest."
    )
    body = [
        "<!doctype html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(PACKAGE_TITLE)}: releases</title>",
        f"<style>{_STYLE}</style>",
        "</head>",
        "<body>",
        f"<h1>{escape(PACKAGE_TITLE)}</h1>",
        f'<p class="meta">Data package <code>{PACKAGE_NAME}</code>: every release, '
        "newest first.</p>",
        f"<p>{_prose(intro)}</p>",
        f'<details class="terms"><summary>Terms of use</summary><p>{_prose(terms)}</p></details>',
        f"<p>{pointer}</p>",
    ]
    for release in newest_first:
        body += _release_section(release)
    body += ["</body>", "</html>"]
    return ("\n".join(body) + "\n").encode("utf-8")
