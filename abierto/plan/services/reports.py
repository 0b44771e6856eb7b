"""Progress reports and their evidence."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from abierto.lib.uploads import Kind, check_upload

from ..models import Commitment, Evidence, ProgressReport
from ._audit import audit_record
from .errors import PlanError

if TYPE_CHECKING:
    from django.contrib.auth.models import User

    from abierto.forum.models import Session

MAX_EVIDENCE_BYTES = 10 * 1024 * 1024
# What EVIDENCE_EXTENSIONS name, told apart by content: a file is what its extension says.
EVIDENCE_KINDS = {
    Kind.PDF,
    Kind.PNG,
    Kind.JPEG,
    Kind.DOCX,
    Kind.XLSX,
    Kind.ODT,
    Kind.ODS,
    Kind.TEXT,
}


@dataclass(frozen=True)
class EvidenceInput:
    title: str
    url: str = ""
    file: UploadedFile | None = None


@transaction.atomic
def progress_report_create(
    *,
    actor: User | None,
    commitment: Commitment,
    date: datetime.date,
    text: str,
    session: Session | None = None,
    evidence: list[EvidenceInput] | None = None,
) -> ProgressReport:
    """Record a progress report, optionally naming the session where it was presented."""
    text = text.strip()
    if not text:
        raise PlanError(_("El reporte necesita un texto."))
    if date > timezone.localdate():
        raise PlanError(_("La fecha del reporte no puede ser posterior a hoy."))
    if session is not None and session.status == session.Status.CANCELLED:
        raise PlanError(_("La sesión elegida fue cancelada."))
    report = ProgressReport(
        commitment=commitment,
        date=date,
        text=text,
        session=session,
        author=actor if actor is not None and actor.is_authenticated else None,
    )
    report.full_clean()
    report.save()
    audit_record(
        actor=actor,
        action="progress_report.created",
        target=report,
        changes={
            "commitment": commitment.code,
            "date": date.isoformat(),
            "session": session.public_id if session else None,
        },
    )
    for item in evidence or []:
        _evidence_add(actor=actor, report=report, item=item)
    return report


def _evidence_add(*, actor: User | None, report: ProgressReport, item: EvidenceInput) -> Evidence:
    title = item.title.strip()
    if not title:
        raise PlanError(_("Cada evidencia necesita un título."))
    if bool(item.url) == bool(item.file):
        raise PlanError(_("Una evidencia es un enlace o un archivo, no ambos ni ninguno."))
    if item.file is not None and (item.file.size or 0) > MAX_EVIDENCE_BYTES:
        raise PlanError(_("El archivo de evidencia pesa más de 10 MB."))
    evidence = Evidence(report=report, title=title, url=item.url.strip())
    if item.file is not None:
        evidence.file = item.file
    evidence.full_clean()
    if item.file is not None:
        try:
            check_upload(item.file, allowed=EVIDENCE_KINDS, max_bytes=MAX_EVIDENCE_BYTES)
        except ValidationError as exc:
            raise PlanError(exc.messages) from exc
    evidence.save()
    audit_record(
        actor=actor,
        action="evidence.added",
        target=evidence,
        changes={"report": report.public_id, "title": title, "url": evidence.url},
    )
    return evidence


@transaction.atomic
def evidence_add(*, actor: User | None, report: ProgressReport, item: EvidenceInput) -> Evidence:
    return _evidence_add(actor=actor, report=report, item=item)
