"""The verification path alone: ``/v/<token>`` (JSON) against ``/healthz``, in-process and
through the bench's gunicorn with wrk, without the whole ``python -m bench``.

    .venv/bin/python -m bench.verify_speed                 # both, 3 server runs of 5 s
    .venv/bin/python -m bench.verify_speed --runs 1 --seconds 3
    .venv/bin/python -m bench.verify_speed --no-server     # in-process only (no wrk)
    .venv/bin/python -m bench.verify_speed --profile 20    # + cProfile's 20 top functions
    .venv/bin/python -m bench.verify_speed --profile 20 --profile-cpu   # ... by CPU time

In-process: microseconds per request through Django's WSGI handler (every middleware, no
server), for ``/healthz`` and for verifications of different documents. Through the server:
``/healthz``, then verification, then ``/healthz`` again with wrk (4 x cores keep-alive
connections), ``runs`` times back to back; the ratio of each run is verification requests/s
over the mean of the two ``/healthz`` around it, and the median of the runs is reported,
as ``verify_healthz_ratio`` is in ``python -m bench``.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from bench.__main__ import bulk_issuance, django_setup, folder_fixtures
from bench.server import gunicorn, load_average, require_wrk, wrk_load


def _environ(path: str, accept: str) -> dict[str, Any]:
    return {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "80",
        "HTTP_HOST": "127.0.0.1",
        "HTTP_ACCEPT": accept,
        "REMOTE_ADDR": "127.0.0.1",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": True,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
        "wsgi.version": (1, 0),
    }


def in_process(
    paths: list[str], healthz_count: int, profile: int = 0, profile_cpu: bool = False
) -> tuple[dict[str, float], str]:
    """Microseconds per request of /healthz and of a verification (each path once), through
    Django's WSGI handler in this process; and cProfile's top functions of the verifications
    when ``profile`` is set."""
    from django.core.handlers.wsgi import WSGIHandler

    handler = WSGIHandler()
    statuses: list[str] = []

    def start_response(status: str, headers: list[tuple[str, str]], *args: Any) -> Any:
        statuses.append(status)
        return None

    def call(path: str, accept: str) -> None:
        body = handler(_environ(path, accept), start_response)
        b"".join(body)
        close = getattr(body, "close", None)
        if close is not None:
            close()

    def timed(requests: Iterable[tuple[str, str]], count: int) -> tuple[float, float]:
        """Wall-clock and this thread's CPU µs per request: on a shared machine the CPU
        time leaves out the time other processes held the core (and the spool's thread)."""
        start, cpu = time.perf_counter(), time.thread_time()
        for path, accept in requests:
            call(path, accept)
        wall = (time.perf_counter() - start) / count * 1e6
        return wall, (time.thread_time() - cpu) / count * 1e6

    for path in paths[:50]:  # warm: the URLconf, the key cache, the spool writer
        call(path, "application/json")
    for _ in range(200):
        call("/healthz", "*/*")
    statuses.clear()
    healthz, healthz_cpu = timed((("/healthz", "*/*") for _ in range(healthz_count)), healthz_count)
    measured = paths[50:]
    verify, verify_cpu = timed(((path, "application/json") for path in measured), len(measured))
    bad = [status for status in statuses if not status.startswith("200")]
    if bad:
        raise RuntimeError(f"{len(bad)} requests did not answer 200: {bad[:3]}")
    report = ""
    if profile:
        # The thread's CPU time rather than the wall clock: waits (a database's answer, the
        # other processes holding the core) then count for nothing.
        profiler = cProfile.Profile(time.thread_time) if profile_cpu else cProfile.Profile()
        again = [(path, "application/json") for path in measured[:5000]]

        def replay() -> None:
            for path, accept in again:
                call(path, accept)

        profiler.runcall(replay)
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats(
            os.environ.get("PROFILE_SORT", "tottime")
        ).print_stats(profile)
        report = out.getvalue()
    figures = {
        "healthz_us": healthz,
        "verify_us": verify,
        "ratio": healthz / verify,
        "healthz_cpu_us": healthz_cpu,
        "verify_cpu_us": verify_cpu,
        "cpu_ratio": healthz_cpu / verify_cpu,
    }
    return figures, report


def through_server(
    workdir: Path, paths: list[str], runs: int, seconds: float, log: Callable[[str], None]
) -> dict[str, Any]:
    """``runs`` of /healthz, verification, /healthz through one gunicorn, back to back."""
    cores = os.cpu_count() or 1
    connections = 4 * cores
    results = []
    with gunicorn(workdir, cores) as port:
        offset = 0
        for run in range(runs):
            before = wrk_load(
                port, ["/healthz"], connections=connections, seconds=seconds, accept="*/*"
            )
            verify = wrk_load(
                port,
                paths[offset:] or paths,
                connections=connections,
                seconds=seconds,
                accept="application/json",
            )
            offset += verify["requests"]
            after = wrk_load(
                port, ["/healthz"], connections=connections, seconds=seconds, accept="*/*"
            )
            healthz = (before["per_s"] + after["per_s"]) / 2
            ratio = verify["per_s"] / healthz
            log(
                f"  run {run + 1}: /healthz {before['per_s']:.0f} and {after['per_s']:.0f}/s, "
                f"verification {verify['per_s']:.0f}/s (p50 {verify['p50_ms']:.1f} ms, "
                f"errors {verify['errors']}): ratio {ratio:.3f}"
            )
            if verify["errors"]:
                raise RuntimeError(f"verification had {verify['errors']} errors under load")
            results.append({"healthz_per_s": healthz, "verify": verify, "ratio": ratio})
    return {
        "runs": results,
        "ratio_median": statistics.median(r["ratio"] for r in results),
        "repeated_documents": offset > len(paths),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.verify_speed")
    parser.add_argument("--documents", type=int, default=40_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=5.0, help="per wrk step")
    parser.add_argument("--no-server", action="store_true", help="in-process figures only")
    parser.add_argument("--profile", type=int, default=0, help="print N top functions")
    parser.add_argument(
        "--profile-cpu", action="store_true", help="profile by the thread's CPU time"
    )
    parser.add_argument("--json", action="store_true")
    options = parser.parse_args(argv)
    if not options.no_server:
        require_wrk()
    workdir = Path(tempfile.mkdtemp(prefix="abierto-verify-"))
    os.environ["BENCH_DIR"] = str(workdir)

    def log(message: str) -> None:
        sys.stderr.write(message + "\n")

    try:
        django_setup()
        from django.db import connection

        from abierto.folder import selectors
        from abierto.folder.models import Document

        issuer, document_type = folder_fixtures()
        log(f"[{connection.vendor}] issuing {options.documents} documents…")
        bulk_issuance(issuer, document_type, options.documents, workdir)
        paths = [f"/v/{selectors.document_token(d)}" for d in Document.objects.iterator()]
        result: dict[str, Any] = {"database": connection.vendor, "load_before": load_average()}
        count = min(len(paths), 10_000)
        result["in_process"], report = in_process(
            paths[:count], count, options.profile, options.profile_cpu
        )
        figures = result["in_process"]
        log(
            f"in-process: /healthz {figures['healthz_us']:.0f} µs, verification "
            f"{figures['verify_us']:.0f} µs ({figures['ratio']:.3f}); CPU of the thread "
            f"{figures['healthz_cpu_us']:.0f} and {figures['verify_cpu_us']:.0f} µs "
            f"({figures['cpu_ratio']:.3f})"
        )
        if report:
            log(report)
        connection.close()  # the server's workers open their own
        if not options.no_server:
            server = through_server(workdir, paths, options.runs, options.seconds, log)
            result["server"] = server
            log(f"through gunicorn: median ratio {server['ratio_median']:.3f}")
        result["load_after"] = load_average()
        if options.json:
            sys.stdout.write(json.dumps(result) + "\n")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
