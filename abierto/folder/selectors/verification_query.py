"""The one query of a verification, in plain SQL on the driver's connection.

Verification is the busiest public URL, and on PostgreSQL most of what its query cost was
the server *planning* it again for every request (a join of two tables: about 90 µs of the
backend's CPU, against 10 µs to run it) and psycopg's cursor machinery in Python. So on
PostgreSQL the statement is prepared once per connection (SQL ``PREPARE``, planned
generically after a few runs) and each verification is one ``PQexecPrepared`` with its two
values and a binary answer, through libpq on psycopg's connection. Measured on PostgreSQL 15
(``/proc``, 3 times 3,000 queries): the backend's CPU per verification 119 → 29 to 36 µs.

Why SQL ``PREPARE`` and not psycopg's prepared statements: Django opens its connections with
``prepare_threshold=None`` (no statement is ever prepared) and client-side binding cursors,
which cannot prepare; changing either would change every query of the project. A ``PREPARE``
is this session's alone. A pooler in transaction mode (PgBouncer; ``docs/deploy.md``) may hand
the ``EXECUTE`` to a server session that never saw the ``PREPARE``: the statement is then
prepared again and, if that fails too, this connection stops preparing and sends the plain
query, which answers the same. ``DB_PREPARED_VERIFICATION=0`` turns it off altogether (off by
default behind such a pooler, ``DB_DISABLE_SERVER_SIDE_CURSORS=1``).
"""

from __future__ import annotations

import datetime
import weakref
from typing import Any

from django.conf import settings
from django.db import connections

from ..models import Document, IssuerKey

# What verifying a document reads of it (attnames of Document's fields); the rest is deferred.
VERIFY_FIELDS = ("id", "document_type_id", "issuer_key_id", "holder_index", "status", "expires_at")
PREPARED_NAME = "abierto_verify_document"

_verify_sql_by_alias: dict[str, str] = {}
_driver_sql_by_alias: dict[str, str] = {}
# The driver connections (psycopg's) on which the statement is prepared, and those on which
# preparing failed (a pooler between us and the server): neither kept past the connection.
_prepared: weakref.WeakSet[Any] = weakref.WeakSet()
_unpreparable: weakref.WeakSet[Any] = weakref.WeakSet()


def _column(model: type[Document] | type[IssuerKey], name: str, quote: Any) -> str:
    return str(quote(getattr(model._meta.get_field(name), "column", "")))


def verify_document_sql(alias: str) -> str:
    """The one query of a verification: the document by (public id, issuer) and whether its
    key is retired; column names from the models' metadata, built once per database."""
    sql = _verify_sql_by_alias.get(alias)
    if sql is None:
        quote = connections[alias].ops.quote_name
        selected = ", ".join("d." + _column(Document, name, quote) for name in VERIFY_FIELDS)
        sql = _verify_sql_by_alias[alias] = (
            f"SELECT {selected}, k.{_column(IssuerKey, 'retired_at', quote)} "  # noqa: S608 -- quoted names
            f"FROM {quote(Document._meta.db_table)} d "
            f"JOIN {quote(IssuerKey._meta.db_table)} k "
            f"ON k.{_column(IssuerKey, 'id', quote)} = d.{_column(Document, 'issuer_key', quote)} "
            f"WHERE d.{_column(Document, 'public_id', quote)} = %s "
            f"AND d.{_column(Document, 'issuer', quote)} = %s"
        )
    return sql


def _driver_sql(alias: str) -> str:
    """``verify_document_sql`` in the driver's own parameter style (SQLite's is ``?``)."""
    sql = _driver_sql_by_alias.get(alias)
    if sql is None:
        sql = verify_document_sql(alias)
        if connections[alias].vendor == "sqlite":
            sql = sql.replace("%s", "?")
        _driver_sql_by_alias[alias] = sql
    return sql


def prepare_sql(alias: str) -> str:
    """The ``PREPARE`` of the verification's query (its two values as ``$1`` and ``$2``)."""
    body = verify_document_sql(alias).replace("%s", "$1", 1).replace("%s", "$2", 1)
    return f"PREPARE {PREPARED_NAME} AS {body}"


def fetch_verify_row(alias: str, params: list[Any]) -> Any:
    """The one row, read with the driver's cursor on Django's connection: not Django's
    cursor wrapper (the query log, the execute wrappers, the parameter rewriting), which
    cost more than the query. Errors still come out as Django's (``wrap_database_errors``:
    the 503 of DatabaseUnavailableMiddleware)."""
    connection = connections[alias]
    if (
        connection.connection is None
        or connection.queries_logged
        or connection.execute_wrappers
        or connection.needs_rollback
    ):
        # The first query of a thread, or someone watching the queries (tests, debug): the
        # ordinary way, which they see.
        with connection.cursor() as cursor:
            cursor.execute(verify_document_sql(alias), params)
            return cursor.fetchone()
    with connection.wrap_database_errors:
        driver = connection.connection
        if (
            connection.vendor == "postgresql"
            # Inside a transaction a failed EXECUTE would abort it: the plain query there.
            and not connection.in_atomic_block
            and settings.DB_PREPARED_VERIFICATION
            and driver not in _unpreparable
        ):
            row = _execute_prepared(alias, driver, params)
            if row is not _NOT_PREPARED:
                return row
        cursor = driver.cursor()
        try:
            cursor.execute(_driver_sql(alias), params)
            return cursor.fetchone()
        finally:
            cursor.close()


_NOT_PREPARED = object()
# PostgreSQL's binary formats of the columns read (type OIDs): integers big-endian, text as
# UTF-8, timestamptz as microseconds since 2000-01-01 UTC.
_EPOCH_2000 = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)
_INTEGERS = frozenset({20, 21, 23})
_TEXTS = frozenset({25, 1043})
_TIMESTAMPTZ = 1184


def _decode(oid: int, value: bytes | None) -> Any:
    if value is None:
        return None
    if oid in _INTEGERS:
        return int.from_bytes(value, "big", signed=True)
    if oid in _TEXTS:
        return value.decode("utf-8")
    if oid == _TIMESTAMPTZ:
        return _EPOCH_2000 + datetime.timedelta(
            microseconds=int.from_bytes(value, "big", signed=True)
        )
    raise _UnknownColumnError(oid)


class _UnknownColumnError(Exception):
    """A column type this reader does not decode (a changed model): the plain query."""


def _execute_prepared(alias: str, driver: Any, params: list[Any]) -> Any:
    """The row through the prepared statement, preparing it on this connection first if
    needed; ``_NOT_PREPARED`` when it cannot be used here (the caller then sends the plain
    query through the cursor, which raises any error as Django's).

    libpq's own calls on psycopg's connection (``PQexecPrepared``, binary results: one C call,
    which releases the GIL while it waits), not a cursor: psycopg's cursor machinery in Python
    cost the worker more CPU than the query cost the server. Only on an idle connection in
    autocommit, which is what Django's is outside a transaction."""
    from psycopg import pq  # PostgreSQL only; SQLite never gets here

    pgconn = driver.pgconn
    public_id, issuer_id = params
    if (
        pgconn.transaction_status != pq.TransactionStatus.IDLE
        or pgconn.pipeline_status != pq.PipelineStatus.OFF
        or "\x00" in public_id  # never in an id this platform made; the cursor refuses it
    ):
        return _NOT_PREPARED
    name = PREPARED_NAME.encode("ascii")
    values = [public_id.encode("utf-8"), str(int(issuer_id)).encode("ascii")]
    for attempt in range(2):
        if driver not in _prepared:
            result = pgconn.exec_(prepare_sql(alias).encode("utf-8"))
            # Prepared on this session already: a pooler's session, or a reconnection.
            if result.status == pq.ExecStatus.FATAL_ERROR and _sqlstate(result) != "42P05":
                return _NOT_PREPARED
            _prepared.add(driver)
        result = pgconn.exec_prepared(name, values, result_format=pq.Format.BINARY)
        if result.status == pq.ExecStatus.TUPLES_OK:
            if not result.ntuples:
                return None
            try:
                return tuple(
                    _decode(result.ftype(column), result.get_value(0, column))
                    for column in range(result.nfields)
                )
            except _UnknownColumnError:
                _unpreparable.add(driver)
                return _NOT_PREPARED
        if _sqlstate(result) != "26000":  # anything but "no such prepared statement"
            return _NOT_PREPARED
        # The session lost it (DEALLOCATE ALL, DISCARD ALL, a pooler's other session).
        _prepared.discard(driver)
        if attempt:
            _unpreparable.add(driver)
    return _NOT_PREPARED


def _sqlstate(result: Any) -> str:
    from psycopg import pq

    code = result.error_field(pq.DiagnosticField.SQLSTATE)
    return code.decode("ascii") if code else ""
