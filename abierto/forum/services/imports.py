"""Existing actas into the record: read a file, let the facilitator review, then save.

The parser (``abierto.lib.acta``) proposes; nothing reaches the forum's record until the
facilitator has seen the reading beside the source text and corrected it. The reading runs
in a child process under the caps of the settings (``ACTA_MAX_PAGES``, ``ACTA_MAX_OCR_PAGES``,
``ACTA_READ_SECONDS``, ``ACTA_READ_MEMORY_MB``); a refusal changes nothing. Scanned pages are
kept as ``ActaImportPage`` images while the import waits for review, and dropped when it is
saved or discarded.
"""

from __future__ import annotations

import hashlib
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils.translation import gettext as _

from abierto.lib.acta import ActaReadError
from abierto.lib.acta.ocr import OcrPage
from abierto.lib.acta.reader import Limits
from abierto.lib.acta.sandbox import read_acta_limited
from abierto.ops.models import Job

from .. import tasks
from ..models import ActaImport, ActaImportPage, Forum
from ._audit import audit_record
from .errors import ForumError
from .import_commit import acta_import_commit
from .import_pages import acta_import_pages_drop

if TYPE_CHECKING:
    from django.contrib.auth.models import User
    from django.core.files.uploadedfile import UploadedFile

MAX_ACTA_BYTES = 20 * 1024 * 1024
SUFFIXES = {".txt", ".md", ".docx", ".pdf"}
LOW_WORD_CONFIDENCE = 60.0  # Tesseract's 0-100: words below it are marked on the review screen

__all__ = [
    "MAX_ACTA_BYTES",
    "SUFFIXES",
    "ActaUpload",
    "acta_import_commit",
    "acta_import_discard",
    "acta_import_pages_drop",
    "acta_limits",
    "acta_read",
    "acta_upload",
]


def acta_limits(max_bytes: int = MAX_ACTA_BYTES) -> Limits:
    """The reading caps of the settings."""
    return Limits(
        max_bytes=max_bytes,
        max_pages=settings.ACTA_MAX_PAGES,
        max_ocr_pages=settings.ACTA_MAX_OCR_PAGES,
        seconds=settings.ACTA_READ_SECONDS,
        memory_bytes=settings.ACTA_READ_MEMORY_MB * 1024 * 1024,
    )


def acta_read(
    *, actor: User | None, forum: Forum, filename: str, content: bytes
) -> tuple[ActaImport, bool]:
    """Read an acta file into a pending import; the same file again returns the first one."""
    suffix = Path(filename).suffix.lower()
    if suffix not in SUFFIXES:
        raise ForumError(
            _("Formato no admitido (%(suffix)s): suba un archivo .txt, .md, .docx o .pdf.")
            % {"suffix": suffix or _("sin extensión")}
        )
    if len(content) > MAX_ACTA_BYTES:
        raise ForumError(_("El archivo pesa más de 20 MB; no se leyó."))
    digest = hashlib.sha256(content).hexdigest()
    existing = ActaImport.objects.filter(forum=forum, source_sha256=digest).first()
    if existing is not None:
        return existing, False
    with tempfile.TemporaryDirectory(prefix="acta-") as workdir:
        source = Path(workdir) / f"acta{suffix}"
        source.write_bytes(content)
        try:
            reading = read_acta_limited(source, acta_limits(), Path(workdir))
        except ActaReadError as exc:
            raise ForumError(str(exc)) from exc
        stored = ContentFile(content, name=f"{digest[:16]}{suffix}")
        with transaction.atomic():
            acta_import, created = ActaImport.objects.get_or_create(
                forum=forum,
                source_sha256=digest,
                defaults={
                    "source_name": Path(filename).name[:255],
                    "source_text": reading.text,
                    "source_file": stored,
                    "parsed": reading.parsed,
                    "created_by": actor,
                },
            )
            if created:
                _pages_store(acta_import, digest, reading.pages)
                audit_record(
                    actor=actor,
                    action="acta.read",
                    target=acta_import,
                    changes={
                        "file": acta_import.source_name,
                        "sha256": digest,
                        "ocr_pages": len(reading.pages),
                    },
                )
    return acta_import, created


@dataclass(frozen=True)
class ActaUpload:
    """Where an uploaded acta went: the earlier reading of the same file, or a worker's job."""

    earlier: ActaImport | None = None
    job: Job | None = None


def acta_upload(*, actor: User, forum: Forum, upload: UploadedFile) -> ActaUpload:
    """Send an uploaded acta (already checked by size, extension and content) to be read.

    The same file read before for this forum gives that reading back. Otherwise the file is
    kept in storage and a worker reads it (``tasks.acta_read``, which writes the ``acta.read``
    audit row and drops the stored file): a long scanned PDF takes a while.
    """
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    earlier = ActaImport.objects.filter(forum=forum, source_sha256=digest.hexdigest()).first()
    if earlier is not None:
        return ActaUpload(earlier=earlier)
    upload.seek(0)
    filename = upload.name or "acta"
    stored_name = default_storage.save(
        f"uploads/actas/{uuid.uuid4().hex}{Path(filename).suffix.lower()}", upload
    )
    job = tasks.acta_read_later(
        forum=forum, actor=actor, stored_name=stored_name, filename=filename
    )
    return ActaUpload(job=job)


def _pages_store(acta_import: ActaImport, digest: str, pages: list[OcrPage]) -> None:
    for page in pages:
        if page.image is None:
            continue
        low = {word.text for word in page.words if word.confidence < LOW_WORD_CONFIDENCE}
        ActaImportPage.objects.create(
            acta_import=acta_import,
            number=page.number,
            image=ContentFile(page.image.read_bytes(), name=f"{digest[:16]}-{page.number}.jpg"),
            text=page.text,
            confidence=page.confidence,
            low_words=sorted(low),
        )


@transaction.atomic
def acta_import_discard(*, actor: User | None, acta_import: ActaImport) -> ActaImport:
    """Set a pending import aside without saving anything; its page images go."""
    acta_import = ActaImport.objects.select_for_update().get(pk=acta_import.pk)
    if acta_import.status != ActaImport.Status.PENDING:
        raise ForumError(_("Esta acta ya se importó o se descartó."))
    acta_import.status = ActaImport.Status.DISCARDED
    acta_import.save(update_fields=["status", "updated_at"])
    acta_import_pages_drop(acta_import)
    audit_record(
        actor=actor,
        action="acta.discarded",
        target=acta_import,
        changes={"file": acta_import.source_name, "sha256": acta_import.source_sha256},
    )
    return acta_import
