"""Load test on loopback: public pages and verification at concurrency 1, 4, 16 and 32.

    .venv/bin/python -m bench.load [--seconds 5]

A throwaway database (``bench/settings.py``) with ten years of sessions and 30,000
documents, served by the production gunicorn (``bench/server.py``) with a worker per core.
Each step is bounded in time; every verification request names a different document. The
load comes from wrk (Debian's ``wrk``; errors are connection errors, timeouts and any
status >= 400). Prints throughput, p95 and error counts per step. Exits 1 if any step had an
error.
"""

from __future__ import annotations

import argparse
import itertools
import os
import shutil
import sys
import tempfile
from pathlib import Path

from bench.__main__ import (
    SessionMaker,
    bulk_issuance,
    django_setup,
    folder_fixtures,
    page_fixtures,
)
from bench.server import gunicorn, require_wrk, wrk_load

LEVELS = (1, 4, 16, 32)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.load")
    parser.add_argument("--seconds", type=float, default=5.0, help="per step (at most 60)")
    options = parser.parse_args(argv)
    seconds = min(options.seconds, 60.0)
    cores = os.cpu_count() or 1
    require_wrk()
    workdir = Path(tempfile.mkdtemp(prefix="abierto-load-"))
    os.environ["BENCH_DIR"] = str(workdir)
    failed = False
    try:
        django_setup()
        issuer, document_type = folder_fixtures()
        bulk_issuance(issuer, document_type, 30_000, workdir)
        SessionMaker().up_to(120)
        pages = list(page_fixtures().values())
        from django.db import connection

        from abierto.folder import selectors
        from abierto.folder.models import Document

        tokens = [selectors.document_token(d) for d in Document.objects.iterator()]
        connection.close()
        out = sys.stdout
        out.write(f"{'target':<14}{'conc.':>6}{'req/s':>10}{'p95 ms':>10}{'errors':>8}\n")
        paths = [f"/v/{token}" for token in tokens]
        with gunicorn(workdir, cores) as port:
            for target, level in itertools.product(("public pages", "verification"), LEVELS):
                if target == "public pages":
                    result = wrk_load(
                        port, pages, connections=level, seconds=seconds, accept="text/html"
                    )
                else:
                    result = wrk_load(
                        port, paths, connections=level, seconds=seconds, accept="application/json"
                    )
                    paths = paths[result["requests"] :] or paths  # the next step, other documents
                out.write(
                    f"{target:<14}{level:>6}{result['per_s']:>10.1f}"
                    f"{result['p95_ms']:>10.1f}{result['errors']:>8}\n"
                )
                failed |= result["errors"] > 0
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
