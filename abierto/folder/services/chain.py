"""The access log's hash chain: the one writer that appends to it, under the one lock.

Every event of the log, whoever writes it (a citizen's view, an issuance batch, a QR scan),
goes through ``chain_append``: a list of events chained and inserted in order under
``chain_lock()``, in one transaction. A batch is its natural use: many events cost one lock,
one head update and one ``executemany``. Plain SQL, head included: this runs for every QR
scan, and the ORM's query building cost more than the hashing and the writes.
"""

from __future__ import annotations

import contextlib
import datetime
import fcntl
import os
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from ..models import AccessChainHead, AccessEvent
from ..models.access import chain_content, chain_hash
from .rows import column, insert_rows

MAX_ACTOR_LABEL = AccessEvent._meta.get_field("actor_label").max_length or 200


@dataclass(frozen=True)
class ChainEvent:
    """An event to chain, by values. ``*_public_id`` are what the hash covers of the document
    and the share; ``*_pk`` what the row stores."""

    holder_index: str
    action: str
    actor_label: str
    agency_id: int | None = None
    document_pk: int | None = None
    document_public_id: str | None = None
    share_pk: int | None = None
    share_public_id: str | None = None
    ip_prefix: str = ""
    # When it happened, if not now: a verification spooled at the answer and chained later.
    created_at: datetime.datetime | None = None


@dataclass
class ChainHead:
    """The chain's end as read under ``chain_lock()``: its length and its last hash."""

    length: int
    last_hash: str


# Lock ------------------------------------------------------------------------------------------

_thread_lock = threading.Lock()
_lock_files: dict[tuple[int, str], Any] = {}


def _sqlite_lock_file() -> Any:
    """This process's open lock file of the SQLite database, or None for an in-memory one."""
    name = str(connection.settings_dict["NAME"])
    if not name or name == ":memory:" or name.startswith("file:"):
        return None  # an in-memory database lives in this process only
    # One handle per process: a forked child shares its parent's open file, and flock on a
    # shared open file does not exclude the other process.
    key = (os.getpid(), name + ".chain-lock")
    handle = _lock_files.get(key)
    if handle is None:
        handle = _lock_files[key] = open(key[1], "a+b")  # noqa: SIM115 -- kept for the process
    return handle


@contextlib.contextmanager
def _writers_take_turns() -> Iterator[None]:
    """Writers of the chain take turns here before they ask the database for its lock.

    On SQLite a writer that finds the database locked sleeps in growing steps (1 ms up to
    100 ms) before it tries again; under a load of QR scans most of a verification went in
    those sleeps. A thread lock and a lock file (one per database, ``flock``) hand the turn to
    the next writer the moment the last one commits. PostgreSQL queues writers on the head's
    row lock already; there only the thread lock applies. A writer already inside a
    transaction holds the database's lock (IMMEDIATE on SQLite) and goes straight on.
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


def _head_sql() -> tuple[str, str]:
    """Read (locked) and update the head row; names from the model's metadata."""
    table = connection.ops.quote_name(AccessChainHead._meta.db_table)
    length, last_hash = column(AccessChainHead, "length"), column(AccessChainHead, "last_hash")
    pk = column(AccessChainHead, "id")
    lock = " FOR UPDATE" if connection.features.has_select_for_update else ""
    return (
        f"SELECT {length}, {last_hash} FROM {table} WHERE {pk} = 1{lock}",  # noqa: S608 -- quoted names
        f"UPDATE {table} SET {length} = %s, {last_hash} = %s WHERE {pk} = 1",  # noqa: S608
    )


def _locked_head() -> ChainHead:
    """The chain head, locked until the transaction ends (created with the first event)."""
    select_head, _update = _head_sql()
    with connection.cursor() as cursor:
        cursor.execute(select_head)
        found = cursor.fetchone()
        if found is None:
            try:
                with transaction.atomic():
                    AccessChainHead.objects.create(pk=1)
            except IntegrityError:
                pass  # created meanwhile by another writer
            cursor.execute(select_head)
            found = cursor.fetchone()
    return ChainHead(length=found[0], last_hash=found[1])


@contextlib.contextmanager
def chain_lock() -> Iterator[ChainHead]:
    """Hold the chain: a transaction in which the head is locked, yielded as read.

    In one place, all that keeps two writers from chaining onto the same head: on SQLite a
    thread lock, an ``flock`` on a file beside the database and the write lock that
    ``transaction_mode: IMMEDIATE`` takes at BEGIN (``checks.py`` requires it); on PostgreSQL
    a thread lock and ``SELECT … FOR UPDATE`` on the head row, which orders writers of every
    process.
    """
    with _writers_take_turns(), transaction.atomic():
        yield _locked_head()


# Writer ----------------------------------------------------------------------------------------


def _row(seq: int, now: datetime.datetime, event: ChainEvent, prev_hash: str) -> dict[str, Any]:
    """The row of ``event`` at ``seq``, keyed by AccessEvent's attnames, hash included."""
    actor_label = event.actor_label[:MAX_ACTOR_LABEL]
    now = event.created_at or now
    content = chain_content(
        seq=seq,
        created_at=now,
        holder_index=event.holder_index,
        action=event.action,
        actor_label=actor_label,
        agency_id=event.agency_id,
        document_id=event.document_public_id,
        share_id=event.share_public_id,
        ip_prefix=event.ip_prefix,
        prev_hash=prev_hash,
    )
    return {
        "seq": seq,
        "created_at": now,
        "holder_index": event.holder_index,
        "action": event.action,
        "actor_label": actor_label,
        "agency_id": event.agency_id,
        "document_id": event.document_pk,
        "share_id": event.share_pk,
        "ip_prefix": event.ip_prefix,
        "prev_hash": prev_hash,
        "hash": chain_hash(content),
    }


def _write(head: ChainHead, events: Sequence[ChainEvent]) -> list[dict[str, Any]]:
    """Chain ``events`` onto ``head`` (locked), insert them and move the head."""
    now = timezone.now()
    rows = []
    for event in events:
        row = _row(head.length + 1, now, event, head.last_hash)
        rows.append(row)
        head.length, head.last_hash = row["seq"], row["hash"]
    insert_rows(AccessEvent, rows)
    _select, update_head = _head_sql()
    with connection.cursor() as cursor:
        cursor.execute(update_head, [head.length, head.last_hash])
    return rows


def chain_append(
    events: Sequence[ChainEvent],
    *,
    keep: Callable[[Sequence[ChainEvent]], Sequence[ChainEvent]] | None = None,
) -> list[dict[str, Any]]:
    """Append ``events`` to the chain, in order, under one lock and in one transaction.

    ``keep``, when given, runs under the lock and returns which of the events to write (a
    QR scan already logged from the same network, for one): what it reads cannot change
    before they are written. Returns the rows written (AccessEvent's attnames to values).
    """
    if not events:
        return []
    with chain_lock() as head:
        chosen = keep(events) if keep is not None else events
        if not chosen:
            return []
        return _write(head, chosen)
