"""Get the text out of an acta file: plain text, Markdown, Word (.docx) or PDF.

Old minutes come from many machines: text files in UTF-8 or Windows-1252, Word
documents whose attendance list and agreements sit in tables, and PDFs, some
only scans. The format is recognised by the file's first bytes before its
extension, so a PDF saved as ".txt" still reads. Anything that cannot give text
raises ``ActaReadError`` with a message in Spanish for the person uploading it.
"""

import io
import os
import zipfile
from collections.abc import Iterator
from pathlib import Path

from abierto.lib import zipguard

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
SUPPORTED = ".txt, .md, .docx o .pdf"
_BINARY_CONTROL_RATIO = 0.05
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class ActaReadError(Exception):
    """The file cannot be read as an acta; ``str(error)`` is a Spanish message for people."""


def extract_text(path: str | os.PathLike[str], max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Return the text of the acta at ``path``, or raise ``ActaReadError``."""
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
        text = pdf_text(data)
    elif kind == "docx":
        text = docx_text(data)
    else:
        text = decode_text(data)
    if not text.strip():
        raise ActaReadError(f"El archivo «{file.name}» no contiene texto.")
    return text


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


def pdf_text(data: bytes) -> str:
    """The text layer of a PDF, page by page. Scans without OCR have none."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ActaReadError(
                "El PDF está protegido con contraseña: guárdelo sin cifrar e inténtelo de nuevo."
            )
        pages = [page.extract_text() or "" for page in reader.pages]
    except ActaReadError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as error:
        raise ActaReadError("El PDF está dañado o no se puede leer.") from error
    except Exception as error:
        if "crypt" in str(error).lower() or "password" in str(error).lower():
            raise ActaReadError(
                "El PDF está protegido con contraseña: guárdelo sin cifrar e inténtelo de nuevo."
            ) from error
        raise ActaReadError("El PDF está dañado o no se puede leer.") from error
    text = "\n".join(pages)
    if not text.strip():
        raise ActaReadError(
            "El PDF no tiene capa de texto (parece un escaneo): aplique reconocimiento de "
            "texto (OCR) antes de importarlo."
        )
    return text
