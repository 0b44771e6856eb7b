"""What an issuance request must be before anything is signed: a type the issuer may issue,
fields that meet its schema, a valid CUTS and reference, a signing key at hand."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from abierto.lib.canonical_json import canonical_dumps
from abierto.lib.echo import clip
from abierto.lib.schema_messages import schema_message

from .. import keys
from ..bulk_prepare import Prepared, PrepareSpec
from ..models import (
    Document,
    DocumentType,
    Issuer,
    IssuerKey,
)
from .errors import (
    IssuerNotAllowedError,
    ReferenceConflictError,
    SigningKeyMissingError,
    UnknownDocumentTypeError,
)
from .issue_dates import issued_at_error as _issued_at_error

MAX_REFERENCE = 100


@dataclass(frozen=True)
class IssueRequest:
    """One document to issue: to whom (CUTS), what (fields) and the agency's own reference."""

    cuts: str
    fields: dict[str, Any]
    reference: str
    issued_at: datetime.datetime | None = None


@dataclass
class PreparedRequest:
    request: IssueRequest
    holder_index: str
    related: list[tuple[str, str]]  # (cuts index, relation)
    digest: str
    existing: Document | None = None
    duplicate_of: int | None = None  # position of an equal request earlier in the batch
    errors: list[dict[str, Any]] = field(default_factory=list)


def document_type_for_issuer(issuer: Issuer, type_slug: str) -> DocumentType:
    document_type = DocumentType.objects.filter(slug=type_slug, active=True).first()
    if document_type is None:
        raise UnknownDocumentTypeError(
            _("No existe un tipo de documento activo con la clave «%(slug)s».")
            % {"slug": type_slug}
        )
    if not issuer.active or not document_type.issuers.filter(pk=issuer.pk).exists():
        raise IssuerNotAllowedError(
            _("%(issuer)s no está autorizado para emitir «%(type)s».")
            % {"issuer": issuer, "type": document_type.name}
        )
    return document_type


def _schema_errors(document_type: DocumentType, fields: Any) -> list[dict[str, Any]]:
    if not isinstance(fields, dict):
        return [{"path": "", "message": _("Los datos deben ser un objeto JSON.")}]
    check = document_type.compiled_check
    if check is not None and check(fields):
        return []  # valid for jsonschema too (lib/compiled_schema.py); else it says why
    return [
        {
            # Both may quote what the agency sent (a key, a value): never more than a few
            # dozen characters of it.
            "path": "/" + "/".join(clip(str(part)) for part in error.absolute_path),
            "message": schema_message(error),
        }
        for error in sorted(
            document_type.validator.iter_errors(fields), key=lambda error: list(error.path)
        )
    ]


def prepare_request(document_type: DocumentType, request: IssueRequest) -> PreparedRequest:
    errors = _schema_errors(document_type, request.fields)
    reference = request.reference.strip() if isinstance(request.reference, str) else ""
    if not reference or len(reference) > MAX_REFERENCE:
        errors.append(
            {
                "path": "reference",
                "message": _("La referencia es obligatoria (hasta 100 caracteres)."),
            }
        )
    issued_at_error = _issued_at_error(request.issued_at)
    if issued_at_error:
        errors.append({"path": "issued_at", "message": issued_at_error})
    try:
        holder_index = keys.cuts_index(request.cuts)
    except ValueError:
        holder_index = ""
        errors.append({"path": "cuts", "message": _("La CUTS no tiene un formato válido.")})
    related: list[tuple[str, str]] = []
    if not errors:
        for entry in document_type.related_holders:
            value = request.fields.get(entry["field"])
            if value in (None, ""):
                continue
            try:
                related.append((keys.cuts_index(str(value)), entry["relation"]))
            except ValueError:
                errors.append(
                    {
                        "path": "/" + entry["field"],
                        "message": _("La CUTS no tiene un formato válido."),
                    }
                )
    digest = ""
    if not errors:
        try:
            content = canonical_dumps(
                {"type": document_type.slug, "holder": holder_index, "fields": request.fields}
            )
        except (TypeError, ValueError) as exc:  # valid by the schema, yet not JSON
            errors.append({"path": "", "message": str(exc)})
        else:
            digest = keys.keyed_hash("document-content", content)
    return PreparedRequest(request, holder_index, related, digest, errors=errors)


def prepare_spec(document_type: DocumentType) -> PrepareSpec:
    """What the sealing workers need to prepare rows of ``document_type`` (``bulk_prepare``)."""
    return PrepareSpec(
        type_slug=document_type.slug,
        json_schema=document_type.json_schema,
        related_holders=list(document_type.related_holders or []),
        cuts_subkey=keys.hmac_subkey("cuts-index"),
        content_subkey=keys.hmac_subkey("document-content"),
    )


def prepared_from(
    document_type: DocumentType,
    requests: list[IssueRequest],
    values: list[Prepared | None] | None,
) -> list[PreparedRequest]:
    """The requests prepared, taking the workers' ``values`` for the rows they found valid
    and preparing here the others (with their errors) or all of them (``values`` None)."""
    if values is None or len(values) != len(requests):
        return [prepare_request(document_type, request) for request in requests]
    return [
        prepare_request(document_type, request)
        if value is None
        else PreparedRequest(request, value[0], value[1], value[2])
        for request, value in zip(requests, values, strict=True)
    ]


def signing_key_for(issuer: Issuer) -> IssuerKey:
    key = issuer.current_key()
    if key is None or not keys.private_key_available(key.kid):
        raise SigningKeyMissingError(
            _("%(issuer)s no tiene una clave de firma disponible.") % {"issuer": issuer}
        )
    return key


def reference_conflict(reference: str) -> ReferenceConflictError:
    return ReferenceConflictError(
        _(
            "La referencia «%(reference)s» ya se usó para un documento con otros datos. "
            "Use una referencia nueva o revoque el documento anterior."
        )
        % {"reference": reference}
    )
