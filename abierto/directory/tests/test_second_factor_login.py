"""The two-step staff login, its lockout, the guard on staff sessions and the admin's login."""

from __future__ import annotations

import time

import pytest
from axes.models import AccessAttempt
from django.urls import reverse

from abierto.directory.factor_login import SESSION_STATE, VERIFIED
from abierto.directory.models import AuditEvent, StaffSecondFactor
from abierto.directory.tests.logins import code_for, enrol, login_verified, wrong_code

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple 2022"
CODE_URL = "/cuenta/entrar/codigo/"
ENROL_URL = "/cuenta/entrar/activar-codigo/"


def _password(client, username="alicia", **extra):
    return client.post(reverse("login"), {"username": username, "password": PASSWORD}, **extra)


def test_a_staff_password_alone_does_not_log_in(client, facilitator):
    enrol(facilitator)
    response = _password(client)
    assert response.status_code == 302
    assert response["Location"] == CODE_URL
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("directory:application_list")).status_code == 302


def test_the_code_after_the_password_logs_in_and_keeps_next(client, facilitator):
    secret = enrol(facilitator)
    client.post(
        reverse("login") + "?next=/gestion/solicitudes/",
        {"username": "alicia", "password": PASSWORD, "next": "/gestion/solicitudes/"},
    )
    page = client.get(CODE_URL)
    assert page.status_code == 200
    assert 'autocomplete="one-time-code"' in page.text
    assert 'inputmode="numeric"' in page.text
    assert '<label for="id_code">' in page.text
    response = client.post(CODE_URL, {"code": code_for(secret)})
    assert response.status_code == 302
    assert response["Location"] == "/gestion/solicitudes/"
    assert int(client.session["_auth_user_id"]) == facilitator.pk
    assert client.session[SESSION_STATE] == VERIFIED
    assert client.get("/gestion/solicitudes/").status_code == 200
    assert AuditEvent.objects.filter(action="account.second_factor.verified").exists()


def test_a_wrong_or_reused_code_is_refused_in_spanish(client, facilitator):
    secret = enrol(facilitator)
    _password(client)
    refused = client.post(CODE_URL, {"code": wrong_code(secret)})
    assert refused.status_code == 400
    assert "El código no es correcto o ya se usó." in refused.text
    assert "_auth_user_id" not in client.session
    letters = client.post(CODE_URL, {"code": "12a456"})
    assert letters.status_code == 400
    assert "Escriba los 6 dígitos del código." in letters.text
    # A code used to enrol (the previous step in enrol()) cannot be used again.
    used = code_for(secret, time.time() - 30)
    assert client.post(CODE_URL, {"code": used}).status_code == 400
    assert AuditEvent.objects.filter(action="account.second_factor.failed").count() == 2


def test_a_recovery_code_logs_in_once(client, facilitator):
    from abierto.directory import second_factor

    factor = second_factor.second_factor_enrol_start(actor=facilitator, user=facilitator)
    codes = second_factor.second_factor_enrol_confirm(
        actor=facilitator, user=facilitator, code=code_for(second_factor.factor_secret(factor))
    )
    _password(client)
    page = client.get(CODE_URL + "?con=recuperacion")
    assert 'name="recovery_code"' in page.text
    response = client.post(CODE_URL + "?con=recuperacion", {"recovery_code": codes[0]})
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == facilitator.pk
    assert "Le quedan 9" in client.get(response["Location"]).text
    client.post(reverse("logout"))
    _password(client)
    again = client.post(CODE_URL + "?con=recuperacion", {"recovery_code": codes[0]})
    assert again.status_code == 400
    assert "_auth_user_id" not in client.session


def test_wrong_codes_count_toward_the_password_lockout(client, facilitator, settings):
    secret = enrol(facilitator)
    assert settings.AXES_FAILURE_LIMIT == 3
    client.post(reverse("login"), {"username": "alicia", "password": "equivocada"})
    _password(client)
    assert client.post(CODE_URL, {"code": wrong_code(secret)}).status_code == 400
    locked = client.post(CODE_URL, {"code": wrong_code(secret)})
    assert locked.status_code == 429
    assert "bloqueado temporalmente" in locked.text
    assert AccessAttempt.objects.get(username="alicia").failures_since_start == 3
    # Neither the right code (the pending login is gone) nor the password gets in now.
    assert client.post(CODE_URL, {"code": code_for(secret)}).status_code == 302
    assert "_auth_user_id" not in client.session
    assert _password(client).status_code == 429


def test_wrong_codes_count_toward_the_network_lockout(client, facilitator, settings):
    secret = enrol(facilitator)
    settings.AXES_NETWORK_FAILURE_LIMIT = 2
    settings.AXES_FAILURE_LIMIT = 50
    _password(client, REMOTE_ADDR="203.0.113.5")
    client.post(CODE_URL, {"code": wrong_code(secret)}, REMOTE_ADDR="203.0.113.5")
    locked = client.post(CODE_URL, {"code": wrong_code(secret)}, REMOTE_ADDR="203.0.113.6")
    assert locked.status_code == 429
    assert _password(client, REMOTE_ADDR="203.0.113.7").status_code == 429


def test_a_staff_account_without_a_factor_enrols_before_anything_else(client, agency_clerk):
    response = _password(client, "carmen")
    assert response["Location"] == ENROL_URL
    assert client.get(CODE_URL)["Location"] == ENROL_URL
    page = client.get(ENROL_URL)
    assert page.status_code == 200
    assert "data:image/svg+xml" in page.text
    assert "otpauth://totp/abierto%20Edomex%3Acarmen?secret=" in page.text
    factor = StaffSecondFactor.objects.get(user=agency_clerk)
    from abierto.directory.second_factor import factor_secret

    secret = factor_secret(factor)
    assert " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)) in page.text
    assert "_auth_user_id" not in client.session
    assert client.post(ENROL_URL, {"code": wrong_code(secret)}).status_code == 400
    done = client.post(ENROL_URL, {"code": code_for(secret)})
    assert done.status_code == 200
    assert done.text.count("<li><code>") == 10
    assert int(client.session["_auth_user_id"]) == agency_clerk.pk
    assert client.session[SESSION_STATE] == VERIFIED
    factor.refresh_from_db()
    assert factor.confirmed_at is not None


def test_the_second_step_waits_five_minutes_at_most(client, facilitator, monkeypatch):
    secret = enrol(facilitator)
    _password(client)
    later = time.time() + 6 * 60
    monkeypatch.setattr("abierto.directory.factor_login.time.time", lambda: later)
    response = client.post(CODE_URL, {"code": code_for(secret)})
    assert response.status_code == 302
    assert response["Location"] == reverse("login")
    assert "_auth_user_id" not in client.session


def test_the_code_page_without_a_password_sends_to_the_login(client):
    assert client.get(CODE_URL)["Location"] == reverse("login")
    assert client.get(ENROL_URL)["Location"] == reverse("login")


def test_members_and_citizens_log_in_with_the_password(client, member, citizen):
    assert _password(client, "bruno")["Location"] == reverse("directory:account")
    assert int(client.session["_auth_user_id"]) == member.pk
    assert client.get(reverse("directory:account")).status_code == 200


def test_the_setting_can_turn_the_second_step_off(client, facilitator, settings):
    settings.STAFF_TOTP_REQUIRED = False
    assert _password(client)["Location"] == reverse("directory:account")
    assert client.get(reverse("directory:application_list")).status_code == 200


# The guard on staff sessions ----------------------------------------------------------------


def test_a_staff_session_without_the_second_step_is_logged_out(client, facilitator):
    client.force_login(facilitator)  # as the admin's own form or another login would
    response = client.get(reverse("directory:application_list"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login") + "?next=")
    assert "_auth_user_id" not in client.session
    page = client.get(response["Location"])
    assert "código de su aplicación de autenticación" in page.text


def test_a_staff_session_from_before_the_second_factor_is_logged_out(client, agency_clerk):
    client.force_login(agency_clerk)
    session = client.session
    del session[SESSION_STATE]
    session.save()
    assert client.get(reverse("directory:account")).status_code == 302
    assert "_auth_user_id" not in client.session


def test_an_api_request_of_an_unverified_staff_session_is_anonymous(client, facilitator):
    client.force_login(facilitator)
    client.get("/api/v1/")
    assert "_auth_user_id" not in client.session


def test_citizens_and_members_sessions_are_unaffected(client, citizen, member):
    for user in (citizen, member):
        client.force_login(user)
        assert client.get(reverse("directory:account")).status_code == 200
        assert client.session[SESSION_STATE] == "none"


def test_a_verified_staff_session_goes_on(client, facilitator):
    login_verified(client, facilitator)
    assert client.get(reverse("directory:application_list")).status_code == 200


# The back office ------------------------------------------------------------------------------


def test_the_admin_login_is_the_two_step_login(client, facilitator):
    facilitator.is_staff = True
    facilitator.save()
    response = client.get("/admin/login/?next=/admin/folder/")
    assert response.status_code == 302
    assert response["Location"] == "/cuenta/entrar/?next=/admin/folder/"
    assert client.get("/admin/")["Location"].startswith("/admin/login/")
    # A password posted to the admin's own form logs nobody in.
    client.post("/admin/login/", {"username": "alicia", "password": PASSWORD})
    assert "_auth_user_id" not in client.session
    secret = enrol(facilitator)
    client.post("/cuenta/entrar/", {"username": "alicia", "password": PASSWORD, "next": "/admin/"})
    response = client.post(CODE_URL, {"code": code_for(secret)})
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


# The account's own page -------------------------------------------------------------------------


def test_new_recovery_codes_need_a_current_code(client, facilitator):
    secret = enrol(facilitator)
    login_verified(client, facilitator)
    page = client.get(reverse("directory:second_factor"))
    assert "Códigos de recuperación sin usar" in page.text
    assert (
        client.post(reverse("directory:second_factor"), {"code": wrong_code(secret)}).status_code
        == 400
    )
    done = client.post(reverse("directory:second_factor"), {"code": code_for(secret)})
    assert done.status_code == 200
    assert done.text.count("<li><code>") == 10
    assert AuditEvent.objects.filter(action="account.second_factor.codes_regenerated").exists()
