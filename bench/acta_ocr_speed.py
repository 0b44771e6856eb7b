"""Seconds per scanned page: rendering (pdftoppm, 300 dpi) plus Tesseract (spa, psm 4).

Reads every image-only PDF of the acta corpus (``tests/data/actas/``, ``scanned/``,
``heldout/``), or the PDFs given on the command line, through ``extract_document`` as the
import does (in this process, without the child's limits), and prints each file's pages,
wall-clock and CPU seconds per page and the mean OCR confidence. Tesseract runs on one thread
(``ocr.py`` sets ``OMP_THREAD_LIMIT=1`` for it), as in the import. Run from the repository root:

    .venv/bin/python -m bench.acta_ocr_speed
    .venv/bin/python -m bench.acta_ocr_speed some-scan.pdf
"""

import os
import resource
import sys
import tempfile
import time
from pathlib import Path

from abierto.lib.acta import extract_document
from bench.acta_score import CORPUS, HELDOUT, SCANNED, is_scanned


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main(argv: list[str] | None = None) -> int:
    paths = [Path(arg) for arg in (argv if argv is not None else sys.argv[1:])]
    if not paths:
        paths = sorted(
            path
            for folder in (CORPUS, SCANNED, HELDOUT)
            for path in folder.glob("*.pdf")
            if is_scanned(path)
        )
    total_pages = 0
    total_wall = total_cpu = 0.0
    for path in paths:
        with tempfile.TemporaryDirectory() as workdir:
            cpu_before, started = _children_cpu(), time.perf_counter()
            extracted = extract_document(path, workdir=Path(workdir))
            wall, cpu = time.perf_counter() - started, _children_cpu() - cpu_before
        pages = len(extracted.ocr_pages)
        if not pages:
            continue
        confidences = [page.confidence or 0 for page in extracted.ocr_pages]
        sys.stdout.write(
            f"{path.name:55} {pages:2} pages  {wall / pages:5.1f} s/page wall  "
            f"{cpu / pages:5.1f} s/page cpu  confidence {sum(confidences) / pages:.3f}\n"
        )
        total_pages += pages
        total_wall += wall
        total_cpu += cpu
    if total_pages:
        sys.stdout.write(
            f"TOTAL {total_pages} pages: {total_wall / total_pages:.1f} s/page wall, "
            f"{total_cpu / total_pages:.1f} s/page cpu (load average "
            f"{os.getloadavg()[0]:.1f})\n"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
