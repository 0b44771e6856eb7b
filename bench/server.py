"""The server under test and the load generator: gunicorn as in production, driven by wrk.

gunicorn runs with the project's own ``gunicorn.conf.py`` (gthread, 4 threads, ``--preload``,
the JSON access log) and a worker per core, on a free loopback port. The load comes from wrk
(Debian's ``wrk``, C and an event loop): a load generator written in Python on the same
cores would measure itself more than the server, so there is no Python fallback. When wrk
is missing, ``require_wrk`` installs it with apt-get as root, or stops with a message.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


class WrkMissing(SystemExit):
    """wrk is not installed and cannot be installed here."""


def require_wrk() -> str:
    """The path of wrk, installing Debian's package first when running as root."""
    found = shutil.which("wrk")
    if found:
        return found
    if os.geteuid() == 0 and shutil.which("apt-get"):
        sys.stderr.write("wrk is missing: apt-get install wrk…\n")
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        install = ["apt-get", "install", "-y", "-qq", "wrk"]
        for commands in ([install], [["apt-get", "update", "-qq"], install]):
            for command in commands:
                subprocess.run(command, env=env, capture_output=True, check=False)  # noqa: S603
            found = shutil.which("wrk")
            if found:
                return found
    raise WrkMissing(
        "The benchmark needs wrk to drive the load (a Python client on the same cores would "
        "measure itself, not the server). Install it as root: apt-get install wrk"
    )


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def gunicorn(workdir: Path, workers: int, env: dict[str, str] | None = None) -> Iterator[int]:
    """The production gunicorn (``gunicorn.conf.py``) on a free loopback port, with this run's
    settings and database, ``workers`` processes."""
    port = free_port()
    command = [sys.executable, "-m", "gunicorn", "-c", str(ROOT / "gunicorn.conf.py")]
    environment = {
        **os.environ,
        **(env or {}),
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": str(workers),
        "VAR_DIR": str(workdir),
        "PROMETHEUS_MULTIPROC_DIR": str(workdir / f"prometheus-{port}"),
        "LOG_LEVEL": "WARNING",
        # Workers recycled in the middle of a 10-second step would be measured as a stall.
        "GUNICORN_MAX_REQUESTS": "0",
    }
    # The access log (one JSON line a request, as in production) goes to stdout, dropped; the
    # error log to a file: a pipe nobody reads fills up and then blocks the workers.
    log_path = workdir / f"gunicorn-{port}.log"
    log = log_path.open("wb")
    process = subprocess.Popen(  # noqa: S603 -- our own server, on loopback
        command, cwd=ROOT, env=environment, stdout=subprocess.DEVNULL, stderr=log
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if process.poll() is not None:
                tail = log_path.read_bytes()[-2000:].decode(errors="replace")
                raise RuntimeError(f"gunicorn exited: {tail}")
            with contextlib.suppress(OSError):
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
                connection.request("GET", "/healthz")
                connection.getresponse().read()
                break
            time.sleep(0.2)
        else:
            raise RuntimeError("gunicorn did not start in 60 s")
        yield port
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def fetch(port: int, path: str, headers: dict[str, str] | None = None) -> tuple[int, bytes]:
    """One request, for checking a path answers before loading it."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers={"Host": "127.0.0.1", **(headers or {})})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def fetch_headers(port: int, path: str, headers: dict[str, str] | None = None) -> dict[str, str]:
    """The response headers of one request (what the page cache answered, say)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers={"Host": "127.0.0.1", **(headers or {})})
        response = connection.getresponse()
        response.read()
        return dict(response.getheaders())
    finally:
        connection.close()


WRK_SCRIPT = r"""
-- Each wrk thread walks its own slice of the paths: every request a different document.
local paths, counter, threads = {}, 0, {}
function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end
function init(args)
  local total, mine = 0, {}
  for line in io.lines(args[1]) do
    if total % tonumber(args[2]) == id then table.insert(mine, line) end
    total = total + 1
  end
  paths = mine
end
function request()
  counter = counter + 1
  local path = paths[((counter - 1) % #paths) + 1]
  local headers = {["Accept"] = args_accept, ["Host"] = "127.0.0.1"}
  headers["Connection"] = args_connection
  return wrk.format("GET", path, headers)
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRK {"requests": %d, "micros": %d, "p50_us": %d, "p95_us": %d, '
    .. '"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    e.connect, e.read, e.write, e.status, e.timeout))
end
"""


def wrk_load(
    port: int,
    paths: list[str],
    *,
    connections: int,
    seconds: float,
    accept: str,
    threads: int = 1,
    keep_alive: bool = True,
) -> dict[str, Any]:
    """Requests/s and latency of ``paths`` (cycled) under wrk for about ``seconds``."""
    wrk = require_wrk()
    with tempfile.TemporaryDirectory(prefix="abierto-wrk-") as tmp:
        script = Path(tmp) / "paths.lua"
        script.write_text(
            WRK_SCRIPT.replace("args_accept", json.dumps(accept)).replace(
                "args_connection", json.dumps("keep-alive" if keep_alive else "close")
            ),
            "utf-8",
        )
        listing = Path(tmp) / "paths.txt"
        listing.write_text("\n".join(paths) + "\n", "utf-8")
        command = [
            wrk, f"-t{threads}", f"-c{connections}", f"-d{max(1, round(seconds))}s",
            "--timeout", "10s", "-s", str(script), f"http://127.0.0.1:{port}/",
            "--", str(listing), str(threads),
        ]  # fmt: skip
        output = subprocess.run(  # noqa: S603 -- wrk, on loopback
            command, capture_output=True, text=True, timeout=seconds + 60, check=True
        ).stdout
    line = next(line for line in output.splitlines() if line.startswith("WRK "))
    raw = json.loads(line[4:])
    elapsed = raw["micros"] / 1e6
    errors = sum(raw[key] for key in ("connect", "read", "write", "status", "timeout"))
    return {
        "tool": "wrk",
        "requests": raw["requests"],
        "seconds": elapsed,
        "per_s": raw["requests"] / elapsed if elapsed else 0.0,
        "p50_ms": raw["p50_us"] / 1000,
        "p95_ms": raw["p95_us"] / 1000,
        "errors": errors,  # wrk counts any status >= 400 as an error
        "connections": connections,
    }


def load_average() -> list[float]:
    with contextlib.suppress(OSError):
        return [round(x, 2) for x in os.getloadavg()]
    return []


@contextlib.contextmanager
def throwaway_postgresql(url: str, prefix: str) -> Iterator[str]:
    """A new database on the PostgreSQL server ``url`` names, for one part of a benchmark;
    yields its URL and drops it at the end, whatever happened."""
    import psycopg
    from psycopg import sql

    name = f"{prefix}_{os.getpid()}"
    server = url.rsplit("/", 1)[0]
    with psycopg.connect(server + "/postgres", autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield server + "/" + name
    finally:
        with psycopg.connect(server + "/postgres", autocommit=True) as conn:
            conn.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )
