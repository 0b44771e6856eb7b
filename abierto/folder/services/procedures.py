"""Procedures (trámites) that use the folder's documents: start, consent, withdraw; and for
the agency in charge, receive the evidence, check it, reject or resolve (issue the result).

Each step is one transaction with its audit row and its event in the citizen's access log.
The agency acts through its API token, so its audit rows have no user (``actor=None``) and
name the issuer in ``changes``.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from abierto.directory.services import audit_record

from .. import actor_labels
from ..credentials import shared_credential
from ..models import AccessEvent, Citizen, Document, Issuer, Procedure, ProcedureRequest
from ..selectors_procedures import evidence_document, requested_values, requirements_of
from .access import access_record
from .documents import document_issue
from .errors import FolderError

MAX_REASON = 2000
Status = ProcedureRequest.Status
Action = AccessEvent.Action


class ProcedureStateError(FolderError):
    """The request is not at a step where this can happen."""


class MissingEvidenceError(FolderError):
    """The citizen's folder lacks a valid document the procedure needs."""


def _issuer_label(issuer: Issuer) -> str:
    return actor_labels.channel(actor_labels.stored(actor_labels.ISSUER, issuer=issuer), "API")


def _log(
    procedure_request: ProcedureRequest,
    action: str,
    actor_label: str,
    document: Document | None = None,
    ip: str | None = None,
) -> None:
    access_record(
        action=action,
        actor_label=actor_label,
        citizen=procedure_request.citizen,
        document=document,
        agency=procedure_request.procedure.issuer.institution,
        ip=ip,
    )


def _locked(procedure_request: ProcedureRequest, *allowed: str) -> ProcedureRequest:
    locked = (
        ProcedureRequest.objects.select_for_update()
        .select_related("procedure__issuer__institution", "procedure__produces", "citizen")
        .get(pk=procedure_request.pk)
    )
    if locked.status not in allowed:
        raise ProcedureStateError(
            _("La solicitud está en «%(status)s»: no admite este paso.")
            % {"status": locked.get_status_display()}
        )
    return locked


def _evidence(citizen: Citizen, procedure: Procedure) -> list[dict[str, Any]]:
    evidence, missing = [], []
    for requirement in requirements_of(procedure):
        document = evidence_document(citizen, requirement.document_type.slug)
        if document is None:
            missing.append(requirement.document_type.name)
            continue
        evidence.append(
            {
                "document": document.public_id,
                "document_type": requirement.document_type.slug,
                "fields": requirement.fields,
                "purpose": requirement.purpose,
            }
        )
    if missing:
        raise MissingEvidenceError(
            _("Para este trámite le falta en su carpeta, vigente y a su nombre: %(types)s.")
            % {"types": ", ".join(missing)}
        )
    return evidence


@transaction.atomic
def procedure_start(*, citizen: Citizen, procedure: Procedure) -> ProcedureRequest:
    """A draft request with the documents and fields it would send; nothing leaves yet."""
    if not procedure.active or not procedure.issuer.active:
        raise FolderError(_("Este trámite no admite solicitudes por ahora."))
    procedure_request = ProcedureRequest.objects.create(
        procedure=procedure, citizen=citizen, evidence=_evidence(citizen, procedure)
    )
    audit_record(
        actor=citizen.user,
        action="folder.procedure.start",
        target=procedure_request,
        changes={"procedure": procedure.code},
    )
    _log(procedure_request, Action.PROCEDURE_START, actor_labels.HOLDER)
    return procedure_request


@transaction.atomic
def procedure_consent(
    *, citizen: Citizen, procedure_request: ProcedureRequest, ip: str | None = None
) -> ProcedureRequest:
    """The citizen's explicit consent: the agency may now fetch exactly ``evidence``."""
    locked = _locked(procedure_request, Status.DRAFT)
    if locked.citizen_id != citizen.pk:
        raise FolderError(_("Solo la persona titular puede consentir su solicitud."))
    # The documents chosen at the start must still be valid and the citizen's.
    fresh = _evidence(citizen, locked.procedure)
    if fresh != locked.evidence:
        raise ProcedureStateError(
            _(
                "Sus documentos cambiaron desde que inició el trámite: iníciela de nuevo para "
                "ver qué se enviaría."
            )
        )
    locked.status = Status.CONSENTED
    locked.consented_at = timezone.now()
    locked.save(update_fields=["status", "consented_at", "updated_at"])
    audit_record(
        actor=citizen.user,
        action="folder.procedure.consent",
        target=locked,
        changes={"agency": locked.procedure.issuer.slug, "evidence": locked.evidence},
    )
    _log(locked, Action.PROCEDURE_CONSENT, actor_labels.HOLDER, ip=ip)
    return locked


@transaction.atomic
def procedure_withdraw(
    *, citizen: Citizen, procedure_request: ProcedureRequest
) -> ProcedureRequest:
    """Withdraw a draft, or the consent while the agency has not received the data."""
    locked = _locked(procedure_request, Status.DRAFT, Status.CONSENTED)
    if locked.citizen_id != citizen.pk:
        raise FolderError(_("Solo la persona titular puede retirar su solicitud."))
    locked.status = Status.WITHDRAWN
    locked.closed_at = timezone.now()
    locked.save(update_fields=["status", "closed_at", "updated_at"])
    audit_record(actor=citizen.user, action="folder.procedure.withdraw", target=locked)
    _log(locked, Action.PROCEDURE_WITHDRAW, actor_labels.HOLDER)
    return locked


@dataclass(frozen=True)
class Evidence:
    """What an agency receives of one document: the requested fields only."""

    document: Document
    document_type: str
    purpose: str
    fields: dict[str, Any]
    presentation: str  # SD-JWT VC with the disclosures of ``fields`` only


def _mine(issuer: Issuer, procedure_request: ProcedureRequest) -> None:
    if procedure_request.procedure.issuer_id != issuer.pk:
        raise FolderError(_("La solicitud es de un trámite de otra dependencia."))


@transaction.atomic
def procedure_evidence(
    *, issuer: Issuer, procedure_request: ProcedureRequest, ip: str | None = None
) -> list[Evidence]:
    """The consented documents, each with only its requested fields. The first fetch marks
    the request received (the citizen can no longer withdraw); each fetch is logged."""
    _mine(issuer, procedure_request)
    locked = _locked(procedure_request, Status.CONSENTED, Status.RECEIVED, Status.CHECKED)
    documents = Document.objects.select_related("document_type", "issuer").in_bulk(
        [entry["document"] for entry in locked.evidence], field_name="public_id"
    )
    found = []
    for entry in locked.evidence:
        document = documents[entry["document"]]
        names = list(entry["fields"])
        found.append(
            Evidence(
                document=document,
                document_type=entry["document_type"],
                purpose=entry["purpose"],
                fields=requested_values(document, names),
                presentation=shared_credential(document, names).presentation,
            )
        )
        _log(locked, Action.PROCEDURE_RECEIVE, _issuer_label(issuer), document=document, ip=ip)
    if locked.status == Status.CONSENTED:
        locked.status = Status.RECEIVED
        locked.received_at = timezone.now()
        locked.save(update_fields=["status", "received_at", "updated_at"])
        audit_record(
            actor=None,
            action="folder.procedure.receive",
            target=locked,
            changes={"agency": issuer.slug},
        )
    return found


@transaction.atomic
def procedure_check(*, issuer: Issuer, procedure_request: ProcedureRequest) -> ProcedureRequest:
    """The agency checked the evidence it received."""
    _mine(issuer, procedure_request)
    locked = _locked(procedure_request, Status.RECEIVED)
    locked.status = Status.CHECKED
    locked.checked_at = timezone.now()
    locked.save(update_fields=["status", "checked_at", "updated_at"])
    audit_record(
        actor=None, action="folder.procedure.check", target=locked, changes={"agency": issuer.slug}
    )
    _log(locked, Action.PROCEDURE_CHECK, _issuer_label(issuer))
    return locked


@transaction.atomic
def procedure_reject(
    *, issuer: Issuer, procedure_request: ProcedureRequest, reason: str
) -> ProcedureRequest:
    """The agency refuses the request, saying why (the citizen reads it)."""
    _mine(issuer, procedure_request)
    reason = reason.strip()
    if not reason:
        raise FolderError(_("Escriba el motivo del rechazo."))
    locked = _locked(procedure_request, Status.CONSENTED, Status.RECEIVED, Status.CHECKED)
    locked.status = Status.REJECTED
    locked.rejection_reason = reason[:MAX_REASON]
    locked.closed_at = timezone.now()
    locked.save(update_fields=["status", "rejection_reason", "closed_at", "updated_at"])
    audit_record(
        actor=None,
        action="folder.procedure.reject",
        target=locked,
        changes={"agency": issuer.slug, "reason": locked.rejection_reason},
    )
    _log(locked, Action.PROCEDURE_REJECT, _issuer_label(issuer))
    return locked


@transaction.atomic
def procedure_resolve(
    *,
    issuer: Issuer,
    procedure_request: ProcedureRequest,
    fields: dict[str, Any],
    reference: str,
    issued_at: datetime.datetime | None = None,
) -> ProcedureRequest:
    """Issue the procedure's document into the citizen's folder and close the request.

    The document goes to the request's citizen: the agency never needs their CUTS. Schema
    errors raise ``InvalidDocumentDataError`` and leave the request as it was."""
    _mine(issuer, procedure_request)
    locked = _locked(procedure_request, Status.CHECKED)
    document, _created = document_issue(
        issuer=issuer,
        type_slug=locked.procedure.produces.slug,
        cuts=locked.citizen.cuts,
        fields=fields,
        reference=reference,
        issued_at=issued_at,
        actor_label=_issuer_label(issuer),
    )
    locked.status = Status.RESOLVED
    locked.result = document
    locked.closed_at = timezone.now()
    locked.save(update_fields=["status", "result", "closed_at", "updated_at"])
    audit_record(
        actor=None,
        action="folder.procedure.resolve",
        target=locked,
        changes={"agency": issuer.slug, "document": document.public_id},
    )
    return locked
