"""The agencies' procedure API: own requests only, only requested fields, errors in Spanish."""

from __future__ import annotations

import pytest

from abierto.folder import selectors, services
from abierto.folder.models import AccessEvent, ProcedureRequest

from .factories import issue
from .procedure_helpers import REQUESTED, licence_procedure

BASE = "/api/v1/issuer/procedure-requests"


def call(client, method, path, token, body=None):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    if method == "get":
        return client.get(path, **headers)
    return client.post(path, body or {}, content_type="application/json", **headers)


@pytest.fixture
def consented(issuer, birth_type, mother):
    issue(issuer, birth_type, cuts="MADRE00001", cuts_padre="PADRE00001")
    procedure = licence_procedure(issuer, birth_type)
    draft = services.procedure_start(citizen=mother, procedure=procedure)
    return services.procedure_consent(citizen=mother, procedure_request=draft)


@pytest.mark.django_db
def test_the_agency_lists_fetches_checks_and_resolves(client, consented, issuer_token, mother):
    listed = call(client, "get", BASE, issuer_token)
    assert listed.status_code == 200
    [item] = listed.json()["items"]
    assert item["id"] == consented.public_id
    assert item["requirements"][0]["fields"] == REQUESTED

    evidence = call(client, "get", f"{BASE}/{consented.public_id}/evidence", issuer_token)
    assert evidence.status_code == 200
    body = evidence.json()
    assert body["request"]["status"] == "received"
    [document] = body["evidence"]
    assert document["fields"] == {"nombre": "María Hernández López", "mayor_de_18": True}
    assert "1988-03-14" not in evidence.content.decode()
    assert "PADRE00001" not in evidence.content.decode()
    verified = client.post(
        "/api/v1/verifier/sd-jwt",
        {"presentation": document["presentation"]},
        content_type="application/json",
    ).json()
    assert verified["valid"] is True
    assert set(verified["claims"]) == set(REQUESTED)

    early = call(
        client,
        "post",
        f"{BASE}/{consented.public_id}/resolve",
        issuer_token,
        {"reference": "L-1", "fields": {"nombre": "María", "numero_licencia": "A-1"}},
    )
    assert early.status_code == 409
    assert "no admite este paso" in early.json()["detail"]

    assert (
        call(client, "post", f"{BASE}/{consented.public_id}/check", issuer_token).status_code == 200
    )
    bad = call(
        client, "post", f"{BASE}/{consented.public_id}/resolve", issuer_token,
        {"reference": "L-1", "fields": {"nombre": "María"}},
    )  # fmt: skip
    assert bad.status_code == 422
    assert bad.json()["errors"]
    resolved = call(
        client, "post", f"{BASE}/{consented.public_id}/resolve", issuer_token,
        {"reference": "L-1", "fields": {"nombre": "María", "numero_licencia": "A-1"}},
    )  # fmt: skip
    assert resolved.status_code == 201
    new_id = resolved.json()["document"]["id"]
    assert resolved.json()["request"]["result"] == new_id
    assert selectors.documents_for_citizen(mother).filter(public_id=new_id).exists()
    assert call(client, "get", BASE, issuer_token).json()["items"] == []


@pytest.mark.django_db
def test_another_agency_gets_404_and_nothing_is_logged(client, consented, other_issuer, mother):
    token = services.issuer_token_create(actor=None, issuer=other_issuer)
    assert call(client, "get", BASE, token).json()["items"] == []
    for method, suffix in (("get", "/evidence"), ("get", ""), ("post", "/check")):
        response = call(client, method, f"{BASE}/{consented.public_id}{suffix}", token)
        assert response.status_code == 404
        assert response.json()["detail"] == "Solicitud no encontrada."
    rejected = call(client, "post", f"{BASE}/{consented.public_id}/reject", token, {"reason": "No"})
    assert rejected.status_code == 404
    consented.refresh_from_db()
    assert consented.status == ProcedureRequest.Status.CONSENTED
    receive = AccessEvent.Action.PROCEDURE_RECEIVE
    assert not selectors.access_events_for(mother).filter(action=receive).exists()


@pytest.mark.django_db
def test_a_draft_is_invisible_to_the_agency(client, issuer, birth_type, mother, issuer_token):
    issue(issuer, birth_type, cuts="MADRE00001")
    draft = services.procedure_start(
        citizen=mother, procedure=licence_procedure(issuer, birth_type)
    )
    assert call(client, "get", BASE, issuer_token).json()["items"] == []
    response = call(client, "get", f"{BASE}/{draft.public_id}/evidence", issuer_token)
    assert response.status_code == 404


@pytest.mark.django_db
def test_errors_are_json_in_spanish(client, consented, issuer_token):
    assert call(client, "get", f"{BASE}?status=draft", issuer_token).status_code == 422
    empty = call(
        client, "post", f"{BASE}/{consented.public_id}/reject", issuer_token, {"reason": ""}
    )
    assert empty.status_code == 422
    no_token = client.get(BASE)
    assert no_token.status_code == 401
    assert "token" in no_token.json()["detail"]
    check_early = call(client, "post", f"{BASE}/{consented.public_id}/check", issuer_token)
    assert check_early.status_code == 409


@pytest.mark.django_db
def test_the_procedure_api_is_in_the_openapi_schema(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert f"{BASE}/{{request_id}}/evidence" in paths
    assert "post" in paths[f"{BASE}/{{request_id}}/resolve"]
