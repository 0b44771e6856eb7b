"""The issuers' API never echoes a long value back in its errors."""

import pytest

from abierto.folder.models import Document
from abierto.lib.echo import ECHO_MAX_CHARS


@pytest.mark.django_db
def test_a_long_field_is_not_echoed_back_in_a_422(client, birth_type, issuer_token):
    huge = "Z" * 500_000  # three times: a 1.5 MB body, under the 2 MB limit
    response = client.post(
        "/api/v1/issuer/documents",
        data={
            "document_type": birth_type.slug,
            "cuts": "X",
            "reference": "R-1",
            "fields": {huge: huge, "nombre": huge},
        },
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {issuer_token}",
    )
    assert response.status_code == 422
    assert response["Content-Type"].startswith("application/json")
    assert len(response.content) < 2000
    assert "Z" * (ECHO_MAX_CHARS + 1) not in response.text
    assert "ZZZZ" in response.text  # the start of the value, so the client sees which one


@pytest.mark.django_db
def test_an_unknown_field_is_a_422_and_issues_nothing(client, birth_type, issuer_token):
    response = client.post(
        "/api/v1/issuer/documents",
        data={
            "document_type": birth_type.slug,
            "cuts": "DEMO000001",
            "reference": "R-1",
            "fields": {"nombre": "Ana"},
            "expires": "2030-01-01",
        },
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {issuer_token}",
    )
    assert response.status_code == 422
    body = response.json()
    assert body["detail"] == "Los parámetros no son válidos."
    assert body["errors"][0]["path"] == "body.payload.expires"
    assert Document.objects.count() == 0
