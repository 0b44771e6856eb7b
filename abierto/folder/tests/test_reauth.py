"""ASVS 3.7.1: exporting the whole folder or creating a share asks the citizen to prove, again,
who they are: password and TOTP code (a session opened with the CUTS) or the PIN (a carnet)."""

from __future__ import annotations

import datetime
import re
from html import unescape

import pytest
import time_machine
from axes.models import AccessFailureLog
from django.test import Client
from django.utils import timezone

from abierto.folder import actor_labels, auth, services
from abierto.folder.models import AccessEvent, Share

from .citizen_helpers import PASSWORD, PIN, active_citizen, folder_login
from .factories import issue

pytestmark = pytest.mark.django_db

LOGIN = "/carpeta/entrar/"
CARNET = "/carpeta/entrar/carnet/"
EXPORT = "/carpeta/mis-datos/descargar/"
SHARES = "/carpeta/compartir/"
CONFIRM = "/carpeta/confirmar/"
CONTINUE = "/carpeta/confirmar/continuar/"


@pytest.fixture
def start():
    return timezone.now()


def _at(start, minutes: float):
    return time_machine.travel(start + datetime.timedelta(minutes=minutes), tick=False)


def _log_in(client, cuts: str, start):
    active = active_citizen(cuts)
    with _at(start, 0):
        response = client.post(LOGIN, {"cuts": cuts, "password": PASSWORD, "code": active.code()})
    assert response.status_code == 302
    return active


def _events(citizen, action):
    return AccessEvent.objects.filter(holder_index=citizen.cuts_index, action=action)


def _hidden_fields(html: str) -> list[tuple[str, str]]:
    return [
        (name, unescape(value))
        for name, value in re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', html)
        if name != "csrfmiddlewaretoken"
    ]


def test_exporting_the_folder_asks_for_the_password_and_code_again(client, start):
    active = _log_in(client, "REAUTH0001", start)
    with _at(start, 6):
        response = client.post(EXPORT)
        assert response.status_code == 302
        assert response["Location"] == CONFIRM + "?next=/carpeta/mis-datos/"
        assert not _events(active.citizen, AccessEvent.Action.EXPORT).exists()
        page = client.get(response["Location"])
        assert page.status_code == 200
        html = page.content.decode()
        assert "Confirme que es usted" in html
        assert "descargar todos sus datos" in html
        assert 'name="password"' in html
        assert 'name="code"' in html
        assert 'name="pin"' not in html
        response = client.post(
            CONFIRM, {"password": PASSWORD, "code": active.code(), "next": "/carpeta/mis-datos/"}
        )
        assert response.status_code == 302
        assert response["Location"] == CONTINUE
        page = client.get(CONTINUE).content.decode()
        assert f'action="{EXPORT}"' in page
        assert "Descargar mis datos (ZIP)" in page
        download = client.post(EXPORT)
    assert download.status_code == 200
    assert download["Content-Type"] == "application/zip"
    assert _events(active.citizen, AccessEvent.Action.EXPORT).count() == 1
    proof = _events(active.citizen, AccessEvent.Action.REAUTH).get()
    assert proof.actor_label == actor_labels.HOLDER_WITH_CUTS


def test_creating_a_share_keeps_what_was_typed_through_the_confirmation(
    client, start, issuer, birth_type
):
    active = _log_in(client, "REAUTH0002", start)
    document = issue(issuer, birth_type, cuts="REAUTH0002")
    typed = {
        "documents": [document.public_id],
        "duration": "24",
        "max_views": "2",
        "recipient": 'Recursos "Humanos" <S.A.>',
    }
    with _at(start, 6):
        response = client.post(SHARES, typed)
        assert response["Location"] == CONFIRM + "?next=/carpeta/compartir/"
        assert not Share.objects.exists()
        client.post(CONFIRM, {"password": PASSWORD, "code": active.code()})
        page = client.get(CONTINUE).content.decode()
        assert f'action="{SHARES}"' in page
        fields = _hidden_fields(page)
        assert ("recipient", typed["recipient"]) in fields
        assert ("documents", document.public_id) in fields
        response = client.post(SHARES, dict(fields) | {"documents": [document.public_id]})
    assert response.status_code == 302
    share = Share.objects.get()
    assert share.recipient == typed["recipient"]
    assert share.max_views == 2


def test_a_login_is_a_proof_for_the_next_minutes(client, start, settings):
    settings.FOLDER_REAUTH_MINUTES = 5
    active = _log_in(client, "REAUTH0003", start)
    with _at(start, 4):
        assert client.post(EXPORT).status_code == 200
    assert not _events(active.citizen, AccessEvent.Action.REAUTH).exists()


def test_a_proof_lasts_folder_reauth_minutes(client, start, settings):
    settings.FOLDER_REAUTH_MINUTES = 5
    active = _log_in(client, "REAUTH0004", start)
    with _at(start, 10):
        client.post(CONFIRM, {"password": PASSWORD, "code": active.code()})
    with _at(start, 14):
        assert client.post(EXPORT).status_code == 200
    with _at(start, 16):
        assert client.post(EXPORT)["Location"].startswith(CONFIRM)
    settings.FOLDER_REAUTH_MINUTES = 1
    with _at(start, 17):
        client.post(CONFIRM, {"password": PASSWORD, "code": active.code()})
    with _at(start, 18.5):
        assert client.post(EXPORT)["Location"].startswith(CONFIRM)


def test_a_proof_that_expired_before_continuing_is_asked_again(client, start):
    active = _log_in(client, "REAUTH0005", start)
    with _at(start, 6):
        client.post(EXPORT)
        client.post(CONFIRM, {"password": PASSWORD, "code": active.code()})
    with _at(start, 12):
        response = client.get(CONTINUE)
    assert response.status_code == 302
    assert response["Location"] == CONFIRM + "?next=/carpeta/mis-datos/"


def test_a_carnet_session_confirms_with_the_pin(client, start):
    active = active_citizen("REAUTH0006")
    _carnet, token = services.carnet_issue(citizen=active.citizen, actor=None)
    with _at(start, 0):
        assert client.post(CARNET, {"qr_text": token, "pin": PIN}).status_code == 302
    with _at(start, 6):
        page = client.get(client.post(EXPORT)["Location"]).content.decode()
        assert 'name="pin"' in page
        assert 'name="password"' not in page
        refused = client.post(CONFIRM, {"password": PASSWORD, "code": active.code()})
        assert refused.status_code == 400
        assert client.post(CONFIRM, {"pin": PIN})["Location"] == CONTINUE
        assert client.post(EXPORT).status_code == 200
    proof = _events(active.citizen, AccessEvent.Action.REAUTH).get()
    assert proof.actor_label == actor_labels.HOLDER_WITH_CARNET


def test_a_wrong_pin_is_refused_and_counted(client, start):
    active = active_citizen("REAUTH0007")
    _carnet, token = services.carnet_issue(citizen=active.citizen, actor=None)
    with _at(start, 0):
        client.post(CARNET, {"qr_text": token, "pin": PIN})
    with _at(start, 6):
        response = client.post(CONFIRM, {"pin": "999999"})
    assert response.status_code == 400
    assert "El PIN no es correcto." in response.content.decode()
    assert AccessFailureLog.objects.filter(username="carpeta:" + active.citizen.cuts_index).exists()
    assert not _events(active.citizen, AccessEvent.Action.REAUTH).exists()


def test_failures_count_toward_the_lockout_and_a_locked_account_is_logged_out(
    client, start, settings
):
    active = _log_in(client, "REAUTH0008", start)
    with _at(start, 6):
        for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
            response = client.post(CONFIRM, {"password": "otra cosa", "code": active.code()})
            assert response.status_code == 400
            assert "no son correctos" in response.content.decode()
        response = client.post(CONFIRM, {"password": "otra cosa", "code": active.code()})
        assert response.status_code == 302
        assert response["Location"].startswith(LOGIN)
        assert "_auth_user_id" not in client.session
        assert auth.SESSION_CITIZEN not in client.session
        page = client.get(response["Location"]).content.decode()
        assert "bloqueada temporalmente" in page
        # The same counter as the login's: the right credentials are refused now too.
        again = Client().post(
            LOGIN, {"cuts": "REAUTH0008", "password": PASSWORD, "code": active.code()}
        )
    assert again.status_code == 429
    assert (
        AccessFailureLog.objects.filter(username="carpeta:" + active.citizen.cuts_index).count()
        == settings.AXES_FAILURE_LIMIT
    )


def test_an_account_already_locked_is_logged_out_at_the_confirmation(client, start, settings):
    active = _log_in(client, "REAUTH0009", start)
    with _at(start, 5.95):  # the network's wait (FOLDER_LOGIN_DELAY_SECONDS) outlasts minute 6
        for _attempt in range(settings.AXES_FAILURE_LIMIT):
            Client().post(LOGIN, {"cuts": "REAUTH0009", "password": "mal", "code": "123456"})
    with _at(start, 6):
        response = client.post(CONFIRM, {"password": PASSWORD, "code": active.code()})
    assert response["Location"].startswith(LOGIN)
    assert "_auth_user_id" not in client.session
    assert not _events(active.citizen, AccessEvent.Action.REAUTH).exists()


def test_the_code_used_to_log_in_does_not_confirm_again(client, start):
    active = _log_in(client, "REAUTH0010", start)
    with _at(start, 0):
        response = client.post(CONFIRM, {"password": PASSWORD, "code": active.code()})
    assert response.status_code == 400
    assert "espere a que su aplicación muestre uno nuevo" in response.content.decode()


@pytest.mark.parametrize(
    ("asked", "kept"),
    [
        ("/carpeta/accesos/", "/carpeta/accesos/"),
        ("/carpeta/compartir/?x=1", "/carpeta/compartir/?x=1"),
        ("https://evil.example/carpeta/", "/carpeta/documentos/"),
        ("//evil.example/carpeta/", "/carpeta/documentos/"),
        ("///evil.example/carpeta/", "/carpeta/documentos/"),
        ("/\\evil.example/carpeta/", "/carpeta/documentos/"),
        ("/admin/", "/carpeta/documentos/"),
        ("/cuenta/", "/carpeta/documentos/"),
        ("/carpeta/no-existe/", "/carpeta/documentos/"),
        ("javascript:alert(1)", "/carpeta/documentos/"),
    ],
)
def test_after_confirming_the_citizen_stays_inside_the_folder(client, start, asked, kept):
    active = _log_in(client, "REAUTH0011", start)
    with _at(start, 6):
        page = client.get(CONFIRM, {"next": asked}).content.decode()
        assert f'name="next" value="{kept}"' in unescape(page)
        response = client.post(
            CONFIRM, {"password": PASSWORD, "code": active.code(), "next": asked}
        )
    assert response["Location"] == kept


def test_the_confirmation_needs_a_folder_session_and_csrf(client, start):
    assert client.get(CONFIRM)["Location"].startswith(LOGIN)
    assert client.get(CONTINUE)["Location"].startswith(LOGIN)
    active = active_citizen("REAUTH0012")
    strict = folder_login(Client(enforce_csrf_checks=True), active.citizen)
    with _at(start, 6):
        response = strict.post(CONFIRM, {"password": PASSWORD, "code": active.code()})
    assert response.status_code == 403


def test_the_confirmation_is_shown_in_the_access_log(client, start):
    active = _log_in(client, "REAUTH0013", start)
    with _at(start, 6):
        client.post(CONFIRM, {"password": PASSWORD, "code": active.code()})
        page = client.get("/carpeta/accesos/").content.decode()
    assert "Confirmación de identidad" in page


def test_revoking_a_share_needs_no_confirmation(client, start, issuer, birth_type):
    _log_in(client, "REAUTH0014", start)
    document = issue(issuer, birth_type, cuts="REAUTH0014")
    with _at(start, 1):
        client.post(SHARES, {"documents": [document.public_id], "duration": "24"})
    share = Share.objects.get()
    with _at(start, 20):
        response = client.post(f"{SHARES}{share.public_id}/revocar/")
    assert response["Location"] == SHARES
    share.refresh_from_db()
    assert share.revoked_at is not None
