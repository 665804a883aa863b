"""Memory and time measurement shared by the benchmark's steps.

Peak memory is sampled, not read once at the end, because a build forks worker
processes (the extraction pool, Dask workers) whose memory counts as much as the
parent's: the sampler sums the resident set of this process and all its descendants
every 50 ms and keeps the peak per named stage. The sum counts pages shared between a
parent and its forked children twice, so it is an upper bound of the physical memory.

The sampler also guards the shared machine: past `limit_bytes` it ends the process
(exit code 3) with the stage named on stderr, instead of letting a runaway stage take
the memory other jobs need.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
OVER_BUDGET_EXIT = 3


def _children(pid: int) -> list[int]:
    out: list[int] = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            text = Path(f"/proc/{pid}/task/{task}/children").read_text()
            out.extend(int(c) for c in text.split())
    except OSError:
        pass
    return out


def _rss(pid: int) -> int:
    try:
        fields = Path(f"/proc/{pid}/statm").read_text().split()
        return int(fields[1]) * PAGE
    except (OSError, IndexError, ValueError):
        return 0


def tree_rss(pid: int | None = None) -> int:
    """Resident bytes of a process and all of its descendants."""
    root = os.getpid() if pid is None else pid
    total, stack, seen = 0, [root], set()
    while stack:
        current = stack.pop()
        if current in seen:
            continue
        seen.add(current)
        total += _rss(current)
        stack.extend(_children(current))
    return total


def own_peak_rss() -> int:
    """This process's own peak resident set (VmHWM), in bytes."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


class MemorySampler:
    """Peak process-tree RSS per stage, sampled in a background thread."""

    def __init__(self, interval: float = 0.05, limit_bytes: int | None = None) -> None:
        self.interval = interval
        self.limit_bytes = limit_bytes
        self.stage = "startup"
        self.peaks: dict[str, int] = {}
        self.peak = 0
        self.timeline: list[tuple[float, int]] = []  # (time.time(), bytes)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="rss-sampler", daemon=True)

    def start(self) -> MemorySampler:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()
        self.sample()

    def sample(self) -> int:
        rss = tree_rss()
        self.timeline.append((time.time(), rss))
        stage = self.stage
        self.peaks[stage] = max(self.peaks.get(stage, 0), rss)
        self.peak = max(self.peak, rss)
        if self.limit_bytes is not None and rss > self.limit_bytes:
            sys.stderr.write(
                f"benchmark guard: stage {stage!r} reached {rss / 2**30:.2f} GiB, over the "
                f"{self.limit_bytes / 2**30:.2f} GiB budget; stopping this build\n"
            )
            sys.stderr.flush()
            os._exit(OVER_BUDGET_EXIT)
        return rss

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.sample()


class StageClock:
    """Wall time per stage, and the sampler's notion of which stage is running."""

    def __init__(self, sampler: MemorySampler | None = None) -> None:
        self.sampler = sampler
        self.seconds: dict[str, float] = {}

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        if self.sampler is not None:
            self.sampler.sample()
            self.sampler.stage = name
        start = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - start
            if self.sampler is not None:
                self.sampler.sample()
                self.sampler.stage = "between stages"
