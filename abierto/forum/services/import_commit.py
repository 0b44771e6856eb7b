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
import unicodedata
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from abierto.directory.models import Person
from abierto.lib.spanish import ordinal_words_to_number

from .. import tasks
from ..minutes_text import compose_minutes
from ..models import (
    ActaImport,
    AgendaItem,
    Agreement,
    AgreementFollowUp,
    AgreementStatus,
    Attendance,
    Convocation,
    Forum,
    Minutes,
    Seat,
    Session,
    Vote,
)
from ._audit import audit_record
from .agreements import agreement_code
from .errors import ForumError
from .minutes import content_hash

if TYPE_CHECKING:
    from django.contrib.auth.models import User

KINDS = {
    "ordinaria": Session.Kind.ORDINARY,
    "extraordinaria": Session.Kind.EXTRAORDINARY,
    "solemne": Session.Kind.EXTRAORDINARY,  # the platform has two kinds; solemn ones are rare
}
MODALITIES = {
    "presencial": Session.Modality.IN_PERSON,
    "virtual": Session.Modality.VIRTUAL,
    "híbrida": Session.Modality.HYBRID,
}
CAPACITIES = {choice.value for choice in Attendance.Capacity}
_ORDINAL_TITLE_RE = re.compile(r"^\s*(\d{1,3})\s*(?:a|ª|º|o|°|\.)?\s+(?:sesi)", re.IGNORECASE)


def _folded(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def _line(value: Any, limit: int) -> str:
    return " ".join(str(value or "").split())[:limit]


def _required(reviewed: dict[str, Any], key: str) -> Any:
    value = reviewed.get(key)
    if value in (None, ""):
        raise ForumError(_("Falta un dato obligatorio de la sesión: %(field)s.") % {"field": key})
    return value


def _date(value: Any, what: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        raise ForumError(
            _("La fecha de %(what)s no es válida (AAAA-MM-DD): %(value)s.")
            % {"what": what, "value": str(value)[:40]}
        ) from None


def _time(value: Any) -> datetime.time | None:
    if not value:
        return None
    try:
        return datetime.time.fromisoformat(str(value))
    except ValueError:
        raise ForumError(
            _("La hora no es válida (HH:MM): %(value)s.") % {"value": str(value)[:20]}
        ) from None


@transaction.atomic
def acta_import_commit(
    *, actor: User | None, acta_import: ActaImport, reviewed: dict[str, Any]
) -> Session:
    """Save a reviewed reading as a held session; see the module's docstring for the shape."""
    acta_import = ActaImport.objects.select_for_update().get(pk=acta_import.pk)
    if acta_import.status != ActaImport.Status.PENDING:
        raise ForumError(_("Esta acta ya se importó o se descartó."))
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
    acta_import.status = ActaImport.Status.IMPORTED
    acta_import.session = session
    acta_import.save(update_fields=["status", "session", "updated_at"])
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
    if approved:
        audit_record(
            actor=actor,
            action="minutes.published",
            target=minutes,
            changes={"sha256": minutes.content_hash, "original_sha256": minutes.original_sha256},
        )
        transaction.on_commit(lambda: tasks.minutes_render_later(minutes, actor=actor))
    return session


def _session(forum: Forum, reviewed: dict[str, Any]) -> Session:
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


def _present_voting_seats(session: Session) -> int:
    return (
        session.attendance.filter(seat__has_vote=True, seat__isnull=False)
        .values("seat")
        .distinct()
        .count()
    )


def _agreements(
    actor: User | None, session: Session, items: dict[int, AgendaItem], reviewed: dict[str, Any]
) -> Agreement | None:
    """The session's agreements, each with its unanimous vote when the acta says so."""
    follow_up = {str(code) for code in reviewed.get("follow_up_codes") or []}
    present = _present_voting_seats(session)
    calendar_agreement = None
    for number_in_session, entry in enumerate(reviewed.get("agreements") or [], start=1):
        written = _line(entry.get("code"), 40)
        code = written if written.count("/") >= 2 else ""  # a full code as written
        if not code or Agreement.objects.filter(code=code).exists():
            code = agreement_code(session, number_in_session)
        item_number = entry.get("agenda_item")
        item = items.get(int(item_number)) if item_number else None
        vote = None
        if item is not None and entry.get("vote") == "unanimidad" and present:
            vote = Vote.objects.create(
                agenda_item=item,
                motion=_line(entry.get("text"), 2000) or item.title,
                votes_for=present,
                present_seats=present,
                result=Vote.Result.APPROVED,
            )
        pending = written in follow_up or code in follow_up
        agreement = Agreement.objects.create(
            session=session,
            agenda_item=item,
            vote=vote,
            number=number_in_session,
            code=code,
            text=str(entry.get("text") or "").strip() or _("(sin texto)"),
            requires_follow_up=pending,
            status=AgreementStatus.PENDING if pending else AgreementStatus.DONE,
        )
        if "calendario" in _folded(agreement.text):
            calendar_agreement = agreement
        _approve_earlier_minutes(actor, session, agreement, entry.get("approves_minutes_of"))
    return calendar_agreement


def _approve_earlier_minutes(
    actor: User | None, session: Session, agreement: Agreement, earlier: dict[str, Any] | None
) -> None:
    """Freeze the earlier session's draft acta with this agreement, as a vote on it would."""
    if not earlier or not str(earlier.get("number") or "").isdigit():
        return
    number = int(earlier["number"])
    kind = KINDS.get(str(earlier.get("kind") or "ordinaria"), Session.Kind.ORDINARY)
    minutes = (
        Minutes.objects.select_for_update()
        .filter(
            session__forum=session.forum,
            session__kind=kind,
            session__number=number,
            session__date__lt=session.date,
            status=Minutes.Status.DRAFT,
        )
        .first()
    )
    if minutes is None:
        return
    minutes.status = Minutes.Status.APPROVED
    minutes.approval_agreement = agreement
    minutes.approved_at = timezone.now()
    minutes.content_hash = content_hash(minutes.text)
    minutes.save()
    Session.objects.filter(pk=minutes.session_id).update(
        status=Session.Status.MINUTES_APPROVED, updated_at=timezone.now()
    )
    audit_record(
        actor=actor,
        action="minutes.approved",
        target=minutes,
        changes={"agreement": agreement.code, "sha256": minutes.content_hash},
    )


def _follow_ups(actor: User | None, session: Session, reports: list[dict[str, Any]]) -> None:
    """Progress reported at the imported session on agreements of earlier sessions.

    Written here rather than through ``agreement_follow_up``, which takes reports only while
    a session runs: an imported session is a past one, held already.
    """
    for report in reports:
        code = _line(report.get("code"), 40)
        agreement = (
            Agreement.objects.select_for_update()
            .select_related("session")
            .filter(session__forum=session.forum, code=code)
            .first()
        )
        if agreement is None:
            raise ForumError(
                _("El seguimiento cita el acuerdo %(code)s, que no está registrado en el foro.")
                % {"code": code}
            )
        status = str(report.get("status") or AgreementStatus.PENDING)
        note = str(report.get("note") or "").strip()
        if status not in AgreementStatus.values or not note:
            raise ForumError(
                _("El seguimiento del acuerdo %(code)s necesita un estado válido y una nota.")
                % {"code": code}
            )
        if not agreement.requires_follow_up or agreement.session.date >= session.date:
            raise ForumError(
                _("El acuerdo %(code)s no es un acuerdo en seguimiento de una sesión anterior.")
                % {"code": code}
            )
        AgreementFollowUp.objects.create(
            agreement=agreement,
            reported_on=session.date,
            session=session,
            status=status,
            note=note,
            author=actor,
        )
        previous = agreement.status
        agreement.status = status
        agreement.save(update_fields=["status", "updated_at"])
        audit_record(
            actor=actor,
            action="agreement.followed_up",
            target=agreement,
            changes={
                "status": [previous, status],
                "note": note,
                "reported_on": session.date.isoformat(),
            },
        )


def _scheduled_number(title: str) -> int | None:
    """ "16a Sesión Ordinaria" or "Décimo Sexta Sesión Ordinaria" → 16."""
    match = _ORDINAL_TITLE_RE.match(title)
    if match:
        return int(match.group(1))
    words = _folded(title).split(" sesion")[0]
    try:
        return ordinal_words_to_number(words)
    except ValueError:
        return None


def _scheduled(
    forum: Forum, scheduled: list[dict[str, Any]], calendar_agreement: Agreement | None
) -> None:
    """The sessions of the approved calendar, numbered as the calendar numbers them."""
    last = forum.sessions.filter(kind=Session.Kind.ORDINARY).aggregate(Max("number"))
    next_number = (last["number__max"] or 0) + 1
    for entry in sorted(scheduled, key=lambda e: str(e.get("date"))):
        planned_day = _date(entry.get("date"), _("una sesión del calendario"))
        title = _line(entry.get("title"), 250)
        kind = (
            Session.Kind.EXTRAORDINARY
            if "extraordinaria" in _folded(title)
            else Session.Kind.ORDINARY
        )
        number = _scheduled_number(title) or next_number
        taken = forum.sessions.filter(kind=kind, number=number).exists()
        if taken or forum.sessions.filter(date=planned_day).exists():
            continue
        Session.objects.create(
            forum=forum,
            kind=kind,
            number=number,
            date=planned_day,
            calendar_agreement=calendar_agreement,
        )
        if kind == Session.Kind.ORDINARY:
            next_number = max(next_number, number + 1)


def _minutes(session: Session, acta_import: ActaImport, *, approved: bool) -> Minutes:
    """The acta written from the record; a historical one is published as approved."""
    text = compose_minutes(session)
    minutes = Minutes(session=session, text=text)
    if approved:
        now = timezone.now()
        minutes.status = Minutes.Status.PUBLISHED
        minutes.approved_at = now
        minutes.published_at = now
        minutes.content_hash = content_hash(text)
        minutes.original_sha256 = acta_import.source_sha256
        minutes.original_name = acta_import.source_name
        if acta_import.source_file:
            minutes.original = acta_import.source_file.name
        Session.objects.filter(pk=session.pk).update(status=Session.Status.MINUTES_APPROVED)
        session.status = Session.Status.MINUTES_APPROVED
    minutes.save()
    return minutes
