"""Issuing and revoking documents: validate (``issue_requests``), sign, encrypt, index, log;
all in one transaction."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from abierto.lib import metrics

from .. import actor_labels
from ..formats import new_document_ids
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
from ..sealing import SealingPool
from .access import access_record
from .chain import ChainEvent, chain_append
from .errors import (
    AlreadyRevokedError,
    FolderError,
    InvalidDocumentDataError,
)
from .issue_requests import (
    IssueRequest,
    PreparedRequest,
    document_type_for_issuer,
    prepare_request,
    reference_conflict,
    signing_key_for,
)
from .issue_sealing import Presealed, seal_async
from .rows import ids_by, insert_rows, reserve_ids

HOLDER = Relation.HOLDER.value
MAX_BATCH = 1000


def _issue_many(
    *,
    issuer: Issuer,
    document_type: DocumentType,
    requests: Sequence[IssueRequest],
    actor_label: str,
    bulk_issuance: BulkIssuance | None = None,
    item_numbers: Sequence[int] | None = None,
    sealer: SealingPool | None = None,
    want_documents: bool = True,
    prepared: Sequence[PreparedRequest] | None = None,
    presealed: Presealed | None = None,
) -> list[tuple[Document, bool]]:
    """The whole batch or nothing. Must run inside ``transaction.atomic``.

    Returns ``(document, newly issued)`` per request, or nothing with ``want_documents=False``
    (a bulk issuance, which does not need them loaded back). ``prepared``: the requests
    already prepared (a bulk issuance prepares them in the sealing workers); ``presealed``:
    the batch already sealed on a guess, used if the guess holds (``Presealed.usable``).
    """
    numbers = list(item_numbers) if item_numbers is not None else list(range(len(requests)))
    if prepared is None:
        prepared = [prepare_request(document_type, request) for request in requests]
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
    signing_key = signing_key_for(issuer)
    references = [item.request.reference.strip() for item in prepared]
    found = ids_by(Document, "agency_reference", references, issuer=issuer.pk)
    existing = {
        document.agency_reference: document
        for document in (Document.objects.filter(pk__in=found.values()) if found else ())
    }
    first_seen: dict[str, int] = {}
    for position, item in enumerate(prepared):
        reference = references[position]
        if reference in existing:
            if existing[reference].content_digest != item.digest:
                raise reference_conflict(reference)
            item.existing = existing[reference]
        elif reference in first_seen:
            if prepared[first_seen[reference]].digest != item.digest:
                raise reference_conflict(reference)
            item.duplicate_of = first_seen[reference]
        else:
            first_seen[reference] = position
    new_items = [item for item in prepared if item.existing is None and item.duplicate_of is None]
    if presealed is not None and not (
        len(new_items) == len(prepared) and presealed.usable(issuer, signing_key, len(new_items))
    ):
        presealed = None  # the guess failed: another writer, a rotated key, a replayed row
    created = _insert_new(
        issuer=issuer,
        document_type=document_type,
        signing_key=signing_key,
        items=new_items,
        actor_label=actor_label,
        bulk_issuance=bulk_issuance,
        sealer=sealer,
        presealed=presealed,
    )
    if not want_documents:
        return []
    by_pk = Document.objects.in_bulk(created)
    created_documents = iter(by_pk[pk] for pk in created)
    results: list[tuple[Document, bool]] = []
    for item in prepared:
        if item.existing is not None:
            results.append((item.existing, False))
        elif item.duplicate_of is not None:
            results.append((results[item.duplicate_of][0], False))
        else:
            results.append((next(created_documents), True))
    return results


def _insert_new(
    *,
    issuer: Issuer,
    document_type: DocumentType,
    signing_key: IssuerKey,
    items: Sequence[PreparedRequest],
    actor_label: str,
    bulk_issuance: BulkIssuance | None,
    sealer: SealingPool | None,
    presealed: Presealed | None = None,
) -> list[int]:
    """Sign, encrypt and insert the new documents, their holders and their ISSUE events.

    With ``presealed`` (checked ``usable`` by the caller) the documents come signed and
    encrypted, and only their rows are written here."""
    if not items:
        return []
    next_index = issuer.next_status_index
    now = timezone.now()
    days = document_type.validity_days
    validity = datetime.timedelta(days=days) if days else None
    rows: list[dict[str, Any]] = []
    citizens = _active_citizens({item.holder_index for item in items})
    if presealed is not None:
        issued_now, public_ids = presealed.issued_at, presealed.public_ids
    else:
        issued_now, public_ids = now.replace(microsecond=0), new_document_ids(len(items))
    # What every row of the batch shares, looked up once (enum values and primary keys cost
    # microseconds each, per row).
    common_row = {
        "created_at": now,
        "updated_at": now,
        "document_type_id": document_type.pk,
        "issuer_id": issuer.pk,
        "issuer_key_id": signing_key.pk,
        "status": Document.Status.VALID.value,
        "bulk_issuance_id": bulk_issuance.pk if bulk_issuance else None,
    }
    for offset, (item, public_id) in enumerate(zip(items, public_ids, strict=True)):
        request = item.request
        issued_at = request.issued_at.replace(microsecond=0) if request.issued_at else issued_now
        rows.append(
            {
                **common_row,
                "public_id": public_id,
                "holder_index": item.holder_index,
                "citizen_id": citizens.get(item.holder_index),
                "agency_reference": request.reference.strip(),
                "content_digest": item.digest,
                "issued_at": issued_at,
                "expires_at": issued_at + validity if validity is not None else None,
                "status_index": next_index + offset,
            }
        )
    if presealed is not None:
        sealed_later = presealed.sealed.copy
    else:
        sealed_later = seal_async(
            issuer, document_type, signing_key, items, rows, sealer or SealingPool(0)
        )
    # The sealing runs now (in the workers, with a pool); the database work that does not
    # need the sealed documents overlaps it: their ids, their holders, their ISSUE events in
    # the chain and the issuer's status index (the foreign keys are checked at the commit).
    ids = reserve_ids(Document, len(items))
    holders = []
    for item, row, pk in zip(items, rows, ids, strict=True):
        row["id"] = pk
        holders.append({"document_id": pk, "cuts_index": item.holder_index, "relation": HOLDER})
        holders.extend(
            {"document_id": pk, "cuts_index": index, "relation": relation}
            for index, relation in dict.fromkeys(item.related)
        )
    insert_rows(DocumentHolder, holders)
    issue_action, agency_id = AccessEvent.Action.ISSUE.value, issuer.institution_id
    chain_append(
        [
            ChainEvent(
                holder_index=item.holder_index,
                action=issue_action,
                actor_label=actor_label,
                agency_id=agency_id,
                document_pk=pk,
                document_public_id=public_id,
            )
            for item, public_id, pk in zip(items, public_ids, ids, strict=True)
        ]
    )
    issuer.next_status_index = next_index + len(items)
    issuer.save(update_fields=["next_status_index", "updated_at"])
    for row, (ciphertext, wrapped_dek, master_kid) in zip(rows, sealed_later(), strict=True):
        row.update(ciphertext=ciphertext, wrapped_dek=wrapped_dek, master_kid=master_kid)
    insert_rows(Document, rows, with_pk=True)
    # /metrics counts them once they are committed: an API call, a batch of a bulk job.
    created, channel = len(public_ids), "bulk" if bulk_issuance is not None else "api"
    transaction.on_commit(lambda: metrics.documents_issued(created, channel=channel))
    return ids


def _active_citizens(holder_indexes: set[str]) -> dict[str, int]:
    """The folders already activated for these CUTS indexes: their documents go straight in."""
    from ..models import Citizen

    # ids_by: one array parameter on PostgreSQL rather than the ORM's per-value preparation
    # of a batch's hundreds of keys.
    return ids_by(Citizen, "cuts_index", sorted(holder_indexes))


def _actor_label(issuer: Issuer, actor_label: str | None) -> str:
    return actor_label or actor_labels.stored(actor_labels.ISSUER, issuer=issuer)


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
    return result


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
        return _issue_many(
            issuer=issuer,
            document_type=document_type,
            requests=requests,
            actor_label=_actor_label(issuer, actor_label),
        )


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
