"""Selective disclosure in Chromium: a citizen shares only her name and «Mayor de 18 años»;
the recipient sees those and a presentation the verifier API accepts, never the birth date."""

from __future__ import annotations

import json
import urllib.request

import pytest

from .citizen_helpers import PASSWORD, active_citizen
from .factories import DocumentTypeFactory, IssuerFactory, issue

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_citizen_shares_only_her_name_and_that_she_is_of_age(page, live_server, browser):
    issuer = IssuerFactory(institution__name="Dirección General del Registro Civil")
    birth = DocumentTypeFactory(name="Acta de nacimiento", issuers=[issuer])
    active = active_citizen("ROSA000002")
    issue(issuer, birth, cuts="ROSA000002", nombre="Rosa Elena Martínez Juárez")

    page.goto(f"{live_server.url}/carpeta/entrar/")
    page.get_by_label("CUTS").fill("ROSA000002")
    page.get_by_label("Contraseña").fill(PASSWORD)
    page.get_by_label("Código de verificación").fill(active.code())
    page.get_by_role("button", name="Entrar", exact=True).click()
    page.get_by_role("heading", name="Mis documentos").wait_for()

    page.get_by_role("link", name="Compartir", exact=True).click()
    page.locator("#id_documents input[type=checkbox]").first.check()
    claims = page.locator("#id_claims")
    claims.get_by_label("Nombre", exact=True).check()
    claims.get_by_label("Mayor de 18 años").check()
    page.get_by_label("Para quién es").fill("Tienda de vinos")
    page.get_by_role("button", name="Crear enlace").click()
    link = page.locator("#enlace-compartido").inner_text().strip()
    assert "Revela solo: Acta de nacimiento: Nombre, Mayor de 18 años" in page.content()

    recipient_context = browser.new_context(locale="es-MX")
    recipient = recipient_context.new_page()
    recipient.goto(link)
    recipient.get_by_role("button", name="Ver los documentos").click()
    recipient.get_by_text("Rosa Elena Martínez Juárez").wait_for()
    shown = recipient.locator("main").inner_text()
    assert "Mayor de 18 años" in shown
    assert "1988" not in shown
    assert "Fecha de nacimiento" not in shown
    presentation = recipient.get_by_label("Presentación SD-JWT VC").input_value()
    recipient_context.close()

    request = urllib.request.Request(  # noqa: S310 -- the live server of the test
        f"{live_server.url}/api/v1/verifier/sd-jwt",
        data=json.dumps({"presentation": presentation}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request) as response:  # noqa: S310
        result = json.load(response)
    assert result["valid"] is True
    assert result["claims"] == {"nombre": "Rosa Elena Martínez Juárez", "mayor_de_18": True}

    page.get_by_role("link", name="Accesos").click()
    log = page.locator(".event-list").inner_text()
    assert "Enlace compartido: Tienda de vinos (SD-JWT VC)" in log
    assert "Verificación" in log
