"""What every rendering of an acta shares: where the templates are, the title, the status
line printed on every page, the seal's hash."""

from __future__ import annotations

import datetime
import hashlib
from pathlib import Path
from typing import Any

from django.utils import timezone

from ..models import Minutes
from .markup import Block

TEMPLATES = "forum/documents"
ASSETS_DIR = Path(__file__).resolve().parents[1] / "templates" / "forum" / "documents"
LANGUAGE = "es-MX"
LETTER_PLACE = "Toluca de Lerdo, Estado de México"  # where the letters are signed

# --- Shared pieces -----------------------------------------------------------


def content_hash(text: str) -> str:
    """The SHA-256 that ``minutes_approve`` freezes: of the text in UTF-8."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def minutes_title(minutes: Minutes) -> str:
    return f"Acta de la {minutes.session.title}"


def minutes_status_line(minutes: Minutes) -> str:
    """The footer of every page: a draft has no validity; an approved acta shows its seal."""
    if minutes.approved_in_original:
        line = f"Aprobada en su original (SHA-256 del original {minutes.original_sha256[:16]}…)"
        line += f" · SHA-256 {minutes.content_hash}"
    elif minutes.status == Minutes.Status.DRAFT or minutes.approval_agreement is None:
        return "BORRADOR — sin validez"
    else:
        code = minutes.approval_agreement.code
        line = f"Aprobada mediante acuerdo {code} · SHA-256 {minutes.content_hash}"
    if content_hash(minutes.text) != minutes.content_hash:
        line += " · ATENCIÓN: el texto no coincide con esta huella"
    return line


def _local_iso(moment: datetime.datetime | None) -> str:
    if moment is None:
        return ""
    if timezone.is_aware(moment):
        moment = timezone.localtime(moment)
    return moment.replace(microsecond=0).isoformat()


def _blocks_context(blocks: list[Block], top: int) -> dict[str, Any]:
    return {"blocks": blocks, "top": top, "sub": top + 1}
