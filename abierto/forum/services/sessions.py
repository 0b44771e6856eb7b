from __future__ import annotations

import datetime
import re
from typing import TYPE_CHECKING, Any

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from abierto.lib.roman import to_roman
from abierto.lib.spanish import ordinal_to_words

from .. import notifications, selectors, tasks
from ..models import AgendaItem, Convocation, Forum, Session
from ._audit import audit_record, changes_between, jsonable, snapshot
from ._state import check_running
from .agreements import agreements_renumber
from .errors import ForumError
from .materials import draft_minutes_attach

if TYPE_CHECKING:
    from django.contrib.auth.models import User

STANDARD_AGENDA = [
    ("Lista de asistencia y declaratoria de quórum.", AgendaItem.Kind.INFORMATIVE),
    ("Lectura y, en su caso, aprobación del orden del día.", AgendaItem.Kind.DECISIVE),
    ("Lectura y, en su caso, aprobación del acta de la sesión anterior.", AgendaItem.Kind.DECISIVE),
    ("Seguimiento de acuerdos.", AgendaItem.Kind.INFORMATIVE),
    ("Asuntos generales.", AgendaItem.Kind.INFORMATIVE),
    ("Clausura de la sesión.", AgendaItem.Kind.INFORMATIVE),
]

# Changing any of these changes the calendar event, so its SEQUENCE goes up.
CALENDAR_FIELDS = ["date", "start_time", "end_time", "modality", "place", "status"]
EDITABLE_FIELDS = [
    "kind",
    "number",
    "date",
    "start_time",
    "end_time",
    "modality",
    "place",
    "meeting_url",
]


def _check_times(start: datetime.time | None, end: datetime.time | None) -> None:
    if start and end and end <= start:
        raise ForumError(
            _("La hora de término (%(end)s) debe ser posterior a la de inicio (%(start)s).")
            % {"end": end.strftime("%H:%M"), "start": start.strftime("%H:%M")}
        )


_LINK = re.compile(r"https?://|www\.|\w\.[a-z]{2,}/", re.IGNORECASE)


def _check_place(place: str) -> None:
    """The place is published; a link to join belongs in ``meeting_url``, which is not."""
    if _LINK.search(place):
        raise ForumError(
            _("El lugar no puede llevar un enlace: escriba el enlace de la reunión en su campo.")
        )


def _check_number_free(forum: Forum, kind: str, number: int, exclude: int | None = None) -> None:
    clash = Session.objects.filter(forum=forum, kind=kind, number=number)
    if exclude is not None:
        clash = clash.exclude(pk=exclude)
    if clash.exists():
        kind_label = Session.Kind(kind).label.lower()
        raise ForumError(
            _("Ya existe la %(title)s sesión %(kind)s del %(forum)s.")
            % {
                "title": ordinal_to_words(number).lower(),
                "kind": kind_label,
                "forum": forum.acronym,
            }
        )


def _lock(session: Session) -> Session:
    return Session.objects.select_for_update().select_related("forum").get(pk=session.pk)


def session_create(
    *,
    actor: User,
    forum: Forum,
    number: int | None,
    date: datetime.date,
    kind: str = Session.Kind.ORDINARY,
    start_time: datetime.time | None = None,
    end_time: datetime.time | None = None,
    modality: str = Session.Modality.IN_PERSON,
    place: str = "",
    meeting_url: str = "",
    standard_agenda: bool = True,
) -> Session:
    """Plan a session; with ``standard_agenda`` it starts with the usual items of an STL agenda.

    Without a ``number`` it takes the next one of its kind: ordinary and extraordinary
    sessions are numbered apart («Primera Sesión Extraordinaria» after many ordinary ones).
    """
    _check_times(start_time, end_time)
    _check_place(place)
    if kind not in Session.Kind.values:
        raise ForumError(_("Tipo de sesión no válido."))
    if number is None:
        number = selectors.next_session_number(forum, kind)
    session = Session(
        forum=forum,
        kind=kind,
        number=number,
        date=date,
        start_time=start_time,
        end_time=end_time,
        modality=modality,
        place=place.strip(),
        meeting_url=meeting_url.strip(),
    )
    _check_number_free(forum, kind, number)
    session.full_clean(exclude=["calendar_agreement"])
    try:
        with transaction.atomic():
            session.save()
            if standard_agenda:
                AgendaItem.objects.bulk_create(
                    AgendaItem(session=session, number=n, title=title, kind=item_kind)
                    for n, (title, item_kind) in enumerate(STANDARD_AGENDA, start=1)
                )
            audit_record(
                actor=actor,
                action="session.created",
                target=session,
                changes={k: jsonable(v) for k, v in snapshot(session, EDITABLE_FIELDS).items()},
            )
    except IntegrityError as exc:  # a concurrent request took the number first
        _check_number_free(forum, kind, number)
        raise ForumError(_("No se pudo guardar la sesión: %(error)s") % {"error": exc}) from exc
    return session


@transaction.atomic
def session_update(*, actor: User, session: Session, **fields: Any) -> Session:
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"session_update cannot change {sorted(unknown)}")
    session = _lock(session)
    check_running(session)
    before = snapshot(session, [*EDITABLE_FIELDS, "status"])
    for name, value in fields.items():
        setattr(session, name, value.strip() if isinstance(value, str) else value)
    _check_times(session.start_time, session.end_time)
    _check_place(session.place)
    _check_number_free(session.forum, session.kind, session.number, exclude=session.pk)
    session.full_clean(exclude=["calendar_agreement"])
    changes = changes_between(before, snapshot(session, [*EDITABLE_FIELDS, "status"]))
    if not changes:
        return session
    if set(changes) & set(CALENDAR_FIELDS):
        session.ical_sequence += 1
    session.save()
    audit_record(actor=actor, action="session.updated", target=session, changes=changes)
    if session.status == Session.Status.CONVENED and set(changes) & set(CALENDAR_FIELDS):
        transaction.on_commit(lambda: notifications.session_changed(session))
    return session


def _next_convocation_sequence(forum: Forum, year: int) -> int:
    Forum.objects.select_for_update().filter(pk=forum.pk).first()  # serialise numbering per forum
    last = Convocation.objects.filter(forum=forum, year=year).aggregate(Max("sequence"))
    return (last["sequence__max"] or 0) + 1


@transaction.atomic
def session_convene(
    *,
    actor: User,
    session: Session,
    date: datetime.date | None = None,
    body: str = "",
    sequence: int | None = None,
) -> Convocation:
    """Issue the numbered convocation letter and send it, with the event, to every seat.

    ``sequence`` keeps the number of a letter already issued outside the platform (when a
    forum's earlier record is loaded); otherwise the next number of the year is taken.
    """
    session = _lock(session)
    if session.status != Session.Status.PLANNED:
        raise ForumError(
            _("Solo se convoca una sesión programada; esta está «%(status)s».")
            % {"status": session.get_status_display()}
        )
    if not session.start_time:
        raise ForumError(_("Indique la hora de inicio antes de convocar."))
    if not session.agenda.exists():
        raise ForumError(_("La sesión necesita un orden del día antes de convocarse."))
    letter_date = date or timezone.localdate()
    if letter_date > session.date:
        raise ForumError(_("El oficio de convocatoria no puede tener fecha posterior a la sesión."))
    year = letter_date.year
    if sequence is None:
        sequence = _next_convocation_sequence(session.forum, year)
    elif Convocation.objects.filter(forum=session.forum, year=year, sequence=sequence).exists():
        raise ForumError(
            _("El oficio %(ref)s ya existe.")
            % {"ref": f"{session.forum.acronym}/{sequence:03d}/{year}"}
        )
    convocation = Convocation.objects.create(
        session=session,
        forum=session.forum,
        year=year,
        sequence=sequence,
        reference=f"{session.forum.acronym}/{sequence:03d}/{year}",
        date=letter_date,
        body=body.strip(),
    )
    session.status = Session.Status.CONVENED
    session.ical_sequence += 1
    session.save(update_fields=["status", "ical_sequence", "updated_at"])
    audit_record(
        actor=actor,
        action="session.convened",
        target=session,
        changes={"status": ["planned", "convened"], "convocation": convocation.reference},
    )
    draft_minutes_attach(actor=actor, session=session)
    transaction.on_commit(lambda: tasks.convocation_send_later(convocation.pk, actor=actor))
    return convocation


@transaction.atomic
def session_open(*, actor: User, session: Session, start_time: datetime.time) -> Session:
    """Record the actual start time, as the facilitator opens the session."""
    session = _lock(session)
    check_running(session)
    before = snapshot(session, ["start_time"])
    session.start_time = start_time
    if session.end_time and session.end_time <= start_time:
        session.end_time = None
    session.save(update_fields=["start_time", "end_time", "updated_at"])
    audit_record(
        actor=actor,
        action="session.opened",
        target=session,
        changes=changes_between(before, snapshot(session, ["start_time"])),
    )
    return session


@transaction.atomic
def session_close(
    *,
    actor: User,
    session: Session,
    end_time: datetime.time,
    unvoted_confirmed: bool = False,
) -> Session:
    """Close the session at ``end_time``; it becomes held and its minutes draft is written.

    Decisive items left without a vote are listed and the close is refused unless
    ``unvoted_confirmed`` is true; the items are audited either way. The agreements' codes
    are fixed here, in the order of the agenda.
    """
    from .minutes import minutes_generate

    session = _lock(session)
    check_running(session)
    _check_times(session.start_time, end_time)
    if not session.start_time:
        raise ForumError(_("Registre primero la hora de inicio."))
    unvoted = selectors.decisive_items_without_vote(session)
    if unvoted and not unvoted_confirmed:
        raise ForumError(
            _(
                "Hay puntos para acuerdo sin votación: %(items)s. Revise el orden del día o "
                "confirme que desea clausurar así."
            )
            % {
                "items": "; ".join(
                    f"{to_roman(item.number)}. {item.title.rstrip('.')}" for item in unvoted
                )
            }
        )
    agreements_renumber(actor=actor, session=session)
    before = snapshot(session, ["end_time", "status"])
    session.end_time = end_time
    session.status = Session.Status.HELD
    session.ical_sequence += 1
    session.save(update_fields=["end_time", "status", "ical_sequence", "updated_at"])
    changes: dict[str, Any] = changes_between(before, snapshot(session, ["end_time", "status"]))
    if unvoted:
        changes["unvoted"] = [item.number for item in unvoted]
    audit_record(actor=actor, action="session.closed", target=session, changes=changes)
    minutes_generate(actor=actor, session=session)
    return session


@transaction.atomic
def session_record_held(*, actor: User, session: Session) -> Session:
    """Mark as held a session that took place before the platform, of which only what later
    records tell is known (no times, no roll call); its draft acta says no more than that."""
    from .minutes import minutes_generate

    session = _lock(session)
    if session.status != Session.Status.PLANNED:
        raise ForumError(_("Solo una sesión programada se registra como celebrada."))
    if session.date > timezone.localdate():
        raise ForumError(_("Una sesión futura no puede registrarse como celebrada."))
    session.status = Session.Status.HELD
    session.save(update_fields=["status", "updated_at"])
    audit_record(
        actor=actor,
        action="session.recorded_held",
        target=session,
        changes={"status": ["planned", "held"]},
    )
    minutes_generate(actor=actor, session=session)
    return session


@transaction.atomic
def session_cancel(*, actor: User, session: Session, reason: str) -> Session:
    reason = reason.strip()
    if not reason:
        raise ForumError(_("Escriba el motivo de la cancelación."))
    session = _lock(session)
    if session.status not in {Session.Status.PLANNED, Session.Status.CONVENED}:
        raise ForumError(_("Solo se cancela una sesión que aún no se celebra."))
    was_convened = session.status == Session.Status.CONVENED
    previous = session.status
    session.status = Session.Status.CANCELLED
    session.ical_sequence += 1
    session.save(update_fields=["status", "ical_sequence", "updated_at"])
    audit_record(
        actor=actor,
        action="session.cancelled",
        target=session,
        changes={"status": [previous, "cancelled"], "reason": reason},
    )
    if was_convened:
        transaction.on_commit(lambda: notifications.session_cancelled(session, reason))
    return session
