"""Existing actas into the record: read a file, let the facilitator review, then save.

The parser (``abierto.lib.acta``) proposes; nothing reaches the forum's record until the
facilitator has seen the reading beside the source text and corrected it.
"""

from __future__ import annotations

import hashlib
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from abierto.lib.acta import ActaReadError, extract_text, parse_acta_text

from ..models import ActaImport, Forum
from ._audit import audit_record
from .errors import ForumError
from .import_commit import acta_import_commit

if TYPE_CHECKING:
    from django.contrib.auth.models import User

MAX_ACTA_BYTES = 20 * 1024 * 1024
SUFFIXES = {".txt", ".md", ".docx", ".pdf"}

__all__ = ["MAX_ACTA_BYTES", "SUFFIXES", "acta_import_commit", "acta_read"]


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
    with tempfile.NamedTemporaryFile(suffix=suffix) as handle:
        handle.write(content)
        handle.flush()
        try:
            text = extract_text(handle.name, max_bytes=MAX_ACTA_BYTES)
        except ActaReadError as exc:
            raise ForumError(str(exc)) from exc
    parsed = parse_acta_text(text)
    stored = ContentFile(content, name=f"{digest[:16]}{suffix}")
    with transaction.atomic():
        acta_import, created = ActaImport.objects.get_or_create(
            forum=forum,
            source_sha256=digest,
            defaults={
                "source_name": Path(filename).name[:255],
                "source_text": text,
                "source_file": stored,
                "parsed": parsed,
                "created_by": actor,
            },
        )
        if created:
            audit_record(
                actor=actor,
                action="acta.read",
                target=acta_import,
                changes={"file": acta_import.source_name, "sha256": digest},
            )
    return acta_import, created
