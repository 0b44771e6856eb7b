"""The Carpeta end to end in Chromium, on a phone: activate, log in, download, share; a
verifier opens the share; the citizen sees that access in the log. And the carnet's QR."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from abierto.folder import selectors, services
from abierto.lib import totp

from .factories import DocumentTypeFactory, IssuerFactory, issue

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "la contraseña de mi carpeta 2024"
PIN = "730518"


def test_activate_log_in_download_share_and_see_the_access(page, live_server, browser, tmp_path):
    issuer = IssuerFactory(institution__name="Dirección General del Registro Civil")
    birth = DocumentTypeFactory(name="Acta de nacimiento", issuers=[issuer])
    citizen, _created = services.citizen_register(cuts="ROSA000001")
    code = services.citizen_activation_code_issue(citizen=citizen)
    issue(issuer, birth, cuts="ROSA000001", nombre="Rosa Elena Martínez Juárez")

    # Activation: CUTS and code, password and PIN, then the second factor.
    page.goto(f"{live_server.url}/")
    page.get_by_role("link", name="Carpeta Ciudadana", exact=True).click()
    page.get_by_role("link", name=re.compile("Activar mi Carpeta")).click()
    page.get_by_label("CUTS").fill("ROSA000001")
    page.get_by_label("Código de activación").fill(code)
    page.get_by_role("button", name="Continuar").click()
    # The password rules are inside the element the field's aria-describedby names.
    described_by = page.get_by_label("Contraseña nueva").get_attribute("aria-describedby")
    rules = page.locator(f"#{described_by}").inner_text()
    assert "al menos 12 caracteres" in rules
    assert "completamente numérica" in rules
    page.get_by_label("Contraseña nueva").fill(PASSWORD)
    page.get_by_label("Confirme la contraseña").fill(PASSWORD)
    page.get_by_label("PIN de 6 dígitos para su carnet").fill(PIN)
    page.get_by_label("Confirme el PIN").fill(PIN)
    page.get_by_role("button", name="Continuar").click()
    secret = page.locator("#clave-totp").inner_text().replace(" ", "")
    key = totp.decode_secret(secret)
    page.get_by_label("Código de 6 dígitos de su aplicación").fill(totp.totp(key))
    page.get_by_role("button", name="Activar mi Carpeta").click()
    page.get_by_role("heading", name="Mis documentos").wait_for()
    assert "Acta de nacimiento" in page.content()  # issued before the folder existed

    # Log out, and back in with CUTS, password and a new code (the next time step).
    page.get_by_text("Menú", exact=True).click()  # a phone: the menu is a disclosure
    page.get_by_role("button", name="Salir").click()
    page.goto(f"{live_server.url}/carpeta/entrar/")
    page.get_by_label("CUTS").fill("rosa000001")
    page.get_by_label("Contraseña").fill(PASSWORD)
    page.get_by_label("Código de verificación").fill(totp.totp(key, time.time() + 30))
    page.get_by_role("button", name="Entrar", exact=True).click()
    page.get_by_role("heading", name="Mis documentos").wait_for()

    # Open the document and download its PDF.
    page.locator(".doc-card").first.click()
    page.get_by_role("heading", name="Acta de nacimiento").wait_for()
    assert "Rosa Elena Martínez Juárez" in page.content()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Descargar PDF").click()
    pdf = Path(download_info.value.path()).read_bytes()
    assert pdf.startswith(b"%PDF-")

    # Share it with a bank, for two views.
    page.get_by_role("link", name="Compartir", exact=True).click()
    page.locator(".checks input[type=checkbox]").first.check()
    page.get_by_label("Número de consultas permitidas").fill("2")
    page.get_by_label("Para quién es").fill("Banco del Ahorro")
    # A phone's share sheet (Web Share API), which headless Chromium on Linux lacks.
    page.add_init_script(
        "navigator.share = (data) => { window.sharedData = data; return Promise.resolve(); };"
    )
    page.get_by_role("button", name="Crear enlace").click()
    link = page.locator("#enlace-compartido").inner_text().strip()
    assert link.startswith(f"{live_server.url}/compartido/")
    # One button copies it; the share sheet's button shows only where the browser has one.
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.get_by_role("button", name="Copiar el enlace").click()
    page.get_by_text("Enlace copiado.").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == link
    page.get_by_role("button", name="Compartir…").click()
    assert page.evaluate("window.sharedData.url") == link

    # A verifier, in another browser, opens the share and verifies the document.
    verifier_context = browser.new_context(locale="es-MX", viewport={"width": 390, "height": 844})
    verifier = verifier_context.new_page()
    verifier.goto(link)
    verifier.get_by_role("button", name="Ver los documentos").click()
    verifier.get_by_text("Rosa Elena Martínez Juárez").wait_for()
    verifier.get_by_role("link", name="Verificar este documento").click()
    verifier.get_by_text("Documento válido").wait_for()
    # Checked in the verifier's browser: the document stayed after "#" in the address.
    assert "/v/#" in verifier.url
    verifier_context.close()

    # The citizen sees the share's use in the log (the check in the verifier's browser never
    # reached the server), and the share's count.
    page.get_by_role("link", name="Accesos").click()
    log = page.locator(".event-list").inner_text()
    assert "Enlace compartido: Banco del Ahorro" in log
    assert "Consulta mediante enlace compartido" in log
    assert "Verificación" not in log
    assert "Bitácora íntegra" in page.content()
    page.get_by_role("link", name="Compartir", exact=True).click()
    page.get_by_text("Consultas: 1 de 2").wait_for()


def test_the_carnet_qr_opens_the_folder_with_the_pin(page, live_server):
    from .citizen_helpers import PIN as HELPER_PIN
    from .citizen_helpers import active_citizen

    active = active_citizen("CARNETE2E1")
    _carnet, token = services.carnet_issue(actor=None, citizen=active.citizen)
    url = selectors.carnet_qr_content(token)
    assert url.startswith(f"{live_server.url}/carpeta/carnet/#")
    page.goto(url)  # what a phone's camera app opens from the carnet's QR
    page.get_by_text("Carnet leído. Ahora escriba su PIN.").wait_for()
    assert "#" not in page.url  # the token left the address bar
    assert page.get_by_label("Foto del código QR de su carnet").is_hidden()
    page.get_by_label("PIN de 6 dígitos").fill("000000")
    page.get_by_role("button", name="Entrar", exact=True).click()
    page.get_by_role("alert").first.wait_for()
    # The QR opened again on this very page changes only the fragment: no new page loads.
    page.goto(url)
    page.wait_for_function("() => !window.location.hash")
    page.get_by_label("PIN de 6 dígitos").fill(HELPER_PIN)
    page.get_by_role("button", name="Entrar", exact=True).click()
    page.get_by_role("heading", name="Mis documentos").wait_for()
    assert "#" not in page.url  # nor on the page the login leads to
