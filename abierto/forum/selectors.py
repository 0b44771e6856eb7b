"""Reads of the forum, each with its access rule: public lists show only what is public."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Exists, Max, OuterRef, Prefetch, Q, QuerySet
from django.db.models.functions import Cast
from django.utils import timezone

from abierto.directory.models import AuditEvent, Institution

from . import access
from .models import (
    AgendaItem,
    Agreement,
    AgreementFollowUp,
    AgreementStatus,
    Attendance,
    Convocation,
    Forum,
    Minutes,
    Seat,
    Sector,
    Session,
    Vote,
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
                delegate=next(
                    (r for r in mine if r.capacity == Attendance.Capacity.DELEGATE), None
                ),
            )
        )
    return result


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


# Open data: what the forum publishes, decided here -----------------------------------------


def opendata_sessions() -> QuerySet[Session]:
    """Every public session (all of them: a session's existence is public)."""
    return Session.objects.select_related("forum").order_by("date", "kind", "number")


def search_sessions() -> QuerySet[Session]:
    """Every public session with its agenda (titles and who presents), for the site search."""
    return opendata_sessions().prefetch_related(
        Prefetch(
            "agenda",
            queryset=AgendaItem.objects.select_related("presenter").order_by("number"),
        )
    )


def opendata_attendance() -> QuerySet[Attendance]:
    """Who attended each session, in which capacity; no contact data."""
    return Attendance.objects.select_related("session__forum", "seat", "person").order_by(
        "session__date", "session__number", "id"
    )


def opendata_agenda_items() -> QuerySet[AgendaItem]:
    return AgendaItem.objects.select_related("session__forum", "presenter").order_by(
        "session__date", "session__number", "number"
    )


def opendata_agreements() -> QuerySet[Agreement]:
    return Agreement.objects.select_related(
        "session__forum", "responsible", "agenda_item", "vote"
    ).order_by("session__date", "session__number", "number")


def opendata_follow_ups() -> QuerySet[AgreementFollowUp]:
    return AgreementFollowUp.objects.select_related(
        "agreement__session__forum", "session"
    ).order_by("reported_on", "id")


def opendata_published_minutes() -> QuerySet[Minutes]:
    return (
        Minutes.objects.filter(status=Minutes.Status.PUBLISHED)
        .select_related("session__forum", "approval_agreement")
        .order_by("-published_at")
    )


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
