import datetime

import pytest

from abierto.directory.models import AuditEvent
from abierto.forum import services
from abierto.forum.models import AgreementStatus, Session, Vote
from abierto.forum.services import ForumError, RollCallEntry

from .factories import AgendaItemFactory, SessionFactory, forum_with_seats


def session_with_quorum(facilitator, seats=5, present=3, **session_fields):
    forum, all_seats = forum_with_seats(seats)
    session = SessionFactory(forum=forum, **session_fields)
    services.roll_call_record(
        actor=facilitator,
        session=session,
        entries=[RollCallEntry(seat=s, holder=True) for s in all_seats[:present]],
    )
    return session, all_seats


@pytest.mark.django_db
def test_agreements_get_consecutive_codes_per_session(facilitator):
    session, _seats = session_with_quorum(facilitator, number=15)
    item = AgendaItemFactory(session=session, number=2)
    codes = []
    for text in [
        "Se aprueba el orden del día.",
        "Se aprueba el acta.",
        "Se aprueba el calendario.",
    ]:
        _vote, agreement = services.vote_record(
            actor=facilitator, agenda_item=item, motion=text, votes_for=3, agreement_text=text
        )
        codes.append(agreement.code)
    assert codes == ["STL/XV/1/2022", "STL/XV/2/2022", "STL/XV/3/2022"]


@pytest.mark.django_db
def test_extraordinary_sessions_have_their_own_codes(facilitator):
    session, _seats = session_with_quorum(
        facilitator, number=1, kind=Session.Kind.EXTRAORDINARY, date=datetime.date(2023, 3, 3)
    )
    agreement = services.agreement_create(actor=facilitator, session=session, text="Se aprueba.")
    assert agreement.code == "STL/EXT-I/1/2023"


@pytest.mark.django_db
def test_a_vote_without_quorum_is_refused_and_nothing_is_stored(facilitator):
    session, _seats = session_with_quorum(facilitator, seats=4, present=2)
    item = AgendaItemFactory(session=session)
    with pytest.raises(ForumError, match="No hay quórum: están presentes 2 de 4"):
        services.vote_record(
            actor=facilitator, agenda_item=item, motion="Propuesta", votes_for=2, agreement_text="x"
        )
    assert not Vote.objects.exists()
    assert not session.agreements.exists()


@pytest.mark.django_db
def test_unanimity_is_derived_from_the_counts(facilitator):
    session, _seats = session_with_quorum(facilitator, present=3)
    item = AgendaItemFactory(session=session)
    unanimous, _a = services.vote_record(
        actor=facilitator, agenda_item=item, motion="A", votes_for=3
    )
    majority, _b = services.vote_record(
        actor=facilitator, agenda_item=item, motion="B", votes_for=2, abstentions=1
    )
    tie, _c = services.vote_record(
        actor=facilitator, agenda_item=item, motion="C", votes_for=1, votes_against=1
    )
    assert unanimous.unanimous
    assert unanimous.result_phrase == "por unanimidad de votos"
    assert not majority.unanimous
    assert majority.result == Vote.Result.APPROVED
    assert tie.result == Vote.Result.REJECTED


@pytest.mark.django_db
def test_more_votes_than_present_seats_are_refused(facilitator):
    session, _seats = session_with_quorum(facilitator, present=3)
    item = AgendaItemFactory(session=session)
    with pytest.raises(ForumError, match="Hay 4 votos y solo 3 asientos presentes"):
        services.vote_record(actor=facilitator, agenda_item=item, motion="A", votes_for=4)


@pytest.mark.django_db
def test_votes_by_seat_count_only_present_seats(facilitator):
    session, seats = session_with_quorum(facilitator, present=3)
    item = AgendaItemFactory(session=session)
    vote, _agreement = services.vote_record(
        actor=facilitator,
        agenda_item=item,
        motion="Por asiento",
        ballots={seats[0]: "for", seats[1]: "for", seats[2]: "against"},
    )
    assert (vote.votes_for, vote.votes_against, vote.abstentions) == (2, 1, 0)
    assert vote.ballots.count() == 3
    with pytest.raises(ForumError, match="Votan solo los asientos presentes"):
        services.vote_record(
            actor=facilitator, agenda_item=item, motion="X", ballots={seats[4]: "for"}
        )


@pytest.mark.django_db
def test_informative_items_are_not_voted(facilitator):
    session, _seats = session_with_quorum(facilitator)
    item = AgendaItemFactory(session=session, kind="informative")
    with pytest.raises(ForumError, match="informativo"):
        services.vote_record(actor=facilitator, agenda_item=item, motion="A", votes_for=3)


@pytest.mark.django_db
def test_a_session_number_cannot_repeat(facilitator):
    forum, _seats = forum_with_seats(1)
    services.session_create(
        actor=facilitator, forum=forum, number=15, date=datetime.date(2022, 12, 16)
    )
    with pytest.raises(ForumError, match="Ya existe la décimo quinta sesión ordinaria"):
        services.session_create(
            actor=facilitator, forum=forum, number=15, date=datetime.date(2023, 1, 10)
        )
    assert Session.objects.count() == 1


@pytest.mark.django_db
def test_an_end_time_before_the_start_is_refused(facilitator):
    forum, _seats = forum_with_seats(1)
    with pytest.raises(ForumError, match="debe ser posterior"):
        services.session_create(
            actor=facilitator,
            forum=forum,
            number=1,
            date=datetime.date(2023, 2, 24),
            start_time=datetime.time(12, 0),
            end_time=datetime.time(11, 0),
        )
    assert not Session.objects.exists()


@pytest.mark.django_db
def test_a_new_session_starts_with_the_standard_agenda(facilitator):
    forum, _seats = forum_with_seats(1)
    session = services.session_create(
        actor=facilitator, forum=forum, number=16, date=datetime.date(2023, 2, 24)
    )
    titles = list(session.agenda.values_list("title", flat=True))
    assert titles[0] == "Lista de asistencia y declaratoria de quórum."
    assert titles[-1] == "Clausura de la sesión."
    assert AuditEvent.objects.filter(action="session.created").count() == 1


@pytest.mark.django_db
def test_updating_the_date_bumps_the_calendar_sequence_and_is_audited(facilitator):
    session, _seats = session_with_quorum(facilitator)
    before = session.ical_sequence
    services.session_update(actor=facilitator, session=session, date=datetime.date(2022, 12, 19))
    session.refresh_from_db()
    assert session.ical_sequence == before + 1
    event = AuditEvent.objects.filter(action="session.updated").get()
    assert event.changes == {"date": ["2022-12-16", "2022-12-19"]}
    assert event.actor == facilitator


@pytest.mark.django_db
def test_agenda_items_are_added_before_closing_moved_and_removed(facilitator):
    forum, _seats = forum_with_seats(1)
    session = services.session_create(
        actor=facilitator, forum=forum, number=16, date=datetime.date(2023, 2, 24)
    )
    item = services.agenda_item_add(
        actor=facilitator, session=session, title="Avances de Caravanas", before_last=True
    )
    assert item.number == 5  # before «Asuntos generales», which moves down with the closing
    assert session.agenda.get(number=6).title == "Asuntos generales."
    assert session.agenda.get(number=7).title == "Clausura de la sesión."
    services.agenda_item_move(actor=facilitator, item=item, offset=-1)
    assert session.agenda.get(number=4).title == "Avances de Caravanas"
    services.agenda_item_remove(actor=facilitator, item=session.agenda.get(number=4))
    assert list(session.agenda.values_list("number", flat=True)) == [1, 2, 3, 4, 5, 6]


@pytest.mark.django_db
def test_follow_up_changes_the_status_and_is_tied_to_a_session(facilitator):
    session, _seats = session_with_quorum(facilitator, number=14, date=datetime.date(2022, 11, 8))
    agreement = services.agreement_create(
        actor=facilitator,
        session=session,
        text="Programar una sesión de sensibilización para la Secretaría de la Contraloría.",
        requires_follow_up=True,
    )
    assert agreement.status == AgreementStatus.PENDING
    later = SessionFactory(forum=session.forum, number=15, date=datetime.date(2022, 12, 16))
    services.agreement_follow_up(
        actor=facilitator,
        agreement=agreement,
        status=AgreementStatus.IN_PROGRESS,
        note="Se propusieron fechas.",
        session=later,
    )
    agreement.refresh_from_db()
    assert agreement.status == AgreementStatus.IN_PROGRESS
    assert agreement.follow_ups.get().reported_on == datetime.date(2022, 12, 16)
    with pytest.raises(ForumError, match="anterior a la sesión del acuerdo"):
        services.agreement_follow_up(
            actor=facilitator,
            agreement=agreement,
            status=AgreementStatus.DONE,
            note="x",
            reported_on=datetime.date(2022, 1, 1),
        )


@pytest.mark.django_db
def test_the_yearly_calendar_is_approved_as_an_agreement(facilitator):
    session, _seats = session_with_quorum(facilitator, number=15)
    item = AgendaItemFactory(session=session)
    dates = [datetime.date(2023, m, d) for m, d in [(2, 24), (4, 28), (6, 30), (8, 25)]]
    agreement, planned = services.calendar_approve(
        actor=facilitator, agenda_item=item, year=2023, dates=dates, votes_for=3
    )
    assert agreement.code == "STL/XV/1/2022"
    assert "24 de febrero, 28 de abril, 30 de junio y 25 de agosto de 2023" in agreement.text
    assert "por unanimidad de votos" in agreement.text
    assert [s.number for s in planned] == [16, 17, 18, 19]
    assert all(s.status == Session.Status.PLANNED for s in planned)
    assert all(s.calendar_agreement == agreement for s in planned)
    with pytest.raises(ForumError, match="Todas las fechas deben ser de 2024"):
        services.calendar_approve(
            actor=facilitator, agenda_item=item, year=2024, dates=dates, votes_for=3
        )


@pytest.mark.django_db
def test_concurrent_style_agreement_numbers_never_collide(facilitator):
    session, _seats = session_with_quorum(facilitator)
    created = [
        services.agreement_create(actor=facilitator, session=session, text=f"Acuerdo {n}")
        for n in range(20)
    ]
    assert len({a.code for a in created}) == 20
