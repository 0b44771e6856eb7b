"""Public verifications logged through a durable spool, chained later in batches.

A QR scan must reach its holder's access log, but chaining it in the request (the chain's
lock, the coalescing query, the hash, the insert and the commit) cost more than everything
else a verification does. So the answer's path only appends one line to this process's
spool file (``os.write`` on a file opened with ``O_APPEND``: one system call, done before
the answer leaves) and the chaining happens later, in batches, by ``chain_append`` under
``chain_lock()``, the access log's one writer:

- durability: a line written before the answer is in the kernel's page cache, so a
  ``kill -9`` of the server after answering loses nothing; a thread ``fsync``s the file every
  ``FOLDER_VERIFY_SPOOL_FSYNC_SECONDS`` (batched), for a power loss;
- draining (``verification_spool_drain``): the management command
  ``folder_drain_verifications`` (``--every`` seconds, beside ``db_worker``), the same
  thread every ``FOLDER_VERIFY_SPOOL_DRAIN_SECONDS`` when set, and always right before a
  holder reads their log or exports it, so a holder sees every verification;
- exactly once: each file's drained offset (``VerificationSpoolMark``) moves in the same
  transaction as the events chained from it; a file whose writer is gone (it held a shared
  ``flock`` on it while alive) is deleted once drained.

Each line: the document's pk, public id, holder index, the verifier's network and the time
of the verification, separated by tabs (none of them can hold a tab or a newline).
"""

from __future__ import annotations

import contextlib
import datetime
import fcntl
import logging
import os
import secrets
import socket
import threading
import time
from pathlib import Path

from django.conf import settings
from django.db import close_old_connections

from .. import actor_labels
from ..models import AccessEvent, Document, VerificationSpoolMark
from .access import _not_yet_logged, ip_prefix
from .chain import ChainEvent, chain_append, chain_lock

logger = logging.getLogger(__name__)

SUFFIX = ".spool"
CHUNK_BYTES = 1 << 20  # chained in one transaction: about 10,000 verifications


def spool_dir() -> Path:
    return Path(settings.FOLDER_VERIFY_SPOOL_DIR)


class SpoolWriter:
    """This process's spool file, open for appending and share-locked while it lives."""

    def __init__(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        self.directory = directory
        self.pid = os.getpid()
        name = f"{socket.gethostname()}-{self.pid}-{secrets.token_hex(4)}"
        self.path = directory / (name + SUFFIX)
        # Locked ("my writer is alive", for the drainers) before it takes the name they look
        # for: else a drainer could find it empty, writerless, and remove it.
        opening = directory / (name + ".new")
        self.fd = os.open(opening, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        fcntl.flock(self.fd, fcntl.LOCK_SH)
        opening.rename(self.path)
        self.dirty = False
        self.setting: object = None  # FOLDER_VERIFY_SPOOL_DIR as last read (_current_writer)

    def append(self, line: bytes) -> None:
        os.write(self.fd, line)
        self.dirty = True

    def sync(self) -> None:
        if self.dirty:
            self.dirty = False
            os.fsync(self.fd)

    def close(self) -> None:
        """Stop writing here (the lock goes with the descriptor: drainers may remove it)."""
        os.close(self.fd)


_writer: SpoolWriter | None = None
_writer_lock = threading.Lock()


def _current_writer() -> SpoolWriter:
    """This process's writer (a forked worker opens its own), with its background thread."""
    global _writer
    writer = _writer
    # The fast path of every verification: the setting's own object, compared without
    # building a Path from it.
    setting = settings.FOLDER_VERIFY_SPOOL_DIR
    if writer is not None and writer.setting is setting and writer.pid == os.getpid():
        return writer
    directory = Path(setting)
    with _writer_lock:
        writer = _writer
        if writer is None or writer.pid != os.getpid() or writer.directory != directory:
            writer = _writer = SpoolWriter(directory)
            _start_background(writer)
        writer.setting = setting
    return writer


def _start_background(writer: SpoolWriter) -> None:
    fsync_every = float(settings.FOLDER_VERIFY_SPOOL_FSYNC_SECONDS)
    drain_every = float(settings.FOLDER_VERIFY_SPOOL_DRAIN_SECONDS)
    if fsync_every <= 0 and drain_every <= 0:
        return

    def run() -> None:
        tick = min(t for t in (fsync_every, drain_every) if t > 0)
        next_drain = time.monotonic() + drain_every
        while _writer is writer:
            time.sleep(tick)
            with contextlib.suppress(OSError):
                writer.sync()
            if drain_every > 0 and time.monotonic() >= next_drain:
                next_drain = time.monotonic() + drain_every
                try:
                    verification_spool_drain()
                except Exception:  # the next round, the command or the holder's read retries
                    logger.exception("draining the verification spool failed")
                finally:
                    close_old_connections()

    threading.Thread(target=run, name="verify-spool", daemon=True).start()


def verification_spool(*, document: Document, ip: str | None) -> None:
    """Spool a public verification of ``document`` for its holder's log (see the module)."""
    line = (
        f"{document.pk}\t{document.public_id}\t{document.holder_index}\t"
        f"{ip_prefix(ip)}\t{time.time()!r}\n"
    )
    _current_writer().append(line.encode("ascii"))


def _events(data: bytes) -> list[ChainEvent]:
    events = []
    for line in data.decode("ascii").splitlines():
        pk, public_id, holder_index, prefix, at = line.split("\t")
        events.append(
            ChainEvent(
                holder_index=holder_index,
                action=AccessEvent.Action.VERIFY.value,
                actor_label=actor_labels.PUBLIC_VERIFICATION,
                document_pk=int(pk),
                document_public_id=public_id,
                ip_prefix=prefix,
                created_at=datetime.datetime.fromtimestamp(float(at), tz=datetime.UTC),
            )
        )
    existing = set(
        Document.objects.filter(pk__in={e.document_pk for e in events}).values_list("pk", flat=True)
    )
    return [event for event in events if event.document_pk in existing]


def _writer_gone(path: Path) -> bool:
    try:
        fd = os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    finally:
        os.close(fd)  # releases the lock if taken
    return True


def _drain_chunk(path: Path) -> tuple[int, bool]:
    """Chain the next complete lines of ``path``: (events written, whether it is all read)."""
    with chain_lock():  # drainers of this file, and every other writer, take turns here
        mark, _created = VerificationSpoolMark.objects.get_or_create(name=path.name)
        try:
            with path.open("rb") as handle:
                handle.seek(mark.offset)
                data = handle.read(CHUNK_BYTES)
        except FileNotFoundError:
            return 0, True  # drained and removed by another drainer
        complete = data.rfind(b"\n") + 1
        if not complete:
            return 0, True
        written = chain_append(_events(data[:complete]), keep=_not_yet_logged)
        mark.offset += complete
        mark.save(update_fields=["offset"])
    return len(written), len(data) < CHUNK_BYTES and complete == len(data)


def _drain_file(path: Path) -> int:
    written = 0
    while True:
        count, done = _drain_chunk(path)
        written += count
        if done:
            break
    if _writer_gone(path):
        mark = VerificationSpoolMark.objects.filter(name=path.name).first()
        with contextlib.suppress(FileNotFoundError):
            if mark is not None and mark.offset >= path.stat().st_size:
                path.unlink()
                mark.delete()
    return written


def verification_spool_drain() -> int:
    """Chain every spooled verification into the access log; the number of events written
    (fewer than the lines read: a verifier's network is logged once in ten minutes)."""
    directory = spool_dir()
    if not directory.is_dir():
        return 0
    return sum(_drain_file(path) for path in sorted(directory.glob(f"*{SUFFIX}")))
