"""How the members' ZIP of session materials streams: throughput and peak memory.

Twenty files of 5 MB (100 MB, half of them incompressible) are zipped with
``lib.zipstream.stream_zip`` and the chunks thrown away, as a response would send them. The
peak of traced Python memory must stay far below the archive's size: the archive is never
held whole. Run from the repository root:

    .venv/bin/python -m bench.zip_stream
"""

import os
import sys
import time
import tracemalloc

from abierto.lib.zipstream import CHUNK, Member, stream_zip

FILES = 20
FILE_BYTES = 5 * 1024 * 1024
PEAK_BUDGET_BYTES = 16 * 1024 * 1024


def _chunks(n: int):
    def read():
        block = os.urandom(CHUNK) if n % 2 else b"acta " * (CHUNK // 5)
        for _ in range(FILE_BYTES // len(block)):
            yield block

    return read


def main() -> int:
    members = [Member(f"material-{n}.pdf", _chunks(n)) for n in range(FILES)]
    tracemalloc.start()
    started = time.perf_counter()
    sent = sum(len(chunk) for chunk in stream_zip(members))
    seconds = time.perf_counter() - started
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    source = FILES * FILE_BYTES
    sys.stdout.write(
        f"zip_stream: {source / 2**20:.0f} MB in, {sent / 2**20:.1f} MB out, "
        f"{seconds:.2f} s ({source / 2**20 / seconds:.0f} MB/s), "
        f"peak traced memory {peak / 2**20:.1f} MB (budget {PEAK_BUDGET_BYTES / 2**20:.0f} MB)\n"
    )
    return 0 if peak <= PEAK_BUDGET_BYTES else 1


if __name__ == "__main__":
    sys.exit(main())
