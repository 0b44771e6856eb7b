"""Security review (ASVS 14.4): every kind of response carries the browser hardening headers."""

from __future__ import annotations

import pytest
from django.test import Client

HTML_AND_JSON = [
    "/",
    "/cuenta/entrar/",
    "/carpeta/entrar/",
    "/no-existe/",
    "/api/v1/openapi.json",
    "/api/v1/municipalities",
    "/.well-known/jwks.json",
    "/calendario.ics",
    "/metrics",
]


@pytest.mark.django_db
@pytest.mark.parametrize("path", HTML_AND_JSON)
def test_pages_files_and_the_api_carry_csp_nosniff_and_frame_denial(client, path):
    response = client.get(path)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp
    assert "unsafe-eval" not in csp


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/healthz", "/readyz"])
def test_health_answers_carry_the_headers_too(path):
    # Answered before SecurityMiddleware (so that a balancer probing an IP over HTTP gets
    # an answer): they used to go out without any of these headers.
    response = Client(HTTP_HOST="10.0.0.7").get(path)
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Content-Security-Policy"] == "default-src 'none'; frame-ancestors 'none'"
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_the_login_pages_are_never_cached(client):
    for path in ["/cuenta/entrar/", "/carpeta/entrar/", "/carpeta/entrar/carnet/"]:
        assert "no-store" in client.get(path)["Cache-Control"]
