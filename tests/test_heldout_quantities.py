"""Quantities on the held-out corpus: documents and gold written blind to the extractor.

Issue 3 asks for strict F1 >= 0.95 on documents the extractor's authors have not seen. The
gold in `tests/heldout/` was committed before anyone ran the extractor on it; if this test
fails, fix the extractor's rules from the shape of the text, never the gold.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from pipeline.extract.quantities import extract_quantities
from pipeline.scoring import Score, read_gold, run_extractor, score

HELDOUT_DIR = Path(__file__).resolve().parent / "heldout"
HELDOUT_GOLD = HELDOUT_DIR / "gold_quantities.csv"
F1_BAR = 0.95


def heldout_paths() -> list[Path]:
    return sorted(HELDOUT_DIR.glob("*.txt"))


def _sentence_of(text: str, start: int, end: int) -> str:
    # Enough context to judge a miss by eye; sentence boundaries need not be exact here.
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    right_candidates = [i for i in (text.find(". ", end), text.find("\n", end)) if i != -1]
    right = min(right_candidates) + 1 if right_candidates else len(text)
    return " ".join(text[left:right].split())


def _report(result: Score) -> str:
    texts = {p.name: p.read_bytes().decode("utf-8") for p in heldout_paths()}
    lines = [result.line("held-out")]
    for title, rows in (("false negatives", result.missed), ("false positives", result.spurious)):
        lines.append(f"{title} ({len(rows)}):")
        for row in rows:
            text = texts[row["file"]]
            lines.append(
                f"  {row['file']} [{row['char_start']}:{row['char_end']}] {row['quote']!r}"
                f" value={row.get('value')} unit={row.get('unit')} flag={row.get('flag')}"
                f"\n      {_sentence_of(text, row['char_start'], row['char_end'])}"
            )
    return "\n".join(lines)


def test_heldout_gold_quotes_are_the_text_at_their_offsets() -> None:
    with HELDOUT_GOLD.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows, "held-out gold is empty"
    names = {p.name for p in heldout_paths()}
    for row in rows:
        assert row["file"] in names, row
        text = (HELDOUT_DIR / row["file"]).read_bytes().decode("utf-8")
        assert text[int(row["start"]) : int(row["end"])] == row["quote"], row


@pytest.mark.parametrize("path", heldout_paths(), ids=lambda p: p.stem)
def test_every_heldout_extraction_quotes_its_own_span(path: Path) -> None:
    text = path.read_bytes().decode("utf-8")
    for row in extract_quantities(text):
        assert text[row["char_start"] : row["char_end"]] == row["quote"], row


def test_heldout_strict_f1_meets_the_bar() -> None:
    gold = read_gold(HELDOUT_GOLD)
    result = score(gold, run_extractor(extract_quantities, heldout_paths()))
    report = _report(result)
    print(report)
    assert result.f1 >= F1_BAR, (
        f"strict F1 {result.f1:.3f} on held-out documents is below the issue's bar of {F1_BAR}; "
        f"fix the extractor, not the gold.\n{report}"
    )
