"""Get the text out of an acta file: plain text, Markdown, Word (.docx) or PDF.

Old minutes come from many machines: text files in UTF-8 or Windows-1252, Word
documents whose attendance list and agreements sit in tables, and PDFs, some
only scans: the pages of a PDF without a text layer are read by OCR (``ocr.py``).
The format is recognised by the file's first bytes before its extension, so a PDF
saved as ".txt" still reads. Anything that cannot give text raises
``ActaReadError`` with a message in Spanish for the person uploading it.
"""

import io
import os
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from abierto.lib import zipguard

from .errors import ActaReadError
from .ocr import OcrPage, ocr_pdf
from .pdf import DEFAULT_MAX_PAGES, is_scanned_page, pdf_pages

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
DEFAULT_MAX_OCR_PAGES = 50
TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
SUPPORTED = ".txt, .md, .docx o .pdf"
_BINARY_CONTROL_RATIO = 0.05
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass
class Extracted:
    """The text of an acta file and how it was obtained."""

    text: str
    kind: str  # "text", "docx", "pdf"
    page_count: int = 0  # PDFs only
    ocr_pages: list[OcrPage] = field(default_factory=list)  # the scanned pages, read by OCR


def extract_text(path: str | os.PathLike[str], max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Return the text of the acta at ``path``, or raise ``ActaReadError``."""
    return extract_document(path, max_bytes=max_bytes).text


def extract_document(
    path: str | os.PathLike[str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_pages: int = DEFAULT_MAX_PAGES,
    max_ocr_pages: int = DEFAULT_MAX_OCR_PAGES,
    workdir: Path | None = None,
) -> Extracted:
    """Read the acta at ``path``; scanned PDF pages are rendered into ``workdir`` and read.

    Without ``workdir`` the page images go to a temporary directory removed at the end.
    """
    file = Path(path)
    if not file.is_file():
        raise ActaReadError(f"No existe el archivo «{file}».")
    size = file.stat().st_size
    if size == 0:
        raise ActaReadError(f"El archivo «{file.name}» está vacío.")
    if size > max_bytes:
        raise ActaReadError(
            f"El archivo «{file.name}» pesa {_megabytes(size)} y el límite es "
            f"{_megabytes(max_bytes)}."
        )
    data = file.read_bytes()
    if data.startswith(_OLE_MAGIC):
        # Word keeps password-protected .docx files, and old .doc files, in an OLE container.
        raise ActaReadError(
            f"«{file.name}» es un documento de Word protegido con contraseña o en el formato "
            "antiguo .doc: guárdelo como .docx sin contraseña e inténtelo de nuevo."
        )
    kind = _sniff(data) or _kind_from_suffix(file.suffix.lower())
    if kind is None:
        raise ActaReadError(
            f"No se reconoce el formato de «{file.name}»: se aceptan archivos {SUPPORTED}."
        )
    if kind == "pdf":
        if workdir is None:
            with tempfile.TemporaryDirectory(prefix="acta-ocr-") as temporary:
                extracted = pdf_document(file, data, max_pages, max_ocr_pages, Path(temporary))
        else:
            extracted = pdf_document(file, data, max_pages, max_ocr_pages, workdir)
    elif kind == "docx":
        extracted = Extracted(docx_text(data), "docx")
    else:
        extracted = Extracted(decode_text(data), "text")
    if not extracted.text.strip():
        if extracted.ocr_pages:
            raise ActaReadError(
                f"«{file.name}» es un escaneo y el reconocimiento de texto no encontró texto "
                "legible: revise que las páginas no estén en blanco ni demasiado borrosas."
            )
        raise ActaReadError(f"El archivo «{file.name}» no contiene texto.")
    return extracted


def _megabytes(size: int) -> str:
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def _sniff(data: bytes) -> str | None:
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                if "word/document.xml" in archive.namelist():
                    return "docx"
        except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError):
            return None
    return None


def _kind_from_suffix(suffix: str) -> str | None:
    if suffix in TEXT_SUFFIXES:
        return "text"
    if suffix in (".pdf", ".docx"):
        return suffix[1:]
    return None


# --- Plain text -------------------------------------------------------------------


def decode_text(data: bytes) -> str:
    """Decode a text file: a BOM if any, else UTF-8, else Windows-1252, else Latin-1."""
    for bom, encoding in (
        (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return _checked(data.decode(encoding))
            except UnicodeDecodeError as error:
                raise ActaReadError("El archivo de texto tiene una codificación dañada.") from error
    if b"\x00" in data:
        raise ActaReadError(
            f"El archivo parece binario, no de texto: se aceptan archivos {SUPPORTED}."
        )
    for encoding in ("utf-8", "cp1252"):
        try:
            return _checked(data.decode(encoding))
        except UnicodeDecodeError:
            continue
    return _checked(data.decode("latin-1"))


def _checked(text: str) -> str:
    control = sum(1 for char in text if ord(char) < 32 and char not in "\n\r\t\f\v")
    if text and control / len(text) > _BINARY_CONTROL_RATIO:
        raise ActaReadError(
            f"El archivo parece binario, no de texto: se aceptan archivos {SUPPORTED}."
        )
    return text


# --- Word ---------------------------------------------------------------------------


def docx_text(data: bytes) -> str:
    """Paragraphs and tables of a .docx in document order; table rows as ``a | b | c``.

    A table of one cell is a box around text (how agreements are often set
    apart) and is read as paragraphs.
    """
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError

    damaged = "El archivo Word está dañado o no es un .docx válido."
    if zipguard.unpacks_too_big(data):
        raise ActaReadError(
            "El archivo Word se descomprime en más de "
            f"{zipguard.MAX_UNPACKED_BYTES // (1024 * 1024)} MB: no parece un acta. "
            "Guárdelo de nuevo desde su procesador de textos o súbalo como PDF."
        )
    try:
        document = Document(io.BytesIO(data))
        return "\n".join(_docx_blocks(document))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise ActaReadError(damaged) from error
    except Exception as error:
        # A damaged archive fails deep inside zipfile, zlib or lxml (zlib.error,
        # XMLSyntaxError, NotImplementedError for odd compression flags…): the fuzz target
        # found each; whatever the cause, the file cannot give text.
        raise ActaReadError(damaged) from error


def _docx_blocks(document: object) -> Iterator[str]:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    body = document.element.body  # type: ignore[attr-defined]
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            yield Paragraph(child, document).text  # type: ignore[arg-type]
        elif tag == "tbl":
            yield from _table_lines(Table(child, document))  # type: ignore[arg-type]


def _table_lines(table: object) -> Iterator[str]:
    rows = list(table.rows)  # type: ignore[attr-defined]
    unique_cells = {id(cell._tc) for row in rows for cell in row.cells}
    if len(unique_cells) == 1:
        yield ""
        yield from (paragraph.text for paragraph in rows[0].cells[0].paragraphs)
        yield ""
        return
    yield ""
    for row in rows:
        seen: set[int] = set()
        cells: list[str] = []
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue  # a merged cell repeats in every grid column it spans
            seen.add(id(cell._tc))
            cells.append(" ".join(cell.text.split()))
        if any(cells):
            yield " | ".join(cells)
    yield ""


# --- PDF -----------------------------------------------------------------------------


def pdf_document(
    file: Path, data: bytes, max_pages: int, max_ocr_pages: int, workdir: Path
) -> Extracted:
    """The text layer of each page; the pages without one are read by OCR."""
    texts = pdf_pages(data, max_pages)
    scanned = [number for number, text in enumerate(texts, start=1) if is_scanned_page(text)]
    if len(scanned) > max_ocr_pages:
        raise ActaReadError(
            f"El PDF tiene {len(scanned)} páginas escaneadas y se leen como máximo "
            f"{max_ocr_pages}: divídalo y suba cada acta por separado."
        )
    ocr_pages = ocr_pdf(file, scanned, workdir) if scanned else []
    for page in ocr_pages:
        texts[page.number - 1] = page.text
    return Extracted("\n".join(texts), "pdf", page_count=len(texts), ocr_pages=ocr_pages)


def pdf_text(data: bytes) -> str:
    """The text layer of a PDF, page by page (no OCR)."""
    return "\n".join(pdf_pages(data))
