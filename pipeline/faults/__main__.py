"""Print the fault matrix: `python -m pipeline.faults [--only CASE ...]`.

Every case runs for real in temporary folders (a few minutes in all). The exit status
is 1 when any case failed, so `make faults` fails with it.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import warnings
from pathlib import Path

from pipeline.faults import CASES
from pipeline.faults.core import matrix_markdown, run_case


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline.faults", description=__doc__)
    parser.add_argument("--only", nargs="+", metavar="CASE", help="run only these case ids")
    parser.add_argument("--list", action="store_true", help="list the case ids and stop")
    args = parser.parse_args(argv)
    if args.list:
        print("\n".join(f"{c.id}: {c.title}" for c in CASES))
        return 0
    chosen = [c for c in CASES if not args.only or c.id in args.only]
    unknown = set(args.only or []) - {c.id for c in CASES}
    if unknown:
        parser.error(f"unknown case(s): {', '.join(sorted(unknown))}")
    warnings.simplefilter("ignore")
    outcomes = []
    with tempfile.TemporaryDirectory(prefix="faults-") as shared:
        memo: dict[str, object] = {}
        for case in chosen:
            outcome = run_case(case, Path(shared), memo)
            status = "ok" if outcome.passed else "FAILED"
            print(f"{status:6} {case.id} ({outcome.seconds:.1f} s)", file=sys.stderr, flush=True)
            outcomes.append(outcome)
    print(matrix_markdown(outcomes))
    return 0 if all(o.passed for o in outcomes) else 1


if __name__ == "__main__":
    sys.exit(main())
