"""Every error of the API is JSON with a Spanish «detail»; its docs page is an accessible page."""

import pytest

from abierto.directory import selectors


@pytest.mark.django_db
def test_a_missing_record_answers_a_json_404_in_spanish(client):
    response = client.get("/api/v1/municipalities/99999")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert response.json() == {"detail": "Recurso no encontrado."}


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/api/v1/nope", "/api/v1/nope/deeper/", "/api/v1/"])
def test_unknown_api_paths_answer_a_json_404(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert response.json() == {"detail": "Recurso no encontrado."}


@pytest.mark.django_db
def test_the_schema_the_docs_and_the_routes_still_answer(client):
    schema = client.get("/api/v1/openapi.json")
    assert schema.status_code == 200
    assert schema.json()["info"]["title"] == "API de abierto"
    assert client.get("/api/v1/municipalities").status_code == 200
    assert client.get("/api/v1/sessions/nope").json() == {"detail": "Sesión no encontrada."}


@pytest.mark.django_db
def test_the_docs_page_has_a_language_a_main_landmark_and_a_heading(client):
    page = client.get("/api/v1/docs").text
    assert '<html lang="es-mx">' in page
    assert page.count("<main") == 1
    assert "</main>" in page
    assert "<h1>API de datos</h1>" in page
    assert "<title>API de datos · STL Edomex</title>" in page
    assert "swagger-ui-bundle.js" in page


@pytest.mark.django_db
def test_the_docs_page_carries_the_site_header_and_speaks_the_pages_language(client):
    spanish = client.get("/api/v1/docs").text
    assert '<header class="site-header">' in spanish
    assert 'class="lang-switch"' in spanish
    english = client.get("/api/v1/docs", HTTP_ACCEPT_LANGUAGE="en").text
    assert '<html lang="en">' in english
    assert "<h1>API de datos</h1>" not in english
    assert "OpenAPI 3.1 description (JSON)" in english
    # The API's descriptions stay Spanish (the data contract), and say so.
    assert '<div id="swagger-ui" lang="es-MX">' in english


@pytest.mark.django_db
def test_a_body_over_the_limit_is_a_json_413(client, settings):
    body = '{"x": "' + "a" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1024) + '"}'
    response = client.post("/api/v1/issuer/documents", data=body, content_type="application/json")
    assert response.status_code == 413
    assert response["Content-Type"].startswith("application/json")
    assert "MB" in response.json()["detail"]


@pytest.mark.django_db
def test_a_page_body_over_the_limit_is_still_refused(client, settings):
    body = "a" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1024)
    response = client.post("/buscar/", data=body, content_type="text/plain")
    assert response.status_code in (400, 413)
    assert response["Content-Type"].startswith("text/html")


@pytest.mark.django_db
def test_a_server_error_in_the_api_is_json(client, monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("secreto interno")

    monkeypatch.setattr(selectors, "municipality_list", broken)
    client.raise_request_exception = False
    response = client.get("/api/v1/municipalities")
    assert response.status_code == 500
    assert response["Content-Type"].startswith("application/json")
    detail = response.json()["detail"]
    assert "error interno" in detail.lower()
    assert "secreto" not in response.text


@pytest.mark.django_db
def test_a_server_error_before_the_api_is_json_too(client, monkeypatch):
    from abierto import middleware

    def broken(request):
        raise RuntimeError("secreto interno")

    monkeypatch.setattr(middleware.NulCharacterMiddleware, "_carries_nul", staticmethod(broken))
    client.raise_request_exception = False
    response = client.get("/api/v1/municipalities")
    assert response.status_code == 500
    assert response["Content-Type"].startswith("application/json")
    page = client.get("/buscar/?q=acta")
    assert page.status_code == 500
    assert page["Content-Type"].startswith("text/html")
