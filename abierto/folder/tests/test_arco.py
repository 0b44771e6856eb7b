"""ARCO: the citizen downloads all their data and files requests that the issuer's staff resolve."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from django.test import Client

from abierto.directory.models import AuditEvent
from abierto.directory.tests.factories import PersonFactory
from abierto.directory.tests.logins import login_verified
from abierto.folder.models import AccessEvent, ArcoRequest
from abierto.lib import jws

from .citizen_helpers import active_citizen, folder_login
from .factories import issue

pytestmark = pytest.mark.django_db


@pytest.fixture
def holder(client, issuer, birth_type):
    active = active_citizen("ARCO000001")
    folder_login(client, active.citizen)
    own = issue(issuer, birth_type, cuts="ARCO000001")
    child = issue(issuer, birth_type, cuts="ARCOHIJO01", cuts_padre="ARCO000001")
    return client, active.citizen, own, child


@pytest.fixture
def clerk(agency_clerk, issuer):
    PersonFactory(user=agency_clerk, institution=issuer.institution)
    return agency_clerk


def test_the_export_holds_every_record_and_every_document(holder):
    client, citizen, own, child = holder
    client.get(f"/carpeta/documentos/{own.public_id}/")
    response = client.post("/carpeta/mis-datos/descargar/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    names = set(archive.namelist())
    data = json.loads(archive.read("data.json"))
    assert data["folder"]["cuts"] == "ARCO000001"
    assert data["folder"]["id"] == citizen.public_id
    assert {d["id"] for d in data["documents"]} == {own.public_id, child.public_id}
    child_entry = next(d for d in data["documents"] if d["id"] == child.public_id)
    assert child_entry["relation"] == ["padre"]
    assert child_entry["fields"]["cuts_padre"] == "ARCO000001"
    for document in (own, child):
        pdf = f"documentos/{document.document_type.slug}-{document.public_id}.pdf"
        signed = f"documentos/{document.document_type.slug}-{document.public_id}.jws"
        assert {pdf, signed} <= names
        assert archive.read(pdf).startswith(b"%PDF-")
        assert jws.decode_header(archive.read(signed).decode())["alg"] == "EdDSA"
    actions = [event["action"] for event in data["access_log"]["events"]]
    assert "view" in actions
    assert data["access_log"]["intact"] is True
    assert "LEAME.txt" in names
    dumped = archive.read("data.json").decode()
    assert "pin_hash" not in dumped
    assert "totp" not in dumped
    assert AccessEvent.objects.filter(
        action=AccessEvent.Action.EXPORT, holder_index=citizen.cuts_index
    ).exists()


def test_the_export_needs_post_and_csrf(holder):
    client, citizen, _own, _child = holder
    assert client.get("/carpeta/mis-datos/descargar/").status_code == 405
    strict = folder_login(Client(enforce_csrf_checks=True), citizen)
    assert strict.post("/carpeta/mis-datos/descargar/").status_code == 403


def test_a_citizen_files_a_request_and_sees_the_issuers_answer(holder, clerk):
    client, citizen, own, _child = holder
    response = client.post(
        "/carpeta/mis-datos/",
        {
            "document": own.public_id,
            "kind": "rectification",
            "text": "Mi segundo apellido es López.",
        },
    )
    assert response.status_code == 302
    request = ArcoRequest.objects.get()
    assert request.citizen == citizen
    assert request.document == own
    assert request.status == ArcoRequest.Status.PENDING
    assert "En trámite" in client.get("/carpeta/mis-datos/").content.decode()

    staff = Client()
    login_verified(staff, clerk)
    listing = staff.get("/carpeta/solicitudes/")
    assert listing.status_code == 200
    assert request.public_id in listing.content.decode()
    detail = staff.get(f"/carpeta/solicitudes/{request.public_id}/")
    assert "Mi segundo apellido es López." in detail.content.decode()
    assert own.agency_reference in detail.content.decode()
    response = staff.post(
        f"/carpeta/solicitudes/{request.public_id}/",
        {"status": "resolved", "response": "Se emitió el acta corregida."},
    )
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == ArcoRequest.Status.RESOLVED
    assert request.resolved_by == clerk
    assert AuditEvent.objects.filter(action="folder.arco.resolved").exists()

    html = client.get("/carpeta/mis-datos/").content.decode()
    assert "Atendida" in html
    assert "Se emitió el acta corregida." in html


def test_a_rejection_needs_a_reason(holder, clerk):
    client, _citizen, own, _child = holder
    client.post(
        "/carpeta/mis-datos/",
        {"document": own.public_id, "kind": "cancellation", "text": "Ya no lo necesito."},
    )
    request = ArcoRequest.objects.get()
    staff = Client()
    login_verified(staff, clerk)
    response = staff.post(
        f"/carpeta/solicitudes/{request.public_id}/", {"status": "rejected", "response": ""}
    )
    assert response.status_code == 400
    request.refresh_from_db()
    assert request.status == ArcoRequest.Status.PENDING


def test_a_request_about_anothers_document_is_refused(holder, issuer, birth_type):
    client, _citizen, _own, _child = holder
    theirs = issue(issuer, birth_type, cuts="AJENO00001")
    response = client.post(
        "/carpeta/mis-datos/",
        {"document": theirs.public_id, "kind": "cancellation", "text": "Quiero cancelarlo."},
    )
    assert response.status_code == 400
    assert not ArcoRequest.objects.exists()


def test_a_second_pending_request_of_the_same_kind_is_refused(holder):
    client, _citizen, own, _child = holder
    data = {"document": own.public_id, "kind": "rectification", "text": "Corrijan mi nombre."}
    assert client.post("/carpeta/mis-datos/", data).status_code == 302
    response = client.post("/carpeta/mis-datos/", data)
    assert response.status_code == 400
    assert "Ya tiene una solicitud" in response.content.decode()


def test_staff_of_another_institution_cannot_see_nor_resolve(holder, agency_clerk, other_issuer):
    client, _citizen, own, _child = holder
    PersonFactory(user=agency_clerk, institution=other_issuer.institution)
    client.post(
        "/carpeta/mis-datos/",
        {"document": own.public_id, "kind": "rectification", "text": "Un dato está mal."},
    )
    request = ArcoRequest.objects.get()
    staff = Client()
    login_verified(staff, agency_clerk)
    assert request.public_id not in staff.get("/carpeta/solicitudes/?estado=todas").content.decode()
    assert staff.get(f"/carpeta/solicitudes/{request.public_id}/").status_code == 404
    response = staff.post(
        f"/carpeta/solicitudes/{request.public_id}/", {"status": "resolved", "response": "Listo."}
    )
    assert response.status_code == 404
    request.refresh_from_db()
    assert request.status == ArcoRequest.Status.PENDING


def test_only_agency_staff_reach_the_request_list(client, citizen, member):
    for user in (citizen, member):
        client.force_login(user)
        assert client.get("/carpeta/solicitudes/").status_code == 403


def test_filing_and_resolving_need_csrf(holder, clerk):
    _client, citizen, own, _child = holder
    strict = folder_login(Client(enforce_csrf_checks=True), citizen)
    response = strict.post(
        "/carpeta/mis-datos/",
        {"document": own.public_id, "kind": "rectification", "text": "Un dato está mal."},
    )
    assert response.status_code == 403
    assert not ArcoRequest.objects.exists()
    staff = Client(enforce_csrf_checks=True)
    login_verified(staff, clerk)
    assert staff.post("/carpeta/solicitudes/abc/", {"status": "resolved"}).status_code == 403


def test_the_privacy_notice_has_the_folder_section(client):
    html = client.get("/aviso-de-privacidad/").content.decode()
    assert 'id="carpeta-ciudadana"' in html
    assert "Sus derechos ARCO en la Carpeta" in html
