"""The issuers' API: per-agency bearer tokens, idempotent issuance, batches, revocation."""

import pytest

from abierto.folder import selectors
from abierto.folder.models import Document

from .factories import DocumentTypeFactory, issue

FIELDS = {"nombre": "Sofía Ramírez Hernández", "fecha_nacimiento": "2019-05-21"}


def post(client, path, body, token=None):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
    return client.post(f"/api/v1{path}", body, content_type="application/json", **headers)


def one(birth_type, reference="R-1", **extra):
    return {
        "document_type": birth_type.slug,
        "cuts": "HIJA000001",
        "reference": reference,
        "fields": FIELDS,
        **extra,
    }


@pytest.mark.django_db
def test_missing_or_wrong_tokens_are_401_in_spanish(client, issuer, birth_type, issuer_token):
    missing = post(client, "/issuer/documents", one(birth_type))
    assert missing.status_code == 401
    assert "token" in missing.json()["detail"]
    wrong = post(client, "/issuer/documents", one(birth_type), token=issuer_token + "x")
    assert wrong.status_code == 401
    assert "no es válido" in wrong.json()["detail"]
    other_slug = post(client, "/issuer/documents", one(birth_type), token="otro." + "x" * 43)
    assert other_slug.status_code == 401
    issuer.active = False
    issuer.save()
    assert post(client, "/issuer/documents", one(birth_type), token=issuer_token).status_code == 401
    assert Document.objects.count() == 0


@pytest.mark.django_db
def test_an_agency_issues_then_a_retry_returns_the_same_document(client, birth_type, issuer_token):
    created = post(client, "/issuer/documents", one(birth_type), token=issuer_token)
    assert created.status_code == 201
    body = created.json()
    document = Document.objects.get(public_id=body["id"])
    assert body["created"] is True
    assert body["verify_url"] == selectors.verification_url(document)
    assert body["token"] == selectors.document_token(document)
    retry = post(client, "/issuer/documents", one(birth_type), token=issuer_token)
    assert retry.status_code == 200
    assert (retry.json()["id"], retry.json()["created"]) == (body["id"], False)
    conflict = post(
        client,
        "/issuer/documents",
        one(birth_type, fields={**FIELDS, "nombre": "Otra"}),
        token=issuer_token,
    )
    assert conflict.status_code == 409
    assert "R-1" in conflict.json()["detail"]


@pytest.mark.django_db
def test_another_agencys_type_is_403(client, other_issuer, issuer_token):
    foreign = DocumentTypeFactory(issuers=[other_issuer])
    response = post(client, "/issuer/documents", one(foreign), token=issuer_token)
    assert response.status_code == 403
    assert "no está autorizado" in response.json()["detail"]
    unknown = post(
        client, "/issuer/documents", {**one(foreign), "document_type": "nada"}, token=issuer_token
    )
    assert unknown.status_code == 404


@pytest.mark.django_db
def test_schema_errors_are_422_with_each_error(client, birth_type, issuer_token):
    response = post(
        client,
        "/issuer/documents",
        one(birth_type, fields={"fecha_nacimiento": 5, "otro": 1}),
        token=issuer_token,
    )
    assert response.status_code == 422
    body = response.json()
    assert body["detail"].startswith("Los datos no cumplen")
    messages = " ".join(error["message"] for error in body["errors"])
    assert "nombre" in messages
    assert "otro" in messages
    assert {"path": "/fecha_nacimiento", "message": "«5» no es de tipo texto.", "item": None} in (
        body["errors"]
    )


@pytest.mark.django_db
def test_a_batch_is_all_or_nothing(client, birth_type, issuer_token):
    items = [one(birth_type, reference=f"L-{n}", cuts=f"HIJO00000{n}") for n in range(3)]
    bad = [*items, one(birth_type, reference="L-9", fields={"nombre": ""})]
    refused = post(
        client,
        "/issuer/documents/batch",
        {"document_type": birth_type.slug, "items": bad},
        token=issuer_token,
    )
    assert refused.status_code == 422
    assert {error["item"] for error in refused.json()["errors"]} == {3}
    assert Document.objects.count() == 0
    accepted = post(
        client,
        "/issuer/documents/batch",
        {"document_type": birth_type.slug, "items": items},
        token=issuer_token,
    )
    assert accepted.status_code == 200
    assert [item["created"] for item in accepted.json()["items"]] == [True, True, True]
    assert Document.objects.count() == 3


@pytest.mark.django_db
def test_an_agency_revokes_its_own_documents_only(
    client, issuer, other_issuer, birth_type, issuer_token
):
    own = issue(issuer, birth_type)
    foreign_type = DocumentTypeFactory(issuers=[other_issuer])
    foreign = issue(other_issuer, foreign_type)
    reason = {"reason": "Expedida por error."}
    response = post(client, f"/issuer/documents/{own.public_id}/revoke", reason, issuer_token)
    assert response.status_code == 200
    assert response.json()["status"] == "revoked"
    again = post(client, f"/issuer/documents/{own.public_id}/revoke", reason, issuer_token)
    assert again.status_code == 409
    other = post(client, f"/issuer/documents/{foreign.public_id}/revoke", reason, issuer_token)
    assert other.status_code == 404
    foreign.refresh_from_db()
    assert foreign.status == "valid"


@pytest.mark.django_db
def test_the_api_is_documented_with_its_bearer_scheme(client):
    schema = client.get("/api/v1/openapi.json").json()
    operation = schema["paths"]["/api/v1/issuer/documents"]["post"]
    assert operation["tags"] == ["Emisión de documentos"]
    assert {"201", "401", "403", "409", "422"} <= set(operation["responses"])
    assert any(
        scheme.get("scheme") == "bearer"
        for scheme in schema["components"]["securitySchemes"].values()
    )
