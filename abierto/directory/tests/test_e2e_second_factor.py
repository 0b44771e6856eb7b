"""A clerk enrols an authenticator at the first login and logs in with a code next time."""

from __future__ import annotations

import time

import pytest

from abierto.directory.tests.logins import code_for, type_code
from abierto.lib import totp

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "correct horse battery staple 2022"


def _password(page, url: str) -> None:
    page.goto(f"{url}/cuenta/entrar/?next=/cuenta/")
    page.get_by_label("Nombre de usuario").fill("carmen")
    page.get_by_label("Contraseña").fill(PASSWORD)
    page.get_by_role("button", name="Entrar").click()


def test_a_clerk_enrols_then_logs_in_with_a_code(page, live_server, agency_clerk):
    _password(page, live_server.url)
    page.get_by_role("heading", name="Active su segundo factor").wait_for()
    assert page.get_by_role("img", name="Código QR").is_visible()
    secret = "".join(page.locator("#clave-totp").inner_text().split())
    code = page.get_by_label("Código de verificación")
    assert code.get_attribute("autocomplete") == "one-time-code"
    assert code.get_attribute("inputmode") == "numeric"
    code.fill(code_for(secret))
    page.get_by_role("button", name="Activar y entrar").click()
    page.get_by_role("heading", name="Sus códigos de recuperación").wait_for()
    assert page.locator("#codigos-recuperacion li").count() == 10
    page.get_by_role("link", name="Ya los guardé, continuar").click()
    page.get_by_role("heading", name="Mi cuenta").wait_for()

    page.get_by_text("Menú", exact=True).click()
    page.get_by_role("button", name="Salir").click()
    _password(page, live_server.url)
    page.get_by_role("heading", name="Código de verificación").wait_for()
    # The enrolment spent this step's code: the next step's is still inside the window.
    type_code(page, secret, time.time() + totp.DEFAULT_PERIOD)
    page.get_by_role("heading", name="Mi cuenta").wait_for()
    assert "carmen" in page.content()
