"""A reviewed reading of an acta saved as the session it records.

The facilitator has corrected the parser's reading beside the source; this writes it as a
held session with everything the acta tells: the convocation letter, who attended and in
what capacity (holder, alternate, on behalf of someone, guest), the agenda with presenters
and each item's narrative, the votes and agreements, the progress reported on earlier
agreements, the earlier acta it approved and the calendar it set. Then the acta is written
from that record. When the original was already approved (a historical acta), the
generated acta is published as the approved record with the original file beside it.

``reviewed`` has the shape of ``abierto.lib.acta.parse_acta_text``'s result, corrected,
plus these keys:

- ``attendees[].seat`` (a seat's label) and ``attendees[].capacity`` (``holder``,
  ``alternate``, ``delegate`` or ``guest``), when the name alone does not say it;
- ``follow_up_codes``: this session's agreements that commit someone (they stay pending);
- ``follow_ups``: ``[{code, status, note}]``, progress reported here on earlier agreements;
- ``approved_original``: the original is the approved acta, to publish as such.
"""

from __future__ import annotations

import datetime
import re
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from abierto.directory.models import Person

from .. import tasks
from ..models import (
    ActaImport,
    AgendaItem,
    Attendance,
    Convocation,
    Forum,
    Minutes,
    Seat,
    Session,
)
from ._audit import audit_record
from .errors import ForumError
from .import_decisions import _agreements, _follow_ups, _minutes, _scheduled
from .import_pages import acta_import_pages_drop
from .import_reading import CAPACITIES, KINDS, MODALITIES, _date, _folded, _line, _required, _time

if TYPE_CHECKING:
    from django.contrib.auth.models import User


@transaction.atomic
def acta_import_commit(
    *, actor: User | None, acta_import: ActaImport, reviewed: dict[str, Any]
) -> Session:
    """Save a reviewed reading as a held session; see the module's docstring for the shape.

    One transaction: any step's ``ForumError`` leaves nothing written.
    """
    acta_import = _pending_import(acta_import)
    forum = acta_import.forum
    session = _session(forum, reviewed)
    _convocation(session, reviewed.get("convocation"))
    items = _agenda(session, reviewed)
    _attendance(session, reviewed.get("attendees") or [])
    calendar_agreement = _agreements(actor, session, items, reviewed)
    _follow_ups(actor, session, reviewed.get("follow_ups") or [])
    _scheduled(forum, reviewed.get("scheduled_sessions") or [], calendar_agreement)

    approved = bool(reviewed.get("approved_original"))
    minutes = _minutes(session, acta_import, approved=approved)
    _mark_imported(actor, acta_import, session, approved=approved)
    if approved:
        _publish_approved(actor, minutes)
    return session


def _pending_import(acta_import: ActaImport) -> ActaImport:
    """The import locked for this transaction; ``ForumError`` unless it is still pending, so
    that two confirmations of one review never make two sessions."""
    acta_import = ActaImport.objects.select_for_update().get(pk=acta_import.pk)
    if acta_import.status != ActaImport.Status.PENDING:
        raise ForumError(_("Esta acta ya se importó o se descartó."))
    return acta_import


def _mark_imported(
    actor: User | None, acta_import: ActaImport, session: Session, *, approved: bool
) -> None:
    """The import marked imported and tied to its session, its page images dropped, and the
    ``session.imported`` audit row naming the source file and its SHA-256."""
    acta_import.status = ActaImport.Status.IMPORTED
    acta_import.session = session
    acta_import.save(update_fields=["status", "session", "updated_at"])
    acta_import_pages_drop(acta_import)
    audit_record(
        actor=actor,
        action="session.imported",
        target=session,
        changes={
            "file": acta_import.source_name,
            "sha256": acta_import.source_sha256,
            "approved_original": approved,
        },
    )


def _publish_approved(actor: User | None, minutes: Minutes) -> None:
    """An approved original's minutes: the ``minutes.published`` audit row, and the PDF and DOCX
    renditions queued once the transaction commits (never for a rolled-back import)."""
    audit_record(
        actor=actor,
        action="minutes.published",
        target=minutes,
        changes={"sha256": minutes.content_hash, "original_sha256": minutes.original_sha256},
    )
    transaction.on_commit(lambda: tasks.minutes_render_later(minutes, actor=actor))


def _session(forum: Forum, reviewed: dict[str, Any]) -> Session:
    """The held session, validated and saved; ``ForumError`` if the forum already has one of
    that kind and number, or it ends before it starts."""
    info = reviewed.get("session") or {}
    number = int(_required(info, "number"))
    kind = KINDS.get(str(info.get("kind") or "ordinaria"), Session.Kind.ORDINARY)
    day = _date(_required(info, "date"), _("la sesión"))
    if Session.objects.filter(forum=forum, kind=kind, number=number).exists():
        raise ForumError(
            _("Ya existe la sesión %(kind)s número %(number)s del %(forum)s; corrija el número.")
            % {"kind": Session.Kind(kind).label.lower(), "number": number, "forum": forum.acronym}
        )
    start, end = _time(info.get("start_time")), _time(info.get("end_time"))
    if start and end and end <= start:
        raise ForumError(_("La hora de término debe ser posterior a la de inicio."))
    roll_call_at = None
    if reviewed.get("attendees"):
        moment = datetime.datetime.combine(day, start or datetime.time(0, 0))
        roll_call_at = timezone.make_aware(moment)
    session = Session(
        forum=forum,
        kind=kind,
        number=number,
        date=day,
        start_time=start,
        end_time=end,
        modality=MODALITIES.get(str(info.get("modality") or ""), Session.Modality.IN_PERSON),
        place=_line(info.get("place"), 250),
        status=Session.Status.HELD,
        roll_call_at=roll_call_at,
    )
    session.full_clean(exclude=["calendar_agreement"])
    session.save()
    return session


def _convocation(session: Session, data: dict[str, Any] | None) -> None:
    """The letter that convened the session, when the acta names it (``STL/016/2022``)."""
    if not data or not data.get("reference"):
        return
    reference = _line(data["reference"], 40)
    day = _date(data.get("date") or session.date, _("el oficio de convocatoria"))
    numbers = [int(n) for n in re.findall(r"\d+", reference)]
    sequence = next((n for n in numbers if n != day.year and 0 < n < 10000), None)
    if sequence is None:
        raise ForumError(
            _("El número de oficio %(reference)s no tiene un consecutivo.")
            % {"reference": reference}
        )
    clash = Convocation.objects.filter(reference=reference).exists() or (
        Convocation.objects.filter(forum=session.forum, year=day.year, sequence=sequence).exists()
    )
    if clash:
        raise ForumError(
            _("El oficio %(reference)s ya está registrado para otra sesión; corríjalo.")
            % {"reference": reference}
        )
    Convocation.objects.create(
        session=session,
        forum=session.forum,
        year=day.year,
        sequence=sequence,
        reference=reference,
        date=day,
    )


def _people_by_name() -> dict[str, Person]:
    return {_folded(person.name): person for person in Person.objects.all()}


def _person_named(text: str, people: dict[str, Person]) -> tuple[Person | None, str]:
    """The directory's person a "Nombre, Cargo" text starts with, and the text's rest."""
    name, _comma, rest = text.partition(",")
    person = people.get(_folded(name))
    return person, rest.strip()


def _agenda(session: Session, reviewed: dict[str, Any]) -> dict[int, AgendaItem]:
    """The agenda items by number: decisive where an agreement names them, each presenter
    linked to the directory when the name is there, else kept as written."""
    decisive = {a.get("agenda_item") for a in reviewed.get("agreements") or [] if a}
    people = _people_by_name()
    items: dict[int, AgendaItem] = {}
    for entry in reviewed.get("agenda") or []:
        number = int(entry["number"])
        presenter_text = _line(entry.get("presenter"), 250)
        person, _rest = _person_named(presenter_text, people)
        items[number] = AgendaItem.objects.create(
            session=session,
            number=number,
            title=_line(entry.get("title"), 500) or _("(sin título)"),
            kind=AgendaItem.Kind.DECISIVE if number in decisive else AgendaItem.Kind.INFORMATIVE,
            presenter=person,
            presenter_name="" if person else presenter_text,
            narrative=str(entry.get("narrative") or "").strip(),
        )
    return items


def _seat_people(
    forum: Forum, day: datetime.date
) -> tuple[dict[str, tuple[Seat, str]], list[Seat]]:
    people: dict[str, tuple[Seat, str]] = {}
    seats = list(
        Seat.objects.filter(forum=forum).active_on(day).select_related("holder", "alternate")
    )
    for seat in seats:
        people[_folded(seat.holder.name)] = (seat, Attendance.Capacity.HOLDER)
        if seat.alternate is not None:
            people[_folded(seat.alternate.name)] = (seat, Attendance.Capacity.ALTERNATE)
    return people, seats


def _attendance(session: Session, attendees: list[dict[str, Any]]) -> None:
    """One attendance a distinct name, in the capacity its seat gives it (or a guest);
    ``ForumError`` for an unknown seat or two holders (or alternates) of one seat."""
    members, seats = _seat_people(session.forum, session.date)
    seats_by_label = {_folded(seat.label): seat for seat in seats}
    people = _people_by_name()
    seen: set[str] = set()
    taken: set[tuple[int, str]] = set()
    for entry in attendees:
        name = _line(entry.get("name"), 250)
        key = _folded(name)
        if not name or key in seen:
            continue
        seen.add(key)
        role = _line(entry.get("role"), 250)
        capacity = str(entry.get("capacity") or "")
        seat: Seat | None = None
        if entry.get("seat"):
            seat = seats_by_label.get(_folded(str(entry["seat"])))
            if seat is None:
                raise ForumError(
                    _("El asiento «%(seat)s» de %(name)s no existe en la fecha de la sesión.")
                    % {"seat": _line(entry["seat"], 120), "name": name}
                )
        if key in members and (seat is None or members[key][0] == seat):
            seat, default = members[key]
            capacity = capacity if capacity in CAPACITIES - {"guest"} else default
        elif seat is not None:
            capacity = capacity if capacity in CAPACITIES - {"guest"} else "delegate"
        else:
            capacity = Attendance.Capacity.GUEST
        if seat is not None and capacity in ("holder", "alternate"):
            if (seat.pk, capacity) in taken:
                raise ForumError(
                    _("Dos personas asisten como %(capacity)s del asiento «%(seat)s».")
                    % {"capacity": Attendance.Capacity(capacity).label.lower(), "seat": seat.label}
                )
            taken.add((seat.pk, capacity))
        person = people.get(key)
        Attendance.objects.create(
            session=session,
            seat=seat if capacity != Attendance.Capacity.GUEST else None,
            person=person,
            name=person.display_name if person else name,
            role=role or (person.public_role if person else ""),
            capacity=capacity,
        )
