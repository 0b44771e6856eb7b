"""Activation and the two ways in: CUTS + password + TOTP, carnet QR + PIN; lockout; CSRF."""

from __future__ import annotations

import datetime
import io
import re

import pytest
import segno
import time_machine
from axes.helpers import get_cool_off
from axes.models import AccessFailureLog
from django.contrib.auth.hashers import check_password
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from abierto.directory.roles import Role
from abierto.directory.selectors import user_has_role
from abierto.folder import auth, selectors, services
from abierto.folder.forms import QrImageError, decode_qr_image
from abierto.folder.models import AccessEvent, Citizen
from abierto.lib import totp

from .citizen_helpers import PASSWORD, PIN, active_citizen, folder_login
from .factories import issue

pytestmark = pytest.mark.django_db

LOGIN = "/carpeta/entrar/"
CARNET = "/carpeta/entrar/carnet/"
ACTIVATE = "/carpeta/activar/"


def _png(content: str, **kwargs) -> bytes:
    buffer = io.BytesIO()
    segno.make(content, error="m").save(buffer, kind="png", scale=6, border=4, **kwargs)
    return buffer.getvalue()


# Activation ------------------------------------------------------------------------------------


def test_activation_links_earlier_documents_and_logs_in(client, issuer, birth_type):
    citizen, _created = services.citizen_register(cuts="ACTIVA0001")
    code = services.citizen_activation_code_issue(citizen=citizen)
    earlier = issue(issuer, birth_type, cuts="ACTIVA0001")

    response = client.post(ACTIVATE, {"cuts": "activa-0001", "code": code.lower()})
    assert response.status_code == 302
    response = client.post(
        ACTIVATE,
        {"password1": PASSWORD, "password2": PASSWORD, "pin1": PIN, "pin2": PIN},
    )
    assert response.status_code == 302
    page = client.get(ACTIVATE)
    assert page.status_code == 200
    html = page.content.decode()
    assert "otpauth://totp/" in html
    assert 'src="data:image/svg+xml' in html
    secret = re.search(r'class="secret" id="clave-totp">([A-Z2-7 ]+)<', html)[1].replace(" ", "")

    wrong = client.post(ACTIVATE, {"code": "000000"})
    assert wrong.status_code == 400
    response = client.post(ACTIVATE, {"code": totp.totp(totp.decode_secret(secret))})
    assert response.status_code == 302
    assert response["Location"] == "/carpeta/documentos/"

    citizen.refresh_from_db()
    assert citizen.activated_at is not None
    assert citizen.activation_code_hash == ""
    assert check_password(PIN, citizen.pin_hash)
    assert citizen.user.check_password(PASSWORD)
    assert user_has_role(citizen.user, Role.CITIZEN)
    assert auth.totp_secret(citizen) == secret
    assert secret.encode() not in bytes(citizen.totp_secret_encrypted)
    listing = client.get("/carpeta/documentos/")
    assert listing.status_code == 200
    assert earlier.document_type.name in listing.content.decode()


def test_activation_refuses_a_wrong_code_and_an_active_folder(client):
    citizen, _created = services.citizen_register(cuts="ACTIVA0002")
    services.citizen_activation_code_issue(citizen=citizen)
    response = client.post(ACTIVATE, {"cuts": "ACTIVA0002", "code": "AAAA-BBBB-CCCC"})
    assert response.status_code == 400
    assert "no son correctos" in response.content.decode()
    active = active_citizen("ACTIVA0003").citizen
    response = client.post(ACTIVATE, {"cuts": active.cuts, "code": "AAAA-BBBB-CCCC"})
    assert response.status_code == 400


def test_activation_asks_for_a_strong_password_and_a_pin_hard_to_guess(client):
    citizen, _created = services.citizen_register(cuts="ACTIVA0004")
    code = services.citizen_activation_code_issue(citizen=citizen)
    client.post(ACTIVATE, {"cuts": "ACTIVA0004", "code": code})
    response = client.post(
        ACTIVATE, {"password1": "123456", "password2": "123456", "pin1": "111111", "pin2": "111111"}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "fácil de adivinar" in html
    assert "contraseña" in html.lower()


def test_a_reissued_code_cancels_an_activation_in_progress(client):
    citizen, _created = services.citizen_register(cuts="ACTIVA0005")
    code = services.citizen_activation_code_issue(citizen=citizen)
    client.post(ACTIVATE, {"cuts": "ACTIVA0005", "code": code})
    services.citizen_activation_code_issue(citizen=citizen)
    response = client.get(ACTIVATE)
    assert 'name="cuts"' in response.content.decode()  # back to the first step


# CUTS + password + TOTP ------------------------------------------------------------------------


def test_login_with_cuts_password_and_code_opens_the_folder(client):
    active = active_citizen("ENTRA00001")
    response = client.post(
        LOGIN + "?next=/carpeta/accesos/",
        {
            "cuts": "entra 00001",
            "password": PASSWORD,
            "code": active.code(),
            "next": "/carpeta/accesos/",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == "/carpeta/accesos/"
    assert client.session[auth.SESSION_CITIZEN] == active.citizen.public_id
    assert int(client.session["_auth_user_id"]) == active.citizen.user.pk
    assert AccessEvent.objects.filter(
        action=AccessEvent.Action.LOGIN, holder_index=active.citizen.cuts_index
    ).exists()


def test_login_never_redirects_off_site(client):
    active = active_citizen("ENTRA00002")
    response = client.post(
        LOGIN,
        {
            "cuts": "ENTRA00002",
            "password": PASSWORD,
            "code": active.code(),
            "next": "https://evil.example/",
        },
    )
    assert response["Location"] == "/carpeta/documentos/"


@pytest.mark.parametrize("what", ["password", "code", "cuts"])
def test_a_wrong_credential_is_refused_with_the_same_message(client, what):
    active = active_citizen("ENTRA00003")
    data = {"cuts": "ENTRA00003", "password": PASSWORD, "code": active.code()}
    data[what] = {"password": "otra cosa", "code": "123456", "cuts": "NOEXISTE01"}[what]
    if what == "code" and data["code"] == active.code():
        data["code"] = "654321"
    response = client.post(LOGIN, data)
    assert response.status_code == 400
    assert "La CUTS, la contraseña o el código de verificación no son correctos." in (
        response.content.decode()
    )
    assert auth.SESSION_CITIZEN not in client.session


def test_a_totp_code_cannot_be_used_twice(client):
    active = active_citizen("ENTRA00004")
    code = active.code()
    data = {"cuts": "ENTRA00004", "password": PASSWORD, "code": code}
    assert client.post(LOGIN, data).status_code == 302
    other = Client()
    response = other.post(LOGIN, data)
    assert response.status_code == 400
    assert auth.SESSION_CITIZEN not in other.session


def test_totp_use_records_the_step_and_refuses_older_ones():
    active = active_citizen("ENTRA00005")
    key = totp.decode_secret(active.secret)
    now = 1_900_000_000
    assert auth.totp_use(active.citizen, totp.totp(key, now - 30)) is False  # outside the window
    with time_machine.travel(now, tick=False):
        assert auth.totp_use(active.citizen, totp.totp(key, now - 30)) is True
        assert auth.totp_use(active.citizen, totp.totp(key, now - 30)) is False
        assert auth.totp_use(active.citizen, totp.totp(key, now)) is True
        assert auth.totp_use(active.citizen, totp.totp(key, now)) is False
    active.citizen.refresh_from_db()
    assert active.citizen.totp_last_step == now // 30


def test_the_general_login_page_does_not_open_the_folder(client):
    """A password alone (Django's own login) gives the account, not the documents."""
    active = active_citizen("ENTRA00006")
    client.force_login(active.citizen.user)
    response = client.get("/carpeta/documentos/")
    assert response.status_code == 302
    assert response["Location"].startswith("/carpeta/entrar/?next=")


# Lockout ---------------------------------------------------------------------------------------


def test_repeated_failures_from_one_network_wait_even_with_the_right_credentials(client, settings):
    active = active_citizen("BLOQUEO001")
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        response = client.post(LOGIN, {"cuts": "BLOQUEO001", "password": "mal", "code": "123456"})
    assert response.status_code == 429
    assert "bloqueada temporalmente" in response.content.decode()
    assert "Espere 30 segundos" in response.content.decode()
    right = {"cuts": "BLOQUEO001", "password": PASSWORD, "code": active.code()}
    response = Client(REMOTE_ADDR="127.0.0.99").post(LOGIN, right)  # the same /24
    assert response.status_code == 429
    stored = AccessFailureLog.objects.values_list("username", flat=True)
    assert all(name.startswith("carpeta:") and "BLOQUEO" not in name for name in stored)


def test_a_strangers_failures_from_another_network_do_not_stop_the_owner(settings):
    """Whoever read a CUTS on someone's birth certificate cannot lock its owner out."""
    active = active_citizen("BLOQUEO006")
    stranger = Client(REMOTE_ADDR="203.0.113.9")
    for _attempt in range(3 * settings.AXES_FAILURE_LIMIT):
        response = stranger.post(LOGIN, {"cuts": "BLOQUEO006", "password": "mal", "code": "123456"})
    assert response.status_code == 429  # the stranger waits
    right = {"cuts": "BLOQUEO006", "password": PASSWORD, "code": active.code()}
    response = Client(REMOTE_ADDR="10.9.8.7").post(LOGIN, right)
    assert response.status_code == 302  # the owner, at home, goes in
    # ...and the stranger's failures still slow the stranger down.
    assert stranger.post(LOGIN, right).status_code == 429


def test_each_further_failure_from_one_network_doubles_the_wait(client, settings):
    active = active_citizen("BLOQUEO007")
    wrong = {"cuts": "BLOQUEO007", "password": "mal", "code": "123456"}
    start = timezone.now()
    delay = settings.FOLDER_LOGIN_DELAY_SECONDS
    with time_machine.travel(start, tick=False):
        for _attempt in range(settings.AXES_FAILURE_LIMIT):
            client.post(LOGIN, wrong)
    after_first_wait = start + datetime.timedelta(seconds=delay + 1)
    with time_machine.travel(after_first_wait, tick=False):
        response = client.post(LOGIN, wrong)  # let through, checked, wrong again
    assert response.status_code == 429
    assert f"Espere {2 * delay} segundos" in response.content.decode()
    with time_machine.travel(after_first_wait + datetime.timedelta(seconds=delay), tick=False):
        right = {"cuts": "BLOQUEO007", "password": PASSWORD, "code": active.code()}
        assert client.post(LOGIN, right).status_code == 429  # still waiting
    with time_machine.travel(after_first_wait + datetime.timedelta(seconds=2 * delay + 1)):
        right = {"cuts": "BLOQUEO007", "password": PASSWORD, "code": active.code()}
        assert client.post(LOGIN, right).status_code == 302


def test_the_lock_ends_after_the_cool_off(client, settings):
    active = active_citizen("BLOQUEO002")
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        client.post(LOGIN, {"cuts": "BLOQUEO002", "password": "mal", "code": "123456"})
    later = timezone.now() + get_cool_off() + datetime.timedelta(minutes=1)
    with time_machine.travel(later, tick=False):
        response = client.post(
            LOGIN, {"cuts": "BLOQUEO002", "password": PASSWORD, "code": active.code()}
        )
    assert response.status_code == 302


def test_one_address_trying_many_cuts_is_locked(client, settings):
    limit = settings.AXES_FAILURE_LIMIT * auth.IP_FAILURE_FACTOR
    for n in range(limit):
        client.post(LOGIN, {"cuts": f"PRUEBA{n:04d}", "password": "mal", "code": "123456"})
    response = client.post(LOGIN, {"cuts": "OTRACUTS01", "password": "mal", "code": "123456"})
    assert response.status_code == 429
    # Somebody else, elsewhere, is not affected.
    active = active_citizen("BLOQUEO003")
    response = Client(REMOTE_ADDR="10.1.2.3").post(
        LOGIN, {"cuts": "BLOQUEO003", "password": PASSWORD, "code": active.code()}
    )
    assert response.status_code == 302


def test_success_clears_the_failures_of_the_cuts(client):
    active = active_citizen("BLOQUEO004")
    client.post(LOGIN, {"cuts": "BLOQUEO004", "password": "mal", "code": "123456"})
    assert AccessFailureLog.objects.count() == 1
    client.post(LOGIN, {"cuts": "BLOQUEO004", "password": PASSWORD, "code": active.code()})
    assert AccessFailureLog.objects.count() == 0


def test_activation_codes_are_locked_too(client, settings):
    citizen, _created = services.citizen_register(cuts="BLOQUEO005")
    code = services.citizen_activation_code_issue(citizen=citizen)
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        client.post(ACTIVATE, {"cuts": "BLOQUEO005", "code": "AAAA-BBBB-CCCC"})
    response = client.post(ACTIVATE, {"cuts": "BLOQUEO005", "code": code})
    assert response.status_code == 429


# Carnet + PIN ----------------------------------------------------------------------------------


def test_login_with_the_carnet_qr_text_and_pin(client):
    active = active_citizen("CARNET0001")
    _carnet, token = services.carnet_issue(actor=None, citizen=active.citizen)
    content = selectors.carnet_qr_content(token)
    response = client.post(CARNET, {"qr_text": content, "pin": PIN})
    assert response.status_code == 302
    assert client.session[auth.SESSION_CITIZEN] == active.citizen.public_id
    assert client.get("/carpeta/documentos/").status_code == 200


def test_login_with_a_photo_of_the_carnet_qr(client):
    active = active_citizen("CARNET0002")
    _carnet, token = services.carnet_issue(actor=None, citizen=active.citizen)
    photo = SimpleUploadedFile(
        "carnet.png", _png(selectors.carnet_qr_content(token)), content_type="image/png"
    )
    response = client.post(CARNET, {"image": photo, "pin": PIN})
    assert response.status_code == 302


def test_a_wrong_pin_is_refused_and_counted(client):
    active = active_citizen("CARNET0003")
    _carnet, token = services.carnet_issue(actor=None, citizen=active.citizen)
    response = client.post(CARNET, {"qr_text": token, "pin": "999999"})
    assert response.status_code == 400
    assert "El PIN no es correcto." in response.content.decode()
    assert AccessFailureLog.objects.filter(username="carpeta:" + active.citizen.cuts_index).exists()


def test_the_pin_is_locked_after_repeated_failures(client, settings):
    active = active_citizen("CARNET0004")
    _carnet, token = services.carnet_issue(actor=None, citizen=active.citizen)
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        client.post(CARNET, {"qr_text": token, "pin": "999999"})
    response = client.post(CARNET, {"qr_text": token, "pin": PIN})
    assert response.status_code == 429


@pytest.mark.parametrize("status", ["replaced", "revoked"])
def test_a_replaced_or_revoked_carnet_no_longer_opens_the_folder(client, status):
    active = active_citizen("CARNET0005")
    carnet, token = services.carnet_issue(actor=None, citizen=active.citizen)
    if status == "replaced":
        services.carnet_issue(actor=None, citizen=active.citizen)
        expected = "fue reemplazado"
    else:
        services.carnet_revoke(actor=None, carnet=carnet)
        expected = "fue cancelado"
    response = client.post(CARNET, {"qr_text": token, "pin": PIN})
    assert response.status_code == 400
    assert expected in response.content.decode()
    assert auth.SESSION_CITIZEN not in client.session


def test_revoking_the_carnet_ends_the_sessions_it_opened(client):
    active = active_citizen("CARNET0006")
    carnet, token = services.carnet_issue(actor=None, citizen=active.citizen)
    assert client.post(CARNET, {"qr_text": token, "pin": PIN}).status_code == 302
    assert client.get("/carpeta/documentos/").status_code == 200
    services.carnet_revoke(actor=None, carnet=carnet)
    assert client.get("/carpeta/documentos/").status_code == 302


def test_an_unknown_carnet_code_is_refused(client):
    response = client.post(CARNET, {"qr_text": "https://example.org/algo", "pin": PIN})
    assert response.status_code == 400
    assert "no es el de un carnet" in response.content.decode()


def test_the_carnet_page_needs_a_qr(client):
    response = client.post(CARNET, {"pin": PIN})
    assert response.status_code == 400
    assert "Suba una foto" in response.content.decode()


def test_the_qr_page_of_the_carnet_serves_the_same_form(client):
    response = client.get("/carpeta/carnet/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'enctype="multipart/form-data"' in html
    assert "js/qr-scan.js" in html
    assert "<script>" not in html  # no inline script: CSP script-src 'self'


# Uploads ---------------------------------------------------------------------------------------


def test_an_upload_over_5_mb_is_refused():
    big = SimpleUploadedFile("foto.jpg", b"\xff" * (5 * 1024 * 1024 + 1), content_type="image/jpeg")
    with pytest.raises(QrImageError, match="5 MB"):
        decode_qr_image(big)


def test_a_file_that_is_not_an_image_is_refused(client):
    fake = SimpleUploadedFile("carnet.png", b"%PDF-1.7 no soy una imagen", content_type="image/png")
    response = client.post(CARNET, {"image": fake, "pin": PIN})
    assert response.status_code == 400
    assert "no es una imagen que podamos abrir" in response.content.decode()


def test_an_image_without_a_qr_is_refused_clearly():
    buffer = io.BytesIO()
    Image.new("RGB", (400, 300), "white").save(buffer, format="JPEG")
    photo = SimpleUploadedFile("blanco.jpg", buffer.getvalue(), content_type="image/jpeg")
    with pytest.raises(QrImageError, match="No encontramos un código QR"):
        decode_qr_image(photo)


def test_a_large_photo_is_scaled_down_and_still_read():
    qr = Image.open(io.BytesIO(_png("CJABCDEFGHJK.secreto-de-prueba-123456"))).convert("RGB")
    photo = Image.new("RGB", (4000, 3000), "white")
    photo.paste(qr.resize((1200, 1200)), (1400, 900))
    buffer = io.BytesIO()
    photo.save(buffer, format="JPEG", quality=85)
    upload = SimpleUploadedFile("foto.jpg", buffer.getvalue(), content_type="image/jpeg")
    assert decode_qr_image(upload) == "CJABCDEFGHJK.secreto-de-prueba-123456"


def test_a_decompression_bomb_is_refused():
    buffer = io.BytesIO()
    Image.new("1", (12000, 12000)).save(buffer, format="PNG")
    upload = SimpleUploadedFile("bomba.png", buffer.getvalue(), content_type="image/png")
    with pytest.raises(QrImageError, match="demasiados píxeles"):
        decode_qr_image(upload)


# CSRF ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", [LOGIN, CARNET, ACTIVATE])
def test_login_forms_need_the_csrf_token(path):
    client = Client(enforce_csrf_checks=True)
    response = client.post(path, {"cuts": "X", "password": "y", "code": "123456", "pin": PIN})
    assert response.status_code == 403


def test_a_folder_session_is_needed_for_every_citizen_page(client, citizen):
    active = active_citizen("SESION0001")
    client.force_login(citizen)  # Role.CITIZEN, but no folder login
    assert client.get("/carpeta/documentos/").status_code == 302
    folder_login(client, active.citizen)
    assert client.get("/carpeta/documentos/").status_code == 200
    assert Citizen.objects.filter(user=active.citizen.user).count() == 1
    assert reverse("folder:login") == LOGIN


def test_after_a_wrong_pin_the_scanned_code_is_kept(client):
    active = active_citizen("CARNET0007")
    _carnet, token = services.carnet_issue(actor=None, citizen=active.citizen)
    html = client.post(CARNET, {"qr_text": token, "pin": "999999"}).content.decode()
    assert f'value="{token}"' in html
    assert "Carnet leído" in html
    html = client.post(CARNET, {"qr_text": "CJNOEXISTE00.xxxxxxxxxxxxxxxxxxxx", "pin": PIN}).content
    assert b"CJNOEXISTE00" not in html
