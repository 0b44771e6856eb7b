"""The open registration, end to end in Chromium: apply, the facilitator approves, log in."""

import re

import pytest
from django.core import mail

from abierto.directory.tests.logins import log_in_staff

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_apply_approve_and_log_in(page, live_server, facilitator):
    # A citizen applies from the public form, on a phone-sized screen.
    page.goto(f"{live_server.url}/")
    page.get_by_role("link", name="Solicitar integrarse al STL").click()
    page.get_by_label("Nombre completo").fill("Rosa Elena Martínez Juárez")
    page.get_by_label("Organización a la que pertenece").fill("Red Ciudadana Nezahualcóyotl")
    page.get_by_label("Correo electrónico").fill("rosa@example.org")
    page.get_by_label("Municipio donde vive").select_option(label="Nezahualcóyotl")
    page.get_by_label("¿Por qué desea integrarse al STL?").fill(
        "Coordino una red vecinal que da seguimiento a las caravanas de justicia."
    )
    page.get_by_label("He leído y acepto el aviso de privacidad.").check()
    page.get_by_role("button", name="Enviar solicitud").click()
    page.get_by_role("heading", name="Recibimos su solicitud").wait_for()
    assert any("rosa@example.org" in m.to for m in mail.outbox)

    # The facilitator logs in and approves it.
    log_in_staff(page, live_server.url, facilitator)
    page.get_by_text("Menú", exact=True).click()  # a phone: the menu is a disclosure
    page.get_by_role("link", name="Solicitudes", exact=True).click()
    page.get_by_role("link", name="Rosa Elena Martínez Juárez").click()
    page.get_by_role("radio", name="Aprobar", exact=True).check()
    page.get_by_label("Motivo o mensaje para la persona solicitante").fill("¡Bienvenida al STL!")
    page.get_by_role("button", name="Guardar la decisión y avisar por correo").click()
    page.get_by_text("Solicitud aprobada").wait_for()
    page.get_by_text("Menú", exact=True).click()
    page.get_by_role("button", name="Salir").click()

    # The applicant follows the e-mailed link, chooses a password and logs in.
    approval = next(m for m in mail.outbox if "aprobada" in m.subject)
    link = re.search(r"https?://\S+/cuenta/recuperar/\S+/", approval.body).group(0)
    page.goto(link)
    page.get_by_label("Contraseña nueva", exact=True).fill("mi contraseña del STL 2023")
    page.get_by_label("Confirmación de contraseña nueva").fill("mi contraseña del STL 2023")
    page.get_by_role("button", name="Guardar la contraseña").click()
    page.get_by_role("link", name="Entrar").last.click()
    page.get_by_label("Nombre de usuario").fill("rosa@example.org")
    page.get_by_label("Contraseña").fill("mi contraseña del STL 2023")
    page.get_by_role("button", name="Entrar").click()
    page.get_by_role("heading", name="Mi cuenta").wait_for()
    assert "Integrante del STL" in page.content()
    assert "Red Ciudadana Nezahualcóyotl" in page.content()
