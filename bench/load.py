"""Load test on loopback: public pages and verification at concurrency 1, 4, 16 and 32.

    .venv/bin/python -m bench.load [--seconds 5]

A throwaway database (``bench/settings.py``) with ten years of sessions and 30,000
documents, served by gunicorn on a free 127.0.0.1 port with a worker per core. Each step is
bounded in time; every verification request names a different document. Prints throughput,
p95 and error counts per step. The load comes from wrk when it is installed (Debian's
``wrk``: errors are connection errors, timeouts and any status >= 400), else from Python
threads (errors: connection errors and 5xx). Exits 1 if any step had an error.
"""

from __future__ import annotations

import argparse
import itertools
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from bench.__main__ import (
    PUBLIC_PAGES,
    SessionMaker,
    bulk_issuance,
    django_setup,
    folder_fixtures,
    gunicorn,
    http_load,
    wrk_load,
)

LEVELS = (1, 4, 16, 32)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.load")
    parser.add_argument("--seconds", type=float, default=5.0, help="per step (at most 60)")
    options = parser.parse_args(argv)
    seconds = min(options.seconds, 60.0)
    cores = os.cpu_count() or 1
    workdir = Path(tempfile.mkdtemp(prefix="abierto-load-"))
    os.environ["BENCH_DIR"] = str(workdir)
    failed = False
    try:
        django_setup()
        issuer, document_type = folder_fixtures()
        bulk_issuance(issuer, document_type, 30_000, workdir)
        SessionMaker().up_to(120)
        from abierto.folder import selectors
        from abierto.folder.models import Document

        tokens = [selectors.document_token(d) for d in Document.objects.iterator()]
        out = sys.stdout
        out.write(f"{'target':<14}{'conc.':>6}{'req/s':>10}{'p95 ms':>10}{'errors':>8}\n")
        pages = list(PUBLIC_PAGES.values())
        paths = [f"/v/{token}" for token in tokens]
        with gunicorn(workdir, cores) as port:
            for target, level in itertools.product(("public pages", "verification"), LEVELS):
                if target == "public pages":
                    result = _load(port, pages, level, seconds, "text/html")
                else:
                    result = _load(port, paths, level, seconds, "application/json")
                    paths = paths[result["requests"] :]  # the next step, other documents
                out.write(
                    f"{target:<14}{level:>6}{result['per_s']:>10.1f}"
                    f"{result['p95_ms']:>10.1f}{result['errors']:>8}\n"
                )
                failed |= result["errors"] > 0
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return 1 if failed else 0


def _load(port: int, paths: list[str], level: int, seconds: float, accept: str) -> dict[str, Any]:
    if shutil.which("wrk"):
        return wrk_load(port, paths, threads=1, connections=level, seconds=seconds, accept=accept)
    cycle = itertools.islice(itertools.cycle(paths), 1_000_000) if accept == "text/html" else None
    return http_load(
        port,
        cycle or iter(paths),
        concurrency=level,
        seconds=seconds,
        headers={"Accept": accept, "Host": "127.0.0.1"},
    )


if __name__ == "__main__":
    raise SystemExit(main())
