"""Security review (ASVS V2, V3, V11): password bounds, budgets on public forms, cookies."""

from __future__ import annotations

import json

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.password_validation import validate_password
from django.core import mail
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.urls import reverse

from abierto.directory.models import MembershipApplication
from abierto.directory.passwords import PASSWORD_MAX_LENGTH
from abierto.directory.ratelimit import client_ip, parse_rate
from abierto.folder.forms import ActivationSecretsForm, CutsLoginForm

from .test_settings import run

APPLICATION = {
    "full_name": "Jorge Ramírez",
    "email": "jorge@example.org",
    "motivation": "Participo en un colectivo vecinal de Ecatepec desde 2015.",
    "privacy_accepted": "on",
    "municipality": "",
}


@pytest.fixture
def empty_cache():
    cache.clear()
    yield
    cache.clear()


# Passwords: 64 characters allowed, more than 128 refused (ASVS 2.1.2) --------------------------


def test_new_passwords_have_at_least_12_characters():
    with pytest.raises(ValidationError, match="12 caracteres"):
        validate_password("gato-azul-9")  # 11
    validate_password("gato-azul-9!")  # 12


def test_new_passwords_may_be_long_but_not_unbounded():
    validate_password("una frase de paso larga " * 5)  # 120 characters, spaces included
    with pytest.raises(ValidationError, match="demasiado larga"):
        validate_password("x" * (PASSWORD_MAX_LENGTH + 1) + "9Qz")


@pytest.mark.django_db
def test_the_login_form_refuses_a_megabyte_password_without_hashing_it(client, member):
    response = client.post(reverse("login"), {"username": "bruno", "password": "x" * 1_000_000})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert 'autocomplete="current-password"' in response.text
    assert f'maxlength="{PASSWORD_MAX_LENGTH}"' in response.text


def test_the_folder_password_fields_are_bounded():
    too_long = "y" * (PASSWORD_MAX_LENGTH + 1)
    login = CutsLoginForm({"cuts": "ABC0000001", "password": too_long, "code": "123456"})
    assert not login.is_valid()
    assert "password" in login.errors
    activation = ActivationSecretsForm(
        {"password1": too_long, "password2": too_long, "pin1": "482915", "pin2": "482915"}
    )
    assert not activation.is_valid()
    assert "password1" in activation.errors


# Password reset: a budget per address and per e-mail, no oracle (ASVS 2.5, 11.1.4) -----------


@pytest.mark.django_db
def test_password_resets_past_the_budget_answer_the_same_but_send_nothing(
    client, member, settings, empty_cache
):
    settings.RATE_PASSWORD_RESET_EMAIL = "2/h"
    url = reverse("password_reset")
    for _ in range(4):
        response = client.post(url, {"email": member.email})
        assert response.status_code == 302
        assert response["Location"] == reverse("password_reset_done")
    assert len(mail.outbox) == 2
    # An unknown address gets the same answer, and nothing is sent either.
    response = client.post(url, {"email": "nadie@example.org"})
    assert response["Location"] == reverse("password_reset_done")
    assert len(mail.outbox) == 2


@pytest.mark.django_db
def test_one_address_cannot_send_resets_to_many_accounts(client, member, settings, empty_cache):
    settings.RATE_PASSWORD_RESET_IP = "3/h"
    url = reverse("password_reset")
    for n in range(3):
        client.post(url, {"email": f"otra{n}@example.org"})
    client.post(url, {"email": member.email})
    assert mail.outbox == []
    # Another address still has its budget.
    client.post(url, {"email": member.email}, REMOTE_ADDR="10.0.0.9")
    assert len(mail.outbox) == 1


# Registration: a budget per address (ASVS 11.1.4) ----------------------------------------------


@pytest.mark.django_db
def test_registrations_from_one_address_are_limited(client, settings, empty_cache):
    settings.RATE_APPLICATION_IP = "2/h"
    url = reverse("directory:application_create")
    for n in range(2):
        response = client.post(url, {**APPLICATION, "email": f"persona{n}@example.org"})
        assert response.status_code == 302
    response = client.post(url, {**APPLICATION, "email": "persona9@example.org"})
    assert response.status_code == 429
    assert "demasiadas solicitudes" in response.text
    assert MembershipApplication.objects.count() == 2
    response = client.post(
        url, {**APPLICATION, "email": "persona9@example.org"}, REMOTE_ADDR="10.0.0.3"
    )
    assert response.status_code == 302


def test_rates_are_read_as_count_per_period():
    assert parse_rate("3/h") == (3, 3600)
    assert parse_rate("10/m") == (10, 60)
    assert parse_rate("100/day") == (100, 86400)
    with pytest.raises(ValueError, match="count"):
        parse_rate("muchos")


# Cookies (ASVS 3.4) ------------------------------------------------------------------------------


COOKIES_PROBE = (
    "import json, django; from django.conf import settings; django.setup(); "
    "print(json.dumps([settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME, "
    "settings.SESSION_COOKIE_SECURE, settings.SESSION_COOKIE_HTTPONLY, "
    "settings.SESSION_COOKIE_DOMAIN, settings.CSRF_COOKIE_DOMAIN]))"
)


def test_production_cookies_carry_the_host_prefix_and_development_ones_do_not():
    result = run(COOKIES_PROBE, SECRET_KEY="p" * 60, ALLOWED_HOSTS="stl.example.org")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [
        "__Host-sessionid",
        "__Host-csrftoken",
        True,
        True,
        None,
        None,
    ]
    result = run(COOKIES_PROBE, DEBUG="1")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)[:2] == ["sessionid", "csrftoken"]


@pytest.mark.django_db
def test_the_session_cookie_is_http_only_and_same_site(client, member):
    client.post(
        reverse("login"), {"username": "bruno", "password": "correct horse battery staple 2022"}
    )
    from django.conf import settings

    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"
    assert cookie["secure"] is True


# Client addresses behind the proxy (ASVS 2.2.1: the lockout must count each client) ----------


def test_behind_a_proxy_the_client_is_the_address_the_proxy_forwarded(rf, settings):
    settings.NINJA_NUM_PROXIES = 1
    spoofed = rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7")
    assert client_ip(spoofed) == "203.0.113.7"  # what a client writes itself is ignored
    assert client_ip(rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="nada")) == (
        "10.0.0.1"
    )
    assert client_ip(rf.get("/", REMOTE_ADDR="10.0.0.1")) == "10.0.0.1"
    settings.NINJA_NUM_PROXIES = 0
    assert client_ip(spoofed) == "10.0.0.1"  # no proxy trusted: the header counts for nothing


@pytest.mark.django_db
def test_the_login_lockout_counts_each_client_behind_the_proxy(client, member, settings):
    settings.NINJA_NUM_PROXIES = 1
    url = reverse("login")
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            url,
            {"username": "bruno", "password": "equivocada"},
            HTTP_X_FORWARDED_FOR="203.0.113.7",
            **proxy,
        )
    assert AccessAttempt.objects.get().ip_address == "203.0.113.7"
    # The person behind another address of the same proxy still logs in.
    response = client.post(
        url,
        {"username": "bruno", "password": "correct horse battery staple 2022"},
        HTTP_X_FORWARDED_FOR="198.51.100.4",
        **proxy,
    )
    assert response.status_code == 302


@pytest.mark.django_db
def test_logging_out_ends_the_session_on_the_server(client, member):
    from django.conf import settings
    from django.contrib.sessions.models import Session

    client.post(
        reverse("login"), {"username": "bruno", "password": "correct horse battery staple 2022"}
    )
    key = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert Session.objects.filter(session_key=key).exists()
    assert client.get(reverse("logout")).status_code == 405  # GET never logs out
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert not Session.objects.filter(session_key=key).exists()
    assert client.get(reverse("directory:account")).status_code == 302


@pytest.mark.django_db
def test_a_wrong_password_is_refused_in_plain_spanish(client, facilitator):
    page = client.post(reverse("login"), {"username": "alicia", "password": "no-es-esta-123"}).text
    assert "El usuario o la contraseña no son correctos." in page
    assert "Por favor introduzca" not in page


def test_the_password_length_rule_reads_as_advice():
    from django.contrib.auth.password_validation import password_validators_help_texts

    texts = password_validators_help_texts()
    assert "Su contraseña debe tener al menos 12 caracteres." in texts
    assert not any("muy corta" in text for text in texts)


@pytest.mark.django_db
def test_one_network_trying_many_accounts_is_locked_out(client, member, settings):
    """Password spraying: a few tries at each of many accounts from one network."""
    settings.AXES_NETWORK_FAILURE_LIMIT = 6
    url = reverse("login")
    for n in range(6):
        client.post(
            url,
            {"username": f"cuenta{n}", "password": "Primavera2024!"},
            REMOTE_ADDR=f"203.0.113.{10 + n}",
        )
    # username+address never reached its limit, yet the network is refused, right password too
    assert AccessAttempt.objects.filter(failures_since_start__gte=2).count() == 0
    refused = client.post(
        url,
        {"username": "bruno", "password": "correct horse battery staple 2022"},
        REMOTE_ADDR="203.0.113.200",
    )
    assert refused.status_code == 429
    assert "desde su red" in refused.text
    assert "_auth_user_id" not in client.session
    # Another network is not affected.
    response = client.post(
        url,
        {"username": "bruno", "password": "correct horse battery staple 2022"},
        REMOTE_ADDR="198.51.100.4",
    )
    assert response.status_code == 302


def test_a_network_is_a_slash_24_or_a_slash_64():
    from abierto.directory.lockout import network_of

    assert network_of("203.0.113.77") == "203.0.113.0/24"
    assert network_of("2001:db8:1:2:3:4:5:6") == "2001:db8:1:2::/64"
    assert network_of("::ffff:203.0.113.77") == "203.0.113.0/24"
    assert network_of("no es una dirección") is None
