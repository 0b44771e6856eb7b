"""The access log: append a row to the hash chain, under the lock of the chain's head."""

from __future__ import annotations

import contextlib
import datetime
import fcntl
import ipaddress
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from abierto.directory.models import Institution

from .. import actor_labels
from ..models import AccessChainHead, AccessEvent, Citizen, Document, Share
from ..models.access import chain_content, chain_hash
from .rows import insert_rows

MAX_ACTOR_LABEL = 200
_EVENT_COLUMNS = (
    "seq", "created_at", "holder_index", "action", "actor_label", "agency", "document", "share",
    "ip_prefix", "prev_hash", "hash",
)  # fmt: skip

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


_thread_lock = threading.Lock()
_lock_file: dict[str, Any] = {}


@contextlib.contextmanager
def _chain_writer() -> Iterator[None]:
    """Writers of the chain take turns here before they ask the database for its lock.

    On SQLite a writer that finds the database locked sleeps in growing steps (1 ms up to
    100 ms) before it tries again; under a load of QR scans most of a verification went in
    those sleeps. A thread lock and a lock file (one per database) hand the turn to the
    next writer the moment the last one commits. PostgreSQL queues writers on the head's
    row lock already; there only the thread lock applies. A writer already inside a
    transaction holds the database's lock (IMMEDIATE) and goes straight on.
    """
    if connection.in_atomic_block:
        yield
        return
    with _thread_lock:
        handle = _sqlite_lock_file() if connection.vendor == "sqlite" else None
        if handle is None:
            yield
            return
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _sqlite_lock_file() -> Any:
    name = str(connection.settings_dict["NAME"])
    if not name or name == ":memory:" or name.startswith("file:"):
        return None  # an in-memory database lives in this process only
    path = name + ".chain-lock"
    handle = _lock_file.get(path)
    if handle is None:
        handle = _lock_file[path] = open(path, "a+b")  # noqa: SIM115 -- kept for the process
    return handle


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


@dataclass(frozen=True)
class NewEvent:
    """An event to chain, by values: for writers that insert rows directly."""

    holder_index: str
    action: str
    actor_label: str
    agency_id: int | None = None
    document_pk: int | None = None
    document_public_id: str | None = None
    ip_prefix: str = ""


def _head_sql() -> tuple[str, str]:
    table = connection.ops.quote_name(AccessChainHead._meta.db_table)
    lock = " FOR UPDATE" if connection.features.has_select_for_update else ""
    return (
        f"SELECT length, last_hash FROM {table} WHERE id = 1{lock}",  # noqa: S608 -- quoted name
        f"UPDATE {table} SET length = %s, last_hash = %s WHERE id = 1",  # noqa: S608
    )


def _locked_head() -> tuple[int, str]:
    """The chain head's (length, last hash), locked until the transaction ends."""
    select_head, _update_head = _head_sql()
    with connection.cursor() as cursor:
        cursor.execute(select_head)
        found = cursor.fetchone()
    if found is None:
        head = _lock_head()  # the first event ever: create the head row
        found = (head.length, head.last_hash)
    return found[0], found[1]


def _append_rows(entries: Sequence[NewEvent], head: tuple[int, str] | None = None) -> None:
    """Chain and insert ``entries`` in order, holding the chain head. Inside a transaction.

    Plain SQL, head included: this runs for every QR scan, and the ORM's query building
    cost more than the hashing and the writes. ``head`` is the head already locked.
    """
    _select_head, update_head = _head_sql()
    length, previous = head if head is not None else _locked_head()
    now = timezone.now()
    rows = []
    for seq, entry in enumerate(entries, start=length + 1):
        actor_label = entry.actor_label[:MAX_ACTOR_LABEL]
        digest = chain_hash(
            chain_content(
                seq=seq,
                created_at=now,
                holder_index=entry.holder_index,
                action=entry.action,
                actor_label=actor_label,
                agency_id=entry.agency_id,
                document_id=entry.document_public_id,
                share_id=None,
                ip_prefix=entry.ip_prefix,
                prev_hash=previous,
            )
        )
        rows.append(
            (seq, now, entry.holder_index, entry.action, actor_label, entry.agency_id,
             entry.document_pk, None, entry.ip_prefix, previous, digest)
        )  # fmt: skip
        previous = digest
    insert_rows(AccessEvent, _EVENT_COLUMNS, rows)
    with connection.cursor() as cursor:
        cursor.execute(update_head, [length + len(rows), previous])


def issue_events_append(
    entries: Sequence[tuple[str, int, str]], *, actor_label: str, agency_id: int | None
) -> None:
    """Chain one ISSUE event per ``(holder index, document pk, document public id)``."""
    if not entries:
        return
    action = AccessEvent.Action.ISSUE.value
    with transaction.atomic():
        _append_rows(
            [
                NewEvent(holder_index, action, actor_label, agency_id, pk, public_id)
                for holder_index, pk, public_id in entries
            ]
        )


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
        actor_label=actor_label[:MAX_ACTOR_LABEL],
        agency=agency,
        document=document,
        share=share,
        ip_prefix=ip_prefix(ip),
    )
    return events_append([event])[0]


def verification_record(*, document: Document, ip: str | None) -> bool:
    """Log a public verification of ``document``, once per network and ten minutes.

    The hot path of every QR scan: plain SQL, and the coalescing check made under the chain's
    lock (the database's: the head row on PostgreSQL, the write lock on SQLite) so that two
    scans at once, in any two processes, log one event. True when an event was written.
    """
    prefix = ip_prefix(ip)
    table = connection.ops.quote_name(AccessEvent._meta.db_table)
    with _chain_writer(), transaction.atomic():
        head = _locked_head()
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT 1 FROM {table} WHERE document_id = %s AND action = %s "  # noqa: S608 -- quoted table name
                "AND ip_prefix = %s AND created_at >= %s LIMIT 1",
                [
                    document.pk,
                    AccessEvent.Action.VERIFY.value,
                    prefix,
                    connection.ops.adapt_datetimefield_value(timezone.now() - VERIFY_COALESCE),
                ],
            )
            if cursor.fetchone() is not None:
                return False
        _append_rows(
            [
                NewEvent(
                    holder_index=document.holder_index,
                    action=AccessEvent.Action.VERIFY.value,
                    actor_label=actor_labels.PUBLIC_VERIFICATION,
                    document_pk=document.pk,
                    document_public_id=document.public_id,
                    ip_prefix=prefix,
                )
            ],
            head=head,
        )
    return True


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
