"""The facilitator runs a whole session in Chromium, on a tablet-sized screen."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from abierto.directory.tests.logins import log_in_staff
from abierto.forum.models import Agreement, Minutes, Session

from .factories import ForumFactory, SeatFactory, SessionFactory

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_the_facilitator_runs_a_whole_session(page, live_server, facilitator):
    forum = ForumFactory()
    for n in range(3):
        SeatFactory(forum=forum, label=f"Asiento {n + 1}", holder__email=f"titular{n}@example.org")
    page.set_viewport_size({"width": 820, "height": 1180})  # a tablet, portrait

    log_in_staff(page, live_server.url, facilitator, "/gestion/sesiones/")

    # Create the session with the usual agenda.
    page.get_by_role("link", name="Nueva sesión").click()
    page.get_by_label("Número").fill("16")
    page.get_by_label("Fecha", exact=True).fill("2030-02-24")
    page.get_by_label("Hora de inicio").fill("11:00")
    page.get_by_label("Modalidad").select_option(label="Virtual")
    page.get_by_label("Lugar").fill("Plataforma Zoom")
    page.get_by_role("button", name="Guardar").click()
    page.get_by_role("heading", name="Décimo Sexta Sesión Ordinaria").wait_for()

    # Convene: the letter goes to every seat with the event attached.
    page.get_by_label("Fecha del oficio").fill("2030-02-17")
    page.get_by_role("button", name="Convocar y enviar a cada asiento").click()
    page.get_by_text("Sesión convocada: el oficio se envía").wait_for()
    assert "STL/001/2030" in page.content()
    letter = next(m for m in mail.outbox if "STL/001/2030" in m.subject)
    letters = [m for m in mail.outbox if "STL/001/2030" in m.subject]
    assert {"titular0@example.org", "titular1@example.org"} <= {m.to[0] for m in letters}
    assert any(name.endswith(".ics") for name, *_rest in letter.attachments)

    # Run it: start, roll call, a vote with its agreement, close.
    page.get_by_role("link", name="Conducir la sesión").click()
    page.get_by_label("Hora de inicio").fill("11:04")
    page.get_by_role("button", name="Registrar inicio").click()
    for checkbox in page.locator("table.roll-call input[type=checkbox][name$=_holder]").all():
        checkbox.check()
    page.get_by_role("button", name="Guardar asistencia").click()
    page.get_by_text("Hay quórum").wait_for()
    item = page.locator("#punto-2")
    item.get_by_label("Propuesta que se vota").fill("Aprobación del orden del día.")
    item.get_by_label("A favor").fill("3")
    item.get_by_label("Texto del acuerdo (si se aprueba)").fill(
        "Se aprueba por unanimidad de votos el orden del día, en sus términos."
    )
    item.get_by_role("button", name="Registrar votación").click()
    page.locator("#punto-2 .agreement").wait_for()
    assert "STL/XVI/1/2030" in page.locator("#punto-2").inner_text()
    page.get_by_label("Hora de clausura").fill("12:40")
    # Item III (minutes of the previous session) had no vote: closing asks to confirm.
    unvoted = page.locator("#sin-votacion").inner_text()
    assert "Lectura y, en su caso, aprobación del acta" in unvoted
    page.get_by_label("Clausurar aunque queden puntos para acuerdo sin votación").check()
    page.get_by_role("button", name="Clausurar y redactar el acta").click()

    # The draft minutes are written from the record.
    page.get_by_role(
        "heading", name=re.compile("Acta de la Décimo Sexta Sesión Ordinaria")
    ).wait_for()
    draft = page.get_by_label("Texto del acta").input_value()
    assert "ACUERDO STL/XVI/1/2030" in draft
    assert "once horas con cuatro minutos" in draft
    assert "doce horas con cuarenta minutos" in draft

    session = Session.objects.get(number=16)
    assert session.status == Session.Status.HELD
    assert Agreement.objects.get(session=session).code == "STL/XVI/1/2030"
    assert Minutes.objects.get(session=session).status == Minutes.Status.DRAFT


def test_choosing_extraordinary_proposes_the_next_extraordinary_number(
    page, live_server, facilitator
):
    forum = ForumFactory()
    SessionFactory(forum=forum, number=15)
    SessionFactory(forum=forum, number=1, kind=Session.Kind.EXTRAORDINARY)
    log_in_staff(page, live_server.url, facilitator, "/gestion/sesiones/nueva/")
    number = page.get_by_label("Número")
    assert number.input_value() == "16"
    for kind, proposed in (("Extraordinaria", "2"), ("Ordinaria", "16"), ("Extraordinaria", "2")):
        with page.expect_response(lambda r: "/sesiones/nueva/numero/" in r.url) as answer:
            page.get_by_label("Tipo").select_option(label=kind)
        assert answer.value.status == 200
        expect(number).to_have_value(proposed)
    page.get_by_label("Fecha", exact=True).fill("2030-03-10")
    page.get_by_role("button", name="Guardar").click()
    page.get_by_role("heading", name="Segunda Sesión Extraordinaria").wait_for()
