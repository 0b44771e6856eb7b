"""Office files (DOCX, XLSX) are zip archives, and a small upload can unpack to gigabytes
(a "zip bomb"). Readers ask here first how much the archive would unpack to.

Python's zipfile never yields more than an entry's declared size (and checks its CRC), so
the sum of the declared sizes bounds what reading the archive can produce.
"""

from __future__ import annotations

import io
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
