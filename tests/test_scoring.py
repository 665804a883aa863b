"""The scorer implements the gold README's rule, and the extractor meets the issue's bars."""

from __future__ import annotations

import pytest

from pipeline.extract.quantities import extract_quantities
from pipeline.scoring import (
    OWN_CORPUS_DIR,
    OWN_GOLD,
    SEED_GOLD,
    own_paths,
    quantulum_extract,
    read_gold,
    run_extractor,
    score,
    seed_paths,
)


def gold_row(start: int, end: int, value: float | None, unit: str, flag: str | None = None) -> dict:
    return {"char_start": start, "char_end": end, "value": value, "unit": unit, "flag": flag}


def predicted(
    start: int, end: int, value: float | None, unit: str, flag: str | None = None
) -> dict:
    return {"char_start": start, "char_end": end, "value": value, "unit": unit, "flag": flag}


GOLD = {"a.txt": [gold_row(10, 20, 39840000.0, "USD"), gold_row(30, 33, 55.0, "count")]}


@pytest.mark.parametrize(
    ("rows", "tp", "fp", "fn"),
    [
        ([predicted(10, 20, 39840000.0, "USD"), predicted(30, 33, 55.0, "count")], 2, 0, 0),
        # Overlap is enough: the extraction may quote more or less than the gold.
        ([predicted(8, 15, 39840000.0, "USD"), predicted(31, 40, 55.0, "count")], 2, 0, 0),
        # Touching is not overlapping (end offsets are exclusive).
        ([predicted(20, 25, 39840000.0, "USD")], 0, 1, 2),
        # Same span, other unit.
        ([predicted(10, 20, 39840000.0, "MXN")], 0, 1, 2),
        # Value within 0.01% matches, beyond does not.
        ([predicted(10, 20, 39843000.0, "USD")], 1, 0, 1),
        ([predicted(10, 20, 39845000.0, "USD")], 0, 1, 2),
        # One extraction cannot be credited for two gold rows, nor two for one.
        ([predicted(10, 20, 39840000.0, "USD"), predicted(12, 18, 39840000.0, "USD")], 1, 1, 1),
        # Every unmatched extraction is a false positive, also in a file without gold.
        ({"b.txt": [predicted(0, 2, 7.0, "count")]}, 0, 1, 2),
        ([], 0, 0, 2),
    ],
    ids=[
        "exact",
        "overlap",
        "touching",
        "unit",
        "within",
        "beyond",
        "one-to-one",
        "other-file",
        "none",
    ],
)
def test_strict_matching(rows: list | dict, tp: int, fp: int, fn: int) -> None:
    result = score(GOLD, rows if isinstance(rows, dict) else {"a.txt": rows})
    assert (result.tp, result.fp, result.fn) == (tp, fp, fn)
    assert len(result.missed) == fn and len(result.spurious) == fp


@pytest.mark.parametrize(
    ("row", "found"),
    [
        (predicted(0, 7, None, "count", "malformed_number"), True),
        (predicted(0, 7, 100000.0, "count", "malformed_number"), False),  # a guessed value
        (predicted(0, 7, 100000.0, "count"), False),
        (predicted(0, 7, None, "count"), False),  # no value but no flag either
    ],
    ids=["flagged", "flag-and-guess", "guess", "unflagged"],
)
def test_malformed_gold_needs_a_flag_and_no_value(row: dict, found: bool) -> None:
    gold = {"a.txt": [gold_row(0, 7, None, "count", "malformed_number")]}
    assert score(gold, {"a.txt": [row]}).tp == int(found)


def test_ratios() -> None:
    result = score(
        GOLD, {"a.txt": [predicted(10, 20, 39840000.0, "USD"), predicted(0, 1, 1.0, "count")]}
    )
    assert (result.precision, result.recall, result.f1) == (0.5, 0.5, 0.5)
    empty = score({}, {})
    assert (empty.precision, empty.recall, empty.f1) == (0.0, 0.0, 0.0)


def test_gold_files_read_back_their_quotes() -> None:
    for gold_path, folder in (
        (SEED_GOLD, SEED_GOLD.parents[1] / "seeds"),
        (OWN_GOLD, OWN_CORPUS_DIR),
    ):
        for name, rows in read_gold(gold_path).items():
            text = (folder / name).read_bytes().decode("utf-8")
            for row in rows:
                assert text[row["char_start"] : row["char_end"]] == row["quote"]


def test_seed_gold_precision_and_recall_at_least_0_98() -> None:
    result = score(read_gold(SEED_GOLD), run_extractor(extract_quantities, seed_paths()))
    print("\n" + result.line("seed gold"))
    assert result.precision >= 0.98 and result.recall >= 0.98, (
        result.line("seed gold"),
        result.missed,
        result.spurious,
    )


def test_own_documents_f1_at_least_0_95() -> None:
    result = score(read_gold(OWN_GOLD), run_extractor(extract_quantities, own_paths()))
    print("\n" + result.line("own documents"))
    assert len(own_paths()) >= 10
    assert result.f1 >= 0.95, (result.line("own documents"), result.missed, result.spurious)


def test_peer_adapter_reads_quantulum_output() -> None:
    text = "Mexico shares a 2,000-mile border and $1.8 billion in daily trade."
    rows = quantulum_extract(text)
    assert rows, "quantulum3 found nothing"
    for row in rows:
        assert row["quote"] == text[row["char_start"] : row["char_end"]]
    assert any(r["unit"] == "USD" and r["value"] == pytest.approx(1.8e9) for r in rows)
