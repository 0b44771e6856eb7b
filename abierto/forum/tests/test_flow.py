"""The facilitator's flow cannot produce a wrong record (issue 12, section 4).

Each test reproduces what a new facilitator ran into.
"""

import datetime
import re

import pytest
from django.urls import reverse

from abierto.directory.models import AuditEvent
from abierto.directory.tests.factories import PersonFactory
from abierto.forum import services
from abierto.forum.forms import AgendaItemForm
from abierto.forum.models import ActaImport, AgendaItem, Agreement, Session, Vote

from .factories import (
    AgendaItemFactory,
    ForumFactory,
    SeatFactory,
    SessionFactory,
    forum_with_seats,
)


def url(name, *args):
    return reverse(f"forum_manage:{name}", args=args)


def _section(html, anchor):
    """The HTML of one ``<section id=anchor>`` of a page."""
    start = html.index(f'id="{anchor}"')
    end = html.find("<section", start)
    return html[start : end if end != -1 else len(html)]


def _running(facilitator, seats=3, number=15):
    forum, seat_list = forum_with_seats(seats)
    session = services.session_create(
        actor=facilitator, forum=forum, number=number, date=datetime.date(2022, 12, 16)
    )
    Session.objects.filter(pk=session.pk).update(status=Session.Status.CONVENED)
    session.refresh_from_db()
    return session, seat_list


def _all_present(facilitator, session, seats):
    services.roll_call_record(
        actor=facilitator,
        session=session,
        entries=[services.RollCallEntry(seat=s, holder=True) for s in seats],
    )


# A refused vote keeps what was typed ------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("present", [0, 2])
def test_a_refused_vote_keeps_the_motion_and_agreement_typed_beside_its_form(
    client_as, facilitator, present
):
    session, seats = _running(facilitator)
    if present:
        _all_present(facilitator, session, seats[:present])
    item = session.agenda.get(number=2)
    response = client_as(facilitator).post(
        url("live_vote", session.public_id, 2),
        {
            "i2-motion": "Aprobación del orden del día con un punto más.",
            "i2-votes_for": 3,
            "i2-votes_against": 0,
            "i2-abstentions": 0,
            "i2-agreement_text": "Se aprueba el orden del día con el punto adicional.",
        },
    )
    assert response.status_code == 400
    beside = _section(response.text, "punto-2")
    assert "Aprobación del orden del día con un punto más." in beside
    assert "Se aprueba el orden del día con el punto adicional." in beside
    assert ("No hay quórum" if not present else "solo 2 asientos presentes") in beside
    assert not Vote.objects.filter(agenda_item=item).exists()
    # The other items' forms stay empty.
    assert "con un punto más" not in _section(response.text, "punto-3")


# Agreement codes follow the agenda -----------------------------------------------------


def _vote(facilitator, item, text):
    return services.vote_record(
        actor=facilitator,
        agenda_item=item,
        motion=f"Propuesta del punto {item.number}.",
        votes_for=3,
        agreement_text=text,
    )[1]


@pytest.mark.django_db
def test_agreement_codes_follow_the_agenda_not_the_order_votes_were_typed(facilitator):
    session, seats = _running(facilitator)
    for n in range(7, 9):
        services.agenda_item_add(
            actor=facilitator, session=session, title=f"Punto {n}", kind="decisive"
        )
    _all_present(facilitator, session, seats)
    agenda = {item.title: item for item in session.agenda.all()}
    late = _vote(facilitator, agenda["Punto 8"], "Acuerdo del punto ocho.")
    early = _vote(facilitator, session.agenda.get(number=2), "Acuerdo del orden del día.")
    late.refresh_from_db()
    early.refresh_from_db()
    assert early.code == "STL/XV/1/2022"
    assert late.code == "STL/XV/2/2022"
    assert AuditEvent.objects.filter(action="agreement.renumbered").exists()

    # The agenda changes while the session runs: the codes are fixed at closing.
    for _step in range(6):  # item «Punto 8» goes up to second place
        services.agenda_item_move(
            actor=facilitator, item=AgendaItem.objects.get(pk=agenda["Punto 8"].pk), offset=-1
        )
    assert session.agenda.get(number=2).title == "Punto 8"
    services.session_open(actor=facilitator, session=session, start_time=datetime.time(11))
    services.session_close(
        actor=facilitator, session=session, end_time=datetime.time(12), unvoted_confirmed=True
    )
    codes = dict(Agreement.objects.values_list("text", "code"))
    assert codes == {
        "Acuerdo del punto ocho.": "STL/XV/1/2022",
        "Acuerdo del orden del día.": "STL/XV/2/2022",
    }
    assert "STL/XV/1/2022" in session.minutes.text.split("Acuerdo del punto ocho.")[0]


@pytest.mark.django_db
def test_the_live_page_says_the_codes_are_provisional(client_as, facilitator):
    session, seats = _running(facilitator)
    _all_present(facilitator, session, seats)
    _vote(facilitator, session.agenda.get(number=2), "Acuerdo del orden del día.")
    page = client_as(facilitator).get(url("session_live", session.public_id)).text
    assert "provisional" in _section(page, "punto-2")


@pytest.mark.django_db
def test_closed_and_imported_sessions_keep_their_codes(facilitator):
    session, _seats = _running(facilitator)
    first, second = session.agenda.filter(number__in=[2, 3]).order_by("number")
    Session.objects.filter(pk=session.pk).update(status=Session.Status.HELD)
    wrong = [
        Agreement.objects.create(
            session=session, agenda_item=second, number=1, code="STL/XV/1/2022", text="B"
        ),
        Agreement.objects.create(
            session=session, agenda_item=first, number=2, code="STL/XV/2/2022", text="A"
        ),
    ]
    ActaImport.objects.create(
        forum=session.forum,
        source_name="acta.pdf",
        source_sha256="0" * 64,
        source_text="",
        parsed={},
        status=ActaImport.Status.IMPORTED,
        session=session,
    )
    with pytest.raises(services.ForumError):
        services.agenda_item_move(actor=facilitator, item=second, offset=-1)
    from abierto.forum.services.agreements import agreements_renumber

    agreements_renumber(actor=facilitator, session=session)
    assert [Agreement.objects.get(pk=a.pk).code for a in wrong] == [a.code for a in wrong]


# Extraordinary sessions have their own series --------------------------------------------


@pytest.mark.django_db
def test_the_new_session_form_proposes_the_next_number_of_its_kind(client_as, facilitator):
    forum = ForumFactory()
    SessionFactory(forum=forum, number=15)
    client = client_as(facilitator)
    ordinary = client.get(url("session_create")).text
    assert re.search(r'name="number" value="16"', ordinary)
    extraordinary = client.get(url("session_create"), {"kind": "extraordinary"}).text
    assert re.search(r'name="number" value="1"', extraordinary)
    fragment = client.get(
        url("session_next_number"), {"kind": "extraordinary"}, HTTP_HX_REQUEST="1"
    )
    assert fragment.status_code == 200
    assert 'value="1"' in fragment.text
    assert client.get(url("session_next_number"), {"kind": "otra"}).status_code == 400
    # The number left empty takes the next of the chosen kind.
    response = client.post(
        url("session_create"),
        {
            "kind": "extraordinary",
            "number": "",
            "date": "2023-01-20",
            "modality": "virtual",
            "standard_agenda": "on",
        },
    )
    assert response.status_code == 302
    created = Session.objects.get(kind="extraordinary")
    assert created.number == 1
    assert created.title == "Primera Sesión Extraordinaria"


# En curso, and closed means closed -------------------------------------------------------


@pytest.mark.django_db
def test_a_session_shows_en_curso_between_its_start_and_its_closing(client, client_as, facilitator):
    session, _seats = _running(facilitator)
    public = reverse("forum:session_detail", args=[session.public_id])
    assert "En curso" not in client.get(public).text
    services.session_open(actor=facilitator, session=session, start_time=datetime.time(11, 4))
    assert "En curso" in client.get(public).text
    assert "En curso" in client.get(reverse("forum:session_list")).text
    staff = client_as(facilitator)
    assert "En curso" in staff.get(url("session_manage", session.public_id)).text
    assert "En curso" in staff.get(url("session_list")).text
    assert "En curso" in staff.get(url("session_live", session.public_id)).text
    services.session_close(
        actor=facilitator, session=session, end_time=datetime.time(12), unvoted_confirmed=True
    )
    assert "En curso" not in client.get(public).text
    assert "Celebrada" in client.get(public).text


@pytest.mark.django_db
def test_a_closed_session_offers_no_editing_and_refuses_every_edit(client_as, facilitator):
    session, seats = _running(facilitator)
    _all_present(facilitator, session, seats)
    vote_item = session.agenda.get(number=2)
    _vote(facilitator, vote_item, "Acuerdo del orden del día.")
    earlier = SessionFactory(forum=session.forum, number=3, date=datetime.date(2022, 1, 10))
    pending = Agreement.objects.create(
        session=earlier,
        number=1,
        code="STL/III/1/2022",
        text="Entregar el informe.",
        requires_follow_up=True,
        status="pending",
    )
    services.session_open(actor=facilitator, session=session, start_time=datetime.time(11))
    services.session_close(
        actor=facilitator, session=session, end_time=datetime.time(12), unvoted_confirmed=True
    )
    client = client_as(facilitator)
    live = client.get(url("session_live", session.public_id)).text
    for control in [
        "Registrar votación",
        "Guardar asistencia",
        "Registrar inicio",
        "Guardar desarrollo",
        "Agregar invitado",
        "Registrar seguimiento",
    ]:
        assert control not in live, control
    manage = client.get(url("session_manage", session.public_id)).text
    for control in ["Editar datos", "Agregar punto", "Quitar", "Conducir la sesión"]:
        assert control not in manage, control

    before = AuditEvent.objects.count()
    snapshot = (
        list(session.agenda.values_list("number", "title", "narrative")),
        list(session.attendance.values_list("name", "capacity")),
        list(Vote.objects.values_list("pk", "motion")),
        list(session.agreements.values_list("code", "text")),
    )
    p = session.public_id
    posts = [
        (
            url("session_edit", p),
            {
                "kind": "ordinary",
                "number": 15,
                "date": "2022-12-16",
                "start_time": "09:00",
                "end_time": "10:00",
                "modality": "virtual",
            },
        ),
        (url("agenda_add", p), {"title": "Otro punto", "kind": "informative"}),
        (url("agenda_edit", p, 2), {"title": "Cambiado", "kind": "decisive"}),
        (url("agenda_action", p, 3, "subir"), {}),
        (url("agenda_action", p, 4, "quitar"), {}),
        (url("live_roll_call", p), {}),
        (url("live_guest", p), {"name": "Intrusa"}),
        (url("live_time", p, "inicio"), {"open-time": "08:00"}),
        (url("live_time", p, "cierre"), {"close-time": "18:00"}),
        (
            url("live_vote", p, 3),
            {
                "i3-motion": "Otra",
                "i3-votes_for": 1,
                "i3-votes_against": 0,
                "i3-abstentions": 0,
                "i3-agreement_text": "Otro acuerdo",
            },
        ),
        (url("live_narrative", p, 2), {"n2-narrative": "Lo que no se dijo."}),
        (
            url("live_calendar", p, 3),
            {
                "c3-year": 2023,
                "c3-dates": "2023-02-24",
                "c3-votes_for": 3,
                "c3-votes_against": 0,
                "c3-abstentions": 0,
            },
        ),
        (url("live_minutes_approval", p, 3), {}),
        (
            url("live_follow_up", p, pending.public_id),
            {f"f{pending.pk}-status": "done", f"f{pending.pk}-note": "Cumplido."},
        ),
        (url("session_convene", p), {"date": "2022-12-10"}),
        (url("session_cancel", p), {"reason": "Por error"}),
    ]
    for path, data in posts:
        response = client.post(path, data)
        assert response.status_code in {302, 400, 403}, path
        if response.status_code == 302:
            follow = client.get(response["Location"]).text
            assert "celebrada" in follow.lower() or "ya no" in follow, path
    assert AuditEvent.objects.count() == before
    assert snapshot == (
        list(session.agenda.values_list("number", "title", "narrative")),
        list(session.attendance.values_list("name", "capacity")),
        list(Vote.objects.values_list("pk", "motion")),
        list(session.agreements.values_list("code", "text")),
    )
    pending.refresh_from_db()
    assert pending.status == "pending"
    session.refresh_from_db()
    assert (session.start_time, session.end_time) == (datetime.time(11), datetime.time(12))
    assert session.status == Session.Status.HELD


@pytest.mark.django_db
def test_services_refuse_to_change_a_closed_session(facilitator):
    session, _seats = _running(facilitator)
    services.session_open(actor=facilitator, session=session, start_time=datetime.time(11))
    services.session_close(
        actor=facilitator, session=session, end_time=datetime.time(12), unvoted_confirmed=True
    )
    item = session.agenda.get(number=2)
    attempts = [
        lambda: services.session_update(actor=facilitator, session=session, place="Otro"),
        lambda: services.agenda_item_add(actor=facilitator, session=session, title="Otro"),
        lambda: services.agenda_item_update(actor=facilitator, item=item, narrative="x"),
        lambda: services.roll_call_record(actor=facilitator, session=session, entries=[]),
        lambda: services.guest_add(actor=facilitator, session=session, name="Alguien"),
        lambda: services.vote_record(actor=facilitator, agenda_item=item, motion="x", votes_for=1),
        lambda: services.agreement_create(actor=facilitator, session=session, text="x"),
    ]
    for attempt in attempts:
        with pytest.raises(services.ForumError, match="clausurada"):
            attempt()


# Closing, agenda, convocation --------------------------------------------------------------


@pytest.mark.django_db
def test_closing_lists_the_decisive_items_without_a_vote_and_asks_to_confirm(
    client_as, facilitator
):
    session, _seats = _running(facilitator)
    services.session_open(actor=facilitator, session=session, start_time=datetime.time(11))
    client = client_as(facilitator)
    live = client.get(url("session_live", session.public_id)).text
    assert (
        "Lectura y, en su caso, aprobación del orden del día." in live.split("Hora de clausura")[0]
    )
    response = client.post(url("live_time", session.public_id, "cierre"), {"close-time": "12:00"})
    assert response.status_code == 400
    assert "sin votación" in response.text
    assert "II. Lectura y, en su caso, aprobación del orden del día." in response.text
    session.refresh_from_db()
    assert session.status == Session.Status.CONVENED
    response = client.post(
        url("live_time", session.public_id, "cierre"),
        {"close-time": "12:00", "close-unvoted_confirmed": "on"},
    )
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.status == Session.Status.HELD
    closed = AuditEvent.objects.get(action="session.closed")
    assert closed.changes["unvoted"] == [2, 3]


@pytest.mark.django_db
def test_a_new_agenda_item_goes_before_asuntos_generales(client_as, facilitator):
    session, _seats = _running(facilitator)
    response = client_as(facilitator).post(
        url("agenda_add", session.public_id),
        {"title": "Informe de la Carpeta", "kind": "informative"},
    )
    assert response.status_code == 302
    titles = list(session.agenda.order_by("number").values_list("number", "title"))
    assert titles[-3:] == [
        (5, "Informe de la Carpeta"),
        (6, "Asuntos generales."),
        (7, "Clausura de la sesión."),
    ]
    services.agenda_item_add(
        actor=facilitator, session=session, title="Otro informe", before_last=True
    )
    assert session.agenda.get(number=6).title == "Otro informe"
    assert session.agenda.get(number=7).title == "Asuntos generales."


@pytest.mark.django_db
def test_the_convocation_report_names_the_seats_it_could_not_reach(
    client_as, facilitator, django_capture_on_commit_callbacks
):
    forum, _seats = forum_with_seats(0)
    SeatFactory(forum=forum, label="Infoem", holder__email="t@example.org", alternate__email="")
    SeatFactory(forum=forum, label="Sociedad Civil 3", holder__email="", alternate__email="")
    session = SessionFactory(forum=forum, status="planned", date=datetime.date(2030, 2, 24))
    AgendaItemFactory(session=session)
    client = client_as(facilitator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("session_convene", session.public_id), {"date": "2030-02-17", "body": ""}
        )
    page = client.get(response["Location"]).text
    assert "Sociedad Civil 3" in page
    assert "El oficio no llegará por correo al asiento Sociedad Civil 3" in page


# Dates and names -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_dates_are_written_in_the_pages_language(client, facilitator):
    session = SessionFactory(date=datetime.date(2022, 12, 16))
    public = reverse("forum:session_detail", args=[session.public_id])
    spanish = client.get(public, HTTP_ACCEPT_LANGUAGE="es-mx").text
    assert "viernes 16 de diciembre de 2022" in spanish
    assert "Diciembre" not in spanish
    english = client.get(public, HTTP_ACCEPT_LANGUAGE="en").text
    assert "Friday, December 16, 2022" in english
    assert "de December" not in english
    assert "Friday 16 de" not in english


@pytest.mark.django_db
def test_people_with_the_same_name_are_told_apart_in_the_presenter_list():
    PersonFactory(name="Nombre por confirmar", public_role="Titular de Sociedad Civil 1")
    PersonFactory(name="Nombre por confirmar", public_role="Suplente de Sociedad Civil 1")
    options = [label for _value, label in AgendaItemForm().fields["presenter"].choices][1:]
    placeholder = [label for label in options if "Nombre por confirmar" in str(label)]
    assert len(placeholder) == 2
    assert len(set(map(str, placeholder))) == 2
