"""Strict scoring of extracted quantities against hand-checked gold rows.

The rule is the one in `../shared/gold/README.md`: a gold row is found when an extracted
quantity in the same document overlaps its span, has the same unit and a value within
0.01%; a `malformed_number` gold row is found by an extraction that carries a flag and no
value. Every extracted quantity that matches no gold row is a false positive. Matching is
one-to-one, so a single extraction cannot be credited for two gold rows.

`python -m pipeline.scoring` prints precision, recall and F1 of this project's extractor
and of the quantulum3 peer on the seed gold, side by side, and of both on the project's
own test documents (`tests/corpus/quantities/`) and on the twenty-three blind held-out sets
(`tests/heldout/` to `tests/heldout36/`).
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED_DIR = REPO_ROOT.parent / "shared"
SEED_DIR = SHARED_DIR / "seeds"
SEED_GOLD = SHARED_DIR / "gold" / "seed_quantities.csv"
OWN_CORPUS_DIR = REPO_ROOT / "tests" / "corpus" / "quantities"
OWN_GOLD = OWN_CORPUS_DIR / "gold_quantities.csv"
# Written and annotated blind to the extractor by other sessions (see their READMEs).
HELDOUT_DIRS = [REPO_ROOT / "tests" / f"heldout{n}" for n in ("", *map(str, range(2, 49)))]
RELATIVE_TOLERANCE = 1e-4

Row = Mapping[str, Any]


@dataclass
class Score:
    """Counts and ratios of one scoring run, with the rows behind each count."""

    tp: int
    fp: int
    fn: int
    missed: list[Row] = field(default_factory=list)
    spurious: list[Row] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def line(self, name: str) -> str:
        return (
            f"{name:<12} P={self.precision:.3f} R={self.recall:.3f} F1={self.f1:.3f}"
            f"  (tp={self.tp} fp={self.fp} fn={self.fn})"
        )


def read_gold(path: Path) -> dict[str, list[dict[str, Any]]]:
    """Gold rows of a CSV in the seed_quantities.csv format, grouped by file name."""
    by_file: dict[str, list[dict[str, Any]]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            by_file.setdefault(row["file"], []).append(
                {
                    "char_start": int(row["start"]),
                    "char_end": int(row["end"]),
                    "quote": row["quote"],
                    "value": float(row["value"]) if row["value"] else None,
                    "unit": row["unit"],
                    "flag": row["flag"] or None,
                }
            )
    return by_file


def _matches(gold: Row, predicted: Row) -> bool:
    if predicted["char_start"] >= gold["char_end"] or gold["char_start"] >= predicted["char_end"]:
        return False
    if predicted["unit"] != gold["unit"]:
        return False
    if gold.get("flag"):
        return bool(predicted.get("flag")) and predicted.get("value") is None
    value = predicted.get("value")
    if value is None or gold["value"] is None:
        return False
    return abs(float(value) - gold["value"]) <= RELATIVE_TOLERANCE * abs(gold["value"])


def score(gold: Mapping[str, list[Row]], predicted: Mapping[str, list[Row]]) -> Score:
    """Strict one-to-one score of `predicted` rows against `gold` rows, both keyed by file."""
    result = Score(0, 0, 0)
    for name in sorted(set(gold) | set(predicted)):
        gold_rows = list(gold.get(name, []))
        pred_rows = sorted(predicted.get(name, []), key=lambda r: r["char_start"])
        used: set[int] = set()
        for g in sorted(gold_rows, key=lambda r: r["char_start"]):
            hit = next(
                (i for i, p in enumerate(pred_rows) if i not in used and _matches(g, p)), None
            )
            if hit is None:
                result.fn += 1
                result.missed.append({"file": name, **g})
            else:
                used.add(hit)
                result.tp += 1
        for i, p in enumerate(pred_rows):
            if i not in used:
                result.fp += 1
                result.spurious.append({"file": name, **p})
    return result


def run_extractor(
    extract: Callable[[str], list[dict[str, Any]]], paths: Iterable[Path]
) -> dict[str, list[dict[str, Any]]]:
    """Predicted rows of `extract` over each file, keyed by file name."""
    return {p.name: extract(p.read_bytes().decode("utf-8")) for p in paths}


# quantulum3 unit names -> the unit codes of the gold.
_PEER_UNITS = {
    "dollar": "USD",
    "united states dollar": "USD",
    "peso": "MXN",
    "mexican peso": "MXN",
    "euro": "EUR",
    "percentage": "percent",
    "dimensionless": "count",
    "mile": "mile",
    "kilometre": "kilometer",
    "metre": "meter",
    "foot": "foot",
    "pound-mass": "pound",
    "pound": "pound",
    "kilogram": "kilogram",
    "tonne": "ton",
    "ton": "ton",
    "short ton": "ton",
    "year": "year",
    "month": "month",
    "week": "week",
    "day": "day",
    "hour": "hour",
    "minute": "minute",
}


def quantulum_extract(text: str) -> list[dict[str, Any]]:
    """The quantulum3 peer's quantities in this project's record shape (dev-only)."""
    import warnings

    rows = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # it warns that its optional classifier is missing
        from quantulum3 import parser  # dev-only peer: imported here, never by the pipeline

        found = parser.parse(text)
    for q in found:
        start, end = q.span
        rows.append(
            {
                "char_start": start,
                "char_end": end,
                "quote": text[start:end],
                "value": q.value,
                "unit": _PEER_UNITS.get(q.unit.name, q.unit.name),
                "flag": None,
            }
        )
    return rows


def seed_paths() -> list[Path]:
    return sorted(SEED_DIR.glob("*.txt"))


def own_paths() -> list[Path]:
    return sorted(OWN_CORPUS_DIR.glob("*.txt"))


def main() -> None:
    from pipeline.extract.quantities import extract_quantities

    sets = [
        ("seed gold", seed_paths(), SEED_GOLD),
        ("own documents", own_paths(), OWN_GOLD),
    ] + [
        (f"blind held-out documents ({d.name})", sorted(d.glob("*.txt")), d / "gold_quantities.csv")
        for d in HELDOUT_DIRS
    ]
    for title, paths, gold_path in sets:
        if not gold_path.exists():
            print(f"{title}: no gold at {gold_path}")
            continue
        gold = read_gold(gold_path)
        print(f"{title} ({len(paths)} documents, {sum(map(len, gold.values()))} gold rows)")
        print(score(gold, run_extractor(extract_quantities, paths)).line("  ours"))
        print(score(gold, run_extractor(quantulum_extract, paths)).line("  quantulum3"))


if __name__ == "__main__":
    main()
