"""Participants reports exported by Zoom (also Microsoft Teams attendance lists).

Zoom's «Meeting participants» report (Reports → Usage → Participants, with «Export with
meeting data») is a CSV with a header block and the participants table::

    Meeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants,
    852 1234 5678,Sesión STL,12/16/2022 11:02:15 AM,12/16/2022 12:41:10 PM,a@b.mx,99,9,

    Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest
    Horacio Rodríguez Jiménez (Host),h@b.mx,12/16/2022 11:02:15 AM,...,99,No

Without meeting data the table starts on the first line. Columns are found by their header
(English or Spanish, any case; extra columns are ignored). Encodings: UTF-8 with or without
BOM, UTF-16 (Teams) and Latin-1/Windows-1252 (Excel on Windows).
"""

from __future__ import annotations

import csv
import datetime
import io
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from .clock import (
    DATETIME,
    TimeWithoutDateError,
    day_first,
    decode,
    optional_datetime,
    parse_datetime,
)
from .errors import MeetingRecordError
from .names import fold, split_original_name, strip_role_tag

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 5000

NAME_HEADERS = (
    "name (original name)", "nombre (nombre original)", "name", "nombre", "full name",
    "nombre completo", "participant", "participante", "display name",
)  # fmt: skip
EMAIL_HEADERS = (
    "user email", "email", "e-mail", "correo electronico del usuario", "correo electronico",
    "correo", "participant id (upn)",
)  # fmt: skip
# Google Meet's attendance sheet gives the name in two columns.
FIRST_NAME_HEADERS = ("first name", "nombre", "nombre(s)", "given name", "nombre de pila")
LAST_NAME_HEADERS = ("last name", "apellido", "apellidos", "surname", "family name")
JOIN_HEADERS = (
    "join time", "hora de entrada", "hora de union", "first join", "primera union",
    "first seen", "joined", "hora de ingreso", "time joined", "hora en que se unio",
    "se unio",
)  # fmt: skip
LEAVE_HEADERS = (
    "leave time", "hora de salida", "last leave", "ultima salida", "last seen", "left",
    "time exited", "hora en que salio", "salio",
)  # fmt: skip
GUEST_HEADERS = ("guest", "invitado")
TOPIC_HEADERS = ("topic", "tema", "meeting title", "titulo de la reunion", "meeting name")
START_HEADERS = ("start time", "hora de inicio", "meeting start time")
END_HEADERS = ("end time", "hora de finalizacion", "hora de termino", "meeting end time")
MEETING_ID_HEADERS = ("meeting id", "id de reunion", "id de la reunion")


@dataclass(frozen=True)
class Connection:
    """One row of the report: one connection of one device."""

    name: str
    original_name: str
    email: str
    join: datetime.datetime
    leave: datetime.datetime
    host: bool = False
    guest: bool = False


@dataclass(frozen=True)
class Participant:
    """A person: their connections merged (earliest join, latest leave)."""

    name: str
    email: str
    join: datetime.datetime
    leave: datetime.datetime
    connections: int
    host: bool
    other_names: tuple[str, ...] = ()

    @property
    def minutes(self) -> int:
        return int((self.leave - self.join).total_seconds() // 60)


@dataclass(frozen=True)
class ParticipantsReport:
    connections: tuple[Connection, ...]
    topic: str = ""
    meeting_id: str = ""
    start: datetime.datetime | None = None
    end: datetime.datetime | None = None
    encoding: str = "utf-8"
    participants: tuple[Participant, ...] = field(default=())

    @property
    def first_join(self) -> datetime.datetime:
        return min(c.join for c in self.connections)

    @property
    def last_leave(self) -> datetime.datetime:
        return max(c.leave for c in self.connections)


def _find(header: list[str], names: tuple[str, ...]) -> int | None:
    folded = [fold(cell) for cell in header]
    for name in names:
        target = fold(name)
        if target in folded:
            return folded.index(target)
    return None


def _rows(text: str) -> list[list[str]]:
    sample = text[:4096]
    delimiter = "\t" if sample.count("\t") > sample.count(",") else ","
    if delimiter == "," and sample.count(";") > sample.count(","):
        delimiter = ";"
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    rows = []
    for number, row in enumerate(reader):
        if number > MAX_ROWS:
            raise MeetingRecordError(
                _("El reporte tiene más de %(rows)s renglones: no parece de una sola reunión.")
                % {"rows": MAX_ROWS}
            )
        rows.append([cell.strip() for cell in row])
    return rows


def _meeting_data(rows: list[list[str]], table_at: int) -> dict[str, str]:
    """The header block: a row of headers and a row of values (Zoom), or key/value rows."""
    data: dict[str, str] = {}
    block = [row for row in rows[:table_at] if any(row)]
    for i, row in enumerate(block):
        known = [_find(row, names) for names in (TOPIC_HEADERS, START_HEADERS, END_HEADERS)]
        if i + 1 < len(block) and sum(column is not None for column in known) >= 2:
            values = block[i + 1]
            for key, names in (
                ("topic", TOPIC_HEADERS),
                ("start", START_HEADERS),
                ("end", END_HEADERS),
                ("id", MEETING_ID_HEADERS),
            ):
                column = _find(row, names)
                if column is not None and column < len(values):
                    data.setdefault(key, values[column])
        if len(row) >= 2:
            for key, names in (("topic", TOPIC_HEADERS), ("start", START_HEADERS)):
                if _find(row[:1], names) is not None:
                    data.setdefault(key, row[1])
    return data


def parse_participants(data: bytes, *, day: datetime.date | None = None) -> ParticipantsReport:
    """Read a participants report; :class:`MeetingRecordError` says why one cannot be read.

    ``day`` is the date on which times written without one are read (Google Meet's
    attendance sheet); without it such a report is refused with a message.
    """
    if len(data) > MAX_BYTES:
        raise MeetingRecordError(
            _("El reporte de participantes pesa más de %(mb)s MB.") % {"mb": MAX_BYTES // 2**20}
        )
    if b"\x00" in data[:2048] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise MeetingRecordError(_("El archivo no es un CSV de texto."))
    text, encoding = decode(data)
    try:
        rows = _rows(text)
    except csv.Error as exc:
        raise MeetingRecordError(_("El archivo no es un CSV legible.")) from exc
    table_at = next((i for i, row in enumerate(rows) if _is_table_header(row)), None)
    if table_at is None:
        raise MeetingRecordError(
            _(
                "No se encontró la tabla de participantes: se esperaban las columnas «Name "
                "(Original Name)», «Join Time» y «Leave Time» del reporte de Zoom (o las de "
                "la lista de asistencia de Teams o de Google Meet)."
            )
        )
    header = rows[table_at]
    columns = {
        "name": _first_found(header, NAME_HEADERS, FIRST_NAME_HEADERS),
        "last_name": _find(header, LAST_NAME_HEADERS),
        "email": _find(header, EMAIL_HEADERS),
        "join": _find(header, JOIN_HEADERS),
        "leave": _find(header, LEAVE_HEADERS),
        "guest": _find(header, GUEST_HEADERS),
    }
    if columns["leave"] is None:
        raise MeetingRecordError(_("Falta la columna «Leave Time» (hora de salida)."))
    body = [row for row in rows[table_at + 1 :] if any(row)]
    is_day_first = day_first([_cell(row, columns["join"]) for row in body])
    read = (
        _connection(row, columns, _Reading(is_day_first, day, line))
        for line, row in enumerate(body, start=table_at + 2)
    )
    connections = [c for c in read if c is not None]
    if not connections:
        raise MeetingRecordError(_("El reporte no tiene ningún participante."))
    meeting = _meeting_data(rows, table_at)
    return ParticipantsReport(
        connections=tuple(connections),
        topic=meeting.get("topic", ""),
        meeting_id=meeting.get("id", ""),
        start=optional_datetime(meeting.get("start", ""), is_day_first, day),
        end=optional_datetime(meeting.get("end", ""), is_day_first, day),
        encoding=encoding,
        participants=tuple(merge(connections)),
    )


def _first_found(header: list[str], *choices: tuple[str, ...]) -> int | None:
    return next((c for names in choices if (c := _find(header, names)) is not None), None)


def _is_table_header(row: list[str]) -> bool:
    named = _first_found(row, NAME_HEADERS, FIRST_NAME_HEADERS) is not None
    return named and _find(row, JOIN_HEADERS) is not None


def _cell(row: list[str], column: int | None) -> str:
    return row[column] if column is not None and column < len(row) else ""


@dataclass(frozen=True)
class _Reading:
    """How the rows' times are read, and which line of the file a row is (for messages)."""

    day_first: bool
    day: datetime.date | None
    line: int


def _row_times(
    row: list[str], columns: dict[str, int | None], reading: _Reading
) -> tuple[datetime.datetime, datetime.datetime]:
    join_text, leave_text = _cell(row, columns["join"]), _cell(row, columns["leave"])
    try:
        join = parse_datetime(join_text, day_first=reading.day_first, day=reading.day)
        leave = parse_datetime(leave_text, day_first=reading.day_first, day=reading.day)
    except TimeWithoutDateError as exc:
        raise MeetingRecordError(
            _(
                "Renglón %(line)s: la hora «%(value)s» no dice de qué día es (así las da la "
                "hoja de asistencia de Google Meet). Suba el reporte desde la sesión: se "
                "leerá con la fecha de la sesión."
            )
            % {"line": reading.line, "value": str(exc)[:40]}
        ) from exc
    except ValueError as exc:
        raise MeetingRecordError(
            _(
                "Renglón %(line)s: la hora «%(value)s» no se entiende (p. ej. "
                "12/16/2022 11:02:15 AM)."
            )
            % {"line": reading.line, "value": str(exc)[:40]}
        ) from exc
    if leave < join and reading.day is not None and DATETIME.match(leave_text) is None:
        leave += datetime.timedelta(days=1)  # a time alone, after midnight
    if leave < join:
        raise MeetingRecordError(
            _("Renglón %(line)s: la hora de salida es anterior a la de entrada.")
            % {"line": reading.line}
        )
    return join, leave


def _connection(
    row: list[str], columns: dict[str, int | None], reading: _Reading
) -> Connection | None:
    raw_name = " ".join(
        part for part in (_cell(row, columns["name"]), _cell(row, columns["last_name"])) if part
    )
    if not raw_name:
        return None
    name, host = strip_role_tag(raw_name)
    shown, original = split_original_name(name)
    shown, host_shown = strip_role_tag(shown)
    join, leave = _row_times(row, columns, reading)
    return Connection(
        name=(original or shown)[:200],
        original_name=shown[:200] if original else "",
        email=_cell(row, columns["email"]).casefold()[:254],
        join=join,
        leave=leave,
        host=host or host_shown,
        guest=fold(_cell(row, columns["guest"])) in {"yes", "si", "true"},
    )


def merge(connections: list[Connection]) -> list[Participant]:
    """One participant per person: connections with the same e-mail or the same folded name
    are merged, keeping the earliest join and the latest leave."""
    parent = list(range(len(connections)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    seen: dict[str, int] = {}
    for i, connection in enumerate(connections):
        keys = [f"n:{fold(connection.name)}"]
        if connection.email:
            keys.append(f"e:{connection.email}")
        for key in keys:
            if key in seen:
                parent[root(i)] = root(seen[key])
            else:
                seen[key] = i
    groups: dict[int, list[Connection]] = {}
    for i, connection in enumerate(connections):
        groups.setdefault(root(i), []).append(connection)
    people = []
    for group in groups.values():
        names = sorted({c.name for c in group}, key=lambda n: (-len(n), n))
        people.append(
            Participant(
                name=names[0],
                email=next((c.email for c in group if c.email), ""),
                join=min(c.join for c in group),
                leave=max(c.leave for c in group),
                connections=len(group),
                host=any(c.host for c in group),
                other_names=tuple(names[1:]),
            )
        )
    return sorted(people, key=lambda p: (p.join, p.name))
