"""The opening of the acta (where, when, who convened, who is present), the roll call
and quorum, and the signatures."""

from __future__ import annotations

from abierto.lib.spanish import (
    date_to_words,
    number_to_words,
    time_to_words,
)

from ..models import (
    Attendance,
    Seat,
    Sector,
    Session,
)
from ..selectors import quorum_state, roll_call
from .words import SEAT_CITY, _line, fold, platform_name

_CAPACITY_ORDER: dict[str, int] = {
    Attendance.Capacity.HOLDER: 0,
    Attendance.Capacity.ALTERNATE: 1,
    Attendance.Capacity.DELEGATE: 2,
}


def _where(session: Session) -> str:
    """Where the session is held, as the opening's first words say it."""
    place = _line(session.place)
    if session.modality == Session.Modality.VIRTUAL:
        return "En el Estado de México"
    if place and "estado de mexico" in fold(place):
        return f"En {place}"
    return f"En {SEAT_CITY}"


def _venue(session: Session) -> str:
    """How the members met: «a través de la plataforma Zoom», «en la Sala …»."""
    place = _line(session.place)
    if session.modality == Session.Modality.VIRTUAL:
        if place:
            return f"a través de la plataforma {platform_name(place)}"
        return "por medios electrónicos"
    if session.modality == Session.Modality.HYBRID:
        there = f" en {place}" if place and "estado de mexico" not in fold(place) else ""
        return f"de manera presencial{there} y a distancia por medios electrónicos"
    if place and "estado de mexico" not in fold(place):
        return f"en {place}"
    return ""


def _facilitator(session: Session) -> tuple[str, str]:
    """``("el Facilitador", "Horacio Rodríguez Jiménez")``: who convenes and closes."""
    seat = (
        Seat.objects.filter(forum=session.forum, sector=Sector.FACILITATION)
        .active_on(session.date)
        .select_related("holder")
        .order_by("order")
        .first()
    )
    if seat is None:
        return "la Facilitación", ""
    role = fold(seat.holder.public_role)
    title = "la Facilitadora" if role.startswith("facilitadora") else "el Facilitador"
    return title, _line(seat.holder.display_name)


def _convened(session: Session) -> str:
    convocation = session.convocation_or_none
    if convocation is None:
        return ""
    title, name = _facilitator(session)
    by = f"por {title} {name}".rstrip() if name else f"por {title}"
    return (
        f"a la cual fueron convocados {by}, mediante el oficio número "
        f"{convocation.reference}, de fecha {date_to_words(convocation.date)}"
    )


def _opening(session: Session) -> str:
    when = f"el día {date_to_words(session.date)}"
    if session.start_time is not None:
        when = f"siendo {time_to_words(session.start_time)} del día {date_to_words(session.date)}"
    parts = [
        f"{_where(session)}, {when}, se encuentran reunidos los integrantes del "
        f"{session.forum.name}, para celebrar su {session.title}"
    ]
    parts.extend(part for part in (_venue(session), _convened(session)) if part)
    present = _present_phrase(session)
    if present:
        parts.append(f"estando presentes: {present}")
    return ", ".join(parts) + (
        ", con la finalidad de desahogar la sesión bajo el siguiente orden del día:"
    )


# --- Roll call ----------------------------------------------------------------


def _seat_place(seat: Seat) -> str:
    """The seat as the acta names it: «Órgano Garante (Infoem)», or just «Sociedad Civil 1»."""
    sector = str(Sector(seat.sector).label)
    label = _line(seat.label)
    if not label or fold(label).startswith(fold(sector)):
        return label or sector
    return f"{sector} ({label})"


def _capacity_phrase(row: Attendance, seat: Seat) -> str:
    if row.capacity == Attendance.Capacity.HOLDER:
        return "titular"
    if row.capacity == Attendance.Capacity.ALTERNATE:
        return "suplente"
    return f"en representación de {_line(seat.holder.display_name)}"


def _role(row: Attendance) -> str:
    role = _line(row.role)
    # A delegate's default role already says "En representación de …", as the capacity does.
    if row.capacity == Attendance.Capacity.DELEGATE and fold(role).startswith("en representacion"):
        return ""
    return role


def _seat_rows(session: Session) -> list[tuple[Attendance, Seat]]:
    """Who attended for a seat, in the seats' order: holder, alternate, then delegate."""
    rows = list(
        session.attendance.exclude(capacity=Attendance.Capacity.GUEST).select_related("seat")
    )
    ordered: list[tuple[Attendance, Seat]] = []
    seen: set[int] = set()
    for presence in roll_call(session):
        mine = [row for row in rows if row.seat_id == presence.seat.pk]
        mine.sort(key=lambda row: (_CAPACITY_ORDER.get(row.capacity, 9), row.pk))
        ordered.extend((row, presence.seat) for row in mine)
        seen.update(row.pk for row in mine)
    # Rows for a seat no longer current on the session's date still belong to the acta.
    ordered.extend((row, row.seat) for row in rows if row.pk not in seen and row.seat is not None)
    return ordered


def _attendee_phrase(row: Attendance, seat: Seat) -> str:
    """«Name, role» as the opening lists it; the seat is said unless the role says it."""
    role = _role(row)
    folded = fold(role)
    if not any(word in folded for word in ("titular", "suplente", "representacion")):
        where = f"{_capacity_phrase(row, seat)} de {_seat_place(seat)}"
        if row.capacity == Attendance.Capacity.DELEGATE:
            where = f"{_capacity_phrase(row, seat)}, por {_seat_place(seat)}"
        role = f"{role}, {where}" if role else where
    return f"{_line(row.name)}, {role}"


def _present_phrase(session: Session) -> str:
    """Everyone present, members first in the seats' order, then guests."""
    members = [_attendee_phrase(row, seat) for row, seat in _seat_rows(session)]
    guests = [
        ", ".join(part for part in (_line(g.name), _line(g.role)) if part)
        + ", en calidad de persona invitada"
        for g in session.attendance.filter(capacity=Attendance.Capacity.GUEST).order_by("id")
    ]
    return "; ".join(members + guests)


def _quorum_sentence(session: Session) -> str:
    quorum = quorum_state(session)
    if quorum.total_seats == 0:
        return (
            "No se registraron asientos con derecho a voto vigentes en la fecha de la sesión, "
            "por lo que no se integró el quórum para sesionar."
        )
    forum = session.forum.name
    if quorum.total_seats == 1:
        seat = "único asiento con derecho a voto"
        lead = "Con la asistencia del" if quorum.present_seats else "Al no encontrarse presente el"
        attendance = f"{lead} {seat} del {forum}"
    else:
        seats = f"los {_seats(quorum.total_seats)} con derecho a voto"
        if quorum.present_seats:
            present = number_to_words(quorum.present_seats)
            attendance = f"Con la asistencia de {present} de {seats} del {forum}"
        else:
            attendance = f"Al no encontrarse presente ninguno de {seats} del {forum}"
    if quorum.reached:
        return (
            f"{attendance}, se declaró la existencia de quórum para sesionar, por lo que los "
            "acuerdos que se tomen en la sesión serán válidos."
        )
    return (
        f"{attendance}, se hizo constar que no se reunió el quórum requerido de "
        f"{_seats(quorum.required)} para sesionar."
    )


def _seats(count: int) -> str:
    """A count of seats in words: «un asiento», «veintiún asientos»."""
    noun = "asiento" if count == 1 else "asientos"
    return f"{number_to_words(count, apocope=True)} {noun}"


def _roll_call_blocks(session: Session) -> list[str]:
    """The roll call told, when the facilitator wrote nothing for it: who is present is
    already in the opening, so this states the quorum (or that nothing was recorded)."""
    title, name = _facilitator(session)
    who = f"{title} {name}".strip() if name else title
    intro = f"{who[0].upper()}{who[1:]} procedió al pase de lista para la verificación del quórum"
    if session.roll_call_at is None and not session.attendance.exists():
        # Nothing recorded (e.g. a session loaded from an earlier record): say so, and state
        # neither an absence nor a quorum that the record does not show.
        return [f"{intro}; la lista de asistencia de esta sesión no consta en el registro."]
    if not _seat_rows(session):
        return [
            f"{intro}, sin que se encontrara presente persona integrante alguna. "
            f"{_quorum_sentence(session)}"
        ]
    return [f"{intro}. {_quorum_sentence(session)}"]


# --- Signatures ---------------------------------------------------------------


def _signature_line(row: Attendance, seat: Seat) -> str:
    where = f"{_seat_place(seat)}, {_capacity_phrase(row, seat)}"
    role = " — ".join(part for part in (_role(row), where) if part)
    name = _line(row.name).replace("|", "/")
    return f"{name} | {role.replace('|', '/')}"


def _signature_blocks(session: Session) -> list[str]:
    rows = _seat_rows(session)
    if not rows:
        return []
    return ["# FIRMAS", "\n".join(_signature_line(row, seat) for row, seat in rows)]
