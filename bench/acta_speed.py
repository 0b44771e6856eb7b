"""How fast ``parse_acta_text`` reads a long acta: the median of repeated runs.

The acta is built from the corpus (``tests/data/actas/``): the text of its documents
concatenated, repeated until it reaches about 40 KB, which is the size of a long
session's minutes. Text extraction is not timed, only parsing. Run from the
repository root:

    .venv/bin/python -m bench.acta_speed
"""

import os
import statistics
import sys
import time

from abierto.lib.acta import extract_text, parse_acta_text
from bench.acta_score import corpus_documents

TARGET_BYTES = 40 * 1024
RUNS = 40
BUDGET_MS = 50.0


def build_acta(target_bytes: int = TARGET_BYTES) -> str:
    """About ``target_bytes`` of realistic acta text, from the corpus documents."""
    texts = [extract_text(document) for document, _ in corpus_documents()]
    # The longest, most complete actas first, so the benchmark text starts like one.
    texts.sort(key=len, reverse=True)
    parts: list[str] = []
    size = 0
    while size < target_bytes:
        for text in texts:
            parts.append(text)
            size += len(text.encode("utf-8"))
            if size >= target_bytes:
                break
    acta = "\n\n".join(parts)
    # Whole documents overshoot (one long acta alone may pass 40 KB): cut at the last line
    # break before the target, so that the size measured stays the one the target names.
    encoded = acta.encode("utf-8")[:target_bytes]
    cut = encoded.rfind(b"\n")
    return encoded[: cut if cut > 0 else len(encoded)].decode("utf-8", errors="ignore")


def measure(text: str, runs: int = RUNS, cpu: list[float] | None = None) -> list[float]:
    """Milliseconds taken by each of ``runs`` parses of ``text`` (after one warm-up).

    Wall-clock times are returned; the CPU time of each parse is appended to ``cpu`` when
    given: on a loaded machine the wall clock measures the load, the CPU time the parser.
    """
    parse_acta_text(text)
    timings = []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        parse_acta_text(text)
        timings.append((time.perf_counter() - start) * 1000)
        if cpu is not None:
            cpu.append((time.process_time() - start_cpu) * 1000)
    return timings


def main() -> int:
    text = build_acta()
    cpu: list[float] = []
    timings = measure(text, cpu=cpu)
    median = statistics.median(timings)
    sys.stdout.write(
        f"acta: {len(text.encode('utf-8')) / 1024:.1f} KB, {RUNS} runs\n"
        f"median {median:.1f} ms, min {min(timings):.1f} ms, max {max(timings):.1f} ms "
        f"(target < {BUDGET_MS:.0f} ms)\n"
        f"cpu median {statistics.median(cpu):.1f} ms, min {min(cpu):.1f} ms; "
        f"load average {os.getloadavg()[0]:.1f}\n"
    )
    return 0 if median < BUDGET_MS else 1


if __name__ == "__main__":
    raise SystemExit(main())
