"""Write points: every operation that changes the output folder, where a fault can strike.

Inside a driver process (see pipeline.faults.driver) `WritePoints.install()` wraps the
calls through which anything reaches the output folder -- opening a file for writing,
renaming, replacing, removing, making folders, changing modes, and every statement
DuckDB runs on a database file there -- and calls `on_point(index, label)` just before
each one. The driver kills itself there (SIGKILL: no cleanup, no `finally`) or pauses
there, so a case can interrupt publishing or loading at an exact, named step.

Labels are stable between runs (random and pid parts of temporary names become `*`),
so a point seen in a clean run can be hit again in the next one.
"""

from __future__ import annotations

import builtins
import io
import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb

PointHandler = Callable[[int, str], None]
_VOLATILE = [
    # a file's temporary twin, `.publish-tmp-latest.json-<pid>`: keep whose twin it is
    (re.compile(r"\.publish-tmp-([^/]+)-\d+(?=/|$)"), r".publish-tmp-\1-*"),
    # a temporary folder from mkdtemp, `.publish-tmp-<random>`
    (re.compile(r"\.publish-tmp-[a-z0-9_]+(?=/|$)"), ".publish-tmp-*"),
    (re.compile(r"\.\d+\.tmp"), ".*.tmp"),
]
_WRITE_MODES = set("wax+")


def _sql_label(sql: object) -> str:
    words = str(sql).split()
    if not words:
        return "(empty)"
    head = words[0].upper()
    if head in {"CREATE", "COMMENT", "INSERT", "DROP"} and len(words) > 2:
        return " ".join(w.strip('"(') for w in words[: 3 if head != "COMMENT" else 4])
    return head


class _Connection:
    """A DuckDB connection that announces each statement before running it."""

    def __init__(self, connection: Any, label: str, points: WritePoints) -> None:
        self._connection = connection
        self._label = label
        self._points = points

    def execute(self, sql: object, *args: Any, **kwargs: Any) -> Any:
        self._points.point(f"duckdb {self._label}: {_sql_label(sql)}")
        return self._connection.execute(sql, *args, **kwargs)

    def close(self) -> None:
        self._points.point(f"duckdb {self._label}: close")
        self._connection.close()

    def __enter__(self) -> _Connection:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._connection, name)


class WritePoints:
    """Counts and labels every change to `output_dir`, calling `on_point` before each."""

    def __init__(self, output_dir: Path, on_point: PointHandler) -> None:
        self.output_dir = Path(output_dir).resolve()
        self.on_point = on_point
        self.count = 0
        self.last_path: str | None = None
        self._originals: dict[tuple[Any, str], Any] = {}

    def relative(self, path: Any) -> str | None:
        """`path` relative to the output folder, or None when it is elsewhere."""
        if isinstance(path, int) or path is None:
            return None
        try:
            resolved = Path(os.path.abspath(os.fsdecode(path)))
        except (TypeError, ValueError):
            return None
        if not resolved.is_relative_to(self.output_dir):
            return None
        label = str(resolved.relative_to(self.output_dir))
        for pattern, replacement in _VOLATILE:
            label = pattern.sub(replacement, label)
        return label

    def point(self, label: str, path: Any = None) -> None:
        """Announce the next change; `path` is what a real failure would name."""
        self.count += 1
        self.last_path = os.fsdecode(path) if path is not None else None
        self.on_point(self.count, label)

    def _wrap(self, owner: Any, name: str, make: Callable[[Any], Any]) -> None:
        original = getattr(owner, name)
        self._originals[(owner, name)] = original
        setattr(owner, name, make(original))

    def install(self) -> None:
        points = self

        def one_path(verb: str) -> Callable[[Any], Any]:
            def make(original: Any) -> Any:
                def wrapped(path: Any, *args: Any, **kwargs: Any) -> Any:
                    rel = points.relative(path)
                    if rel is not None:
                        points.point(f"{verb} {rel}", path)
                    return original(path, *args, **kwargs)

                return wrapped

            return make

        def two_paths(verb: str) -> Callable[[Any], Any]:
            def make(original: Any) -> Any:
                def wrapped(src: Any, dst: Any, *args: Any, **kwargs: Any) -> Any:
                    rel = points.relative(dst)
                    if rel is not None:
                        points.point(f"{verb} {points.relative(src) or src} -> {rel}", dst)
                    return original(src, dst, *args, **kwargs)

                return wrapped

            return make

        def opener(original: Any) -> Any:
            def wrapped(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
                rel = points.relative(file)
                if rel is not None and _WRITE_MODES & set(mode):
                    points.point(f"write {rel}", file)
                return original(file, mode, *args, **kwargs)

            return wrapped

        def connector(original: Any) -> Any:
            def wrapped(database: Any = ":memory:", *args: Any, **kwargs: Any) -> Any:
                rel = points.relative(database) if database != ":memory:" else None
                if rel is None:
                    return original(database, *args, **kwargs)
                points.point(f"duckdb {rel}: connect", database)
                return _Connection(original(database, *args, **kwargs), rel, points)

            return wrapped

        self._wrap(builtins, "open", opener)
        self._wrap(io, "open", opener)
        for name in ("unlink", "remove", "rmdir", "mkdir", "chmod"):
            self._wrap(os, name, one_path(name))
        self._wrap(shutil, "rmtree", one_path("rmtree"))
        for name in ("replace", "rename"):
            self._wrap(os, name, two_paths(name))
        self._wrap(duckdb, "connect", connector)

    def uninstall(self) -> None:
        for (owner, name), original in self._originals.items():
            setattr(owner, name, original)
        self._originals.clear()
