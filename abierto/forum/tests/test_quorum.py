import datetime

import pytest

from abierto.forum.models import QuorumRule
from abierto.forum.quorum import seats_required
from abierto.forum.selectors import quorum_state
from abierto.forum.services import RollCallEntry, guest_add, roll_call_record

from .factories import SeatFactory, SessionFactory, forum_with_seats


@pytest.mark.parametrize(
    ("rule", "total", "required"),
    [
        (QuorumRule.MAJORITY, 10, 6),  # a tie (5 of 10) is not a majority
        (QuorumRule.MAJORITY, 9, 5),
        (QuorumRule.MAJORITY, 1, 1),
        (QuorumRule.TWO_THIRDS, 9, 6),
        (QuorumRule.TWO_THIRDS, 10, 7),
        (QuorumRule.ALL, 7, 7),
        (QuorumRule.MAJORITY, 0, 1),  # no seats, no quorum
    ],
)
def test_seats_required_by_rule(rule, total, required):
    assert seats_required(rule, total) == required


@pytest.mark.django_db
def test_quorum_needs_a_majority_of_seats(facilitator):
    forum, seats = forum_with_seats(4)
    session = SessionFactory(forum=forum)
    roll_call_record(
        actor=facilitator,
        session=session,
        entries=[RollCallEntry(seat=s, holder=True) for s in seats[:2]],
    )
    state = quorum_state(session)
    assert (state.present_seats, state.total_seats, state.required) == (2, 4, 3)
    assert not state.reached  # 2 of 4 is a tie
    roll_call_record(
        actor=facilitator,
        session=session,
        entries=[RollCallEntry(seat=s, holder=True) for s in seats[:3]],
    )
    assert quorum_state(session).reached


@pytest.mark.django_db
def test_holder_and_alternate_both_present_count_one_seat(facilitator):
    forum, seats = forum_with_seats(3)
    session = SessionFactory(forum=forum)
    roll_call_record(
        actor=facilitator,
        session=session,
        entries=[RollCallEntry(seat=seats[0], holder=True, alternate=True)],
    )
    assert quorum_state(session).present_seats == 1


@pytest.mark.django_db
def test_a_delegate_makes_the_seat_present(facilitator):
    forum, seats = forum_with_seats(3)
    session = SessionFactory(forum=forum)
    roll_call_record(
        actor=facilitator,
        session=session,
        entries=[
            RollCallEntry(seat=seats[0], holder=True),
            RollCallEntry(seat=seats[1], delegate_name="Lic. Ana Torres"),
        ],
    )
    assert quorum_state(session).reached
    delegate = session.attendance.get(capacity="delegate")
    assert delegate.role.startswith("En representación de")


@pytest.mark.django_db
def test_guests_and_seats_without_vote_do_not_count(facilitator):
    forum, _seats = forum_with_seats(2)
    observer = SeatFactory(forum=forum, has_vote=False)
    session = SessionFactory(forum=forum)
    guest_add(actor=facilitator, session=session, name="Subsecretario invitado", role="Invitado")
    roll_call_record(
        actor=facilitator, session=session, entries=[RollCallEntry(seat=observer, holder=True)]
    )
    state = quorum_state(session)
    assert (state.present_seats, state.total_seats) == (0, 2)
    assert session.attendance.filter(capacity="guest").count() == 1  # kept by the roll call


@pytest.mark.django_db
def test_seats_outside_their_period_do_not_count(facilitator):
    forum, _seats = forum_with_seats(2)
    SeatFactory(forum=forum, ends_on=datetime.date(2021, 12, 31))
    SeatFactory(forum=forum, starts_on=datetime.date(2023, 1, 1))
    session = SessionFactory(forum=forum, date=datetime.date(2022, 12, 16))
    assert quorum_state(session).total_seats == 2
