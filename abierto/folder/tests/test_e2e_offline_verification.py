"""A verifier's phone checks documents from their QR in Chromium: the signature and the status
list in the browser, no request (to the server or anywhere) carrying the document, and, after
a first visit, with the network cut."""

from __future__ import annotations

import pytest
from django.core.signals import request_started

from abierto.folder import selectors, services
from abierto.folder.models import AccessEvent

from .factories import DocumentTypeFactory, IssuerFactory, issue

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _result(page) -> str:
    page.locator("#verificacion[data-result]").wait_for(state="attached")
    return page.locator("#verificacion").get_attribute("data-result")


def _secret_parts(token: str) -> list[str]:
    """What would give a document away: its signed payload and its signature."""
    _header, payload, signature = token.split(".")
    return [payload[:40], signature[:40]]


def _worker_update(line: str) -> bool:
    path, query, _referer = [*line.split(" "), "", ""][:3]
    return path == "/v/sw.js" and not query


@pytest.fixture
def server_requests():
    """Every request the live server receives: path, query and Referer."""
    seen: list[str] = []

    def record(sender, environ, **kwargs):
        seen.append(
            " ".join(
                environ.get(name, "") for name in ("PATH_INFO", "QUERY_STRING", "HTTP_REFERER")
            )
        )

    request_started.connect(record, weak=False)
    yield seen
    request_started.disconnect(record)


def test_the_browser_verifies_the_qr_without_sending_it_and_keeps_working_offline(
    page, live_server, server_requests
):
    issuer = IssuerFactory(institution__name="Dirección General del Registro Civil")
    birth = DocumentTypeFactory(name="Acta de nacimiento", issuers=[issuer])
    rosa = issue(
        issuer,
        birth,
        cuts="ROSA000001",
        nombre="Rosa Elena Martínez Juárez",
        cuts_madre="MADRE00321",
    )
    luis = issue(issuer, birth, cuts="LUIS000001", nombre="Luis Ángel Pérez Soto")
    revoked = issue(issuer, birth, cuts="ANA0000001", nombre="Ana Ruiz Díaz")
    services.document_revoke(document=revoked, reason="Error de captura.", actor_label="prueba")
    tokens = [selectors.document_token(d) for d in (rosa, luis, revoked)]
    browser_requests: list[str] = []
    page.context.on("request", lambda request: browser_requests.append(request.url))

    # First visit, online: valid, with its certified data, and the page ready for offline use.
    page.goto(selectors.qr_payload(rosa))
    assert _result(page) == "valid"
    assert page.get_by_text("Documento válido").is_visible()
    assert page.get_by_text("Rosa Elena Martínez Juárez").is_visible()
    assert page.get_by_text("14 de marzo de 1988").is_visible()  # a certified date, in words
    assert page.get_by_text("Dirección General del Registro Civil").is_visible()
    # The mother's CUTS, masked as on the server's page: it would open (or lock) her folder.
    assert page.get_by_text("••••0321").is_visible()
    assert "MADRE00321" not in page.locator("#verificacion").inner_text()
    page.locator('#verificacion[data-offline-ready="1"]').wait_for(state="attached")
    page.wait_for_function("navigator.serviceWorker.controller !== null")
    assert not AccessEvent.objects.filter(action=AccessEvent.Action.VERIFY).exists()

    # The network cut: another document, a revoked one and a forged one, on fresh tabs.
    before_offline = len(server_requests)
    page.context.set_offline(True)
    offline = page.context.new_page()
    offline.goto(selectors.qr_payload(luis))
    assert _result(offline) == "valid"
    assert offline.get_by_text("Luis Ángel Pérez Soto").is_visible()
    assert offline.get_by_text("Sin conexión: se usó la lista de revocación guardada").is_visible()

    offline.goto("about:blank")
    offline.goto(selectors.qr_payload(revoked))
    assert _result(offline) == "revoked"
    assert offline.get_by_text("Documento revocado").is_visible()

    header, payload, signature = tokens[0].split(".")
    forged_payload = payload[:-4] + ("AAAA" if payload[-4:] != "AAAA" else "BBBB")
    offline.goto("about:blank")
    page_url = selectors.qr_payload(rosa).split("#")[0]
    offline.goto(f"{page_url}#{header}.{forged_payload}.{signature}")
    assert _result(offline) == "invalid"
    assert offline.get_by_text("No se pudo verificar este documento").is_visible()

    # A document signed by a key published after the first visit: not "forged", but unknown.
    newcomer = IssuerFactory(institution__name="Secretaría de Movilidad")
    licence = issue(newcomer, DocumentTypeFactory(issuers=[newcomer]), cuts="LUIS000001")
    offline.goto("about:blank")
    offline.goto(selectors.qr_payload(licence))
    assert _result(offline) == "unknown-key-offline"
    assert offline.get_by_text("no está guardada en este dispositivo").is_visible()
    # The browser itself may re-fetch the worker's script after a navigation in its scope (the
    # service worker "soft update", made outside the page's emulated network): it carries no
    # document. Nothing else reached the server while the network was cut.
    while_offline = [line for line in server_requests[before_offline:] if not _worker_update(line)]
    assert not while_offline, while_offline

    # Nothing that left the browser, nor anything the server received, carried a document.
    page.context.set_offline(False)
    assert browser_requests
    assert server_requests
    for part in [p for token in tokens for p in _secret_parts(token)]:
        assert not [url for url in browser_requests if part in url]
        assert not [line for line in server_requests if part in line]
    assert not AccessEvent.objects.filter(action=AccessEvent.Action.VERIFY).exists()


def test_a_browser_without_a_connection_or_a_first_visit_says_it_cannot_verify(
    browser, live_server, settings
):
    settings.SITE_URL = live_server.url
    issuer = IssuerFactory()
    birth = DocumentTypeFactory(issuers=[issuer])
    document = issue(issuer, birth)
    context = browser.new_context(locale="es-MX", service_workers="block")
    try:
        page = context.new_page()
        page.route("**/v/datos.json", lambda route: route.abort("internetdisconnected"))
        page.goto(selectors.qr_payload(document))
        assert _result(page) == "unreachable"
        assert page.get_by_text("No se pudo verificar: no hay conexión").is_visible()
    finally:
        context.close()


def test_without_a_token_the_page_explains_what_to_do(page, live_server):
    page.goto(f"{live_server.url}/v/")
    assert _result(page) == "no-token"
    assert page.get_by_text("Escanee el código QR").is_visible()
