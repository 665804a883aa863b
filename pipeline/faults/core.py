"""What a fault case is, and how one is run and reported.

A case does the fault for real in a temporary folder and checks the outcome; it
returns what it observed in one line, or raises CaseFailed saying what went wrong.
The tests (tests/test_faults.py) and the printed matrix (`python -m pipeline.faults`)
call the very same functions, so they cannot disagree.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


class CaseFailed(AssertionError):
    """The fault did not end the way the case expects."""


def expect(condition: object, message: str) -> None:
    """Like assert, but survives `python -O`: the matrix must never pass by accident."""
    if not condition:
        raise CaseFailed(message)


@dataclass
class CaseContext:
    """`tmp` is this case's own empty folder; `shared` and `memo` hold work several cases
    reuse (one hostile raw directory built once serves every bad-file case)."""

    tmp: Path
    shared: Path
    memo: dict[str, Any] = field(default_factory=dict)

    def once(self, key: str, make: Callable[[], Any]) -> Any:
        """`make()` once per session; a failure is remembered too, so every case that
        needs the shared work reports the same cause instead of a follow-up error."""
        if key not in self.memo:
            try:
                self.memo[key] = (True, make())
            except Exception as exc:
                self.memo[key] = (False, exc)
        ok, value = self.memo[key]
        if not ok:
            raise CaseFailed(f"shared setup {key!r} failed: {type(value).__name__}: {value}")
        return value


@dataclass(frozen=True)
class FaultCase:
    id: str
    group: str
    title: str
    expected: str
    run: Callable[[CaseContext], str]


@dataclass(frozen=True)
class Outcome:
    case: FaultCase
    passed: bool
    observed: str
    seconds: float


def run_case(case: FaultCase, shared: Path, memo: dict[str, Any]) -> Outcome:
    """Run one case in a fresh temporary folder; never raises for a failed case."""
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix=f"fault-{case.id}-") as tmp:
        try:
            observed = case.run(CaseContext(Path(tmp), shared, memo))
            passed = True
        except Exception as exc:  # the matrix reports every failure, whatever it is
            observed = f"FAILED: {type(exc).__name__}: {exc}"
            passed = False
    return Outcome(case, passed, observed, time.monotonic() - started)


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def matrix_markdown(outcomes: list[Outcome]) -> str:
    """The fault matrix as a Markdown table (case, expected, observed)."""
    lines = ["| case | expected | observed |", "|---|---|---|"]
    group = None
    for outcome in outcomes:
        case = outcome.case
        if case.group != group:
            group = case.group
            lines.append(f"| **{_cell(group)}** | | |")
        mark = "✅" if outcome.passed else "❌"
        lines.append(
            f"| {_cell(case.title)} | {_cell(case.expected)} | {mark} {_cell(outcome.observed)} |"
        )
    return "\n".join(lines)
