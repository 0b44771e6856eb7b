"""Bulk uploads in two steps: check the whole file (saving nothing), then confirm it.

``upload_check`` keeps a file only if every row passed, as an ``Upload`` holding the parsed
rows; ``upload_apply`` saves those rows all together in one transaction or none of them.
"""

from __future__ import annotations

import datetime
import hashlib
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from abierto.directory.models import Municipality
from abierto.lib.tabular import CellError, read_table

from .. import upload_checks, uploads
from ..models import (
    ActivityKind,
    Commitment,
    Indicator,
    Milestone,
    ServiceType,
    Upload,
    UploadKind,
)
from ..selectors import commitments_editable_by
from ._audit import audit_record
from .activities import activity_create
from .errors import PlanError
from .indicators import record_value
from .milestones import set_status

if TYPE_CHECKING:
    from django.contrib.auth.models import User

UPLOAD_LIFETIME = datetime.timedelta(hours=24)


@dataclass
class UploadCheck:
    """What the check found: the errors, or the stored upload waiting for confirmation."""

    upload: Upload | None
    errors: list[CellError] = field(default_factory=list)
    preview_headers: list[str] = field(default_factory=list)
    preview: list[list[str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.upload is not None and not self.errors


def upload_check(
    *,
    actor: User,
    kind: str,
    data: bytes,
    filename: str,
    commitment: Commitment | None = None,
) -> UploadCheck:
    """Read and check every row; keep the file for confirmation only if it has no error."""
    if kind not in UploadKind.values:
        raise PlanError(_("Tipo de carga desconocido."))
    table = read_table(
        data, filename, uploads.columns_for(kind), municipalities=uploads.municipality_names()
    )
    checked = upload_checks.check_rows(kind, table.rows, user=actor, commitment=commitment)
    # By row; within a row, cells in the order of the file, then the checks against the records.
    errors = sorted([*table.errors, *checked.errors], key=lambda e: e.row or 0)
    if errors:
        return UploadCheck(None, errors, checked.preview_headers, checked.preview)
    with transaction.atomic():
        upload = Upload(
            kind=kind,
            uploaded_by=actor,
            commitment=commitment if kind == UploadKind.CARAVAN_VISITS else None,
            filename=filename[-255:],
            sha256=hashlib.sha256(data).hexdigest(),
            row_count=len(checked.rows),
            rows=checked.rows,
        )
        upload.full_clean()
        upload.save()
        audit_record(
            actor=actor,
            action="upload.checked",
            target=upload,
            changes={"kind": kind, "filename": upload.filename, "rows": upload.row_count},
        )
    return UploadCheck(upload, [], checked.preview_headers, checked.preview)


def upload_apply(*, actor: User, upload: Upload) -> int:
    """Save every row of a checked upload, or none: returns how many rows changed something.

    The rows are checked again against the records as they are now (someone may have
    recorded the same visit meanwhile); any problem refuses the whole upload.
    """
    with transaction.atomic():
        locked = Upload.objects.select_for_update().get(pk=upload.pk)
        if locked.uploaded_by_id != actor.pk:
            raise PlanError(_("Solo quien cargó el archivo puede confirmarlo."))
        if locked.status == Upload.Status.APPLIED:
            raise PlanError(_("Esta carga ya se guardó."))
        if timezone.now() - locked.created_at > UPLOAD_LIFETIME:
            raise PlanError(_("La revisión de esta carga caducó: cárguela de nuevo."))
        if locked.kind == UploadKind.INDICATOR_VALUES:
            changed = _apply_indicator_values(actor, locked.rows)
        elif locked.kind == UploadKind.MILESTONES:
            changed = _apply_milestones(actor, locked.rows)
        else:
            changed = _apply_caravan_visits(actor, locked)
        locked.status = Upload.Status.APPLIED
        locked.applied_at = timezone.now()
        locked.save(update_fields=["status", "applied_at", "updated_at"])
        audit_record(
            actor=actor,
            action="upload.applied",
            target=locked,
            changes={"kind": locked.kind, "rows": locked.row_count, "changed": changed},
        )
    return changed


def _editable_ids(actor: User) -> set[int]:
    return set(commitments_editable_by(actor).values_list("pk", flat=True))


def _apply_indicator_values(actor: User, rows: list[dict[str, Any]]) -> int:
    editable = _editable_ids(actor)
    indicators = Indicator.objects.in_bulk({row["indicator"] for row in rows})
    municipalities = {m.code: m for m in Municipality.objects.all()}
    for row in rows:
        indicator = indicators.get(row["indicator"])
        if indicator is None or indicator.commitment_id not in editable:
            raise PlanError(_("Un indicador de la carga ya no se puede actualizar."))
        record_value(
            actor=actor,
            indicator=indicator,
            date=datetime.date.fromisoformat(row["date"]),
            value=Decimal(row["value"]),
            municipality=municipalities[row["municipality"]] if row["municipality"] else None,
            note=row["note"],
        )
    return len(rows)


def _apply_milestones(actor: User, rows: list[dict[str, Any]]) -> int:
    editable = _editable_ids(actor)
    milestones = (
        Milestone.objects.select_for_update()
        .select_related("action_line__commitment")
        .in_bulk({row["milestone"] for row in rows})
    )
    changed = 0
    for row in rows:
        milestone = milestones.get(row["milestone"])
        if milestone is None or milestone.action_line.commitment_id not in editable:
            raise PlanError(_("Un hito de la carga ya no se puede actualizar."))
        met_on = datetime.date.fromisoformat(row["met_on"]) if row["met_on"] else None
        changed += set_status(actor=actor, milestone=milestone, status=row["status"], met_on=met_on)
    return changed


def _apply_caravan_visits(actor: User, upload: Upload) -> int:
    commitment = upload.commitment
    if commitment is None or commitment.pk not in _editable_ids(actor):
        raise PlanError(_("El compromiso de la carga ya no se puede actualizar."))
    kind = ActivityKind.objects.filter(is_caravan=True).order_by("order", "pk").first()
    if kind is None:
        raise PlanError(_("Falta el tipo de actividad «caravana» en la administración."))
    municipalities = {m.code: m for m in Municipality.objects.all()}
    service_types = {t.slug: t for t in ServiceType.objects.all()}
    institutions = [commitment.responsible]
    actor_institution = getattr(getattr(actor, "person", None), "institution", None)
    if actor_institution is not None and actor_institution != commitment.responsible:
        institutions.append(actor_institution)
    for row in upload.rows:
        municipality = municipalities[row["municipality"]]
        activity_create(
            actor=actor,
            kind=kind,
            title=row["title"]
            or _("%(kind)s en %(municipality)s")
            % {"kind": kind.name, "municipality": municipality.name},
            date=datetime.date.fromisoformat(row["date"]),
            status="held",
            municipality=municipality,
            place=row["place"],
            commitment=commitment,
            institutions=institutions,
            people_served=row["people"],
            services={service_types[slug]: count for slug, count in row["services"].items()},
        )
    return len(upload.rows)
