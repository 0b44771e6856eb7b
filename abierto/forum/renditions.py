"""The published acta's PDF and DOCX, rendered once and kept in storage.

A published acta never changes (its SHA-256 is frozen), so its files are rendered once, by a
worker right after publication, and then read from storage (local disk or object storage)
by every app server. A draft is rendered on each request and never kept.
"""

from __future__ import annotations

from collections.abc import Callable

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from .models import Minutes

# Raised when the templates of the acta change, so that older renditions are not served.
RENDITION_VERSION = 1


def _renderer(extension: str) -> Callable[[Minutes], bytes]:
    from . import documents

    return {"pdf": documents.minutes_pdf, "docx": documents.minutes_docx}[extension]


def rendition_name(minutes: Minutes, extension: str) -> str:
    return (
        f"renditions/actas/{minutes.pk}-{minutes.content_hash[:32]}"
        f"-v{RENDITION_VERSION}.{extension}"
    )


def minutes_file(minutes: Minutes, extension: str) -> bytes:
    """The acta as ``extension`` (pdf, docx): from storage when published and already there."""
    render = _renderer(extension)
    if minutes.status != Minutes.Status.PUBLISHED or not minutes.content_hash:
        return render(minutes)
    name = rendition_name(minutes, extension)
    if default_storage.exists(name):
        with default_storage.open(name, "rb") as handle:
            return handle.read()
    content = render(minutes)
    if not default_storage.exists(name):  # another worker may have just written it
        default_storage.save(name, ContentFile(content))
    return content
