"""The citizen's procedure pages: catalogue, preview of exactly what goes, consent (with a
recent proof of identity), withdrawal; another citizen's request is a 404."""

from __future__ import annotations

import time

import pytest

from abierto.folder import auth, services
from abierto.folder.models import ProcedureRequest

from .citizen_helpers import active_citizen, folder_login
from .factories import issue
from .procedure_helpers import licence_procedure

Status = ProcedureRequest.Status


@pytest.fixture
def setup(db, issuer, birth_type):
    holder = active_citizen("MADRE00001")
    issue(issuer, birth_type, cuts="MADRE00001", cuts_padre="PADRE00001")
    return holder.citizen, licence_procedure(issuer, birth_type)


@pytest.mark.django_db
def test_start_preview_and_consent(client, setup):
    citizen, procedure = setup
    folder_login(client, citizen)
    catalogue = client.get("/carpeta/tramites/")
    assert catalogue.status_code == 200
    assert procedure.name in catalogue.content.decode()
    started = client.post(f"/carpeta/tramites/{procedure.code}/iniciar/")
    draft = ProcedureRequest.objects.get()
    assert started.url == f"/carpeta/tramites/solicitudes/{draft.public_id}/"
    preview = client.get(started.url).content.decode()
    assert "María Hernández López" in preview  # the requested name
    assert "Mayor de 18 años" in preview
    assert "1988-03-14" not in preview
    assert "14 de marzo" not in preview
    assert "PADRE00001" not in preview
    assert "Identidad y edad" in preview  # why
    unchecked = client.post(f"{started.url}consentir/")
    assert unchecked.status_code == 302
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT
    client.post(f"{started.url}consentir/", {"acepto": "si"})
    draft.refresh_from_db()
    assert draft.status == Status.CONSENTED
    client.post(f"{started.url}retirar/")
    draft.refresh_from_db()
    assert draft.status == Status.WITHDRAWN


@pytest.mark.django_db
def test_consent_waits_for_a_recent_proof_of_identity(client, setup, settings):
    citizen, procedure = setup
    folder_login(client, citizen)
    draft = services.procedure_start(citizen=citizen, procedure=procedure)
    session = client.session
    session[auth.SESSION_PROVED] = time.time() - (settings.FOLDER_REAUTH_MINUTES + 1) * 60
    session.save()
    response = client.post(
        f"/carpeta/tramites/solicitudes/{draft.public_id}/consentir/", {"acepto": "si"}
    )
    assert response.status_code == 302
    assert response.url.startswith("/carpeta/confirmar/")
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT


@pytest.mark.django_db
def test_a_missing_document_is_a_message_not_an_error(client, issuer, birth_type):
    other = active_citizen("OTRA000001")
    procedure = licence_procedure(issuer, birth_type)
    folder_login(client, other.citizen)
    response = client.post(f"/carpeta/tramites/{procedure.code}/iniciar/", follow=True)
    assert response.status_code == 200
    assert "le falta en su carpeta" in response.content.decode()
    assert ProcedureRequest.objects.count() == 0
    assert client.post("/carpeta/tramites/NO-EXISTE/iniciar/").status_code == 404


@pytest.mark.django_db
def test_another_citizens_request_is_404(client, setup):
    citizen, procedure = setup
    draft = services.procedure_start(citizen=citizen, procedure=procedure)
    outsider = active_citizen("OTRA000001")
    folder_login(client, outsider.citizen)
    base = f"/carpeta/tramites/solicitudes/{draft.public_id}/"
    assert client.get(base).status_code == 404
    assert client.post(f"{base}consentir/", {"acepto": "si"}).status_code == 404
    assert client.post(f"{base}retirar/").status_code == 404
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT


@pytest.mark.django_db
def test_the_pages_need_a_folder_session(client):
    response = client.get("/carpeta/tramites/")
    assert response.status_code == 302
    assert "/carpeta/entrar/" in response.url


@pytest.mark.django_db
def test_the_pages_and_the_log_read_in_english(client, setup):
    citizen, procedure = setup
    folder_login(client, citizen)
    catalogue = client.get("/carpeta/tramites/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Procedures with my documents" in catalogue
    assert "Start procedure" in catalogue
    draft = services.procedure_start(citizen=citizen, procedure=procedure)
    preview = client.get(
        f"/carpeta/tramites/solicitudes/{draft.public_id}/", HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    assert "What will be sent" in preview
    assert "Draft: your consent is missing" in preview
    log = client.get("/carpeta/accesos/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Start of a procedure" in log
