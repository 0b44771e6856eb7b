"""Read an uploaded acta in a child process with a time and a memory limit.

A crafted PDF (60,000 pages sharing one content stream, a page tree that loops, an
image that decompresses into gigabytes) must not keep a worker busy for minutes nor
exhaust its memory. ``read_acta_limited`` starts ``python -m abierto.lib.acta.sandbox``
in its own session; the child caps its address space (``RLIMIT_AS``, inherited by
``pdftoppm`` and ``tesseract``) and its CPU time, reads the file with ``read_acta`` and
answers in JSON on stdout. The parent waits ``Limits.seconds`` at most, then kills the
child's whole process group. Every refusal is an ``ActaReadError`` with a Spanish message.

Scanned pages come back as JPEG previews in ``workdir`` (``pagina-0001.jpg``…), for the
review screen to show beside the text read from them.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import traceback
from pathlib import Path
from typing import Any

from .errors import ActaReadError
from .ocr import OcrPage, OcrWord, ocr_missing
from .reader import ActaReading, Limits, read_acta

PREVIEW_WIDTH = 1100  # pixels: legible beside the form, a tenth of the 300 dpi image's bytes
PREVIEW_QUALITY = 70
_PACKAGE_ROOT = Path(__file__).resolve().parents[3]


def too_slow(seconds: float) -> ActaReadError:
    return ActaReadError(
        f"La lectura del acta tardó más de {round(seconds)} segundos, el máximo, y se detuvo. "
        "Si es un escaneo largo, divídalo y suba cada acta por separado."
    )


TOO_BIG = (
    "La lectura del acta necesitó más memoria de la permitida y se detuvo: el archivo no "
    "parece un acta (¿imágenes enormes?). Guárdelo de nuevo o súbalo en .docx."
)
FAILED = "No se pudo leer el archivo por un error del lector; inténtelo de nuevo o súbalo en .docx."


def read_acta_limited(path: Path, limits: Limits, workdir: Path) -> ActaReading:
    """``read_acta`` in a child process; page previews are left in ``workdir``."""
    request = json.dumps(
        {"path": str(path), "workdir": str(workdir), "limits": limits.__dict__}
    ).encode()
    environment = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(
            filter(None, [str(_PACKAGE_ROOT), os.environ.get("PYTHONPATH")])
        ),
    }
    child = subprocess.Popen(
        [sys.executable, "-m", "abierto.lib.acta.sandbox"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=environment,
        start_new_session=True,
    )
    try:
        out, err = child.communicate(request, timeout=limits.seconds)
    except subprocess.TimeoutExpired:
        raise too_slow(limits.seconds) from None
    finally:
        _kill_group(child)  # also any pdftoppm or tesseract left behind
    try:
        answer = json.loads(out)
    except ValueError:
        memory = b"MemoryError" in err or child.returncode in (-signal.SIGKILL, -signal.SIGSEGV)
        raise ActaReadError(TOO_BIG if memory else FAILED) from None
    if not answer.get("ok"):
        raise ActaReadError(answer.get("error") or FAILED)
    pages = [
        OcrPage(
            number=page["number"],
            lines=[
                [OcrWord(text, confidence) for text, confidence in line] for line in page["lines"]
            ],
            image=workdir / page["image"] if page.get("image") else None,
        )
        for page in answer["pages"]
    ]
    return ActaReading(answer["text"], answer["parsed"], pages)


def _kill_group(child: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(child.pid, signal.SIGKILL)
    child.wait()


# --- The child ------------------------------------------------------------------------


def _limit_resources(limits: Limits) -> None:
    import resource

    memory = int(limits.memory_bytes)
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    cpu = int(limits.seconds) + 5
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 5))


def _preview(page: OcrPage) -> str | None:
    """A JPEG of the page, ``PREVIEW_WIDTH`` wide, in place of the 300 dpi grey map."""
    if page.image is None or not page.image.exists():
        return None
    from PIL import Image

    target = page.image.with_suffix(".jpg")
    with Image.open(page.image) as image:
        image.thumbnail((PREVIEW_WIDTH, PREVIEW_WIDTH * 2))
        image.convert("L").save(target, "JPEG", quality=PREVIEW_QUALITY, optimize=True)
    page.image.unlink()
    return target.name


def _child(request: dict[str, Any]) -> dict[str, Any]:
    limits = Limits(**request["limits"])
    ocr_missing()  # asked before the limits, so that a tight one is not taken for absence
    _limit_resources(limits)
    try:
        reading = read_acta(request["path"], limits, Path(request["workdir"]))
    except ActaReadError as error:
        return {"ok": False, "error": str(error)}
    except MemoryError:
        return {"ok": False, "error": TOO_BIG}
    return {
        "ok": True,
        "text": reading.text,
        "parsed": reading.parsed,
        "pages": [
            {
                "number": page.number,
                "image": _preview(page),
                "lines": [[[word.text, word.confidence] for word in line] for line in page.lines],
            }
            for page in reading.pages
        ],
    }


def main() -> int:
    try:
        answer = _child(json.load(sys.stdin))
    except MemoryError:
        answer = {"ok": False, "error": TOO_BIG}
    except Exception:  # any bug of the reader: the parent gets a message, the log the trace
        traceback.print_exc()
        answer = {"ok": False, "error": FAILED}
    sys.stdout.write(json.dumps(answer, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
