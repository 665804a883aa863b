"""Writes gold_quantities.csv from the hand-labelled rows of gold_spec.tsv.

Each row of the spec names a quantity by a short anchor phrase that occurs once in its
document and the quote inside that anchor ('\\n' stands for a line break); this script only
turns anchors into character offsets. Values, units and flags are hand judgements, never
the extractor's output. Run: .venv/bin/python tests/corpus/quantities/build_gold.py
"""

from __future__ import annotations

import csv
from pathlib import Path

HERE = Path(__file__).parent
COLUMNS = ["file", "start", "end", "quote", "value", "unit", "kind", "form", "flag", "about"]


def _unescape(field: str) -> str:
    return field.replace("\\n", "\n")


def main() -> None:
    rows = []
    with (HERE / "gold_spec.tsv").open(encoding="utf-8", newline="") as handle:
        for spec in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            text = (HERE / spec["file"]).read_bytes().decode("utf-8")
            anchor, quote = _unescape(spec["anchor"]), _unescape(spec["quote"])
            at = text.find(anchor)
            if at == -1 or text.find(anchor, at + 1) != -1:
                raise SystemExit(f"{spec['file']}: anchor {anchor!r} must occur exactly once")
            start = text.find(quote, at)
            if start == -1 or start + len(quote) > at + len(anchor):
                raise SystemExit(f"{spec['file']}: quote {quote!r} not inside {anchor!r}")
            rows.append(
                [spec["file"], start, start + len(quote), quote]
                + [spec[c] for c in ("value", "unit", "kind", "form", "flag", "about")]
            )
    with (HERE / "gold_quantities.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerows(rows)
    print(f"{len(rows)} gold rows")


if __name__ == "__main__":
    main()
