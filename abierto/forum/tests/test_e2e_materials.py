"""Issue 22 end to end in Chromium: the presenter uploads a material, the convocation lists
it, a member comments on the draft acta, the facilitator attends the comment, the session
approves the acta, and the public sees only the public materials."""

import datetime
import hashlib

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import timezone

from abierto.directory.models import Person
from abierto.directory.selectors import second_factor_required
from abierto.directory.tests.factories import InstitutionFactory
from abierto.directory.tests.logins import PASSWORD, enrol, log_in_on_page
from abierto.forum import services
from abierto.forum.models import Minutes, MinutesObservation, Session, SessionMaterial

from .factories import ForumFactory, SeatFactory
from .materials_helpers import PDF

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _login(browser, live_server, username, next_path):
    context = browser.new_context(locale="es-MX", viewport={"width": 1024, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    user = get_user_model().objects.get(username=username)
    # Facilitators and clerks type a second-factor code after the password (members do not).
    secret = enrol(user) if second_factor_required(user) else None
    log_in_on_page(page, live_server.url, username, PASSWORD, secret, next_path)
    page.wait_for_url(f"**{next_path}")
    return page


def test_materials_from_upload_to_the_public_record(
    browser, live_server, settings, tmp_path, facilitator, member, agency_clerk
):
    settings.SITE_URL = live_server.url
    today = timezone.localdate()
    forum = ForumFactory()
    contraloria = InstitutionFactory(name="Secretaría de la Contraloría", acronym="SECOGEM")
    Person.objects.create(name="Carmen Prueba", institution=contraloria, user=agency_clerk)
    presenter = Person.objects.create(name="Mtra. Ponente", institution=contraloria)
    seats = [SeatFactory(forum=forum, holder__email=f"titular{n}@example.org") for n in range(3)]
    seats[0].holder.user = member
    seats[0].holder.save()
    fourteenth = services.session_create(
        actor=facilitator,
        forum=forum,
        number=14,
        date=today - datetime.timedelta(days=15),
        standard_agenda=False,
    )
    services.session_record_held(actor=facilitator, session=fourteenth)
    draft = services.minutes_update(
        actor=facilitator,
        minutes=Minutes.objects.get(session=fourteenth),
        text="# ACTA\nSe reunieron las personas integrantes del STL.\nSe aprobó el orden.\n",
    )
    fifteenth = services.session_create(
        actor=facilitator,
        forum=forum,
        number=15,
        date=today + datetime.timedelta(days=20),
        start_time=datetime.time(11, 0),
        modality=Session.Modality.VIRTUAL,
        place="Plataforma Zoom",
    )
    services.agenda_item_update(
        actor=facilitator, item=fifteenth.agenda.get(number=4), presenter=presenter
    )

    # The presenter's institution uploads a public PDF and a private one for its item.
    public_pdf = tmp_path / "avance.pdf"
    public_pdf.write_bytes(PDF)
    private_pdf = tmp_path / "directorio.pdf"
    private_pdf.write_bytes(PDF + b"% reservado\n")
    clerk = _login(
        browser, live_server, "carmen", f"/gestion/sesiones/{fifteenth.public_id}/materiales/"
    )
    for title, path, public in [
        ("Reporte de avance", public_pdf, True),
        ("Directorio de enlaces", private_pdf, False),
    ]:
        clerk.get_by_label("Punto del orden del día").select_option(index=1)
        clerk.get_by_label("Título del material").fill(title)
        clerk.get_by_label("Archivo").set_input_files(str(path))
        if public:
            clerk.get_by_label("Público").check()
        clerk.get_by_role("button", name="Agregar material").click()
        clerk.get_by_text("Material agregado.").wait_for()
    # A bad upload: a clear Spanish error, nothing stored.
    fake = tmp_path / "falso.pptx"
    fake.write_bytes(b"MZ\x90\x00 no es una presentacion")
    clerk.get_by_label("Punto del orden del día").select_option(index=1)
    clerk.get_by_label("Título del material").fill("Falso")
    clerk.get_by_label("Archivo").set_input_files(str(fake))
    clerk.get_by_role("button", name="Agregar material").click()
    clerk.get_by_text("no es una presentación de PowerPoint").first.wait_for()
    assert SessionMaterial.objects.filter(session=fifteenth).count() == 2
    clerk.context.close()

    # The facilitator convenes: the mail lists the materials and the 14th's draft.
    boss = _login(browser, live_server, "alicia", f"/gestion/sesiones/{fifteenth.public_id}/")
    boss.get_by_label("Fecha del oficio").fill(today.isoformat())
    boss.get_by_role("button", name="Convocar y enviar a cada asiento").click()
    boss.get_by_text("Sesión convocada").first.wait_for()
    letter = next(m for m in mail.outbox if "Convocatoria" in m.subject)
    assert "IV. Reporte de avance" in letter.body
    assert hashlib.sha256(PDF).hexdigest() in letter.body
    assert "Borrador del acta de la Décimo Cuarta Sesión Ordinaria" in letter.body

    # A member comments on a paragraph of the draft.
    bruno = _login(browser, live_server, "bruno", "/gestion/mis-sesiones/")
    bruno.get_by_role("link", name="Observar el borrador del acta de la Décimo Cuarta").click()
    paragraph = bruno.locator("ol.draft-paragraphs > li").nth(1)
    paragraph.get_by_text("Observar este párrafo").click()
    paragraph.get_by_label("Observación al párrafo").fill("Falta decir que fue por Zoom.")
    paragraph.get_by_role("button", name="Enviar").click()
    bruno.get_by_text("Observación enviada a la facilitación.").wait_for()
    bruno.context.close()
    observation = MinutesObservation.objects.get()
    assert observation.paragraph_text == "Se reunieron las personas integrantes del STL."

    # The facilitator sees it beside the editor and accepts it.
    boss.goto(f"{live_server.url}/gestion/sesiones/{fourteenth.public_id}/acta/")
    panel = boss.locator(f"#observacion-{observation.pk}")
    assert "Falta decir que fue por Zoom." in panel.inner_text()
    panel.get_by_label("Respuesta").fill("Se agrega la plataforma.")
    panel.get_by_role("button", name="Atender observación").click()
    boss.get_by_text("Observación atendida.").wait_for()

    # The session runs and approves the acta; then it closes.
    boss.goto(f"{live_server.url}/gestion/sesiones/{fifteenth.public_id}/conducir/")
    boss.get_by_label("Hora de inicio").fill("11:02")
    boss.get_by_role("button", name="Registrar inicio").click()
    for checkbox in boss.locator("table.roll-call input[type=checkbox][name$=_holder]").all():
        checkbox.check()
    boss.get_by_role("button", name="Guardar asistencia").click()
    boss.get_by_text("Hay quórum").wait_for()
    item = boss.locator("#punto-3")
    item.get_by_label("Acta", exact=True).select_option(index=1)
    item.get_by_label("A favor").first.fill("3")
    item.get_by_role("button", name="Registrar votación y aprobar el acta").click()
    item.locator(".agreement").first.wait_for()
    draft.refresh_from_db()
    assert draft.status == Minutes.Status.APPROVED
    boss.get_by_label("Hora de clausura").fill("12:30")
    boss.get_by_label("Clausurar aunque queden puntos para acuerdo sin votación").check()
    boss.get_by_role("button", name="Clausurar y redactar el acta").click()
    boss.wait_for_url("**/acta/")
    boss.context.close()
    fifteenth.refresh_from_db()
    assert fifteenth.status == Session.Status.HELD

    # The public sees the public material, never the private one.
    visitor = browser.new_context(locale="es-MX").new_page()
    visitor.goto(f"{live_server.url}/sesiones/{fifteenth.public_id}/")
    materials = visitor.locator("#materiales").locator("xpath=..")
    assert "Reporte de avance" in materials.inner_text()
    assert hashlib.sha256(PDF).hexdigest() in materials.inner_text()
    assert "Directorio de enlaces" not in visitor.content()
    visitor.context.close()
