"""A pipeline run in its own process, with a fault at a chosen write point.

    python -m pipeline.faults.driver --raw R --out O --work W --trace T.jsonl \
        [--kill-at LABEL [--occurrence N]] [--pause-at LABEL --control DIR] \
        [--file-size-limit BYTES] [--report REPORT.json]

Every write point (pipeline.faults.interpose) is appended to the trace as it is
reached, flushed, so after a SIGKILL the trace says exactly where the run died.
`--kill-at` sends SIGKILL to this process just before that point: no `finally`, no
atexit, like a power cut or the OOM killer. `--pause-at` writes `<control>/paused` and
waits there until `<control>/resume` exists, to hold a run in the middle of
publishing while another starts. `--file-size-limit` sets RLIMIT_FSIZE, so every write
past that size fails in the kernel (EFBIG), DuckDB's included: a real full disk for
one process.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import signal
import sys
import time
from pathlib import Path

from pipeline.faults.interpose import WritePoints

PAUSE_LIMIT_SECONDS = 300


def _parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m pipeline.faults.driver")
    parser.add_argument("--raw", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--work", type=Path, required=True)
    parser.add_argument("--trace", type=Path, required=True)
    parser.add_argument("--report", type=Path)
    parser.add_argument("--kill-at")
    parser.add_argument("--pause-at")
    parser.add_argument("--occurrence", type=int, default=1)
    parser.add_argument("--control", type=Path)
    parser.add_argument("--file-size-limit", type=int)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = _parse(argv)
    trace = args.trace.open("a", encoding="utf-8", buffering=1)
    seen: dict[str, int] = {}

    def on_point(index: int, label: str) -> None:
        seen[label] = seen.get(label, 0) + 1
        trace.write(json.dumps([index, label]) + "\n")
        trace.flush()
        here = seen[label] == args.occurrence
        if args.kill_at == label and here:
            os.kill(os.getpid(), signal.SIGKILL)
        if args.pause_at == label and here:
            _pause(args.control)

    if args.file_size_limit:
        # Without this the kernel kills the process (SIGXFSZ) instead of failing the write.
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (args.file_size_limit, args.file_size_limit))

    from pipeline.faults.harness import build

    points = WritePoints(args.out, on_point)
    points.install()
    try:
        # Warnings on stderr: a run waiting for the lock says so there.
        result = build(args.raw, args.out, work_dir=args.work, log_level="WARNING")
    finally:
        points.uninstall()
    report = {
        "pid": os.getpid(),
        "success": result.success,
        "errors": result.step_errors(),
        "materialized": sorted(result.materialized()),
        "failed_checks": result.failed_checks(),
        "points": points.count,
        "finished": time.time(),
    }
    if args.report:
        args.report.write_text(json.dumps(report, indent=2), encoding="utf-8")
    return 0 if result.success else 1


def _pause(control: Path | None) -> None:
    if control is None:
        raise SystemExit("--pause-at needs --control")
    (control / "paused").write_text(str(os.getpid()), encoding="utf-8")
    deadline = time.monotonic() + PAUSE_LIMIT_SECONDS
    while not (control / "resume").exists():
        if time.monotonic() > deadline:
            raise TimeoutError("paused run was never resumed")
        time.sleep(0.05)


if __name__ == "__main__":
    sys.exit(main())
