"""Shares: create, the recipient's page, view counts, replay, expiry, revocation, no enumeration."""

from __future__ import annotations

import datetime
import re

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from abierto.folder import services
from abierto.folder.formats import secret_hash
from abierto.folder.models import AccessEvent, Share

from .citizen_helpers import active_citizen, folder_login
from .factories import issue

pytestmark = pytest.mark.django_db


@pytest.fixture
def holder(client, issuer, birth_type):
    active = active_citizen("COMPARTE01")
    folder_login(client, active.citizen)
    document = issue(issuer, birth_type, cuts="COMPARTE01")
    return client, active.citizen, document


def _create(client, document, **extra):
    data = {"documents": [document.public_id], "duration": "24", "max_views": "2", **extra}
    response = client.post("/carpeta/compartir/", data)
    assert response.status_code == 302, response.content.decode()
    page = client.get("/carpeta/compartir/").content.decode()
    url = re.search(r'id="enlace-compartido">([^<]+)<', page)[1]
    return url.removeprefix("http://testserver"), page


def test_creating_a_share_shows_its_link_and_qr_once(holder):
    client, citizen, document = holder
    path, page = _create(client, document, recipient="Recursos Humanos")
    assert path.startswith("/compartido/")
    assert 'alt="Código QR del enlace compartido"' in page
    share = Share.objects.get(citizen=citizen)
    assert share.recipient == "Recursos Humanos"
    assert share.max_views == 2
    token = path.split("/")[2]
    assert share.token_hash == secret_hash(token)  # only the hash is stored
    assert token not in str(Share.objects.filter(pk=share.pk).values().first())
    again = client.get("/carpeta/compartir/").content.decode()
    assert token not in again
    assert "Recursos Humanos" in again
    assert "Consultas: 0 de 2" in again


def test_the_new_link_can_be_copied_shared_or_sent_by_email(holder):
    from urllib.parse import parse_qs, urlsplit

    client, _citizen, document = holder
    path, page = _create(client, document)
    # The copy and share-sheet buttons exist hidden; the static script shows what the browser
    # supports. Without it, the e-mail link carries the whole link.
    assert re.search(r"<button [^>]*data-share-copy hidden>Copiar el enlace</button>", page)
    assert re.search(r"<button [^>]*data-share-native hidden>Compartir…</button>", page)
    assert "/static/js/share-link.js" in page
    assert "<script>" not in page
    mailto = re.search(r'href="(mailto:[^"]+)"', page)[1].replace("&amp;", "&")
    query = parse_qs(urlsplit(mailto).query)
    assert query["subject"] == ["Documentos de mi Carpeta Ciudadana"]
    assert query["body"][0].endswith(f"http://testserver{path}")
    assert 'role="status"' in page
    # A later visit has neither the link nor the script.
    again = client.get("/carpeta/compartir/").content.decode()
    assert "share-link.js" not in again
    assert "mailto:" not in again


def test_the_recipient_opens_after_confirming_and_each_open_counts(holder):
    client, citizen, document = holder
    path, _page = _create(client, document, recipient="Banco")
    recipient = Client()
    intro = recipient.get(path)
    assert intro.status_code == 200
    assert "Ver los documentos" in intro.content.decode()
    assert Share.objects.get().views == 0  # link previews do not spend views
    opened = recipient.post(path)
    assert opened.status_code == 200
    html = opened.content.decode()
    assert "María Hernández López" in html
    assert "Verificar este documento" in html
    assert Share.objects.get().views == 1
    event = AccessEvent.objects.get(action=AccessEvent.Action.SHARE_VIEW)
    assert event.actor_label == "Enlace compartido: Banco"
    assert event.holder_index == citizen.cuts_index


def test_a_share_beyond_its_views_is_gone(holder):
    client, _citizen, document = holder
    path, _page = _create(client, document)
    recipient = Client()
    assert recipient.post(path).status_code == 200
    assert recipient.post(path).status_code == 200
    replay = recipient.post(path)
    assert replay.status_code == 410
    assert "ya se consultó las veces permitidas" in replay.content.decode()
    assert recipient.get(path).status_code == 410
    assert Share.objects.get().views == 2
    assert AccessEvent.objects.filter(action=AccessEvent.Action.SHARE_VIEW).count() == 2


def test_a_revoked_share_is_gone(holder):
    client, _citizen, document = holder
    path, _page = _create(client, document)
    share = Share.objects.get()
    response = client.post(f"/carpeta/compartir/{share.public_id}/revocar/")
    assert response.status_code == 302
    share.refresh_from_db()
    assert share.revoked_at is not None
    recipient = Client()
    for response in (recipient.get(path), recipient.post(path)):
        assert response.status_code == 410
        assert "revocó este enlace" in response.content.decode()
    assert "Revocado" in client.get("/carpeta/compartir/").content.decode()


def test_an_expired_share_is_gone(holder):
    client, _citizen, document = holder
    path, _page = _create(client, document, duration="1")
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=2)):
        response = Client().post(path)
    assert response.status_code == 410
    assert "venció" in response.content.decode()


def test_a_wrong_token_is_not_found_and_not_counted(holder):
    client, _citizen, document = holder
    path, _page = _create(client, document)
    wrong = path[:-3] + ("x/" if path[-2] != "x" else "y/")
    assert Client().get(wrong).status_code == 404
    assert Client().post(wrong).status_code == 404
    assert Client().get("/compartido/nada/").status_code == 404
    assert Share.objects.get().views == 0


def test_a_citizen_cannot_share_nor_revoke_anothers(holder, issuer, birth_type):
    client, _citizen, _document = holder
    theirs = issue(issuer, birth_type, cuts="AJENA00001")
    response = client.post(
        "/carpeta/compartir/", {"documents": [theirs.public_id], "duration": "24"}
    )
    assert response.status_code == 400
    assert not Share.objects.exists()
    other = active_citizen("AJENA00001").citizen
    share, _token = services.share_create(
        citizen=other,
        documents=[theirs],
        expires_at=timezone.now() + datetime.timedelta(days=1),
    )
    assert client.post(f"/carpeta/compartir/{share.public_id}/revocar/").status_code == 404
    share.refresh_from_db()
    assert share.revoked_at is None


def test_the_expiry_is_at_most_30_days(holder):
    client, _citizen, document = holder
    response = client.post(
        "/carpeta/compartir/", {"documents": [document.public_id], "duration": str(24 * 31)}
    )
    assert response.status_code == 400
    assert not Share.objects.exists()


def test_revoking_needs_post_and_csrf(holder):
    client, citizen, document = holder
    _create(client, document)
    share = Share.objects.get()
    assert client.get(f"/carpeta/compartir/{share.public_id}/revocar/").status_code == 405
    strict = folder_login(Client(enforce_csrf_checks=True), citizen)
    assert strict.post(f"/carpeta/compartir/{share.public_id}/revocar/").status_code == 403
    assert (
        strict.post("/carpeta/compartir/", {"documents": [document.public_id]}).status_code == 403
    )
    share.refresh_from_db()
    assert share.revoked_at is None


def test_opening_a_share_needs_csrf(holder):
    client, _citizen, document = holder
    path, _page = _create(client, document)
    assert Client(enforce_csrf_checks=True).post(path).status_code == 403
    assert Share.objects.get().views == 0


def test_the_holder_sees_share_uses_in_the_access_log(holder):
    client, _citizen, document = holder
    path, _page = _create(client, document, recipient="Notaría 12")
    Client().post(path)
    html = client.get("/carpeta/accesos/").content.decode()
    assert "Enlace compartido: Notaría 12" in html
    assert "Consulta mediante enlace compartido" in html
    assert "Bitácora íntegra" in html


def test_the_form_tells_a_childs_certificate_from_ones_own(holder, issuer, birth_type):
    client, _citizen, own = holder
    child = issue(issuer, birth_type, cuts="HIJO000001", cuts_madre="COMPARTE01")
    page = client.get("/carpeta/compartir/").content.decode()

    def label(document):
        found = re.search(
            rf'value="{document.public_id}" id="([^"]+)">\s*<label for="\1">([^<]+)<', page
        )
        assert found is not None, page
        return found[2]

    assert label(child).endswith(" · usted aparece como: Madre")
    assert "aparece como" not in label(own)
