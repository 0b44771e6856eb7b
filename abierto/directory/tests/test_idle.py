"""ASVS 3.3.2: a staff session ends after STAFF_IDLE_MINUTES without a request."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from abierto.directory.tests.logins import login_verified

pytestmark = pytest.mark.django_db

ACCOUNT = "/cuenta/"
REVIEW = "/gestion/solicitudes/?estado=pending"


@pytest.fixture
def start():
    return timezone.now()


def _at(start, minutes: float):
    return time_machine.travel(start + datetime.timedelta(minutes=minutes), tick=False)


@pytest.mark.parametrize("who", ["facilitator", "member", "agency_clerk"])
def test_an_idle_staff_session_ends_on_the_server(client, request, start, settings, who):
    settings.STAFF_IDLE_MINUTES = 30
    user = request.getfixturevalue(who)
    with _at(start, 0):
        login_verified(client, user)
        assert client.get(ACCOUNT).status_code == 200
    with _at(start, 31):
        response = client.get(ACCOUNT)
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session
    with _at(start, 32):
        assert client.get(ACCOUNT).status_code == 302  # still out: it was not only this request


def test_the_login_page_says_why_and_keeps_the_page_asked_for(client, facilitator, start):
    with _at(start, 0):
        login_verified(client, facilitator)
    with _at(start, 45):
        response = client.get(REVIEW)
        assert response.status_code == 302
        assert (
            response["Location"]
            == reverse("login") + "?next=/gestion/solicitudes/%3Festado%3Dpending"
        )
        page = client.get(response["Location"])
    assert page.status_code == 200
    assert "Su sesión se cerró por inactividad" in page.content.decode()
    assert 'name="next" value="/gestion/solicitudes/?estado=pending"' in page.content.decode()


def test_activity_keeps_a_staff_session_open(client, facilitator, start, settings):
    settings.STAFF_IDLE_MINUTES = 30
    with _at(start, 0):
        login_verified(client, facilitator)
    # A request every 20 minutes for two hours: never idle for 30.
    for step in range(1, 7):
        with _at(start, 20 * step):
            assert client.get(ACCOUNT).status_code == 200


def test_the_clock_starts_at_the_login_itself(client, member, start):
    with _at(start, 0):
        login_verified(client, member)  # no request after it
    with _at(start, 31):
        assert client.get(ACCOUNT).status_code == 302


def test_the_limit_is_read_from_settings(client, member, start, settings):
    settings.STAFF_IDLE_MINUTES = 5
    with _at(start, 0):
        login_verified(client, member)
    with _at(start, 4):
        assert client.get(ACCOUNT).status_code == 200
    with _at(start, 10):
        assert client.get(ACCOUNT).status_code == 302


def test_a_form_sent_after_the_time_out_goes_back_to_its_page(client, facilitator, start):
    with _at(start, 0):
        login_verified(client, facilitator)
    with _at(start, 31):
        response = client.post(
            "/gestion/solicitudes/algo/",
            {"decision": "approve"},
            HTTP_REFERER="http://testserver/gestion/solicitudes/algo/",
        )
    assert response.status_code == 302
    assert response["Location"] == reverse("login") + "?next=/gestion/solicitudes/algo/"
    assert "_auth_user_id" not in client.session


def test_an_htmx_request_after_the_time_out_redirects_the_whole_page(client, member, start):
    with _at(start, 0):
        login_verified(client, member)
    with _at(start, 31):
        response = client.get(
            ACCOUNT,
            HTTP_HX_REQUEST="true",
            HTTP_HX_CURRENT_URL="http://testserver/cuenta/",
        )
    assert response["HX-Redirect"] == reverse("login") + "?next=/cuenta/"
    assert "_auth_user_id" not in client.session


def test_an_offsite_referer_is_not_kept_as_next(client, member, start):
    with _at(start, 0):
        login_verified(client, member)
    with _at(start, 31):
        response = client.post(ACCOUNT, HTTP_REFERER="https://evil.example/cuenta/")
    assert response["Location"] == reverse("login")


@pytest.mark.parametrize("who", ["citizen", "outsider"])
def test_accounts_without_a_staff_role_are_left_to_their_own_limits(client, request, start, who):
    # Citizens' folder sessions have their own idle limit (folder.auth); every session ends
    # after SESSION_COOKIE_AGE.
    with _at(start, 0):
        login_verified(client, request.getfixturevalue(who))
    with _at(start, 120):
        assert client.get(ACCOUNT).status_code == 200
