"""The agencies' side of procedures (trámites): the requests of their own procedures, the
evidence each citizen consented to send (only the requested fields), and the result.

Same token as the issuer API (``Authorization: Bearer <token>``). An agency sees only the
requests of the procedures it is in charge of, and only after the citizen consented; any
other request answers 404. Flow: list → evidence (marks it received) → check → resolve
(issues the procedure's document into the citizen's folder) or reject.

No ``from __future__ import annotations`` here: ninja reads the annotations at import time.
"""

import datetime
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from pydantic import ConfigDict

from abierto.directory import ratelimit

from . import services
from .api import REFUSALS, DocumentOut, IssuerToken, _out, _refusal
from .models import Issuer, ProcedureRequest
from .selectors_procedures import (
    AGENCY_STATUSES,
    procedure_request_for_issuer,
    procedure_requests_for_issuer,
    requirements_of,
)

router = Router(tags=["Trámites (dependencias)"], auth=IssuerToken())
REQUEST_ID = "Jx3c0QpZr8VwLmN2sT5yUa"
NOT_FOUND = 404


class RequirementOut(Schema):
    document_type: str = Field(..., description="Clave del tipo de documento.")
    fields: list[str] = Field(..., description="Los únicos datos que se piden de él.")
    purpose: str = Field(..., description="Para qué los pide el trámite.")


class ProcedureRequestOut(Schema):
    id: str = Field(..., description="Identificador de la solicitud.", examples=[REQUEST_ID])
    procedure: str = Field(..., description="Clave RETyS del trámite.", examples=["SEMOV-LIC-002"])
    status: str = Field(
        ...,
        description="consented, received, checked, resolved o rejected.",
        examples=["consented"],
    )
    consented_at: datetime.datetime | None = Field(..., description="Consentimiento de la persona.")
    received_at: datetime.datetime | None = Field(..., description="Primera entrega de los datos.")
    checked_at: datetime.datetime | None = Field(..., description="Revisión de la dependencia.")
    produces: str = Field(..., description="Tipo del documento que emite el trámite.")
    requirements: list[RequirementOut] = Field(..., description="Qué se pide y para qué.")
    result: str | None = Field(None, description="Documento emitido, si ya se resolvió.")
    rejection_reason: str = Field("", description="Motivo del rechazo, si se rechazó.")


class RequestListOut(Schema):
    items: list[ProcedureRequestOut]


class ProcedureEvidenceOut(Schema):
    document_id: str = Field(..., description="Identificador público del documento (jti).")
    document_type: str = Field(..., description="Clave del tipo de documento.")
    issuer: str = Field(..., description="Clave del emisor del documento.")
    purpose: str = Field(..., description="Para qué se pidió.")
    fields: dict[str, Any] = Field(
        ...,
        description="Solo los datos pedidos (más los derivados, como mayor_de_18, si se piden).",
        examples=[{"nombre": "María Guadalupe", "mayor_de_18": True}],
    )
    presentation: str = Field(
        ...,
        description="SD-JWT VC con solo esas revelaciones (verifíquela en "
        "/api/v1/verifier/sd-jwt o con las llaves publicadas); vacía si el emisor ya no tiene "
        "llave de firma.",
    )


class ProcedureEvidenceSetOut(Schema):
    request: ProcedureRequestOut
    evidence: list[ProcedureEvidenceOut]


class RejectIn(Schema):
    model_config = ConfigDict(extra="forbid")

    reason: str = Field(
        ...,
        min_length=1,
        max_length=2000,
        description="Motivo, que la persona lee en su carpeta.",
        examples=["El acta no corresponde a la CURP registrada."],
    )


class ResolveIn(Schema):
    model_config = ConfigDict(extra="forbid")

    reference: str = Field(
        ...,
        min_length=1,
        max_length=100,
        description="Folio propio de la dependencia para el documento emitido.",
        examples=["LIC-2026-000124"],
    )
    fields: dict[str, Any] = Field(
        ..., description="Datos del documento que emite el trámite, según su esquema."
    )
    issued_at: datetime.datetime | None = Field(
        None, description="Fecha de emisión con zona horaria; por omisión, ahora."
    )


class ResolvedOut(Schema):
    request: ProcedureRequestOut
    document: DocumentOut


def _request_out(procedure_request: ProcedureRequest) -> dict[str, Any]:
    procedure = procedure_request.procedure
    return {
        "id": procedure_request.public_id,
        "procedure": procedure.code,
        "status": procedure_request.status,
        "consented_at": procedure_request.consented_at,
        "received_at": procedure_request.received_at,
        "checked_at": procedure_request.checked_at,
        "produces": procedure.produces.slug,
        "requirements": [
            {"document_type": r.document_type.slug, "fields": r.fields, "purpose": r.purpose}
            for r in requirements_of(procedure)
        ],
        "result": procedure_request.result.public_id if procedure_request.result else None,
        "rejection_reason": procedure_request.rejection_reason,
    }


def _find(issuer: Issuer, request_id: str) -> ProcedureRequest | None:
    try:
        return procedure_request_for_issuer(issuer, request_id[:40])
    except ProcedureRequest.DoesNotExist:
        return None


def _not_found() -> tuple[int, dict[str, str]]:
    return NOT_FOUND, {"detail": _("Solicitud no encontrada.")}


class ListFilter(Schema):
    model_config = ConfigDict(extra="forbid")

    status: str | None = Field(
        None, description="Solo las de este estado (consented, received o checked)."
    )


@router.get(
    "/issuer/procedure-requests",
    response={200: RequestListOut, **REFUSALS},
    summary="Solicitudes pendientes de mis trámites",
)
def procedure_requests_list(request: HttpRequest, filters: Query[ListFilter]) -> Any:
    """Las solicitudes consentidas de los trámites de la dependencia que aún esperan algo de
    ella, la más antigua primero. Nunca un borrador ni una retirada."""
    issuer: Issuer = request.auth  # type: ignore[attr-defined]
    statuses: tuple[str, ...] = tuple(AGENCY_STATUSES)
    if filters.status is not None:
        if filters.status not in statuses:
            return 422, {
                "detail": _("Estado desconocido."),
                "errors": [{"path": "status", "message": _("Use consented, received o checked.")}],
            }
        statuses = (filters.status,)
    found = procedure_requests_for_issuer(issuer, statuses)[:500]
    return 200, {"items": [_request_out(item) for item in found]}


@router.get(
    "/issuer/procedure-requests/{request_id}",
    response={200: ProcedureRequestOut, **REFUSALS},
    summary="Una solicitud",
)
def procedure_request_detail(request: HttpRequest, request_id: str) -> Any:
    issuer: Issuer = request.auth  # type: ignore[attr-defined]
    found = _find(issuer, request_id)
    return _not_found() if found is None else (200, _request_out(found))


@router.get(
    "/issuer/procedure-requests/{request_id}/evidence",
    response={200: ProcedureEvidenceSetOut, **REFUSALS},
    summary="Recibir los documentos consentidos",
)
def procedure_request_evidence(request: HttpRequest, request_id: str) -> Any:
    """Los documentos que la persona consintió enviar, cada uno con solo los datos pedidos,
    en JSON y como SD-JWT VC. La primera consulta marca la solicitud como recibida (la
    persona ya no puede retirarla); cada consulta queda en el registro de accesos."""
    issuer: Issuer = request.auth  # type: ignore[attr-defined]
    found = _find(issuer, request_id)
    if found is None:
        return _not_found()
    try:
        evidence = services.procedure_evidence(
            issuer=issuer, procedure_request=found, ip=ratelimit.client_ip(request)
        )
    except services.ProcedureStateError as exc:
        return 409, {"detail": exc.message}
    except services.FolderError as exc:
        return _refusal(exc)
    found.refresh_from_db()
    return 200, {
        "request": _request_out(found),
        "evidence": [
            {
                "document_id": item.document.public_id,
                "document_type": item.document_type,
                "issuer": item.document.issuer.slug,
                "purpose": item.purpose,
                "fields": item.fields,
                "presentation": item.presentation,
            }
            for item in evidence
        ],
    }


@router.post(
    "/issuer/procedure-requests/{request_id}/check",
    response={200: ProcedureRequestOut, **REFUSALS},
    summary="Marcar los documentos como revisados",
)
def procedure_request_check(request: HttpRequest, request_id: str) -> Any:
    """Solo una solicitud recibida; si no, 409."""
    issuer: Issuer = request.auth  # type: ignore[attr-defined]
    found = _find(issuer, request_id)
    if found is None:
        return _not_found()
    try:
        checked = services.procedure_check(issuer=issuer, procedure_request=found)
    except services.ProcedureStateError as exc:
        return 409, {"detail": exc.message}
    return 200, _request_out(checked)


@router.post(
    "/issuer/procedure-requests/{request_id}/reject",
    response={200: ProcedureRequestOut, **REFUSALS},
    summary="Rechazar una solicitud",
)
def procedure_request_reject(request: HttpRequest, request_id: str, payload: RejectIn) -> Any:
    issuer: Issuer = request.auth  # type: ignore[attr-defined]
    found = _find(issuer, request_id)
    if found is None:
        return _not_found()
    try:
        rejected = services.procedure_reject(
            issuer=issuer, procedure_request=found, reason=payload.reason
        )
    except services.ProcedureStateError as exc:
        return 409, {"detail": exc.message}
    except services.FolderError as exc:
        return _refusal(exc)
    return 200, _request_out(rejected)


@router.post(
    "/issuer/procedure-requests/{request_id}/resolve",
    response={201: ResolvedOut, **REFUSALS},
    summary="Resolver: emitir el documento del trámite",
)
def procedure_request_resolve(request: HttpRequest, request_id: str, payload: ResolveIn) -> Any:
    """Emite el documento del trámite en la carpeta de quien lo solicitó (la dependencia no
    necesita su CUTS) y cierra la solicitud. Solo una solicitud revisada (check); 422 si los
    datos no cumplen el esquema del tipo."""
    issuer: Issuer = request.auth  # type: ignore[attr-defined]
    found = _find(issuer, request_id)
    if found is None:
        return _not_found()
    try:
        resolved = services.procedure_resolve(
            issuer=issuer,
            procedure_request=found,
            fields=payload.fields,
            reference=payload.reference,
            issued_at=payload.issued_at,
        )
    except services.ProcedureStateError as exc:
        return 409, {"detail": exc.message}
    except services.FolderError as exc:
        return _refusal(exc)
    document = resolved.result  # never empty once resolved (a database constraint)
    return 201, {"request": _request_out(resolved), "document": _out(document, True)}  # type: ignore[arg-type]
