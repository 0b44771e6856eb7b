"""Issuing and revoking documents: validate, sign, encrypt, index, log; all in one transaction."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from abierto.lib import jws, metrics
from abierto.lib.canonical_json import canonical_dumps
from abierto.lib.status_list import status_reference

from .. import keys
from ..formats import DOCUMENT_TYP, new_document_id, status_list_url
from ..models import (
    AccessEvent,
    BulkIssuance,
    Document,
    DocumentHolder,
    DocumentType,
    Issuer,
    IssuerKey,
    Relation,
)
from .access import access_record, events_append
from .errors import (
    AlreadyRevokedError,
    FolderError,
    InvalidDocumentDataError,
    IssuerNotAllowedError,
    ReferenceConflictError,
    SigningKeyMissingError,
    UnknownDocumentTypeError,
)

MAX_BATCH = 1000
MAX_REFERENCE = 100
# Clocks differ a little between an agency's system and this one.
ISSUED_AT_LEEWAY = datetime.timedelta(minutes=5)


@dataclass(frozen=True)
class IssueRequest:
    """One document to issue: to whom (CUTS), what (fields) and the agency's own reference."""

    cuts: str
    fields: dict[str, Any]
    reference: str
    issued_at: datetime.datetime | None = None


@dataclass
class _Prepared:
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
    try:
        canonical_dumps(fields)
    except (TypeError, ValueError) as exc:
        return [{"path": "", "message": str(exc)}]
    return [
        {
            "path": "/" + "/".join(str(part) for part in error.absolute_path),
            "message": error.message,
        }
        for error in sorted(
            document_type.validator.iter_errors(fields), key=lambda error: list(error.path)
        )
    ]


def _prepare(document_type: DocumentType, request: IssueRequest) -> _Prepared:
    errors = _schema_errors(document_type, request.fields)
    reference = request.reference.strip() if isinstance(request.reference, str) else ""
    if not reference or len(reference) > MAX_REFERENCE:
        errors.append(
            {
                "path": "reference",
                "message": _("La referencia es obligatoria (hasta 100 caracteres)."),
            }
        )
    issued_at = request.issued_at
    if issued_at is not None and (
        timezone.is_naive(issued_at) or issued_at > timezone.now() + ISSUED_AT_LEEWAY
    ):
        errors.append(
            {
                "path": "issued_at",
                "message": _("La fecha de emisión debe llevar zona horaria y no ser futura."),
            }
        )
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
        digest = keys.keyed_hash(
            "document-content",
            canonical_dumps(
                {"type": document_type.slug, "holder": holder_index, "fields": request.fields}
            ),
        )
    return _Prepared(request, holder_index, related, digest, errors=errors)


def _signing_key(issuer: Issuer) -> IssuerKey:
    key = issuer.current_key()
    if key is None or not keys.private_key_available(key.kid):
        raise SigningKeyMissingError(
            _("%(issuer)s no tiene una clave de firma disponible.") % {"issuer": issuer}
        )
    return key


def _conflict(reference: str) -> ReferenceConflictError:
    return ReferenceConflictError(
        _(
            "La referencia «%(reference)s» ya se usó para un documento con otros datos. "
            "Use una referencia nueva o revoque el documento anterior."
        )
        % {"reference": reference}
    )


def _issue_many(
    *,
    issuer: Issuer,
    document_type: DocumentType,
    requests: Sequence[IssueRequest],
    actor_label: str,
    bulk_issuance: BulkIssuance | None = None,
    item_numbers: Sequence[int] | None = None,
) -> list[tuple[Document, bool]]:
    """The whole batch or nothing. Must run inside ``transaction.atomic``."""
    numbers = list(item_numbers) if item_numbers is not None else list(range(len(requests)))
    prepared = [_prepare(document_type, request) for request in requests]
    errors = [
        {**error, "item": numbers[position]}
        for position, item in enumerate(prepared)
        for error in item.errors
    ]
    if errors:
        raise InvalidDocumentDataError(
            _("Los datos no cumplen el esquema de «%(type)s».") % {"type": document_type.name},
            errors,
        )
    # The issuer's row serialises issuers' writes: reference checks and status indexes.
    issuer = Issuer.objects.select_for_update().get(pk=issuer.pk)
    signing_key = _signing_key(issuer)
    private_key = keys.private_key(signing_key.kid)
    references = [item.request.reference.strip() for item in prepared]
    existing = {
        document.agency_reference: document
        for document in Document.objects.filter(issuer=issuer, agency_reference__in=references)
    }
    first_seen: dict[str, int] = {}
    for position, item in enumerate(prepared):
        reference = references[position]
        if reference in existing:
            if existing[reference].content_digest != item.digest:
                raise _conflict(reference)
            item.existing = existing[reference]
        elif reference in first_seen:
            if prepared[first_seen[reference]].digest != item.digest:
                raise _conflict(reference)
            item.duplicate_of = first_seen[reference]
        else:
            first_seen[reference] = position
    new_items = [item for item in prepared if item.existing is None and item.duplicate_of is None]
    next_index = issuer.next_status_index
    ring = keys.master_key_ring()
    status_uri = status_list_url(issuer.slug)
    now = timezone.now()
    documents: list[Document] = []
    for offset, item in enumerate(new_items):
        issued_at = (item.request.issued_at or now).replace(microsecond=0)
        expires_at = (
            issued_at + datetime.timedelta(days=document_type.validity_days)
            if document_type.validity_days
            else None
        )
        public_id = new_document_id()
        payload: dict[str, Any] = {
            "iss": issuer.slug,
            "vct": document_type.slug,
            # A pseudonym per document: the holder's documents cannot be linked to each other
            # by it, yet the platform can check it against a CUTS.
            "sub": keys.keyed_hash("holder-ref", f"{item.holder_index}:{public_id}")[:32],
            "jti": public_id,
            "iat": int(issued_at.timestamp()),
            "fields": item.request.fields,
            "status": status_reference(idx=next_index + offset, uri=status_uri),
        }
        if expires_at is not None:
            payload["exp"] = int(expires_at.timestamp())
        token = jws.sign_compact(payload, private_key, signing_key.kid, typ=DOCUMENT_TYP)
        document = Document(
            public_id=public_id,
            document_type=document_type,
            issuer=issuer,
            issuer_key=signing_key,
            holder_index=item.holder_index,
            agency_reference=item.request.reference.strip(),
            content_digest=item.digest,
            issued_at=issued_at,
            expires_at=expires_at,
            status_index=next_index + offset,
            bulk_issuance=bulk_issuance,
        )
        document.ciphertext, document.wrapped_dek, document.master_kid = ring.encrypt(
            token.encode("ascii"), document.aad
        )
        documents.append(document)
    if documents:
        issuer.next_status_index = next_index + len(documents)
        issuer.save(update_fields=["next_status_index", "updated_at"])
        Document.objects.bulk_create(documents)
        holders = []
        for document, item in zip(documents, new_items, strict=True):
            holders.append(
                DocumentHolder(
                    document=document, cuts_index=item.holder_index, relation=Relation.HOLDER
                )
            )
            holders.extend(
                DocumentHolder(document=document, cuts_index=index, relation=relation)
                for index, relation in dict.fromkeys(item.related)
            )
        DocumentHolder.objects.bulk_create(holders)
        _link_to_active_folders(documents)
        events_append(
            [
                AccessEvent(
                    holder_index=document.holder_index,
                    action=AccessEvent.Action.ISSUE,
                    actor_label=actor_label,
                    agency=issuer.institution,
                    document=document,
                )
                for document in documents
            ]
        )
    created_documents = iter(documents)
    results: list[tuple[Document, bool]] = []
    for item in prepared:
        if item.existing is not None:
            results.append((item.existing, False))
        elif item.duplicate_of is not None:
            results.append((results[item.duplicate_of][0], False))
        else:
            results.append((next(created_documents), True))
    return results


def _link_to_active_folders(documents: list[Document]) -> None:
    from ..models import Citizen

    citizens = {
        citizen.cuts_index: citizen
        for citizen in Citizen.objects.filter(
            cuts_index__in={document.holder_index for document in documents}
        )
    }
    for document in documents:
        citizen = citizens.get(document.holder_index)
        if citizen is not None:
            document.citizen = citizen
    linked = [document for document in documents if document.citizen_id]
    if linked:
        Document.objects.bulk_update(linked, ["citizen"])


def _actor_label(issuer: Issuer, actor_label: str | None) -> str:
    return actor_label or _("Emisor: %(issuer)s") % {"issuer": issuer}


def document_issue(
    *,
    issuer: Issuer,
    type_slug: str,
    cuts: str,
    fields: dict[str, Any],
    reference: str,
    issued_at: datetime.datetime | None = None,
    actor_label: str | None = None,
) -> tuple[Document, bool]:
    """Issue one document to a CUTS; the same reference and content again returns the same one.

    Raises ``InvalidDocumentDataError`` (schema), ``ReferenceConflictError`` (same reference, other
    content), ``UnknownDocumentTypeError``, ``IssuerNotAllowedError`` or ``SigningKeyMissingError``.
    """
    document_type = document_type_for_issuer(issuer, type_slug)
    request = IssueRequest(cuts=cuts, fields=fields, reference=reference, issued_at=issued_at)
    try:
        with transaction.atomic():
            [result] = _issue_many(
                issuer=issuer,
                document_type=document_type,
                requests=[request],
                actor_label=_actor_label(issuer, actor_label),
            )
    except InvalidDocumentDataError as exc:
        for error in exc.errors:
            error.pop("item", None)
        raise
    _count_issued([result])
    return result


def _count_issued(results: Sequence[tuple[Document, bool]]) -> None:
    """Add the newly issued documents to the /metrics counter once their transaction commits."""
    created = sum(1 for _document, is_new in results if is_new)
    if created:
        transaction.on_commit(lambda: metrics.documents_issued(created))


def documents_issue_batch(
    *,
    issuer: Issuer,
    type_slug: str,
    requests: Sequence[IssueRequest],
    actor_label: str | None = None,
) -> list[tuple[Document, bool]]:
    """Issue a batch of documents of one type: all of them, or none if any is refused."""
    if not requests:
        return []
    if len(requests) > MAX_BATCH:
        raise FolderError(_("Un lote admite hasta %(max)s documentos.") % {"max": MAX_BATCH})
    document_type = document_type_for_issuer(issuer, type_slug)
    with transaction.atomic():
        results = _issue_many(
            issuer=issuer,
            document_type=document_type,
            requests=requests,
            actor_label=_actor_label(issuer, actor_label),
        )
    _count_issued(results)
    return results


@transaction.atomic
def document_revoke(*, document: Document, reason: str, actor_label: str) -> Document:
    """Revoke a document for good; its status list changes so offline verifiers learn it."""
    reason = reason.strip()
    if not reason:
        raise FolderError(_("Escriba el motivo de la revocación."))
    document = Document.objects.select_for_update().get(pk=document.pk)
    if document.status == Document.Status.REVOKED:
        raise AlreadyRevokedError(_("El documento ya estaba revocado."))
    now = timezone.now()
    document.status = Document.Status.REVOKED
    document.revoked_at = now
    document.revocation_reason = reason[:2000]
    document.save(update_fields=["status", "revoked_at", "revocation_reason", "updated_at"])
    Issuer.objects.filter(pk=document.issuer_id).update(status_list_updated_at=now)
    access_record(
        action=AccessEvent.Action.REVOKE,
        actor_label=actor_label,
        document=document,
        agency=document.issuer.institution,
    )
    return document
