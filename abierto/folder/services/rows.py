"""Plain multi-row inserts for the issuance hot path.

``bulk_create`` prepares every field of every object through the ORM (tens of microseconds a
row), which made a million-document issuance spend more time in Django than in signing.
These helpers write the same rows with one ``executemany`` (on PostgreSQL one ``COPY``):
rows are dicts keyed by the model's field attnames, values are converted once per column
kind, the columns come from the model's ``_meta`` (so renames and new fields follow the
models), and everything still runs in the caller's transaction. Only for models without
``save()`` side effects or signals that matter: the folder's documents, their holders and
access events.
"""

from __future__ import annotations

import contextlib
import datetime
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from django.db import connection, models

# SQLite's default limit of bound parameters per statement is 32766 since 3.32; stay well
# below any engine's limit when looking rows up by a list of keys.
LOOKUP_CHUNK = 500


def _converter(field: Any) -> Callable[[Any], Any] | None:
    """How a value of ``field`` goes to the database, or None when it goes as it is."""
    if isinstance(field, models.DateTimeField) and connection.vendor != "postgresql":
        # PostgreSQL's adapter takes an aware datetime as it is (and looking one up in a
        # dict, which hashes its UTC offset, cost more than the COPY of its row).
        adapt = connection.ops.adapt_datetimefield_value
        # A batch shares a handful of timestamps: adapt each once.
        cache: dict[datetime.datetime, Any] = {}

        def datetime_value(value: datetime.datetime | None) -> Any:
            if value is None:
                return None
            adapted = cache.get(value)
            if adapted is None:
                adapted = cache[value] = adapt(value)
            return adapted

        return datetime_value
    if isinstance(field, models.BinaryField):
        return lambda value: None if value is None else bytes(value)
    return None


def _column(field: Any) -> str:
    """The database column of a concrete field (a reverse relation has none)."""
    column = getattr(field, "column", None)
    if not column:
        raise ValueError(f"{field!r} has no column")
    return str(column)


def column(model: type[models.Model], name: str) -> str:
    """The quoted database column of ``model``'s field ``name``."""
    return str(connection.ops.quote_name(_column(model._meta.get_field(name))))


def _insert_fields(meta: Any) -> list[Any]:
    """The fields an insert writes: every concrete one but an automatic primary key."""
    return [
        field
        for field in meta.concrete_fields
        if not (field.primary_key and isinstance(field, models.AutoField))
    ]


def _missing_value(model: type[models.Model], field: Any) -> Any:
    """What a row that leaves ``field`` out stores: its default, else NULL if it allows it,
    else the empty string if it may be blank; a required field must be given."""
    if field.has_default():
        return field.get_default()
    if field.null:
        return None
    if field.blank and field.empty_strings_allowed:
        return ""
    raise ValueError(f"{model.__name__}.{field.attname} needs a value")


def reserve_ids(model: type[models.Model], count: int) -> list[int]:
    """``count`` primary keys for rows of ``model`` inserted later in this transaction (with
    ``insert_rows(..., with_pk=True)``), so that rows pointing at them can be written first.

    PostgreSQL: from the column's sequence. SQLite: above the largest key ever given (its
    AUTOINCREMENT counter), under the write lock the transaction holds since BEGIN
    (``transaction_mode: IMMEDIATE``, required by ``checks.py``)."""
    if count <= 0:
        return []
    meta = model._meta
    table, pk = meta.db_table, _column(meta.pk)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [connection.ops.quote_name(table), pk, count],
            )
            return [row[0] for row in cursor.fetchall()]
        quote = connection.ops.quote_name
        counter = "SELECT seq FROM sqlite_sequence WHERE name = %s"
        largest = f"SELECT max({quote(pk)}) FROM {quote(table)}"  # noqa: S608 -- quoted names
        cursor.execute(f"SELECT max(coalesce(({counter}), 0), coalesce(({largest}), 0))", [table])
        start = int(cursor.fetchone()[0])
    return list(range(start + 1, start + count + 1))


def insert_rows(
    model: type[models.Model], rows: Iterable[Mapping[str, Any]], *, with_pk: bool = False
) -> int:
    """Insert ``rows``, each a dict keyed by the model's field attnames (``document_id`` for a
    foreign key); the count. The columns are the model's concrete fields: a field a row leaves
    out gets its default (or NULL), a key that is no field of the model is refused. With
    ``with_pk`` every row brings its primary key (``reserve_ids``)."""
    meta = model._meta
    fields = _insert_fields(meta)
    if with_pk:
        fields = [meta.pk, *fields]
    known = {field.attname for field in fields}
    converters = [(field, _converter(field)) for field in fields]
    quote = connection.ops.quote_name
    sql = "INSERT INTO {} ({}) VALUES ({})".format(  # noqa: S608 -- quoted names from _meta
        quote(meta.db_table),
        ", ".join(quote(_column(field)) for field in fields),
        ", ".join(["%s"] * len(fields)),
    )
    # What a row that leaves a field out stores, worked out once per field (a required field
    # left out raises when a row leaves it out).
    missing: dict[str, Any] = {}
    for field in fields:
        with contextlib.suppress(ValueError):
            missing[field.attname] = _missing_value(model, field)
    names = [field.attname for field in fields]
    converted = [(index, convert) for index, (_f, convert) in enumerate(converters) if convert]
    prepared = []
    for row in rows:
        if len(row) > len(known) or not known.issuperset(row):
            raise ValueError(f"{model.__name__} has no field {sorted(row.keys() - known)}")
        try:
            values = [row[name] if name in row else missing[name] for name in names]
        except KeyError as exc:
            raise ValueError(f"{model.__name__}.{exc.args[0]} needs a value") from None
        for index, convert in converted:
            values[index] = convert(values[index])
        prepared.append(values)
    if prepared and connection.vendor == "postgresql":
        _copy(
            "COPY {} ({}) FROM STDIN (FORMAT BINARY)".format(
                quote(meta.db_table), ", ".join(quote(_column(field)) for field in fields)
            ),
            prepared,
            [_copy_type(field) for field in fields],
        )
    elif prepared:
        with connection.cursor() as cursor:
            cursor.executemany(sql, prepared)
    return len(prepared)


def _copy_type(field: Any) -> str:
    """The PostgreSQL type name of ``field``'s column, without its modifier: ``varchar(64)``
    is sent as ``varchar`` (the column's own type checks the length)."""
    return str(field.db_type(connection)).split("(", 1)[0]


def _copy(statement: str, rows: list[list[Any]], types: list[str]) -> None:
    """PostgreSQL's COPY (psycopg's ``cursor.copy``): rows streamed in one statement, about
    ten times faster than ``executemany``'s one INSERT a row, in the same transaction. In
    the binary format: a document's ciphertext goes as its bytes, not as hex for the server
    to decode, and numbers and times are not formatted as text and parsed back."""
    with connection.cursor() as cursor, cursor.cursor.copy(statement) as copy:
        copy.set_types(types)
        for row in rows:
            copy.write_row(row)


def ids_by(
    model: type[models.Model], key: str, values: Sequence[Any], **equal: Any
) -> dict[Any, int]:
    """The primary keys of the rows whose ``key`` is in ``values`` (and whose other columns
    equal ``equal``), by key. ``key`` must be unique among those rows.

    Plain SQL: the ORM prepares each value of an ``__in`` list on its own, which costs more
    than the query for the thousands of keys of an issuance batch.
    """
    meta = model._meta
    quote = connection.ops.quote_name
    key_column = quote(_column(meta.get_field(key)))
    filters = "".join(f" AND {quote(_column(meta.get_field(name)))} = %s" for name in equal)
    found: dict[Any, int] = {}
    select = f"SELECT {key_column}, {quote(str(meta.pk.column))} FROM {quote(meta.db_table)} "  # noqa: S608 -- quoted names from _meta
    if connection.vendor == "postgresql":
        # One array parameter: one statement of fixed text (prepared once by the server)
        # whatever the number of keys, instead of a list of thousands of placeholders.
        with connection.cursor() as cursor:
            cursor.execute(
                f"{select}WHERE {key_column} = ANY(%s){filters}", [list(values), *equal.values()]
            )
            found.update(cursor.fetchall())
        return found
    with connection.cursor() as cursor:
        for start in range(0, len(values), LOOKUP_CHUNK):
            chunk = list(values[start : start + LOOKUP_CHUNK])
            cursor.execute(
                f"{select}WHERE {key_column} IN ({', '.join(['%s'] * len(chunk))}){filters}",
                [*chunk, *equal.values()],
            )
            found.update(cursor.fetchall())
    return found
