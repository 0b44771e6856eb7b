from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from abierto.lib.spanish import MONTHS

from ..models import AgendaItem, Agreement, Session, Vote
from ._audit import audit_record
from .agreements import agreement_create
from .errors import ForumError
from .votes import vote_record

if TYPE_CHECKING:
    from django.contrib.auth.models import User


def _dates_in_words(dates: list[datetime.date]) -> str:
    words = [f"{d.day} de {MONTHS[d.month - 1]}" for d in dates]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " y " + words[-1]


@transaction.atomic
def calendar_approve(
    *,
    actor: User,
    agenda_item: AgendaItem,
    year: int,
    dates: list[datetime.date],
    votes_for: int,
    votes_against: int = 0,
    abstentions: int = 0,
    start_time: datetime.time | None = None,
    modality: str = Session.Modality.VIRTUAL,
) -> tuple[Agreement | None, list[Session]]:
    """Vote the yearly calendar of ordinary sessions; if approved, plan each session."""
    session = agenda_item.session
    dates = _checked_dates(session, year, dates)
    vote = _calendar_vote(
        actor=actor,
        agenda_item=agenda_item,
        year=year,
        dates=dates,
        votes_for=votes_for,
        votes_against=votes_against,
        abstentions=abstentions,
    )
    if vote.result != vote.Result.APPROVED:
        return None, []
    agreement = _calendar_agreement(
        actor=actor, agenda_item=agenda_item, vote=vote, year=year, dates=dates
    )
    planned = _plan_sessions(
        actor=actor,
        agreement=agreement,
        dates=dates,
        start_time=start_time,
        modality=modality,
    )
    return agreement, planned


def _checked_dates(session: Session, year: int, dates: list[datetime.date]) -> list[datetime.date]:
    """The dates sorted without repeats; raises ``ForumError`` (nothing written yet) unless there
    is at least one, all fall in ``year``, after ``session``, on days the forum has no session."""
    dates = sorted(set(dates))
    if not dates:
        raise ForumError(_("El calendario necesita al menos una fecha."))
    wrong_year = [d for d in dates if d.year != year]
    if wrong_year:
        raise ForumError(
            _("Todas las fechas deben ser de %(year)s; no lo es %(date)s.")
            % {"year": year, "date": wrong_year[0].isoformat()}
        )
    if dates[0] <= session.date:
        raise ForumError(_("Las sesiones del calendario deben ser posteriores a esta sesión."))
    taken = Session.objects.filter(forum=session.forum, date__in=dates).exclude(
        status=Session.Status.CANCELLED
    )
    if taken.exists():
        raise ForumError(
            _("Ya hay una sesión programada el %(date)s.")
            % {"date": taken.first().date.isoformat()}  # type: ignore[union-attr]
        )
    return dates


def _calendar_vote(
    *,
    actor: User,
    agenda_item: AgendaItem,
    year: int,
    dates: list[datetime.date],
    votes_for: int,
    votes_against: int,
    abstentions: int,
) -> Vote:
    """The vote on the calendar, recorded (with its audit row) through ``vote_record`` whatever
    its result; the motion names the year and every date in words."""
    motion = _("Calendario de sesiones ordinarias %(year)s: %(dates)s.") % {
        "year": year,
        "dates": _dates_in_words(dates),
    }
    vote, _agreement = vote_record(
        actor=actor,
        agenda_item=agenda_item,
        motion=motion,
        votes_for=votes_for,
        votes_against=votes_against,
        abstentions=abstentions,
    )
    return vote


def _calendar_agreement(
    *, actor: User, agenda_item: AgendaItem, vote: Vote, year: int, dates: list[datetime.date]
) -> Agreement:
    """The agreement that approves the calendar, tied to its vote (``agreement_create`` writes
    its audit row and its code)."""
    session = agenda_item.session
    return agreement_create(
        actor=actor,
        session=session,
        agenda_item=agenda_item,
        vote=vote,
        text=(
            f"Se aprueba {vote.result_phrase} el calendario de sesiones ordinarias del "
            f"{session.forum.name} para el año {year}, en las fechas siguientes: "
            f"{_dates_in_words(dates)} de {year}."
        ),
    )


def _plan_sessions(
    *,
    actor: User,
    agreement: Agreement,
    dates: list[datetime.date],
    start_time: datetime.time | None,
    modality: str,
) -> list[Session]:
    """One planned ordinary session a date, numbered after the forum's last ordinary one, each
    with the standard agenda, linked to ``agreement`` and with a ``session.planned_by_calendar``
    audit row."""
    from .sessions import STANDARD_AGENDA

    forum = agreement.session.forum
    last = (
        Session.objects.filter(forum=forum, kind=Session.Kind.ORDINARY).aggregate(Max("number"))[
            "number__max"
        ]
        or 0
    )
    planned = []
    for offset, day in enumerate(dates, start=1):
        planned_session = Session.objects.create(
            forum=forum,
            kind=Session.Kind.ORDINARY,
            number=last + offset,
            date=day,
            start_time=start_time,
            modality=modality,
            calendar_agreement=agreement,
        )
        AgendaItem.objects.bulk_create(
            AgendaItem(session=planned_session, number=n, title=title, kind=kind)
            for n, (title, kind) in enumerate(STANDARD_AGENDA, start=1)
        )
        audit_record(
            actor=actor,
            action="session.planned_by_calendar",
            target=planned_session,
            changes={"agreement": agreement.code, "date": day.isoformat()},
        )
        planned.append(planned_session)
    return planned
