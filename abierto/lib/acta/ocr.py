"""Read scanned pages of a PDF acta with Tesseract's Spanish model.

Each page without a text layer is rendered at 300 dpi by poppler's ``pdftoppm`` and read
by ``tesseract -l spa --psm 4`` (one column of text of varying sizes: what minutes are),
whose TSV output gives every word with its confidence (0-100). The words are put back
into lines and paragraphs and cleaned of what scanning adds: words hyphenated at a line
end, the letterhead and footer repeated on every page, and stray marks (specks, table
rules, signature scribbles) read as characters; ``ocr_repair.py`` adds what needs the
words' boxes (a page read out of order, lines skipped beside rows of dashes, margin marks,
lines wrapped by the page). A page read so poorly that it may lie upside down or on its
side is turned as Tesseract's orientation detection says and read again.

The confidences stay with the words (``OcrPage.words``) so that ``confidence.py`` can
tell the facilitator which fields rest on a poor reading. Both programs come from
Debian (``tesseract-ocr``, ``tesseract-ocr-spa``, ``poppler-utils``); when one is
missing, ``ocr_missing()`` says so in Spanish.
"""

from __future__ import annotations

import csv
import functools
import io
import os
import re
import shutil
import subprocess
from dataclasses import dataclass, field, replace
from pathlib import Path

from .errors import ActaReadError
from .ocr_edges import drop_repeated_edges
from .ocr_marks import (
    with_bullets,
    with_first_list_numbers,
    with_list_numbers,
    with_roman_numbers,
    without_stray_marks,
)
from .ocr_orientation import orientation, poorly_read, sure_share, turned
from .ocr_repair import (
    layout_confused,
    lost_line_gaps,
    reflowed,
    top_to_bottom,
    with_lost_lines,
    without_false_breaks,
    without_rule_garbage,
    without_specks,
)
from .ocr_specks import without_glued_specks

DPI = 300
PSM = 4
# One uniform block of text: for the bands of a page where ``PSM`` lost lines (``ocr_repair``).
PSM_BLOCK = 6
# Pixels kept above and below a band read again (``_read_strips``).
_STRIP_PAD = 8
LANGUAGE = "spa"
# A word read with less confidence than this is a guess; a lone mark below it is noise.
NOISE_CONFIDENCE = 40.0
MISSING = (
    "El PDF es un documento escaneado y este servidor no tiene instalado el "
    "reconocimiento de texto (Tesseract con el idioma español y poppler-utils). "
    "Quien administra el servidor puede instalarlo con «make ocr-deps»; mientras tanto, "
    "suba el acta en .docx o en un PDF con texto."
)

OUT_OF_MEMORY = (
    "El reconocimiento de texto de una página escaneada necesitó más memoria de la permitida "
    "y se detuvo: ¿páginas de tamaño enorme? Escanee de nuevo a 300 ppp o suba el acta en .docx."
)


@dataclass
class OcrWord:
    text: str
    confidence: float  # 0-100, as Tesseract gives it
    # Its box on the page image, in pixels; 0 when unknown (the box is used while cleaning).
    left: int = 0
    top: int = 0
    width: int = 0
    height: int = 0


@dataclass
class OcrPage:
    """One scanned page: its lines of words (``[]`` between paragraphs) and its image."""

    number: int  # from 1
    lines: list[list[OcrWord]] = field(default_factory=list)
    image: Path | None = None

    @property
    def words(self) -> list[OcrWord]:
        return [word for line in self.lines for word in line]

    @property
    def text(self) -> str:
        return "\n".join(" ".join(word.text for word in line) for line in self.lines).strip()

    @property
    def confidence(self) -> float | None:
        """Mean word confidence of the page, 0-1; None when nothing was read."""
        words = self.words
        if not words:
            return None
        return round(sum(word.confidence for word in words) / len(words) / 100, 3)


@functools.cache
def ocr_missing() -> str | None:
    """A Spanish message when the OCR programs or the Spanish model are absent, else None."""
    tesseract = shutil.which("tesseract")
    if not shutil.which("pdftoppm") or not tesseract:
        return MISSING
    try:
        listed = subprocess.run(  # noqa: S603 - a fixed command line
            [tesseract, "--list-langs"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return MISSING
    languages = set((listed.stdout + listed.stderr).split())
    return None if LANGUAGE in languages else MISSING


def ocr_pdf(pdf: Path, numbers: list[int], workdir: Path) -> list[OcrPage]:
    """Render and read the pages ``numbers`` (from 1) of ``pdf``, in that order, cleaned."""
    missing = ocr_missing()
    if missing:
        raise ActaReadError(missing)
    pages = [read_page(pdf, number, workdir) for number in numbers]
    return clean_pages(pages)


def read_page(pdf: Path, number: int, workdir: Path) -> OcrPage:
    prefix = workdir / f"pagina-{number:04d}"
    page = str(number)
    # A raw grey map (PGM), not PNG: compressing a noisy 300 dpi page took pdftoppm 12 s, the
    # map 0.2 s; Tesseract reads either the same once told the resolution.
    render = ["pdftoppm", "-r", str(DPI), "-gray", "-singlefile", "-f", page, "-l", page]
    _run([*render, str(pdf), str(prefix)])
    image = prefix.with_suffix(".pgm")
    lines = parse_tsv(_tesseract(image, PSM))
    if poorly_read(lines) and (turn := orientation(image, DPI, ONE_THREAD)):
        upright = turned(image, turn)
        again = parse_tsv(_tesseract(upright, PSM))
        if sure_share(again) > sure_share(lines):
            image, lines = upright, again
    if layout_confused(lines):
        lines = top_to_bottom(lines)
    if gaps := lost_line_gaps(lines):
        lines = with_lost_lines(lines, _read_strips(image, gaps), gaps)
    return OcrPage(number=number, lines=lines, image=image)


def _read_strips(image: Path, gaps: list[tuple[int, int]]) -> list[list[OcrWord]]:
    """Read only the bands of the page where lines went missing, each as one block.

    A band is a fraction of the page, so this costs far less than reading the page again;
    its words' boxes are put back in the page's coordinates.
    """
    from PIL import Image

    lines: list[list[OcrWord]] = []
    with Image.open(image) as page:
        width, height = page.size
        for index, (top, bottom) in enumerate(gaps):
            start, end = max(0, top - _STRIP_PAD), min(height, bottom + _STRIP_PAD)
            strip = image.with_name(f"{image.stem}-franja-{index}.pgm")
            page.crop((0, start, width, end)).save(strip)
            try:
                found = parse_tsv(_tesseract(strip, PSM_BLOCK))
            finally:
                strip.unlink(missing_ok=True)
            for line in found:
                for word in line:
                    word.top += start
            lines += found
    return lines


def _tesseract(image: Path, psm: int) -> str:
    options = ["-l", LANGUAGE, "--psm", str(psm), "--dpi", str(DPI)]
    return _run(["tesseract", str(image), "stdout", *options, "tsv"])


# Tesseract's OpenMP threads spin against each other on a small machine: one page of a scan took
# 9.5-10 s with them and 2.4 s with one thread, the same words read (2 cores; bench/README.md).
# Pages and documents run in parallel at the process level instead (the suite's workers). Set
# here, where Tesseract is started, so every caller (the import's child, tests, benches) gets it.
ONE_THREAD = {"OMP_THREAD_LIMIT": "1"}


def _run(command: list[str]) -> str:
    """Run poppler or Tesseract (found on PATH) on files this module named itself."""
    program = shutil.which(command[0])
    if program is None:
        raise ActaReadError(MISSING)
    try:
        done = subprocess.run(  # noqa: S603 - our own arguments, no shell
            [program, *command[1:]],
            capture_output=True,
            check=False,
            env={**os.environ, **ONE_THREAD},
        )
    except OSError as error:
        raise ActaReadError(MISSING) from error
    if done.returncode != 0:
        if done.returncode < 0 or re.search(rb"(?i)memory|alloc|map segment", done.stderr):
            raise ActaReadError(OUT_OF_MEMORY)
        raise ActaReadError(
            "No se pudo leer una página escaneada del PDF: el archivo parece dañado."
        )
    return done.stdout.decode("utf-8", "replace")


def parse_tsv(tsv: str) -> list[list[OcrWord]]:
    """Tesseract's TSV into lines of words, with an empty line between paragraphs."""
    lines: list[list[OcrWord]] = []
    current: list[OcrWord] = []
    line_key: tuple[str, str, str] | None = None
    paragraph_key: tuple[str, str] | None = None
    for row in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        if row.get("level") != "5":
            continue
        text = (row.get("text") or "").strip()
        try:
            confidence = float(row.get("conf") or -1)
        except ValueError:
            continue
        if not text or confidence < 0:
            continue
        key = (row["block_num"], row["par_num"], row["line_num"])
        if key != line_key:
            if current:
                lines.append(current)
            if paragraph_key is not None and key[:2] != paragraph_key:
                lines.append([])
            current, line_key, paragraph_key = [], key, key[:2]
        current.append(OcrWord(text, confidence, *_box(row)))
    if current:
        lines.append(current)
    return lines


def _box(row: dict[str, str]) -> tuple[int, int, int, int]:
    try:
        return (int(row["left"]), int(row["top"]), int(row["width"]), int(row["height"]))
    except (KeyError, TypeError, ValueError):
        return (0, 0, 0, 0)


# --- Cleaning ---------------------------------------------------------------------

_LOWER = "a-záéíóúüñ"
_HYPHEN_END_RE = re.compile(rf"[{_LOWER}]-$")
_LOWER_START_RE = re.compile(rf"^[{_LOWER}]")
# A section numbered "I." at a line start is read as "l." or "|." (or with the point apart).
_ROMAN_ONE_RE = re.compile(r"^(?:l(?=\.?$)|\|(?=\.$))")
# "Nº" (número) is read as "N?" or "N'": the ordinal indicator is small and raised.
_NUMERO_RE = re.compile(r"^([Nn])[?'\u00b0](?=\d*$)")
_STRAY_RE = re.compile(r"^[^\w¿¡\"'(]+$|^[|_~=^`°•·«»\[\]{}\\/]+\w?$")


def clean_pages(pages: list[OcrPage]) -> list[OcrPage]:
    for page in pages:
        page.lines = [_without_stray(line) for line in page.lines]
    drop_repeated_edges(pages)
    for page in pages:
        lines = without_false_breaks(without_rule_garbage(without_specks(page.lines)))
        lines = with_first_list_numbers(without_stray_marks(without_glued_specks(lines)))
        lines = reflowed(with_bullets(with_roman_numbers(with_list_numbers(lines))))
        page.lines = _joined_hyphens(_tidy_breaks(lines))
    return pages


def _without_stray(line: list[OcrWord]) -> list[OcrWord]:
    """Drop marks read from specks and rules: punctuation alone, or odd glyphs unsure."""
    line = [replace(word, text=_NUMERO_RE.sub("\\1º", word.text)) for word in line]
    # Table rules and underlines glue "_" to the words beside them: "__l.____".
    line = [replace(word, text=word.text.strip("_")) for word in line if word.text.strip("_")]
    if len(line) > 1 and _ROMAN_ONE_RE.match(line[0].text) and line[1].text[:1].isupper():
        line[0] = replace(line[0], text=_ROMAN_ONE_RE.sub("I", line[0].text))
    kept = [
        word
        for word in line
        if not (_STRAY_RE.match(word.text) and (len(word.text) > 1 or word.text in "|_~^`°•·"))
        and not (word.confidence < NOISE_CONFIDENCE and not any(c.isalnum() for c in word.text))
    ]
    letters = sum(char.isalnum() for word in kept for char in word.text)
    if kept and letters < 2 and all(word.confidence < NOISE_CONFIDENCE for word in kept):
        return []  # a line of one low-confidence mark: a signature's scribble, a speck
    return kept


def _tidy_breaks(lines: list[list[OcrWord]]) -> list[list[OcrWord]]:
    tidy: list[list[OcrWord]] = []
    for line in lines:
        if not line and (not tidy or not tidy[-1]):
            continue
        tidy.append(line)
    while tidy and not tidy[-1]:
        tidy.pop()
    return tidy


def _joined_hyphens(lines: list[list[OcrWord]]) -> list[list[OcrWord]]:
    """ "an-" at a line end + "terior" at the next line's start -> "anterior"."""
    emptied: set[int] = set()
    for index in range(len(lines) - 1):
        line, following = lines[index], lines[index + 1]
        if not line or not following:
            continue
        last, first = line[-1], following[0]
        if _HYPHEN_END_RE.search(last.text) and _LOWER_START_RE.match(first.text):
            line[-1] = OcrWord(last.text[:-1] + first.text, min(last.confidence, first.confidence))
            del following[0]
            if not following:
                emptied.add(index + 1)
    return [line for index, line in enumerate(lines) if index not in emptied]


def pages_text(pages: list[OcrPage]) -> str:
    return "\n\n".join(page.text for page in pages if page.text)
