"""Pages scanned upside down or on their side, found and turned before they are read again.

A page whose words are mostly unsure may lie turned: Tesseract's orientation detection
(``--psm 0`` with the ``osd`` model, which Debian's ``tesseract-ocr`` depends on) says how far
to turn it, and ``ocr.read_page`` reads the turned image again, keeping whichever reading is
surer. Upright pages, read surely, never pay for the detection.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Mapping, Sequence
from pathlib import Path

from .ocr_repair import Boxed

# A page whose words are mostly unsure was perhaps scanned upside down or on its side: read
# upright, 85-98 % of a page's words are sure; turned over, 13-23 %; on its side, none at all.
SURE_CONFIDENCE = 80.0
POOR_SHARE = 0.5
# Tesseract's orientation detection (``--psm 0``, the ``osd`` model) below this confidence is a
# guess: a page of too few letters.
MIN_ORIENTATION_CONFIDENCE = 2.0
_ROTATE_RE = re.compile(r"^Rotate:\s*(\d+)", re.MULTILINE)
_ORIENTATION_CONFIDENCE_RE = re.compile(r"^Orientation confidence:\s*([\d.]+)", re.MULTILINE)


def sure_share(lines: Sequence[Sequence[Boxed]]) -> float:
    words = [word for line in lines for word in line]
    return sum(word.confidence >= SURE_CONFIDENCE for word in words) / len(words) if words else 0.0


def poorly_read(lines: Sequence[Sequence[Boxed]]) -> bool:
    return sure_share(lines) < POOR_SHARE


def orientation(image: Path, dpi: int, env: Mapping[str, str]) -> int:
    """The clockwise turn (90, 180 or 270) that makes the page upright, by Tesseract's
    orientation detection; 0 when upright or when it cannot tell (too little text, no
    ``osd`` model)."""
    program = shutil.which("tesseract")
    if program is None:
        return 0
    try:
        done = subprocess.run(  # noqa: S603 - our own arguments, no shell
            [program, str(image), "stdout", "--psm", "0", "--dpi", str(dpi)],
            capture_output=True,
            check=False,
            env={**os.environ, **env},
            timeout=120,
        )
    except (OSError, subprocess.SubprocessError):
        return 0
    report = done.stdout.decode("utf-8", "replace")
    rotate = _ROTATE_RE.search(report)
    confidence = _ORIENTATION_CONFIDENCE_RE.search(report)
    if done.returncode != 0 or rotate is None or confidence is None:
        return 0
    if float(confidence[1]) < MIN_ORIENTATION_CONFIDENCE:
        return 0
    turn = int(rotate[1])
    return turn if turn in (90, 180, 270) else 0


def turned(image: Path, clockwise: int) -> Path:
    """The page image turned ``clockwise`` degrees, beside it (the review screen shows it)."""
    from PIL import Image

    turned = image.with_name(f"{image.stem}-girada.pgm")
    with Image.open(image) as page:
        page.rotate(-clockwise, expand=True).save(turned)
    return turned
