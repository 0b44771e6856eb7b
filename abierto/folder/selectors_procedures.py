"""Reads of procedures (trámites): the catalogue, a citizen's requests, an agency's queue, and
exactly what a request sends (the preview the citizen consents to, the agency's evidence)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from . import selectors
from .credentials import derived_claims, disclosable_claims, display_claims
from .models import (
    Citizen,
    Document,
    DocumentType,
    Issuer,
    Procedure,
    ProcedureRequest,
    Relation,
    VerificationStatus,
)

# What an agency still has to act upon; a draft or a withdrawn request never reaches it.
AGENCY_STATUSES = (
    ProcedureRequest.Status.CONSENTED,
    ProcedureRequest.Status.RECEIVED,
    ProcedureRequest.Status.CHECKED,
)


def procedures_available() -> QuerySet[Procedure]:
    return Procedure.objects.filter(active=True, issuer__active=True).select_related(
        "issuer__institution", "produces"
    )


def procedure_by_code(code: str) -> Procedure:
    """An active procedure by its RETyS code, else ``Procedure.DoesNotExist``."""
    return procedures_available().get(code=code)


@dataclass(frozen=True)
class Requirement:
    """A document a procedure asks for, the labels of the fields it reads, and why."""

    document_type: DocumentType
    labels: list[str]
    fields: list[str]
    purpose: str


def requirements_of(procedure: Procedure) -> list[Requirement]:
    types = DocumentType.objects.in_bulk(procedure.required_types(), field_name="slug")
    found = []
    for entry in procedure.requirements:
        document_type = types[entry["document_type"]]
        labels = {claim.name: claim.label for claim in disclosable_claims(document_type)}
        found.append(
            Requirement(
                document_type,
                [labels.get(name, name) for name in entry["fields"]],
                list(entry["fields"]),
                entry["purpose"],
            )
        )
    return found


def evidence_document(citizen: Citizen, type_slug: str) -> Document | None:
    """The citizen's own newest valid document of a type: what a procedure would take."""
    candidates = selectors.documents_for_citizen(citizen).filter(
        document_type__slug=type_slug,
        holders__cuts_index=citizen.cuts_index,
        holders__relation=Relation.HOLDER,
    )
    now = timezone.now()
    for document in candidates:
        if document.verification_status(now) == VerificationStatus.VALID:
            return document
    return None


def requested_values(document: Document, names: list[str]) -> dict[str, Any]:
    """The values of ``names`` only (a derived claim such as mayor_de_18 computed today)."""
    fields = selectors.document_fields(document)
    available = {**fields, **derived_claims(fields, timezone.localdate())}
    return {name: available[name] for name in names if name in available}


@dataclass(frozen=True)
class EvidenceItem:
    """One document of a request: what goes, shown as the citizen reads it, and why."""

    document: Document
    purpose: str
    claims: list[tuple[str, str]]


def evidence_preview(procedure_request: ProcedureRequest) -> list[EvidenceItem]:
    """Exactly what the request sends (or sent): per document, the labelled values."""
    public_ids = [entry["document"] for entry in procedure_request.evidence]
    documents = Document.objects.select_related("document_type", "issuer__institution").in_bulk(
        public_ids, field_name="public_id"
    )
    items = []
    for entry in procedure_request.evidence:
        document = documents[entry["document"]]
        values = requested_values(document, entry["fields"])
        items.append(
            EvidenceItem(document, entry["purpose"], display_claims(document.document_type, values))
        )
    return items


def procedure_requests_for_citizen(citizen: Citizen) -> QuerySet[ProcedureRequest]:
    return (
        ProcedureRequest.objects.filter(citizen=citizen)
        .select_related("procedure__issuer__institution", "result")
        .order_by("-created_at")
    )


def procedure_request_for_citizen(citizen: Citizen, public_id: str) -> ProcedureRequest:
    """One request of the citizen, else ``ProcedureRequest.DoesNotExist`` (also for others')."""
    return procedure_requests_for_citizen(citizen).get(public_id=public_id)


def procedure_requests_for_issuer(
    issuer: Issuer, statuses: tuple[str, ...] = AGENCY_STATUSES
) -> QuerySet[ProcedureRequest]:
    """Requests of the issuer's own procedures, oldest consent first; never a draft."""
    return (
        ProcedureRequest.objects.filter(procedure__issuer=issuer, status__in=statuses)
        .select_related("procedure__produces", "result")
        .order_by("consented_at", "pk")
    )


def procedure_request_for_issuer(issuer: Issuer, public_id: str) -> ProcedureRequest:
    """A request an agency may see; another agency's, or a draft, is ``DoesNotExist``."""
    sent = [*AGENCY_STATUSES, ProcedureRequest.Status.RESOLVED, ProcedureRequest.Status.REJECTED]
    return procedure_requests_for_issuer(issuer, tuple(sent)).get(public_id=public_id)
