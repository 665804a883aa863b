"""What `make run` produced, in a few lines: the release, its tables, what was left out."""

from __future__ import annotations

import sys

from pipeline.release import list_releases
from pipeline.settings import PipelineSettings


def main() -> int:
    settings = PipelineSettings.from_env()
    releases = list_releases(settings.output_path)
    latest = next((r for r in releases if r.is_latest), None)
    if latest is None:
        print(f"no release in {settings.output_path / 'releases'}", file=sys.stderr)
        return 1
    print(f"release {latest.version} ({latest.bump}, created {latest.created}): {latest.path}")
    print(f"  {latest.changelog_summary}")
    for name, rows in sorted(latest.row_counts.items()):
        print(f"  {name:<20} {rows:>7} rows")
    print(f"database: {settings.database_path}")
    print(f"catalog:  {settings.output_path / 'index.html'}")
    quarantined = latest.row_counts.get("quarantine", 0)
    if quarantined:
        print(f"WARNING: {quarantined} raw file(s) quarantined; see the quarantine table")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
