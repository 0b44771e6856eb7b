"""Reads for preparing and running a session: seats, roll call and quorum, what awaits a vote."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Exists, Max, OuterRef, QuerySet
from django.db.models.functions import Cast

from abierto.directory.models import AuditEvent

from ..models import (
    AgendaItem,
    Agreement,
    AgreementStatus,
    Attendance,
    Forum,
    Minutes,
    Seat,
    Session,
)
from ..quorum import QuorumState, seats_required

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
                delegate=next(
                    (r for r in mine if r.capacity == Attendance.Capacity.DELEGATE), None
                ),
            )
        )
    return result


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


def seat_addresses(session: Session) -> list[str]:
    """The e-mail addresses of the holders and alternates of the seats on the session's date:
    whom its convocation and changes reach."""
    addresses = set()
    for seat in (
        Seat.objects.filter(forum=session.forum)
        .active_on(session.date)
        .select_related("holder", "alternate")
    ):
        for person in (seat.holder, seat.alternate):
            if person is not None and person.email:
                addresses.add(person.email)
    return sorted(addresses)


def seats_without_address(session: Session) -> list[Seat]:
    """The seats of the session's date whose holder and alternate have no e-mail: the
    convocation cannot reach them by mail."""
    return [
        seat
        for seat in seats_on(session.forum, session.date)
        if not any(person is not None and person.email for person in (seat.holder, seat.alternate))
    ]


def next_session_number(forum: Forum, kind: str) -> int:
    """The number the next session of ``kind`` takes: each kind has its own series."""
    last = forum.sessions.filter(kind=kind).aggregate(Max("number"))["number__max"]
    return (last or 0) + 1


def decisive_items_without_vote(session: Session) -> list[AgendaItem]:
    """Items for agreement that have no vote yet: closing leaves them undecided."""
    return list(
        session.agenda.filter(kind=AgendaItem.Kind.DECISIVE, votes__isnull=True)
        .distinct()
        .order_by("number")
    )


# A session is in progress from the moment the facilitator records its start until it is
# closed. The start is the audited ``session.opened`` event: the status stays «convened».
OPENED_ACTION = "session.opened"
RUNNING_STATUSES = [Session.Status.PLANNED, Session.Status.CONVENED]


def _opened_events() -> QuerySet[AuditEvent]:
    return AuditEvent.objects.filter(
        target_type=ContentType.objects.get_for_model(Session), action=OPENED_ACTION
    )


def with_progress(sessions: QuerySet[Session]) -> QuerySet[Session]:
    """Annotate ``opened`` on each session, for ``session_in_progress`` in lists."""
    return sessions.annotate(
        opened=Exists(
            _opened_events().filter(target_id=Cast(OuterRef("pk"), output_field=CharField()))
        )
    )


def session_in_progress(session: Session) -> bool:
    """Opened and not yet closed («En curso»)."""
    if session.status not in RUNNING_STATUSES:
        return False
    opened = getattr(session, "opened", None)
    if opened is None:
        opened = _opened_events().filter(target_id=str(session.pk)).exists()
    return bool(opened)
