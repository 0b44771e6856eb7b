"""Reads of the public pages, the API and the calendar feed: only what is public."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import Prefetch, Q, QuerySet

from abierto.directory.models import Institution

from .. import access
from ..models import (
    AgendaItem,
    Agreement,
    AgreementFollowUp,
    AgreementStatus,
    Attendance,
    Convocation,
    Forum,
    Minutes,
    Sector,
    Session,
    Vote,
)

if TYPE_CHECKING:
    from abierto.directory.selectors import AnyUser


def can_manage_forum(user: AnyUser, forum: Forum) -> bool:
    return access.can_manage(user, forum)


PUBLIC_STATUSES = [
    Session.Status.PLANNED,
    Session.Status.CONVENED,
    Session.Status.HELD,
    Session.Status.MINUTES_APPROVED,
    Session.Status.CANCELLED,
]


def session_list_public(
    *,
    forum: Forum | None = None,
    forum_slug: str = "",
    year: int | None = None,
    kind: str = "",
    status: str = "",
) -> QuerySet[Session]:
    sessions = Session.objects.select_related("forum", "convocation").filter(
        status__in=PUBLIC_STATUSES
    )
    if forum is not None:
        sessions = sessions.filter(forum=forum)
    if forum_slug:
        sessions = sessions.filter(forum__slug=forum_slug)
    if year:
        sessions = sessions.filter(date__year=year)
    if kind in Session.Kind.values:
        sessions = sessions.filter(kind=kind)
    if status in Session.Status.values:
        sessions = sessions.filter(status=status)
    return sessions.order_by("-date", "-number")


def session_years(forum: Forum | None = None) -> list[int]:
    sessions = Session.objects.all() if forum is None else Session.objects.filter(forum=forum)
    return sorted({d.year for d in sessions.dates("date", "year")}, reverse=True)


def session_detail_public(public_id: str) -> Session:
    return (
        Session.objects.select_related("forum", "convocation")
        .prefetch_related(
            Prefetch("agenda", queryset=AgendaItem.objects.select_related("presenter")),
            Prefetch("attendance", queryset=Attendance.objects.select_related("seat", "person")),
            Prefetch(
                "agreements",
                queryset=Agreement.objects.select_related("responsible", "vote").order_by("number"),
            ),
        )
        .get(public_id=public_id)
    )


def published_minutes(session: Session) -> Minutes | None:
    return Minutes.objects.filter(session=session, status=Minutes.Status.PUBLISHED).first()


def minutes_for(user: AnyUser, session: Session) -> Minutes | None:
    """Published minutes for everyone; drafts too for the facilitator."""
    if can_manage_forum(user, session.forum):
        return Minutes.objects.filter(session=session).first()
    return published_minutes(session)


def agreement_list_public(
    *,
    forum: Forum | None = None,
    forum_slug: str = "",
    status: str = "",
    year: int | None = None,
    session: str = "",
    responsible: str = "",
    search: str = "",
) -> QuerySet[Agreement]:
    agreements = Agreement.objects.select_related("session", "session__forum", "responsible")
    if forum is not None:
        agreements = agreements.filter(session__forum=forum)
    if forum_slug:
        agreements = agreements.filter(session__forum__slug=forum_slug)
    if status in AgreementStatus.values:
        agreements = agreements.filter(status=status)
    if year:
        agreements = agreements.filter(session__date__year=year)
    if session:
        agreements = agreements.filter(session__public_id=session)
    if responsible:
        agreements = agreements.filter(responsible__public_id=responsible)
    if search:
        for word in search.split()[:8]:
            agreements = agreements.filter(Q(text__icontains=word) | Q(code__icontains=word))
    return agreements.order_by("-session__date", "number")


def agreement_detail_public(public_id: str) -> Agreement:
    return (
        Agreement.objects.select_related("session", "session__forum", "responsible", "vote")
        .prefetch_related("follow_ups__session")
        .get(public_id=public_id)
    )


# Public pages, API and calendar feed -------------------------------------------------------

# A link typed where the place goes: a scheme, "www." or a domain followed by a path.
_LINK = re.compile(r"https?://|www\.|\w\.[a-z]{2,}/", re.IGNORECASE)


def public_place(session: Session) -> str:
    """Where a session takes place, as published: the venue or the platform's name.

    The link to join (``meeting_url``) is for the seats only. A place that holds a link is
    replaced by the modality, so that a link typed in the wrong field is not published either.
    """
    place = " ".join(session.place.split())
    leaks = bool(session.meeting_url) and session.meeting_url.strip() in place
    if place and not leaks and not _LINK.search(place):
        return place
    return str(session.get_modality_display())


def convocation_of(session: Session) -> Convocation | None:
    """The session's convocation letter, or None while it has not been convened."""
    try:
        return session.convocation
    except Convocation.DoesNotExist:
        return None


# Where ``sessions_for_feed`` puts each session's agenda: a plain list, not a queryset per
# session, which a feed of ten years of sessions would multiply by hundreds.
FEED_AGENDA = "feed_agenda"


def sessions_for_feed(forum: Forum | None = None) -> QuerySet[Session]:
    """Every public session with its agenda in order (``FEED_AGENDA``): two queries in all.

    The feed reads neither the convocation's text nor what was said on each item (the
    minutes' ``narrative``), the longest fields of the forum: they stay in the database.
    """
    agenda = AgendaItem.objects.defer("narrative").order_by("number")
    return (
        session_list_public(forum=forum)
        .defer("convocation__body")
        .prefetch_related(Prefetch("agenda", queryset=agenda, to_attr=FEED_AGENDA))
    )


@dataclass(frozen=True)
class SectorAttendance:
    sector: str
    label: str
    rows: list[Attendance]


_CAPACITY_ORDER: dict[str, int] = {
    Attendance.Capacity.HOLDER: 0,
    Attendance.Capacity.ALTERNATE: 1,
    Attendance.Capacity.DELEGATE: 2,
    Attendance.Capacity.GUEST: 3,
}


def attendance_by_sector(session: Session) -> tuple[list[SectorAttendance], list[Attendance]]:
    """Who attended for a seat, grouped by sector in the sectors' order; and the guests."""
    rows = sorted(
        session.attendance.all(),
        key=lambda row: (
            row.seat.order if row.seat else 0,
            row.seat_id or 0,
            _CAPACITY_ORDER.get(row.capacity, 9),
            row.pk or 0,
        ),
    )
    groups = [
        SectorAttendance(
            sector=value,
            label=str(label),
            rows=[row for row in rows if row.seat is not None and row.seat.sector == value],
        )
        for value, label in Sector.choices
    ]
    guests = [row for row in rows if row.capacity == Attendance.Capacity.GUEST]
    return [group for group in groups if group.rows], guests


@dataclass(frozen=True)
class Decision:
    """A vote and the agreement it produced; either may be missing."""

    vote: Vote | None
    agreement: Agreement | None


def session_decisions(session: Session) -> list[Decision]:
    """The session's votes in agenda order, each with its agreement; then those without a vote."""
    agreements = list(
        Agreement.objects.filter(session=session)
        .select_related("responsible", "vote", "agenda_item")
        .order_by("number")
    )
    by_vote = {agreement.vote_id: agreement for agreement in agreements if agreement.vote_id}
    votes = Vote.objects.filter(agenda_item__session=session).select_related("agenda_item")
    decisions = [
        Decision(vote=vote, agreement=by_vote.get(vote.pk))
        for vote in votes.order_by("agenda_item__number", "id")
    ]
    decisions += [Decision(vote=None, agreement=a) for a in agreements if a.vote_id is None]
    return decisions


def follow_ups_reported_at(session: Session) -> QuerySet[AgreementFollowUp]:
    """Progress on agreements reported during this session."""
    return (
        AgreementFollowUp.objects.filter(session=session)
        .select_related("agreement", "agreement__responsible")
        .order_by("agreement__session__date", "agreement__number", "reported_on", "id")
    )


def agreement_years(forum: Forum | None = None) -> list[int]:
    """Years in which some session took an agreement, newest first."""
    sessions = Session.objects.filter(agreements__isnull=False)
    if forum is not None:
        sessions = sessions.filter(forum=forum)
    dates = sessions.dates("date", "year")
    return sorted({day.year for day in dates}, reverse=True)


def agreement_responsibles(forum: Forum | None = None) -> QuerySet[Institution]:
    """Institutions responsible for at least one agreement, for filters."""
    institutions = Institution.objects.filter(agreements__isnull=False)
    if forum is not None:
        institutions = institutions.filter(agreements__session__forum=forum)
    return institutions.distinct().order_by("name")


def sessions_with_agreements(forum: Forum | None = None) -> QuerySet[Session]:
    """Public sessions that took at least one agreement, newest first, for filters."""
    sessions = Session.objects.all() if forum is None else Session.objects.filter(forum=forum)
    return (
        sessions.filter(status__in=PUBLIC_STATUSES, agreements__isnull=False)
        .distinct()
        .select_related("forum")
        .order_by("-date", "-number")
    )


def convocation_letter_visible(user: AnyUser, convocation: Convocation | None) -> bool:
    """The stored letter prints the link to join a virtual session: facilitation only."""
    return (
        convocation is not None
        and bool(convocation.letter)
        and can_manage_forum(user, convocation.forum)
    )
