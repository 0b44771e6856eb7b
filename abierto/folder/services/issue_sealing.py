"""How a batch's documents get signed and encrypted: now, in the issuing transaction
(``seal_async``), or ahead of it, by a bulk job's workers on a guess (``Presealed``)."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from .. import keys
from ..bulk_prepare import ClaimsSpec, document_claims
from ..formats import status_list_url
from ..models import DocumentType, Issuer, IssuerKey
from ..sealing import Sealed, SealingPool
from .issue_requests import PreparedRequest


@dataclass
class Presealed:
    """A batch's documents signed and encrypted before its transaction (``services/bulk.py``),
    on a guess: that the issuer's next status index would be ``first_index``, its key
    ``kid``, and every row of the batch new. Used only if the guess holds under the issuer's
    lock (``usable``); otherwise the batch is sealed again, as without it."""

    first_index: int
    kid: str
    status_uri: str
    issued_at: datetime.datetime
    public_ids: list[str]
    sealed: list[Sealed]

    def usable(self, issuer: Issuer, signing_key: IssuerKey, new_count: int) -> bool:
        return (
            self.first_index == issuer.next_status_index
            and self.kid == signing_key.kid
            and self.status_uri == status_list_url(issuer.slug)
            and len(self.public_ids) == len(self.sealed) == new_count
        )


def seal_async(
    issuer: Issuer,
    document_type: DocumentType,
    signing_key: IssuerKey,
    items: Sequence[PreparedRequest],
    rows: Sequence[dict[str, Any]],
    sealer: SealingPool,
) -> Callable[[], list[Sealed]]:
    """Start signing and encrypting the documents of ``rows`` (``SealingPool.seal_async``)."""
    # A batch has one issuing time, unless an API call gave each document its own.
    specs: dict[datetime.datetime, ClaimsSpec] = {}
    jobs: list[tuple[str, dict[str, Any]]] = []
    for item, row in zip(items, rows, strict=True):
        issued_at = row["issued_at"]
        spec = specs.get(issued_at)
        if spec is None:
            spec = specs[issued_at] = claims_spec_for(
                issuer, document_type, iat=int(issued_at.timestamp())
            )
        claims = document_claims(
            spec,
            holder_index=item.holder_index,
            public_id=row["public_id"],
            fields=item.request.fields,
            status_index=row["status_index"],
        )
        jobs.append((row["public_id"], claims))
    private_key = keys.private_key(signing_key.kid)
    return sealer.seal_async(jobs, private_key, signing_key.kid, keys.master_key_ring())


def claims_spec_for(issuer: Issuer, document_type: DocumentType, *, iat: int) -> ClaimsSpec:
    """What the claims of ``document_type``'s documents by ``issuer`` at ``iat`` share."""
    days = document_type.validity_days
    return ClaimsSpec(
        issuer_slug=issuer.slug,
        type_slug=document_type.slug,
        status_uri=status_list_url(issuer.slug),
        iat=iat,
        exp=iat + int(datetime.timedelta(days=days).total_seconds()) if days else None,
        holder_ref_subkey=keys.hmac_subkey("holder-ref"),
    )
