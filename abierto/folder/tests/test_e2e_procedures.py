"""The demo procedure end to end: a citizen renews her driver licence with the documents of
her folder. She starts it, previews what goes where and why, consents; the agency (an API
client over HTTP) fetches only the requested fields, checks them and issues the new licence;
she sees it in her folder and each step in her access log."""

from __future__ import annotations

import io
import json
import time
import urllib.request
from typing import Any

import pytest

from abierto.folder import demo, services
from abierto.folder.demo_procedures import LICENCE_RENEWAL
from abierto.folder.models import Issuer

from .citizen_helpers import PASSWORD, active_citizen

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

MOTHER = demo.MOTHER  # María Guadalupe: birth certificate and licence in her folder


def api(base: str, token: str, method: str, path: str, body: Any = None) -> Any:
    request = urllib.request.Request(  # noqa: S310 -- the test's own live server
        f"{base}/api/v1{path}",
        method=method,
        data=json.dumps(body).encode() if body is not None else None,
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
        return json.load(response)


def test_the_demo_licence_renewal_end_to_end(page, live_server, settings):
    settings.DEBUG = True
    demo.load(stdout=io.StringIO(), with_logins=False)
    holder = active_citizen(MOTHER)
    token = services.issuer_token_create(actor=None, issuer=Issuer.objects.get(slug="movilidad"))

    page.goto(f"{live_server.url}/carpeta/entrar/")
    page.get_by_label("CUTS").fill(MOTHER)
    page.get_by_label("Contraseña").fill(PASSWORD)
    page.get_by_label("Código de verificación").fill(holder.code(time.time()))
    page.get_by_role("button", name="Entrar", exact=True).click()
    page.get_by_role("heading", name="Mis documentos").wait_for()

    # The catalogue, then the preview: which fields of which documents, to whom, and why.
    page.locator(".folder-nav").get_by_role("link", name="Trámites").click()
    page.get_by_role("heading", name="Renovación de licencia de conducir").wait_for()
    page.get_by_role("button", name="Iniciar trámite").click()
    page.get_by_role("heading", name="Qué se enviará").wait_for()
    preview = page.content()
    assert "Secretaría de Movilidad" in preview
    assert "HELM880314MMCRPR09" in preview  # the CURP: requested
    assert "A15-0000001" in preview  # the licence number: requested
    assert "Rosa López Díaz" not in preview  # her mother's name: not requested
    assert "Confirmar su identidad y su edad" in preview
    page.get_by_label("reciba estos datos para este trámite").check()
    page.get_by_role("button", name="Acepto y envío mis datos").click()
    page.get_by_text("Enviada: la dependencia aún no la recibe").first.wait_for()

    # The agency, through its API with its own token.
    base = live_server.url
    [pending] = api(base, token, "GET", "/issuer/procedure-requests")["items"]
    assert pending["procedure"] == LICENCE_RENEWAL
    path = f"/issuer/procedure-requests/{pending['id']}"
    received = api(base, token, "GET", f"{path}/evidence")
    birth, licence = received["evidence"]
    assert set(birth["fields"]) == {
        "nombre", "primer_apellido", "segundo_apellido", "curp", "fecha_nacimiento"
    }  # fmt: skip
    assert licence["fields"] == {"numero_licencia": "A15-0000001", "tipo_licencia": "A"}
    assert "Rosa López Díaz" not in json.dumps(received, ensure_ascii=False)
    api(base, token, "POST", f"{path}/check")
    fields = birth["fields"]
    resolved = api(base, token, "POST", f"{path}/resolve", {
        "reference": "LIC-RENOV-2026-0001",
        "fields": {
            "nombre": f"{fields['nombre']} {fields['primer_apellido']} "
                      f"{fields['segundo_apellido']}",
            "curp": fields["curp"], "fecha_nacimiento": fields["fecha_nacimiento"],
            "numero_licencia": "A15-0000002", "tipo_licencia": licence["fields"]["tipo_licencia"],
        },
    })  # fmt: skip
    assert resolved["request"]["status"] == "resolved"

    # The citizen sees the new licence in her folder and every step in her log.
    page.reload()
    page.get_by_text("Resuelta: documento emitido").first.wait_for()
    page.get_by_role("link", name="Ver el documento emitido: Licencia de conducir").click()
    page.get_by_role("heading", name="Licencia de conducir").wait_for()
    assert "A15-0000002" in page.content()
    page.locator(".folder-nav").get_by_role("link", name="Accesos").click()
    log = page.locator(".event-list").inner_text()
    for step in (
        "Inicio de un trámite",
        "Consentimiento para enviar datos a un trámite",
        "Entrega de datos a la dependencia del trámite",
        "Revisión de los datos del trámite",
        "Emisión",
        "Emisor: Secretaría de Movilidad",
    ):
        assert step in log
