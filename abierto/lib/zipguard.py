"""Office files (DOCX, XLSX) are zip archives, and a small upload can unpack to gigabytes
(a "zip bomb"). Readers ask here first how much the archive would unpack to.

Python's zipfile never yields more than an entry's declared size (and checks its CRC), so
the sum of the declared sizes bounds what reading the archive can produce.
"""

from __future__ import annotations

import io
import re
import zipfile

# An acta of a hundred pages or a sheet of 20,000 rows unpacks to a few megabytes.
MAX_UNPACKED_BYTES = 64 * 1024 * 1024


def unpacked_size(data: bytes) -> int | None:
    """What the archive's entries declare they unpack to; None if it is not a readable zip."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return sum(entry.file_size for entry in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        return None


def unpacks_too_big(data: bytes, limit: int = MAX_UNPACKED_BYTES) -> bool:
    size = unpacked_size(data)
    return size is not None and size > limit


# A row's number, or a cell's reference ("B12"), as the sheet's XML writes it.
_ROW_NUMBER = re.compile(rb'\br="[A-Z]{0,3}([0-9]{1,12})"')
_CHUNK = 1024 * 1024


def last_sheet_row(data: bytes) -> int:
    """The highest row number any worksheet of an XLSX names (0 if none, or not a zip).

    A reader fills the rows a sheet skips with blank ones, so a file of one cell numbered
    20,000,000 costs twenty million rows: rows count by their numbers, read from the XML
    before the sheet is opened. Read in chunks; a number cut between two is read whole from
    the overlap.
    """
    highest = 0
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for entry in archive.infolist():
                name = entry.filename
                if not (name.startswith("xl/worksheets/") and name.endswith(".xml")):
                    continue
                tail = b""
                with archive.open(entry) as sheet:
                    while chunk := sheet.read(_CHUNK):
                        window = tail + chunk
                        for match in _ROW_NUMBER.finditer(window):
                            highest = max(highest, int(match.group(1)))
                        tail = window[-32:]
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        return highest
    return highest
