"""The facilitator's pages: every POST goes through a service and a refusal changes nothing."""

import datetime

import pytest
from django.urls import reverse

from abierto.directory.models import AuditEvent
from abierto.forum import services
from abierto.forum.models import AgendaItem, Agreement, Minutes, Session, Vote

from .factories import AgendaItemFactory, ForumFactory, SessionFactory, forum_with_seats


def url(name, *args):
    return reverse(f"forum_manage:{name}", args=args)


@pytest.mark.django_db
def test_the_facilitator_creates_a_session_with_the_usual_agenda(client_as, facilitator):
    ForumFactory()
    client = client_as(facilitator)
    form = client.get(url("session_create"))
    assert form.status_code == 200
    response = client.post(
        url("session_create"),
        {
            "kind": "ordinary",
            "number": 16,
            "date": "2023-02-24",
            "start_time": "11:00",
            "end_time": "",
            "modality": "virtual",
            "place": "Plataforma Zoom",
            "meeting_url": "https://zoom.example/j/123",
            "standard_agenda": "on",
        },
    )
    session = Session.objects.get(number=16)
    assert response.status_code == 302
    assert response["Location"] == url("session_manage", session.public_id)
    assert session.agenda.count() == 6
    page = client.get(url("session_manage", session.public_id))
    assert "Décimo Sexta Sesión Ordinaria" in page.text


@pytest.mark.django_db
def test_a_duplicate_number_or_reversed_times_are_refused_with_a_message(client_as, facilitator):
    session = SessionFactory(number=15)
    client = client_as(facilitator)
    data = {
        "kind": "ordinary",
        "number": 15,
        "date": "2023-02-24",
        "start_time": "11:00",
        "end_time": "",
        "modality": "virtual",
        "place": "",
        "meeting_url": "",
    }
    response = client.post(url("session_create"), data)
    assert response.status_code == 400
    assert "Ya existe la décimo quinta sesión ordinaria" in response.text
    response = client.post(
        url("session_edit", session.public_id), {**data, "number": 15, "end_time": "10:00"}
    )
    assert response.status_code == 400
    assert "debe ser posterior" in response.text
    session.refresh_from_db()
    assert session.end_time is None
    assert Session.objects.count() == 1


@pytest.mark.django_db
def test_agenda_items_are_added_and_removed_from_the_dashboard(client_as, facilitator):
    forum, _seats = forum_with_seats(1)
    session = services.session_create(
        actor=facilitator, forum=forum, number=16, date=datetime.date(2023, 2, 24)
    )
    client = client_as(facilitator)
    response = client.post(
        url("agenda_add", session.public_id),
        {
            "title": "Avances de la Carpeta Ciudadana",
            "kind": "informative",
            "presenter_name": "Invitado",
        },
    )
    assert response.status_code == 302
    assert session.agenda.get(number=5).title == "Avances de la Carpeta Ciudadana"
    client.post(url("agenda_action", session.public_id, 5, "quitar"))
    assert not session.agenda.filter(title__startswith="Avances").exists()


@pytest.mark.django_db
def test_roll_call_through_htmx_answers_the_quorum_fragment(client_as, facilitator):
    forum, seats = forum_with_seats(3)
    session = SessionFactory(forum=forum)
    client = client_as(facilitator)
    data = {f"seat_{seat.pk}_holder": "on" for seat in seats[:2]}
    response = client.post(url("live_roll_call", session.public_id), data, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert "Hay quórum" in response.text
    assert "2 de 3 asientos presentes" in response.text
    assert session.attendance.count() == 2


@pytest.mark.django_db
def test_a_vote_without_quorum_is_refused_on_the_live_screen(client_as, facilitator):
    forum, _seats = forum_with_seats(3)
    session = SessionFactory(forum=forum)
    item = AgendaItemFactory(session=session, number=2)
    response = client_as(facilitator).post(
        url("live_vote", session.public_id, 2),
        {
            "i2-motion": "Orden del día",
            "i2-votes_for": 3,
            "i2-votes_against": 0,
            "i2-abstentions": 0,
        },
    )
    assert response.status_code == 400
    assert "No hay quórum" in response.text
    assert not Vote.objects.filter(agenda_item=item).exists()


@pytest.mark.django_db
def test_a_vote_with_quorum_records_the_agreement(client_as, facilitator):
    forum, seats = forum_with_seats(3)
    session = SessionFactory(forum=forum, number=15)
    AgendaItemFactory(session=session, number=2)
    services.roll_call_record(
        actor=facilitator,
        session=session,
        entries=[services.RollCallEntry(seat=s, holder=True) for s in seats],
    )
    client = client_as(facilitator)
    response = client.post(
        url("live_vote", session.public_id, 2),
        {
            "i2-motion": "Orden del día",
            "i2-votes_for": 3,
            "i2-votes_against": 0,
            "i2-abstentions": 0,
            "i2-agreement_text": "Se aprueba por unanimidad de votos el orden del día.",
        },
    )
    assert response.status_code == 302
    assert Agreement.objects.get().code == "STL/XV/1/2022"
    live = client.get(url("session_live", session.public_id))
    assert "STL/XV/1/2022" in live.text


@pytest.mark.django_db
def test_negative_or_malformed_counts_are_refused(client_as, facilitator):
    forum, _seats = forum_with_seats(3)
    session = SessionFactory(forum=forum)
    AgendaItemFactory(session=session, number=2)
    response = client_as(facilitator).post(
        url("live_vote", session.public_id, 2),
        {"i2-motion": "X", "i2-votes_for": "-1", "i2-votes_against": "dos", "i2-abstentions": 0},
    )
    assert response.status_code == 400
    assert not Vote.objects.exists()


@pytest.mark.django_db
def test_members_cannot_run_sessions(client_as, member):
    session = SessionFactory()
    client = client_as(member)
    assert client.get(url("session_live", session.public_id)).status_code == 403
    assert (
        client.post(
            url("live_time", session.public_id, "cierre"), {"close-time": "12:00"}
        ).status_code
        == 403
    )
    session.refresh_from_db()
    assert session.status == Session.Status.CONVENED


@pytest.mark.django_db
def test_frozen_minutes_cannot_be_edited(client_as, facilitator):
    session = SessionFactory(status=Session.Status.MINUTES_APPROVED)
    agreement = Agreement.objects.create(
        session=SessionFactory(forum=session.forum, date=datetime.date(2023, 2, 24)),
        number=1,
        code="STL/XVI/1/2023",
        text="Se aprueba el acta.",
    )
    minutes = Minutes.objects.create(
        session=session,
        text="Texto aprobado del acta.\n",
        status=Minutes.Status.APPROVED,
        approval_agreement=agreement,
        approved_at=datetime.datetime(2023, 2, 24, 12, tzinfo=datetime.UTC),
        content_hash="a" * 64,
    )
    response = client_as(facilitator).post(
        url("minutes_edit", session.public_id), {"text": "Otro texto cualquiera, más largo."}
    )
    assert response.status_code in {200, 400}
    assert "congelada" in response.text or "Texto aprobado" in response.text
    minutes.refresh_from_db()
    assert minutes.text == "Texto aprobado del acta.\n"
    assert not AuditEvent.objects.filter(action="minutes.edited").exists()
    with pytest.raises(services.ForumError, match="congelada"):
        services.minutes_update(actor=facilitator, minutes=minutes, text="Otro texto cualquiera.")


@pytest.mark.django_db
def test_unknown_actions_and_items_are_404(client_as, facilitator):
    session = SessionFactory()
    AgendaItem.objects.create(session=session, number=1, title="Lista")
    client = client_as(facilitator)
    assert client.post(url("agenda_action", session.public_id, 1, "borrar-todo")).status_code == 404
    assert client.post(url("live_vote", session.public_id, 99), {}).status_code == 404
    assert client.get(url("session_manage", "no-existe")).status_code == 404


@pytest.mark.django_db
def test_members_see_their_convocations_and_pending_agreements(client_as, member):
    from abierto.directory.tests.factories import PersonFactory

    person = PersonFactory(user=member)
    forum, seats = forum_with_seats(1)
    seat = seats[0]
    seat.holder = person
    seat.save()
    from django.utils import timezone

    upcoming = SessionFactory(
        forum=forum,
        date=timezone.localdate() + datetime.timedelta(days=7),
        meeting_url="https://zoom.example/j/9",
    )
    old = SessionFactory(forum=forum, date=datetime.date(2022, 1, 10))
    Agreement.objects.create(
        session=old,
        number=1,
        code="STL/I/1/2022",
        text="Entregar el informe.",
        responsible=person.institution,
        requires_follow_up=True,
        status="pending",
    )
    page = client_as(member).get(url("member_home"))
    assert page.status_code == 200
    assert upcoming.title in page.text
    assert "https://zoom.example/j/9" in page.text
    assert "STL/I/1/2022" in page.text


def _convene(client, session, capture):
    with capture(execute=True):  # the letter is sent after commit
        client.post(url("session_convene", session.public_id), {"date": "2030-02-17", "body": ""})
    return client.get(url("session_manage", session.public_id))


@pytest.mark.django_db
def test_convening_says_whom_the_letter_reaches(
    client_as, facilitator, django_capture_on_commit_callbacks
):
    from .factories import SeatFactory

    forum, _seats = forum_with_seats(0)
    SeatFactory(forum=forum, holder__email="titular@example.org", alternate__email="")
    SeatFactory(forum=forum, holder__email="otra@example.org", alternate__email="")
    session = SessionFactory(forum=forum, status="planned", date=datetime.date(2030, 2, 24))
    AgendaItemFactory(session=session)
    page = _convene(client_as(facilitator), session, django_capture_on_commit_callbacks).text
    assert "el oficio se envía a las 2 personas con correo registrado" in page
    assert "Enviado a 2 destinatarios." in page


@pytest.mark.django_db
def test_convening_seats_without_e_mail_warns_that_nobody_gets_it(
    client_as, facilitator, django_capture_on_commit_callbacks
):
    from .factories import SeatFactory

    forum, _seats = forum_with_seats(0)
    SeatFactory(forum=forum, holder__email="", alternate__email="")
    session = SessionFactory(forum=forum, status="planned", date=datetime.date(2030, 2, 24))
    AgendaItemFactory(session=session)
    page = _convene(client_as(facilitator), session, django_capture_on_commit_callbacks).text
    assert "ningún titular ni suplente tiene correo registrado" in page
    assert "el oficio se envía" not in page
    assert "Enviado a 0" not in page
    assert "No se envió a nadie" in page


@pytest.mark.django_db
def test_the_history_says_what_happened_in_words(client_as, facilitator):
    facilitator.first_name, facilitator.last_name = "Ana", "Facilitadora"
    facilitator.save()
    session = SessionFactory(status="planned")
    services.agenda_item_add(actor=facilitator, session=session, title="Lista de asistencia.")
    page = client_as(facilitator).get(url("session_manage", session.public_id)).text
    assert "Punto agregado al orden del día · Ana Facilitadora" in page
    assert "agenda.item_added" not in page
