"""Servers the browser tests start and always stop: `dagster dev` and a static file server."""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

TERMINAL_RUN_STATUSES = frozenset({"SUCCESS", "FAILURE", "CANCELED"})


def free_port() -> int:
    """A loopback port nobody listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class ServerError(RuntimeError):
    """The server did not come up, or answered with an error."""


class DagsterDevServer:
    """`dagster dev` in its own process group, so stopping it reaches every child.

    dagster dev starts a webserver, a daemon and a code server, and each run adds an
    executor process and one process per step; all of them stay in the group the
    session leader created, which is what `os.killpg` addresses.
    """

    def __init__(
        self, repo_root: Path, dagster_home: Path, env: dict[str, str], log_path: Path
    ) -> None:
        self.repo_root = repo_root
        self.dagster_home = dagster_home
        self.log_path = log_path
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = env
        self._process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.dagster_home.mkdir(parents=True, exist_ok=True)
        # Telemetry would try the network on every start; this machine has none to spare.
        (self.dagster_home / "dagster.yaml").write_text("telemetry:\n  enabled: false\n")
        dagster = Path(sys.executable).with_name("dagster")
        command = [
            str(dagster),
            "dev",
            "-w",
            "workspace.yaml",
            "-h",
            "127.0.0.1",
            "-p",
            str(self.port),
        ]
        env = {**os.environ, **self.env, "DAGSTER_HOME": str(self.dagster_home)}
        env["PYTHONUNBUFFERED"] = "1"
        with self.log_path.open("wb") as log:
            self._process = subprocess.Popen(
                command,
                cwd=self.repo_root,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def log_tail(self, lines: int = 60) -> str:
        try:
            text = self.log_path.read_text(errors="replace")
        except OSError:
            return "(no server log)"
        return "\n".join(text.splitlines()[-lines:])

    def _alive_or_fail(self) -> None:
        assert self._process is not None
        code = self._process.poll()
        if code is not None:
            raise ServerError(f"dagster dev exited with {code}:\n{self.log_tail()}")

    def wait_until_ready(self, timeout_s: float) -> None:
        """Until the webserver answers and the code location has loaded (or failed to)."""
        deadline = time.monotonic() + timeout_s
        while True:
            self._alive_or_fail()
            try:
                with urllib.request.urlopen(f"{self.url}/server_info", timeout=5) as reply:
                    if reply.status == 200:
                        break
            except (urllib.error.URLError, OSError):
                pass
            if time.monotonic() > deadline:
                raise ServerError(f"no answer on {self.url} after {timeout_s:.0f}s")
            time.sleep(0.5)
        while True:
            self._alive_or_fail()
            entries = self.graphql(
                """{ workspaceOrError { ... on Workspace { locationEntries {
                      name loadStatus
                      locationOrLoadError { __typename ... on PythonError { message stack } }
                } } } }"""
            )["workspaceOrError"]["locationEntries"]
            loaded = [e for e in entries if e["loadStatus"] == "LOADED"]
            if entries and len(loaded) == len(entries):
                errors = [
                    f"{e['name']}: {e['locationOrLoadError']['message']}"
                    + "".join(e["locationOrLoadError"].get("stack") or [])
                    for e in entries
                    if e["locationOrLoadError"]["__typename"] == "PythonError"
                ]
                if errors:
                    raise ServerError("code location failed to load:\n" + "\n".join(errors))
                return
            if time.monotonic() > deadline:
                raise ServerError(f"code location still loading after {timeout_s:.0f}s")
            time.sleep(1)

    def graphql(self, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        body = json.dumps({"query": query, "variables": variables or {}}).encode()
        request = urllib.request.Request(
            f"{self.url}/graphql", data=body, headers={"Content-Type": "application/json"}
        )
        with urllib.request.urlopen(request, timeout=60) as reply:
            answer = json.load(reply)
        if answer.get("errors"):
            raise ServerError(f"GraphQL errors: {answer['errors']}")
        return answer["data"]

    def wait_for_run(self, run_id: str, timeout_s: float) -> str:
        """The run's final status, or ServerError once `timeout_s` has passed."""
        deadline = time.monotonic() + timeout_s
        status = "unknown"
        while time.monotonic() < deadline:
            self._alive_or_fail()
            run = self.graphql(
                "query($id: ID!) { runOrError(runId: $id) { __typename ... on Run { status } } }",
                {"id": run_id},
            )["runOrError"]
            status = run.get("status", run["__typename"])
            if status in TERMINAL_RUN_STATUSES:
                return status
            time.sleep(2)
        raise ServerError(f"run {run_id} still {status} after {timeout_s:.0f}s")

    def stop(self) -> None:
        """SIGTERM to the whole group, SIGKILL to whatever is left after a grace period."""
        if self._process is None:
            return
        group = self._process.pid
        with contextlib.suppress(ProcessLookupError):
            os.killpg(group, signal.SIGTERM)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self._process.wait(timeout=20)
        # The leader may be gone while a step process of a cancelled run lingers.
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and _group_alive(group):
            time.sleep(0.2)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(group, signal.SIGKILL)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self._process.wait(timeout=10)
        self._process = None


def _group_alive(group: int) -> bool:
    try:
        os.killpg(group, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextlib.contextmanager
def static_file_server(directory: Path) -> Iterator[str]:
    """Serve `directory` on a free loopback port; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="static-files", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
