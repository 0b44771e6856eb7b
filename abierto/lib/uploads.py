"""Uploads checked by what they are, not by what their name or browser says they are.

``check_upload`` reads the first bytes of a file (and, for Office and OpenDocument files, the
parts of the ZIP container) to tell PDF, DOCX, XLSX, PPTX, ODT, ODS, PNG, JPEG and plain text
apart, refuses files over a size limit, and refuses an extension that does not match the
content.
"""

from __future__ import annotations

import enum
import zipfile
from pathlib import Path
from typing import IO, Protocol

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

SNIFF_BYTES = 64 * 1024


class Kind(enum.StrEnum):
    PDF = "pdf"
    DOCX = "docx"
    XLSX = "xlsx"
    PPTX = "pptx"
    ODT = "odt"
    ODS = "ods"
    PNG = "png"
    JPEG = "jpeg"
    TEXT = "text"  # plain text, Markdown and CSV alike


SUFFIXES: dict[str, Kind] = {
    ".pdf": Kind.PDF,
    ".docx": Kind.DOCX,
    ".xlsx": Kind.XLSX,
    ".pptx": Kind.PPTX,
    ".odt": Kind.ODT,
    ".ods": Kind.ODS,
    ".png": Kind.PNG,
    ".jpg": Kind.JPEG,
    ".jpeg": Kind.JPEG,
    ".txt": Kind.TEXT,
    ".md": Kind.TEXT,
    ".csv": Kind.TEXT,
}
CONTENT_TYPES = {
    Kind.PDF: "application/pdf",
    Kind.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    Kind.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    Kind.PPTX: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    Kind.ODT: "application/vnd.oasis.opendocument.text",
    Kind.ODS: "application/vnd.oasis.opendocument.spreadsheet",
    Kind.PNG: "image/png",
    Kind.JPEG: "image/jpeg",
    Kind.TEXT: "text/plain",
}
_ALLOWED_CONTROLS = set(b"\t\n\r\f")
# An OpenDocument file names its type in a first, uncompressed member called "mimetype".
_OPENDOCUMENT = {
    CONTENT_TYPES[Kind.ODT].encode(): Kind.ODT,
    CONTENT_TYPES[Kind.ODS].encode(): Kind.ODS,
}


class Upload(Protocol):
    """What Django's ``UploadedFile`` offers, and a plain binary file too."""

    name: str | None

    def read(self, size: int = -1) -> bytes: ...
    def seek(self, offset: int, whence: int = 0) -> int: ...
    def tell(self) -> int: ...


def _zip_parts(file: IO[bytes] | Upload) -> set[str]:
    file.seek(0)
    try:
        with zipfile.ZipFile(file) as archive:
            return set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return set()
    finally:
        file.seek(0)


def _opendocument_type(file: IO[bytes] | Upload) -> bytes:
    file.seek(0)
    try:
        with zipfile.ZipFile(file) as archive:
            info = archive.getinfo("mimetype")
            if info.file_size > 100:
                return b""
            return archive.read(info).strip()
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        return b""
    finally:
        file.seek(0)


def _is_text(sample: bytes) -> bool:
    if b"\x00" in sample:
        return False
    try:
        # A multi-byte character may be cut at the end of the sample.
        sample.decode("utf-8")
        return True
    except UnicodeDecodeError as exc:
        if exc.start >= len(sample) - 3 and len(sample) >= SNIFF_BYTES - 3:
            return True
    # Legacy Windows-1252 text (Spanish documents exported by old Office): mostly printable.
    controls = sum(1 for byte in sample if byte < 0x20 and byte not in _ALLOWED_CONTROLS)
    return controls <= len(sample) // 100


def sniff(file: IO[bytes] | Upload) -> Kind | None:
    """The kind of file by its content, or None when it is none of the kinds above."""
    file.seek(0)
    head = file.read(SNIFF_BYTES)
    file.seek(0)
    if not head:
        return None
    if b"%PDF-" in head[:1024]:
        return Kind.PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return Kind.PNG
    if head.startswith(b"\xff\xd8\xff"):
        return Kind.JPEG
    if head.startswith(b"PK\x03\x04"):
        parts = _zip_parts(file)
        if "word/document.xml" in parts:
            return Kind.DOCX
        if "xl/workbook.xml" in parts:
            return Kind.XLSX
        if "ppt/presentation.xml" in parts:
            return Kind.PPTX
        if "mimetype" in parts and "content.xml" in parts:
            return _OPENDOCUMENT.get(_opendocument_type(file))
        return None
    if _is_text(head):
        return Kind.TEXT
    return None


def _size(file: IO[bytes] | Upload) -> int:
    size = getattr(file, "size", None)
    if isinstance(size, int):
        return size
    file.seek(0, 2)
    end = file.tell()
    file.seek(0)
    return end


_NOT_A = {
    Kind.PDF: lambda: _("El archivo no es un PDF válido."),
    Kind.DOCX: lambda: _("El archivo no es un documento de Word (.docx) válido."),
    Kind.XLSX: lambda: _("El archivo no es una hoja de cálculo de Excel (.xlsx) válida."),
    Kind.PPTX: lambda: _("El archivo no es una presentación de PowerPoint (.pptx) válida."),
    Kind.ODT: lambda: _("El archivo no es un documento de texto OpenDocument (.odt) válido."),
    Kind.ODS: lambda: _("El archivo no es una hoja de cálculo OpenDocument (.ods) válida."),
    Kind.PNG: lambda: _("El archivo no es una imagen PNG válida."),
    Kind.JPEG: lambda: _("El archivo no es una imagen JPEG válida."),
    Kind.TEXT: lambda: _("El archivo no es de texto."),
}


def check_upload(file: IO[bytes] | Upload, *, allowed: set[Kind], max_bytes: int) -> Kind:
    """The file's kind, once its size, extension and content agree; ValidationError if not."""
    size = _size(file)
    if size == 0:
        raise ValidationError(_("El archivo está vacío."), code="empty")
    if size > max_bytes:
        raise ValidationError(
            _("El archivo pesa %(size)s; el máximo es %(max)s.")
            % {"size": filesizeformat(size), "max": filesizeformat(max_bytes)},
            code="too_large",
        )
    suffix = Path(file.name or "").suffix.lower()
    expected = SUFFIXES.get(suffix)
    if expected is None or expected not in allowed:
        names = ", ".join(sorted(s for s, k in SUFFIXES.items() if k in allowed))
        raise ValidationError(
            _("Formato no admitido (%(suffix)s): se aceptan %(names)s.")
            % {"suffix": suffix or _("sin extensión"), "names": names},
            code="extension",
        )
    if sniff(file) != expected:
        raise ValidationError(_NOT_A[expected](), code="content")
    return expected
