"""Bulk issuance alone: documents/s against raw Ed25519 sign x cores, on SQLite and PostgreSQL.

    .venv/bin/python -m bench.issuance                      # SQLite, 3 runs of 20,000 rows
    DATABASE_URL=postgres://... .venv/bin/python -m bench.issuance   # PostgreSQL too
    .venv/bin/python -m bench.issuance --rows 5000 --runs 1 --profile 40   # cProfile, top 40

The same measure as ``python -m bench``'s ``issue_ratio`` (``bulk_issue_csv``, batches of 500,
one sealing worker per core), without the server part, so that issuance can be iterated on
in a minute. Each run issues a fresh CSV (new CUTS and references) into the same database.
It also gives the CPU time of the job's process per document (``process_time``: the
workers' and the database server's CPU are not in it). Databases are throwaway: a temporary
SQLite file; with ``DATABASE_URL`` naming a PostgreSQL server, a fresh database there,
dropped at the end.
"""

from __future__ import annotations

import argparse
import cProfile
import csv
import io
import json
import os
import pstats
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.server import throwaway_postgresql

ROOT = Path(__file__).resolve().parent.parent


def _csv(path: Path, run: int, rows: int) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["cuts", "referencia", "nombre", "fecha_nacimiento", "folio"])
        for n in range(rows):
            writer.writerow(
                [
                    f"BENCH{run:02d}{n:07d}",
                    f"R{run}-{n}",
                    f"Persona {n}",
                    f"1990-01-{1 + n % 28:02d}",
                    n,
                ]
            )


def one_run(
    issuer: Any, document_type: Any, run: int, rows: int, workdir: Path, profile: int
) -> dict[str, float]:
    from abierto.folder import services

    path = workdir / f"issue-{run}.csv"
    _csv(path, run, rows)
    profiler = cProfile.Profile() if profile else None
    server = _server_cpu()
    cpu, start = time.process_time(), time.perf_counter()
    if profiler is not None:
        profiler.enable()
    job = services.bulk_issue_csv(path, issuer=issuer, type_slug=document_type.slug, batch_size=500)
    if profiler is not None:
        profiler.disable()
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    after = _server_cpu()
    server = after - server if server >= 0 <= after else -1.0
    if job.processed_rows != rows:
        raise RuntimeError(f"bulk issuance stopped at {job.processed_rows}: {job.error}")
    if profiler is not None:
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(profile)
        out.write("\n--- by own time ---\n")
        pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(profile)
        sys.stderr.write(out.getvalue())
    return {
        "seconds": elapsed,
        "per_s": rows / elapsed,
        "cpu_us_per_document": cpu / rows * 1e6,
        # PostgreSQL on this machine: its backend's CPU (-1 elsewhere).
        "server_cpu_us_per_document": server / rows * 1e6 if server >= 0 else -1.0,
    }


def _server_cpu() -> float:
    """CPU seconds used so far by this connection's PostgreSQL backend, when it runs on this
    machine (``/proc``); -1 on SQLite or when it cannot be read."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return -1.0
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return -1.0
    # utime and stime, the 14th and 15th fields (12th and 13th after the name).
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def database_part(rows: int, runs: int, profile: int) -> dict[str, Any]:
    """The runs on the database ``DATABASE_URL`` names (set up here)."""
    from bench.__main__ import django_setup, folder_fixtures, raw_ed25519

    cores = os.cpu_count() or 1
    workdir = Path(os.environ["BENCH_DIR"])
    django_setup()
    from django.db import connection
    from django.urls import reverse

    reverse("home")
    issuer, document_type = folder_fixtures()
    results = []
    for run in range(runs):
        # The raw rate beside each run: on a shared machine it moves between runs.
        raw = raw_ed25519(1.0)["sign_per_s_core"]
        result = one_run(issuer, document_type, run, rows, workdir, profile)
        result["raw_sign_per_s_core"] = raw
        result["ratio"] = result["per_s"] / (raw * cores)
        sys.stderr.write(
            f"[{connection.vendor}] run {run + 1}: {result['per_s']:.0f} documents/s, ratio "
            f"{result['ratio']:.3f}, job CPU {result['cpu_us_per_document']:.0f} µs/document, "
            f"raw sign {raw:.0f}/s/core\n"
        )
        results.append(result)
    return {
        "database": connection.vendor,
        "rows": rows,
        "cores": cores,
        "runs": results,
        "median_ratio": statistics.median(r["ratio"] for r in results),
        "median_per_s": statistics.median(r["per_s"] for r in results),
        "median_cpu_us_per_document": statistics.median(r["cpu_us_per_document"] for r in results),
        "median_server_cpu_us_per_document": statistics.median(
            r["server_cpu_us_per_document"] for r in results
        ),
    }


def _child(env: dict[str, str], options: argparse.Namespace) -> dict[str, Any]:
    command = [
        sys.executable,
        "-m",
        "bench.issuance",
        "--database-part",
        "--rows",
        str(options.rows),
        "--runs",
        str(options.runs),
        "--profile",
        str(options.profile),
    ]
    output = subprocess.run(  # noqa: S603 -- this benchmark, again
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True, check=False
    )
    if output.returncode:
        raise RuntimeError(f"the {env['DATABASE_URL'].split(':')[0]} part failed")
    return json.loads(output.stdout.splitlines()[-1])


def sqlite_part(options: argparse.Namespace) -> dict[str, Any]:
    workdir = Path(tempfile.mkdtemp(prefix="abierto-bench-issue-"))
    try:
        env = {**os.environ, "BENCH_DIR": str(workdir)}
        env["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
        return _child(env, options)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def postgresql_part(url: str, options: argparse.Namespace) -> dict[str, Any]:
    workdir = Path(tempfile.mkdtemp(prefix="abierto-bench-issue-pg-"))
    try:
        with throwaway_postgresql(url, "abierto_issue") as database_url:
            env = {**os.environ, "BENCH_DIR": str(workdir), "DATABASE_URL": database_url}
            return _child(env, options)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.issuance")
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--profile", type=int, default=0, help="print cProfile's top N")
    parser.add_argument("--no-sqlite", action="store_true", help="PostgreSQL only")
    parser.add_argument("--database-part", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args(argv)
    if options.database_part:
        result = database_part(options.rows, options.runs, options.profile)
        sys.stdout.write(json.dumps(result) + "\n")
        return 0
    url = os.environ.pop("DATABASE_URL", "")
    parts = []
    if not options.no_sqlite:
        parts.append(sqlite_part(options))
    if url.startswith(("postgres://", "postgresql://")):
        parts.append(postgresql_part(url, options))
    for part in parts:
        sys.stdout.write(
            f"{part['database']:<11} median of {len(part['runs'])} runs of {part['rows']}: "
            f"{part['median_per_s']:.0f} documents/s, ratio {part['median_ratio']:.3f}, "
            f"job CPU {part['median_cpu_us_per_document']:.0f} µs/document, server CPU "
            f"{part['median_server_cpu_us_per_document']:.0f} µs/document\n"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
