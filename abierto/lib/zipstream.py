"""A ZIP archive written while it is sent: members are read one at a time, never all at once.

``zipfile`` writes to an unseekable stream with data descriptors, so the archive can be
yielded chunk by chunk to a ``StreamingHttpResponse``. Names are made safe here, and a
``SHA256SUMS.txt`` manifest (``sha256sum -c`` reads it) closes the archive.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import IO, cast

CHUNK = 64 * 1024
MANIFEST = "SHA256SUMS.txt"
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def safe_name(name: str, *, max_length: int = 100) -> str:
    """An ASCII file name with no folder, no leading dot and no control characters."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    stem, dot, suffix = ascii_name.rpartition(".")
    suffix = _UNSAFE.sub("", suffix)
    if not dot or not suffix or len(suffix) > 5:
        stem, suffix = ascii_name, ""
    stem = _UNSAFE.sub("-", stem.replace("/", "-").replace("\\", "-")).strip(".-_") or "archivo"
    if suffix:
        return f"{stem[: max_length - len(suffix) - 1].rstrip('.-_') or 'archivo'}.{suffix}"
    return stem[:max_length]


@dataclass(frozen=True)
class Member:
    name: str
    chunks: Callable[[], Iterable[bytes]]


class _Sink:
    """What zipfile writes to: an unseekable buffer drained between members."""

    def __init__(self) -> None:
        self._parts: list[bytes] = []
        self._written = 0

    def write(self, data: bytes) -> int:
        self._parts.append(bytes(data))
        self._written += len(data)
        return len(data)

    def tell(self) -> int:
        return self._written

    def flush(self) -> None:
        pass

    def drain(self) -> bytes:
        data = b"".join(self._parts)
        self._parts.clear()
        return data


def stream_zip(members: Iterable[Member]) -> Iterator[bytes]:
    """Yield a ZIP of ``members`` (names made safe and unique) with a SHA-256 manifest."""
    sink = _Sink()
    sums: list[str] = []
    used: set[str] = {MANIFEST.lower()}
    target_file = cast("IO[bytes]", sink)
    with zipfile.ZipFile(target_file, mode="w", compression=zipfile.ZIP_DEFLATED) as archive:
        for member in members:
            name = _unique(safe_name(member.name), used)
            digest = hashlib.sha256()
            with archive.open(name, mode="w", force_zip64=True) as target:
                for chunk in member.chunks():
                    digest.update(chunk)
                    target.write(chunk)
                    if sink.tell():
                        yield sink.drain()
            sums.append(f"{digest.hexdigest()}  {name}\n")
            yield sink.drain()
        archive.writestr(MANIFEST, "".join(sums))
    yield sink.drain()


def _unique(name: str, used: set[str]) -> str:
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        stem, suffix = name, ""
    candidate, n = name, 1
    while candidate.lower() in used:
        n += 1
        candidate = f"{stem}-{n}.{suffix}" if suffix else f"{stem}-{n}"
    used.add(candidate.lower())
    return candidate


def file_chunks(open_file: Callable[[], object]) -> Callable[[], Iterator[bytes]]:
    """Chunks of a file opened lazily, closed once read."""

    def read() -> Iterator[bytes]:
        handle = open_file()
        try:
            while chunk := handle.read(CHUNK):  # type: ignore[attr-defined]
                yield chunk
        finally:
            handle.close()  # type: ignore[attr-defined]

    return read
