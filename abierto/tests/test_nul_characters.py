"""NUL characters never reach the database (PostgreSQL refuses them in any text): the URL's
path and query and the API's JSON bodies are refused with a 400, in Spanish."""

import pytest


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/activities?kind=%00",
        "/api/v1/agreements?q=a%00b",
        "/api/v1/sessions/%00",
        "/api/v1/activities?%00=1",
    ],
)
def test_the_api_refuses_nul_in_the_url(client, path):
    response = client.get(path)
    assert response.status_code == 400
    assert "caracteres nulos" in response.json()["detail"]


@pytest.mark.django_db
def test_a_page_refuses_nul_in_the_query_with_the_400_page(client):
    response = client.get("/buscar/?q=acta%00")
    assert response.status_code == 400
    assert "No pudimos procesar la solicitud" in response.text


@pytest.mark.django_db
def test_the_api_refuses_nul_in_a_json_body(client):
    response = client.post(
        "/api/v1/issuer/documents",
        data='{"type": "acta\\u0000", "cuts": "X", "fields": {}}',
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "caracteres nulos" in response.json()["detail"]


@pytest.mark.django_db
def test_ordinary_requests_pass(client):
    assert client.get("/api/v1/activities?kind=caravana").status_code in (200, 422)
    assert client.get("/buscar/?q=acta").status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded", ""])
def test_the_api_refuses_nul_in_a_json_body_whatever_its_content_type(client, content_type):
    # django-ninja parses the body as JSON whatever the content type says.
    response = client.post(
        "/api/v1/issuer/documents",
        data='{"type": "acta\\u0000", "cuts": "X", "fields": {}}',
        content_type=content_type,
    )
    assert response.status_code == 400
    assert "caracteres nulos" in response.json()["detail"]


@pytest.mark.django_db
def test_the_api_refuses_a_raw_nul_byte_in_any_body(client):
    response = client.post(
        "/api/v1/issuer/documents",
        data=b'{"type": "acta\x00", "cuts": "X", "fields": {}}',
        content_type="application/octet-stream",
    )
    assert response.status_code == 400
    assert "caracteres nulos" in response.json()["detail"]


@pytest.mark.django_db
def test_an_escaped_backslash_before_u0000_is_not_a_nul(client):
    response = client.post(
        "/api/v1/issuer/documents",
        data='{"type": "C:\\\\u0000", "cuts": "X", "fields": {}}',
        content_type="application/json",
    )
    assert response.status_code != 400
