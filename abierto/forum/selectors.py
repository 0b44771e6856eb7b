"""Reads of the forum, each with its access rule: public lists show only what is public."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from abierto.directory.roles import Role
from abierto.directory.selectors import user_has_role

from .models import (
    AgendaItem,
    Agreement,
    AgreementStatus,
    Attendance,
    Forum,
    Minutes,
    Seat,
    Session,
)
from .quorum import QuorumState, seats_required

if TYPE_CHECKING:
    from abierto.directory.selectors import AnyUser

VOTING_CAPACITIES = [
    Attendance.Capacity.HOLDER,
    Attendance.Capacity.ALTERNATE,
    Attendance.Capacity.DELEGATE,
]


def forum_default() -> Forum | None:
    return Forum.objects.order_by("pk").first()


def seats_on(forum: Forum, day: datetime.date) -> QuerySet[Seat]:
    return (
        Seat.objects.filter(forum=forum)
        .active_on(day)
        .select_related("holder", "alternate", "institution")
        .order_by("order", "label")
    )


def quorum_state(session: Session) -> QuorumState:
    """Seats with a vote count once when their holder, alternate or a delegate is present."""
    voting_seats = seats_on(session.forum, session.date).filter(has_vote=True)
    total = voting_seats.count()
    present = (
        session.attendance.filter(capacity__in=VOTING_CAPACITIES, seat__in=voting_seats)
        .values("seat")
        .distinct()
        .count()
    )
    return QuorumState(
        total_seats=total,
        present_seats=present,
        required=seats_required(session.forum.quorum_rule, total),
    )


@dataclass(frozen=True)
class SeatPresence:
    seat: Seat
    holder: bool
    alternate: bool
    delegate: Attendance | None

    @property
    def present(self) -> bool:
        return self.holder or self.alternate or self.delegate is not None


def roll_call(session: Session) -> list[SeatPresence]:
    """Every seat of the session's date, with who was present for it."""
    rows = list(session.attendance.exclude(capacity=Attendance.Capacity.GUEST))
    result = []
    for seat in seats_on(session.forum, session.date):
        mine = [row for row in rows if row.seat_id == seat.pk]
        result.append(
            SeatPresence(
                seat=seat,
                holder=any(r.capacity == Attendance.Capacity.HOLDER for r in mine),
                alternate=any(r.capacity == Attendance.Capacity.ALTERNATE for r in mine),
                delegate=next((r for r in mine if r.capacity == Attendance.Capacity.DELEGATE), None),
            )
        )
    return result


def can_manage_forum(user: AnyUser) -> bool:
    return user_has_role(user, Role.FACILITATOR)


PUBLIC_STATUSES = [
    Session.Status.PLANNED,
    Session.Status.CONVENED,
    Session.Status.HELD,
    Session.Status.MINUTES_APPROVED,
    Session.Status.CANCELLED,
]


def session_list_public(
    *,
    year: int | None = None,
    kind: str = "",
    status: str = "",
) -> QuerySet[Session]:
    sessions = Session.objects.select_related("forum", "convocation").filter(
        status__in=PUBLIC_STATUSES
    )
    if year:
        sessions = sessions.filter(date__year=year)
    if kind in Session.Kind.values:
        sessions = sessions.filter(kind=kind)
    if status in Session.Status.values:
        sessions = sessions.filter(status=status)
    return sessions.order_by("-date", "-number")


def session_years() -> list[int]:
    return sorted({d.year for d in Session.objects.dates("date", "year")}, reverse=True)


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
    minutes = Minutes.objects.filter(session=session, status=Minutes.Status.PUBLISHED).first()
    return minutes


def minutes_for(user: AnyUser, session: Session) -> Minutes | None:
    """Published minutes for everyone; drafts too for the facilitator."""
    if can_manage_forum(user):
        return Minutes.objects.filter(session=session).first()
    return published_minutes(session)


def agreement_list_public(
    *,
    status: str = "",
    year: int | None = None,
    session: str = "",
    responsible: str = "",
    search: str = "",
) -> QuerySet[Agreement]:
    agreements = Agreement.objects.select_related("session", "session__forum", "responsible")
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


def agreements_to_review(session: Session) -> QuerySet[Agreement]:
    """Agreements of earlier sessions still open: every agenda reviews them."""
    return (
        Agreement.objects.filter(
            session__forum=session.forum,
            session__date__lt=session.date,
            requires_follow_up=True,
            status__in=[AgreementStatus.PENDING, AgreementStatus.IN_PROGRESS],
        )
        .select_related("session", "responsible")
        .order_by("session__date", "number")
    )


def agreement_detail_public(public_id: str) -> Agreement:
    return (
        Agreement.objects.select_related("session", "session__forum", "responsible", "vote")
        .prefetch_related("follow_ups__session")
        .get(public_id=public_id)
    )


def previous_session(session: Session) -> Session | None:
    return (
        Session.objects.filter(forum=session.forum, date__lt=session.date)
        .exclude(status=Session.Status.CANCELLED)
        .order_by("-date", "-number")
        .first()
    )


def minutes_awaiting_approval(session: Session) -> QuerySet[Minutes]:
    """Drafts of earlier sessions of the forum that this session may approve."""
    return Minutes.objects.filter(
        session__forum=session.forum,
        session__date__lt=session.date,
        status=Minutes.Status.DRAFT,
    ).select_related("session")


def member_pending_agreements(user: AnyUser) -> QuerySet[Agreement]:
    """Open agreements whose responsible institution is the member's own."""
    person = getattr(user, "person", None)
    if person is None or person.institution_id is None:
        return Agreement.objects.none()
    return Agreement.objects.filter(
        responsible_id=person.institution_id,
        status__in=[AgreementStatus.PENDING, AgreementStatus.IN_PROGRESS],
    ).select_related("session")


def member_convocations(user: AnyUser) -> QuerySet[Session]:
    """Upcoming convened sessions for someone who holds (or is alternate in) a seat."""
    person = getattr(user, "person", None)
    if person is None:
        return Session.objects.none()
    today = timezone.localdate()
    forums = Seat.objects.filter(Q(holder=person) | Q(alternate=person)).active_on(today)
    return (
        Session.objects.filter(
            forum__in=forums.values("forum"),
            status=Session.Status.CONVENED,
            date__gte=today,
        )
        .select_related("convocation")
        .order_by("date")
    )
