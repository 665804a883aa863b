"""Precision and recall of the acronym extractor against a gold list.

A gold row is `file,acronym,expansion`; an extracted definition matches it when the file,
the acronym and the expansion agree, compared case-insensitively with white space
collapsed. Both sides are sets: a definition printed twice in a file counts once, and
every distinct extracted (file, acronym, expansion) that is not in the gold is a false one.

Run `python -m pipeline.acronym_scoring` to print the score on the seed gold.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from pipeline.extract.acronyms import extract_acronyms

Key = tuple[str, str, str]


def key(file: str, acronym: str, expansion: str) -> Key:
    return (file, " ".join(acronym.split()).lower(), " ".join(expansion.split()).lower())


@dataclass(frozen=True)
class Score:
    true_positives: frozenset[Key]
    false_positives: frozenset[Key]
    false_negatives: frozenset[Key]

    @property
    def precision(self) -> float:
        found = len(self.true_positives) + len(self.false_positives)
        return len(self.true_positives) / found if found else 1.0

    @property
    def recall(self) -> float:
        wanted = len(self.true_positives) + len(self.false_negatives)
        return len(self.true_positives) / wanted if wanted else 1.0

    def summary(self) -> str:
        lines = [
            f"acronyms: precision {self.precision:.3f} recall {self.recall:.3f} "
            f"(tp {len(self.true_positives)}, fp {len(self.false_positives)}, "
            f"fn {len(self.false_negatives)})"
        ]
        lines += [f"  false positive: {k}" for k in sorted(self.false_positives)]
        lines += [f"  missed: {k}" for k in sorted(self.false_negatives)]
        return "\n".join(lines)


def read_gold(path: Path) -> set[Key]:
    with path.open(encoding="utf-8", newline="") as f:
        return {key(r["file"], r["acronym"], r["expansion"]) for r in csv.DictReader(f)}


def extracted_keys(texts_dir: Path, files: set[str]) -> set[Key]:
    found = set()
    for name in sorted(files):
        text = (texts_dir / name).read_bytes().decode("utf-8")
        found |= {key(name, r["acronym"], r["expansion"]) for r in extract_acronyms(text)}
    return found


def score(gold: set[Key], found: set[Key]) -> Score:
    return Score(frozenset(gold & found), frozenset(found - gold), frozenset(gold - found))


def score_directory(texts_dir: Path, gold_csv: Path) -> Score:
    """Score every `*.txt` in `texts_dir` (files absent from the gold have no definitions)."""
    gold = read_gold(gold_csv)
    files = {p.name for p in texts_dir.glob("*.txt")}
    return score(gold, extracted_keys(texts_dir, files))


def main() -> None:
    shared = Path(__file__).resolve().parent.parent.parent / "shared"
    print(score_directory(shared / "seeds", shared / "gold" / "seed_acronyms.csv").summary())


if __name__ == "__main__":
    main()
