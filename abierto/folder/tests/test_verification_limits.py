"""Anti-automation (ASVS 11.1.4): public verification has a budget per network.

A QR scan is a full request with a signature check and a log write; a flood from one network
(IPv4 /24, IPv6 /64) is refused with a 429 before any of it, other networks go on.
"""

from __future__ import annotations

import time
import types

import pytest

from abierto.directory import ratelimit
from abierto.folder import selectors, services
from abierto.folder.models import AccessEvent

from .factories import issue

pytestmark = pytest.mark.django_db


@pytest.fixture
def token(issuer, birth_type, settings, monkeypatch):
    settings.RATE_FOLDER_VERIFY_NETWORK = "3/m"
    # The budget's clock held in the middle of one minute: on a slow machine a test's four
    # requests straddled a minute's end, and the fourth began a new window (a flaky 200).
    now = time.time()
    monkeypatch.setattr(ratelimit, "time", types.SimpleNamespace(time=lambda: now - now % 60 + 30))
    return selectors.document_token(issue(issuer, birth_type))


def _verify(client, token, address, **headers):
    return client.get(f"/v/{token}", REMOTE_ADDR=address, **headers)


def test_many_verifications_from_one_network_get_a_429_page_in_spanish(client, token):
    for host in (5, 6, 7):  # three addresses of one /24
        assert _verify(client, token, f"203.0.113.{host}").status_code == 200
    response = _verify(client, token, "203.0.113.200")
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 60
    assert response["Content-Type"].startswith("text/html")
    assert response["Cache-Control"] == "no-store"
    assert "Demasiadas verificaciones desde su red" in response.content.decode()


def test_a_verifier_asking_for_json_gets_a_json_429(client, token):
    for _ in range(3):
        _verify(client, token, "203.0.113.5", HTTP_ACCEPT="application/json")
    response = _verify(client, token, "203.0.113.9", HTTP_ACCEPT="application/json")
    assert response.status_code == 429
    assert response["Retry-After"].isdigit()
    assert "Demasiadas verificaciones" in response.json()["detail"]


def test_another_network_is_unaffected(client, token):
    for _ in range(4):
        _verify(client, token, "203.0.113.5")
    assert _verify(client, token, "203.0.113.6").status_code == 429
    assert _verify(client, token, "198.51.100.4").status_code == 200
    assert _verify(client, token, "203.0.114.5").status_code == 200  # the next /24


def test_ipv6_clients_are_counted_by_their_64(client, token):
    for _ in range(3):
        assert _verify(client, token, "2001:db8:0:1::1").status_code == 200
    assert _verify(client, token, "2001:db8:0:1:ffff::2").status_code == 429
    assert _verify(client, token, "2001:db8:0:2::1").status_code == 200


def test_behind_the_proxy_the_forwarded_client_is_what_counts(client, token, settings):
    settings.NINJA_NUM_PROXIES = 1
    proxy = "10.0.0.1"
    for _ in range(3):
        _verify(client, token, proxy, HTTP_X_FORWARDED_FOR="203.0.113.5")
    assert _verify(client, token, proxy, HTTP_X_FORWARDED_FOR="203.0.113.8").status_code == 429
    # Another client of the same proxy is another network, and what a client writes to the
    # left of the proxy's entry changes nothing.
    assert _verify(client, token, proxy, HTTP_X_FORWARDED_FOR="198.51.100.4").status_code == 200
    spoofed = _verify(client, token, proxy, HTTP_X_FORWARDED_FOR="198.51.100.9, 203.0.113.5")
    assert spoofed.status_code == 429


def test_a_refused_verification_is_not_logged(client, token):
    for _ in range(3):
        _verify(client, token, "203.0.113.5")
    services.verification_spool_drain()  # spooled at the answer, chained in batches
    logged = AccessEvent.objects.filter(action=AccessEvent.Action.VERIFY).count()
    assert _verify(client, token, "203.0.114.5").status_code == 200  # another network: logged
    services.verification_spool_drain()
    assert AccessEvent.objects.filter(action=AccessEvent.Action.VERIFY).count() == logged + 1
    assert _verify(client, token, "203.0.113.5").status_code == 429
    services.verification_spool_drain()
    assert AccessEvent.objects.filter(action=AccessEvent.Action.VERIFY).count() == logged + 1


def test_the_budget_is_read_from_settings(client, token, settings):
    settings.RATE_FOLDER_VERIFY_NETWORK = "5/m"
    for _ in range(5):
        assert _verify(client, token, "203.0.113.5").status_code == 200
    assert _verify(client, token, "203.0.113.5").status_code == 429
