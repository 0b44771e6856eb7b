"""The issuers' API: agencies issue and revoke documents into citizens' folders.

Each agency (issuer) authenticates with its own token, ``Authorization: Bearer <token>``
(generated with ``manage.py folder_issuer_token``). A document goes to a CUTS; the agency's
own ``reference`` makes a retry safe: the same reference with the same data answers the
document already issued (200), with other data a 409. Data that do not match the type's JSON
Schema are a 422 listing each error.

No ``from __future__ import annotations`` here: ninja reads the annotations at import time.
"""

import datetime
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema
from ninja.errors import HttpError
from ninja.security import HttpBearer
from pydantic import ConfigDict

from abierto.directory import ratelimit
from abierto.directory.api_common import ErrorOut, ValidationErrorOut
from abierto.directory.lockout import network_of
from abierto.lib import sdjwt

from . import actor_labels, credentials, selectors, services
from .models import Document, Issuer

DOCUMENT_ID = "q3ZkR0m9T2uYb8xWc1vN4A"
VERIFY_RATE = "RATE_FOLDER_VERIFY_NETWORK"  # the budget the public verification page uses
CUTS_EXAMPLE = "DEMO000001"


class IssuerToken(HttpBearer):
    """Bearer token of an agency; every refusal is a 401 with a message in Spanish."""

    def __call__(self, request: HttpRequest) -> Any:
        scheme, _sep, token = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise HttpError(401, _("Falta el token de la dependencia (Authorization: Bearer)."))
        return self.authenticate(request, token.strip())

    def authenticate(self, request: HttpRequest, token: str) -> Issuer:
        issuer = selectors.issuer_for_token(token)
        if issuer is None:
            raise HttpError(401, _("El token no es válido o la dependencia está inactiva."))
        return issuer


router = Router(tags=["Emisión de documentos"], auth=IssuerToken())


class DocumentIn(Schema):
    model_config = ConfigDict(extra="forbid")

    document_type: str = Field(
        ...,
        max_length=60,
        description="Clave del tipo de documento.",
        examples=["licencia-conducir"],
    )
    cuts: str = Field(
        ...,
        max_length=40,
        description="CUTS de la persona titular. Si aún no activa su carpeta, lo verá al hacerlo.",
        examples=[CUTS_EXAMPLE],
    )
    reference: str = Field(
        ...,
        min_length=1,
        max_length=100,
        description="Folio propio de la dependencia: reintentar con el mismo folio no duplica.",
        examples=["LIC-2026-000123"],
    )
    fields: dict[str, Any] = Field(
        ...,
        description="Datos del documento, según el esquema JSON de su tipo.",
        examples=[{"nombre": "María Hernández López", "tipo_licencia": "A"}],
    )
    issued_at: datetime.datetime | None = Field(
        None,
        description="Fecha de emisión con zona horaria; por omisión, ahora.",
        examples=["2026-11-20T10:00:00-06:00"],
    )


class BatchIn(Schema):
    model_config = ConfigDict(extra="forbid")

    document_type: str = Field(
        ..., max_length=60, description="Clave del tipo de todos los documentos del lote."
    )
    items: list[DocumentIn] = Field(
        ...,
        min_length=1,
        max_length=500,
        description="Hasta 500 documentos; se emiten todos o ninguno. El document_type de "
        "cada uno debe coincidir con el del lote.",
    )


class RevokeIn(Schema):
    model_config = ConfigDict(extra="forbid")

    reason: str = Field(
        ...,
        min_length=1,
        max_length=2000,
        description="Motivo de la revocación.",
        examples=["Licencia suspendida por resolución administrativa."],
    )


class DocumentOut(Schema):
    id: str = Field(..., description="Identificador público (jti).", examples=[DOCUMENT_ID])
    created: bool = Field(
        ..., description="Falso si la referencia ya existía con los mismos datos.", examples=[True]
    )
    document_type: str = Field(..., examples=["licencia-conducir"])
    reference: str = Field(..., description="Folio de la dependencia.")
    status: str = Field(..., description="valid, revoked o expired.", examples=["valid"])
    issued_at: datetime.datetime = Field(..., description="Fecha de emisión.")
    expires_at: datetime.datetime | None = Field(..., description="Fin de la vigencia.")
    verify_url: str = Field(
        ...,
        description=(
            "URL de verificación pública y contenido del código QR: el documento va después "
            "de «#», que los navegadores no envían; la página lo verifica en el navegador."
        ),
        examples=[f"https://gobiernoabierto.example.mx/v/#eyJhbGciOiJFZERTQSJ9.{DOCUMENT_ID}.sig"],
    )
    verify_server_url: str = Field(
        ...,
        description=(
            "Verificación en el servidor (HTML, o JSON con Accept: application/json); cada "
            "consulta queda en el registro de accesos del titular."
        ),
        examples=[f"https://gobiernoabierto.example.mx/v/eyJhbGciOiJFZERTQSJ9.{DOCUMENT_ID}.sig"],
    )
    token: str = Field(..., description="El documento firmado (JWS compacto, EdDSA).")


class BatchOut(Schema):
    items: list[DocumentOut] = Field(..., description="Un resultado por documento, en orden.")


def _out(document: Document, created: bool) -> dict[str, Any]:
    token = selectors.document_token(document)
    return {
        "id": document.public_id,
        "created": created,
        "document_type": document.document_type.slug,
        "reference": document.agency_reference,
        "status": document.verification_status().value,
        "issued_at": document.issued_at,
        "expires_at": document.expires_at,
        "verify_url": selectors.verification_url_for_token(token),
        "verify_server_url": selectors.server_verification_url_for_token(token),
        "token": token,
    }


def _refusal(exc: services.FolderError) -> tuple[int, dict[str, Any]]:
    if isinstance(exc, services.InvalidDocumentDataError):
        return 422, {"detail": exc.message, "errors": exc.errors}
    if isinstance(exc, services.IssuerNotAllowedError):
        return 403, {"detail": exc.message}
    if isinstance(exc, services.UnknownDocumentTypeError):
        return 404, {"detail": exc.message}
    if isinstance(exc, services.ReferenceConflictError | services.AlreadyRevokedError):
        return 409, {"detail": exc.message}
    if isinstance(exc, services.SigningKeyMissingError):
        return 503, {"detail": exc.message}
    return 400, {"detail": exc.message}


REFUSALS: dict[int, Any] = {
    400: ErrorOut,
    401: ErrorOut,
    403: ErrorOut,
    404: ErrorOut,
    409: ErrorOut,
    422: ValidationErrorOut,
    503: ErrorOut,
}


@router.post(
    "/issuer/documents",
    response={200: DocumentOut, 201: DocumentOut, **REFUSALS},
    summary="Emitir un documento",
)
def document_issue(request: HttpRequest, payload: DocumentIn) -> Any:
    """Firma y entrega un documento a la carpeta de una CUTS. 201 si es nuevo; 200 si la
    referencia ya existía con los mismos datos; 409 si existía con otros; 403 si la
    dependencia no emite ese tipo; 422 si los datos no cumplen el esquema."""
    issuer: Issuer = request.auth  # type: ignore[attr-defined]
    try:
        document, created = services.document_issue(
            issuer=issuer,
            type_slug=payload.document_type,
            cuts=payload.cuts,
            fields=payload.fields,
            reference=payload.reference,
            issued_at=payload.issued_at,
        )
    except services.FolderError as exc:
        return _refusal(exc)
    return (201 if created else 200), _out(document, created)


@router.post(
    "/issuer/documents/batch",
    response={200: BatchOut, **REFUSALS},
    summary="Emitir un lote de documentos",
)
def documents_issue_batch(request: HttpRequest, payload: BatchIn) -> Any:
    """Emite hasta 500 documentos de un mismo tipo en una sola transacción: todos o ninguno.
    Los errores de esquema indican la posición (item) de cada documento rechazado."""
    issuer: Issuer = request.auth  # type: ignore[attr-defined]
    mismatched = [
        {"path": "document_type", "message": _("No coincide con el del lote."), "item": position}
        for position, item in enumerate(payload.items)
        if item.document_type != payload.document_type
    ]
    if mismatched:
        return 422, {"detail": _("Todos los documentos del lote deben ser del mismo tipo."),
                     "errors": mismatched}  # fmt: skip
    requests = [
        services.IssueRequest(
            cuts=item.cuts, fields=item.fields, reference=item.reference, issued_at=item.issued_at
        )
        for item in payload.items
    ]
    try:
        results = services.documents_issue_batch(
            issuer=issuer, type_slug=payload.document_type, requests=requests
        )
    except services.FolderError as exc:
        return _refusal(exc)
    return 200, {"items": [_out(document, created) for document, created in results]}


@router.post(
    "/issuer/documents/{document_id}/revoke",
    response={200: DocumentOut, **REFUSALS},
    summary="Revocar un documento",
)
def document_revoke(request: HttpRequest, document_id: str, payload: RevokeIn) -> Any:
    """Revoca un documento emitido por la misma dependencia; la verificación y la lista de
    estado lo reflejan de inmediato. Un documento de otra dependencia responde 404."""
    issuer: Issuer = request.auth  # type: ignore[attr-defined]
    try:
        document = selectors.document_for_issuer(issuer, document_id[:40])
    except Document.DoesNotExist:
        return 404, {"detail": _("Documento no encontrado.")}
    try:
        document = services.document_revoke(
            document=document,
            reason=payload.reason,
            actor_label=actor_labels.channel(
                actor_labels.stored(actor_labels.ISSUER, issuer=issuer), "API"
            ),
        )
    except services.FolderError as exc:
        return _refusal(exc)
    return 200, _out(document, False)


# Verifiers -------------------------------------------------------------------------------------


class PresentationIn(Schema):
    model_config = ConfigDict(extra="forbid")

    presentation: str = Field(
        ...,
        max_length=sdjwt.MAX_PRESENTATION_LENGTH,
        description="SD-JWT VC en serialización compacta: <jwt>~<revelación>~…~",
    )


class PresentationOut(Schema):
    valid: bool = Field(..., description="Firma, revelaciones, vigencia y estado correctos.")
    status: str = Field(..., description="valid, revoked, expired o invalid.")
    reason: str = Field(..., description="Si no es válido por su forma o su firma, por qué.")
    issuer: str = Field(..., description="iss: identificador del emisor (URL).")
    issuer_name: str = Field(..., description="Nombre de la dependencia emisora.")
    vct: str = Field(..., description="Tipo de credencial (URL con sus metadatos).")
    document_type: str = Field(..., description="Nombre del tipo de documento.")
    issued_at: datetime.datetime | None = Field(None, description="iat de la credencial.")
    expires_at: datetime.datetime | None = Field(None, description="exp, si vence.")
    claims: dict[str, Any] = Field(..., description="Solo los datos revelados.")


@router.post(
    "/verifier/sd-jwt",
    auth=None,
    tags=["Verificación"],
    response={200: PresentationOut, 429: ErrorOut},
    summary="Verificar una presentación SD-JWT VC",
)
def presentation_verify(request: HttpRequest, payload: PresentationIn) -> Any:
    """Comprueba una presentación SD-JWT VC de la Carpeta: la firma con las llaves publicadas
    del emisor, cada revelación contra su huella, la vigencia y la lista de estado. Responde
    solo los datos revelados. Una entrada mal formada o alterada es ``valid: false``."""
    network = network_of(ratelimit.client_ip(request))
    if network is not None and not ratelimit.allow_batched("folder-verify", network, VERIFY_RATE):
        seconds = ratelimit.retry_after(VERIFY_RATE)
        message = _(
            "Demasiadas verificaciones desde su red. Espere %(seconds)s segundos e intente "
            "de nuevo."
        ) % {"seconds": seconds}
        return 429, {"detail": message}
    result = credentials.verify_presentation(payload.presentation)
    if result.document is not None:  # authentic: its holder sees that it was checked
        services.verification_record(document=result.document, ip=ratelimit.client_ip(request))
    return 200, result.as_json()
