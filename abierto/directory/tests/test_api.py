import pytest


@pytest.mark.django_db
def test_municipalities_are_listed_paginated(client):
    response = client.get("/api/v1/municipalities", {"limit": 10, "offset": 100})
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 125
    assert [item["code"] for item in body["items"]] == [f"15{n:03d}" for n in range(101, 111)]


@pytest.mark.django_db
def test_municipalities_are_searched_by_name_without_case(client):
    body = client.get("/api/v1/municipalities", {"search": "TLALNEPANTLA"}).json()
    assert body["items"] == [
        {"code": "15104", "municipality_key": "104", "name": "Tlalnepantla de Baz"}
    ]


@pytest.mark.django_db
def test_one_municipality_by_code_or_404(client):
    assert client.get("/api/v1/municipalities/15106").json()["name"] == "Toluca"
    assert client.get("/api/v1/municipalities/99999").status_code == 404


@pytest.mark.django_db
def test_a_bad_limit_is_a_422_not_a_500(client):
    assert client.get("/api/v1/municipalities", {"limit": "muchos"}).status_code == 422
    assert client.get("/api/v1/municipalities", {"limit": -1}).status_code == 422


@pytest.mark.django_db
def test_the_openapi_schema_documents_the_endpoint(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert schema["openapi"].startswith("3.")
    operation = schema["paths"]["/api/v1/municipalities"]["get"]
    assert operation["summary"] == "Municipios del Estado de México"
    assert "limit" in {p["name"] for p in operation["parameters"]}


@pytest.mark.django_db
def test_the_interactive_docs_use_self_hosted_assets(client):
    page = client.get("/api/v1/docs").text
    assert "swagger-ui-bundle.js" in page
    assert "cdn." not in page
    assert "unpkg" not in page
