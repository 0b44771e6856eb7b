"""The access log: append a row to the hash chain, under the lock of the chain's head."""

from __future__ import annotations

import datetime
import ipaddress
from collections.abc import Sequence

from django.db import IntegrityError, transaction
from django.utils import timezone

from abierto.directory.models import Institution

from ..models import AccessChainHead, AccessEvent, Citizen, Document, Share

# A verifier who scans the same QR again within this time is one verification, not many:
# replaying a public URL must not flood its holder's log.
VERIFY_COALESCE = datetime.timedelta(minutes=10)


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


def _lock_head() -> AccessChainHead:
    head = AccessChainHead.objects.select_for_update().filter(pk=1).first()
    if head is None:
        try:
            with transaction.atomic():
                AccessChainHead.objects.create(pk=1)
        except IntegrityError:
            pass  # created meanwhile by another writer
        head = AccessChainHead.objects.select_for_update().get(pk=1)
    return head


def events_append(events: Sequence[AccessEvent]) -> list[AccessEvent]:
    """Chain and insert unsaved events, in order, holding the chain head for the whole set."""
    if not events:
        return []
    with transaction.atomic():
        head = _lock_head()
        now = timezone.now()
        previous = head.last_hash
        for offset, event in enumerate(events, start=1):
            event.seq = head.length + offset
            event.created_at = event.created_at or now
            event.prev_hash = previous
            event.hash = event.compute_hash(
                document_id=event.document.public_id if event.document else None,
                share_id=event.share.public_id if event.share else None,
            )
            previous = event.hash
        created = AccessEvent.objects.bulk_create(events)
        head.length += len(events)
        head.last_hash = previous
        head.save(update_fields=["length", "last_hash"])
    return created


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
) -> AccessEvent:
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
    event = AccessEvent(
        holder_index=holder_index,
        action=action,
        actor_label=actor_label[:200],
        agency=agency,
        document=document,
        share=share,
        ip_prefix=ip_prefix(ip),
    )
    return events_append([event])[0]


def verification_record(*, document: Document, ip: str | None) -> AccessEvent | None:
    """Log a public verification of ``document``, once per network and ten minutes."""
    prefix = ip_prefix(ip)
    recent = AccessEvent.objects.filter(
        document=document,
        action=AccessEvent.Action.VERIFY,
        ip_prefix=prefix,
        created_at__gte=timezone.now() - VERIFY_COALESCE,
    )
    if recent.exists():
        return None
    return access_record(
        action=AccessEvent.Action.VERIFY,
        actor_label="Verificación pública con el código QR",
        document=document,
        ip=ip,
    )


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
