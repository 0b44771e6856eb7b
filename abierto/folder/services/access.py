"""The access log: what each kind of access appends to the chain (through ``chain_append``),
and the check of the whole chain."""

from __future__ import annotations

import datetime
import functools
import ipaddress
from collections.abc import Sequence
from typing import Any

from django.db import transaction
from django.db.models import Max, QuerySet
from django.utils import timezone

from abierto.directory.models import Institution

from .. import actor_labels
from ..models import AccessChainHead, AccessEvent, Citizen, Document, Share
from .chain import ChainEvent, chain_append

# A verifier who scans the same QR again within this time is one verification, not many:
# replaying a public URL must not flood its holder's log.
VERIFY_COALESCE = datetime.timedelta(minutes=10)


@functools.lru_cache(maxsize=4096)
def ip_prefix(ip: str | None) -> str:
    """The network of an address (IPv4 /24, IPv6 /48): enough to tell places, not people."""
    if not ip:
        return ""
    try:
        address = ipaddress.ip_address(ip.strip())
    except ValueError:
        return ""
    prefix = 24 if address.version == 4 else 48
    return str(ipaddress.ip_network(f"{address}/{prefix}", strict=False))


def access_record(
    *,
    action: str,
    actor_label: str,
    citizen: Citizen | None = None,
    cuts_index: str | None = None,
    document: Document | None = None,
    share: Share | None = None,
    agency: Institution | None = None,
    ip: str | None = None,
) -> None:
    """Append one access to the log of the citizen (or CUTS index, or document holder)."""
    holder_index = (
        (citizen.cuts_index if citizen else None)
        or cuts_index
        or (document.holder_index if document else None)
        or (share.citizen.cuts_index if share else None)
    )
    if not holder_index:
        raise ValueError("An access needs a citizen, a CUTS index, a document or a share.")
    if action not in AccessEvent.Action.values:
        raise ValueError(f"Unknown access action {action!r}.")
    chain_append(
        [
            ChainEvent(
                holder_index=holder_index,
                action=str(action),
                actor_label=actor_label,
                agency_id=agency.pk if agency is not None else None,
                document_pk=document.pk if document is not None else None,
                document_public_id=document.public_id if document is not None else None,
                share_pk=share.pk if share is not None else None,
                share_public_id=share.public_id if share is not None else None,
                ip_prefix=ip_prefix(ip),
            )
        ]
    )


# Document ids per query of the coalescing check (SQLite's limit on parameters is far above).
COALESCE_IDS_PER_QUERY = 1000


def last_logged_query(
    document_pks: Sequence[int], actions: Sequence[str], since: datetime.datetime
) -> QuerySet[AccessEvent, dict[str, Any]]:
    """The latest event of each (document, action, network) since ``since``: one indexed
    query (by document) for a batch, grouped in the database."""
    return (
        AccessEvent.objects.filter(
            document_id__in=document_pks, action__in=actions, created_at__gte=since
        )
        .order_by()
        .values("document_id", "action", "ip_prefix")
        .annotate(last=Max("created_at"))
    )


def _last_logged(
    events: Sequence[ChainEvent], since: datetime.datetime
) -> dict[tuple[int | None, str, str], datetime.datetime]:
    pks = sorted({event.document_pk for event in events if event.document_pk is not None})
    actions = sorted({event.action for event in events})
    last = {}
    for start in range(0, len(pks), COALESCE_IDS_PER_QUERY):
        for row in last_logged_query(pks[start : start + COALESCE_IDS_PER_QUERY], actions, since):
            last[(row["document_id"], row["action"], row["ip_prefix"])] = row["last"]
    return last


def _not_yet_logged(events: Sequence[ChainEvent]) -> list[ChainEvent]:
    """The verifications not already logged from their network in the ten minutes before
    each (nor earlier in the same batch). Runs under the chain's lock.

    What is logged is read for the whole batch at once (the latest event of each document
    and network since the earliest window): a drained spool chains thousands of
    verifications in one transaction, and a query for each had cost a round trip each, under
    the lock (PostgreSQL: 3,000 verifications 459 µs each, half of it waiting)."""
    if not events:
        return []
    now = timezone.now()
    times = [event.created_at or now for event in events]
    logged = _last_logged(events, min(times) - VERIFY_COALESCE)
    kept_at: dict[tuple[int | None, str, str], datetime.datetime] = {}
    kept = []
    for event, at in zip(events, times, strict=True):
        key = (event.document_pk, event.action, event.ip_prefix)
        stored = logged.get(key)
        if stored is not None and stored >= at - VERIFY_COALESCE:
            continue  # logged from this network within the window (before or after it)
        earlier = kept_at.get(key)
        if earlier is not None and at - earlier < VERIFY_COALESCE:
            continue
        kept.append(event)
        kept_at[key] = at
    return kept


def verification_record(*, document: Document, ip: str | None) -> bool:
    """Log a public verification of ``document``, once per network and ten minutes.

    The hot path of every QR scan: the coalescing check runs under the chain's lock (the
    head row on PostgreSQL, the write lock on SQLite) so that two scans at once, in any two
    processes, log one event. True when an event was written.
    """
    event = ChainEvent(
        holder_index=document.holder_index,
        action=AccessEvent.Action.VERIFY.value,
        actor_label=actor_labels.PUBLIC_VERIFICATION,
        document_pk=document.pk,
        document_public_id=document.public_id,
        ip_prefix=ip_prefix(ip),
    )
    return bool(chain_append([event], keep=_not_yet_logged))


@transaction.atomic
def audit_chain_check(*, anchor: tuple[int, str] | None = None) -> list[str]:
    """Walk the chain; return what is wrong (empty if intact), first problem first.

    ``anchor`` is a ``(seq, hash)`` recorded earlier outside the database: the chain must
    still hold that row with that hash, which also catches a cut of the last rows together
    with a rewritten head.
    """
    problems: list[str] = []
    expected_seq = 1
    previous = AccessChainHead._meta.get_field("last_hash").get_default()
    last_hash = previous
    rows = (
        AccessEvent.objects.select_related("document", "share")
        .order_by("seq")
        .iterator(chunk_size=2000)
    )
    for event in rows:
        label = f"evento #{event.seq} (id {event.pk})"
        if event.seq != expected_seq:
            problems.append(f"{label}: falta el evento #{expected_seq} (se eliminó una fila).")
            return problems
        if event.prev_hash != previous:
            problems.append(f"{label}: no sigue al evento anterior (se eliminó o alteró una fila).")
            return problems
        recomputed = event.compute_hash(
            document_id=event.document.public_id if event.document else None,
            share_id=event.share.public_id if event.share else None,
        )
        if recomputed != event.hash:
            problems.append(f"{label}: su contenido fue alterado.")
            return problems
        if anchor is not None and anchor[0] == event.seq and anchor[1] != event.hash:
            problems.append(f"{label}: no coincide con la huella de referencia.")
            return problems
        previous = last_hash = event.hash
        expected_seq += 1
    length = expected_seq - 1
    head = AccessChainHead.objects.filter(pk=1).first()
    head_length, head_hash = (head.length, head.last_hash) if head else (0, last_hash)
    if head_length != length or head_hash != last_hash:
        problems.append(
            f"cabeza de la bitácora: indica {head_length} eventos y hay {length} "
            "(se eliminaron los últimos eventos)."
        )
    if anchor is not None and anchor[0] > length:
        problems.append(f"evento #{anchor[0]} de referencia: ya no existe.")
    return problems
