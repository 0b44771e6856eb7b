"""Procedures (trámites): the state machine, consent, only requested fields leave, the agency
in charge only, and every step in the citizen's access log with its audit row."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from abierto.directory.models import AuditEvent
from abierto.folder import selectors, services
from abierto.folder.models import AccessEvent, Document, Procedure, ProcedureRequest
from abierto.lib import sdjwt

from .factories import issue
from .procedure_helpers import REQUESTED, licence_procedure

Status = ProcedureRequest.Status
Action = AccessEvent.Action


@pytest.fixture
def procedure(issuer, birth_type):
    return licence_procedure(issuer, birth_type)


@pytest.fixture
def birth(issuer, birth_type, mother):
    return issue(issuer, birth_type, cuts="MADRE00001", cuts_padre="PADRE00001", folio=7)


def actions(citizen):
    return [event.action for event in selectors.access_events_for(citizen).order_by("seq")]


@pytest.mark.django_db
def test_a_procedure_asks_only_for_fields_its_document_type_has(issuer, birth_type):
    procedure = licence_procedure(issuer, birth_type)
    procedure.requirements = [
        {"document_type": birth_type.slug, "fields": ["estatura"], "purpose": "x"}
    ]
    with pytest.raises(ValidationError):
        procedure.full_clean()
    procedure.requirements = [{"document_type": birth_type.slug, "fields": ["nombre"]}]
    with pytest.raises(ValidationError, match="para qué"):
        procedure.full_clean()


@pytest.mark.django_db
def test_start_consent_receive_check_resolve_with_each_step_logged(
    procedure, birth, issuer, mother
):
    request = services.procedure_start(citizen=mother, procedure=procedure)
    assert request.status == Status.DRAFT
    assert request.evidence == [
        {
            "document": birth.public_id,
            "document_type": birth.document_type.slug,
            "fields": REQUESTED,
            "purpose": "Identidad y edad",
        }
    ]
    request = services.procedure_consent(citizen=mother, procedure_request=request)
    assert request.status == Status.CONSENTED
    assert request.consented_at is not None

    [evidence] = services.procedure_evidence(issuer=issuer, procedure_request=request)
    request.refresh_from_db()
    assert request.status == Status.RECEIVED
    assert evidence.fields == {"nombre": "María Hernández López", "mayor_de_18": True}

    request = services.procedure_check(issuer=issuer, procedure_request=request)
    request = services.procedure_resolve(
        issuer=issuer,
        procedure_request=request,
        fields={"nombre": "María Hernández López", "numero_licencia": "A-1"},
        reference="LIC-1",
    )
    assert request.status == Status.RESOLVED
    assert request.result in selectors.documents_for_citizen(mother)
    assert request.result.document_type == procedure.produces

    assert actions(mother) == [
        Action.ISSUE,  # the birth certificate
        Action.PROCEDURE_START,
        Action.PROCEDURE_CONSENT,
        Action.PROCEDURE_RECEIVE,
        Action.PROCEDURE_CHECK,
        Action.ISSUE,  # the licence
    ]
    received = selectors.access_events_for(mother).get(action=Action.PROCEDURE_RECEIVE)
    assert received.document == birth
    assert received.agency == issuer.institution
    assert "(API)" in received.actor_label
    audited = AuditEvent.objects.filter(
        target_id=str(request.pk), action__startswith="folder.procedure."
    ).values_list("action", flat=True)
    assert set(audited) == {
        "folder.procedure.start",
        "folder.procedure.consent",
        "folder.procedure.receive",
        "folder.procedure.check",
        "folder.procedure.resolve",
    }


@pytest.mark.django_db
def test_only_the_requested_fields_leave_in_the_evidence(procedure, birth, issuer, mother):
    request = services.procedure_start(citizen=mother, procedure=procedure)
    services.procedure_consent(citizen=mother, procedure_request=request)
    [evidence] = services.procedure_evidence(issuer=issuer, procedure_request=request)
    assert set(evidence.fields) == set(REQUESTED)
    disclosed = sdjwt.split(evidence.presentation)[1]
    names = {sdjwt.decode_disclosure(item)[1] for item in disclosed}
    assert names == set(REQUESTED)
    for secret in ("1988-03-14", "PADRE00001"):
        assert secret not in evidence.presentation
        assert secret not in str(evidence.fields)
    verified = services_verify(evidence.presentation)
    assert verified.valid
    assert set(verified.claims) == set(REQUESTED)


def services_verify(presentation):
    from abierto.folder.credentials import verify_presentation

    return verify_presentation(presentation)


@pytest.mark.django_db
def test_nothing_leaves_without_consent(procedure, birth, issuer, mother):
    request = services.procedure_start(citizen=mother, procedure=procedure)
    with pytest.raises(services.ProcedureStateError):
        services.procedure_evidence(issuer=issuer, procedure_request=request)
    assert not selectors.access_events_for(mother).filter(action=Action.PROCEDURE_RECEIVE).exists()


@pytest.mark.django_db
def test_another_agency_gets_nothing(procedure, birth, other_issuer, mother):
    request = services.procedure_start(citizen=mother, procedure=procedure)
    services.procedure_consent(citizen=mother, procedure_request=request)
    with pytest.raises(services.FolderError, match="otra dependencia"):
        services.procedure_evidence(issuer=other_issuer, procedure_request=request)
    with pytest.raises(services.FolderError):
        services.procedure_reject(issuer=other_issuer, procedure_request=request, reason="no")
    request.refresh_from_db()
    assert request.status == Status.CONSENTED


@pytest.mark.django_db
def test_consent_can_be_withdrawn_until_the_agency_receives(procedure, birth, issuer, mother):
    first = services.procedure_start(citizen=mother, procedure=procedure)
    services.procedure_consent(citizen=mother, procedure_request=first)
    withdrawn = services.procedure_withdraw(citizen=mother, procedure_request=first)
    assert withdrawn.status == Status.WITHDRAWN
    with pytest.raises(services.ProcedureStateError):
        services.procedure_evidence(issuer=issuer, procedure_request=first)

    second = services.procedure_start(citizen=mother, procedure=procedure)
    services.procedure_consent(citizen=mother, procedure_request=second)
    services.procedure_evidence(issuer=issuer, procedure_request=second)
    with pytest.raises(services.ProcedureStateError):
        services.procedure_withdraw(citizen=mother, procedure_request=second)
    assert Action.PROCEDURE_WITHDRAW in actions(mother)


@pytest.mark.django_db
def test_a_missing_document_is_said_and_nothing_is_created(procedure, mother):
    with pytest.raises(services.MissingEvidenceError, match="Acta de prueba"):
        services.procedure_start(citizen=mother, procedure=procedure)
    assert ProcedureRequest.objects.count() == 0


@pytest.mark.django_db
def test_a_child_certificate_naming_the_parent_is_not_the_parents_evidence(
    procedure, issuer, birth_type, mother
):
    issue(issuer, birth_type, cuts="HIJA000001", cuts_madre="MADRE00001")
    with pytest.raises(services.MissingEvidenceError):
        services.procedure_start(citizen=mother, procedure=procedure)


@pytest.mark.django_db
def test_a_document_revoked_after_the_start_is_not_sent(procedure, birth, mother):
    request = services.procedure_start(citizen=mother, procedure=procedure)
    services.document_revoke(document=birth, reason="Error de captura", actor_label="Emisor")
    with pytest.raises(services.MissingEvidenceError):
        services.procedure_consent(citizen=mother, procedure_request=request)
    request.refresh_from_db()
    assert request.status == Status.DRAFT


@pytest.mark.django_db
def test_resolve_needs_the_check_and_bad_data_leave_the_request_as_it_was(
    procedure, birth, issuer, mother
):
    request = services.procedure_start(citizen=mother, procedure=procedure)
    services.procedure_consent(citizen=mother, procedure_request=request)
    good = {"nombre": "María", "numero_licencia": "A-1"}
    with pytest.raises(services.ProcedureStateError):
        services.procedure_resolve(
            issuer=issuer, procedure_request=request, fields=good, reference="L-1"
        )
    services.procedure_evidence(issuer=issuer, procedure_request=request)
    services.procedure_check(issuer=issuer, procedure_request=request)
    with pytest.raises(services.InvalidDocumentDataError):
        services.procedure_resolve(
            issuer=issuer, procedure_request=request, fields={"nombre": ""}, reference="L-1"
        )
    request.refresh_from_db()
    assert request.status == Status.CHECKED
    assert Document.objects.filter(document_type=procedure.produces).count() == 0


@pytest.mark.django_db
def test_a_rejection_needs_a_reason_and_is_logged(procedure, birth, issuer, mother):
    request = services.procedure_start(citizen=mother, procedure=procedure)
    services.procedure_consent(citizen=mother, procedure_request=request)
    with pytest.raises(services.FolderError, match="motivo"):
        services.procedure_reject(issuer=issuer, procedure_request=request, reason="  ")
    rejected = services.procedure_reject(
        issuer=issuer, procedure_request=request, reason="Acta ilegible"
    )
    assert rejected.status == Status.REJECTED
    assert rejected.rejection_reason == "Acta ilegible"
    assert Action.PROCEDURE_REJECT in actions(mother)


@pytest.mark.django_db
def test_only_the_holder_consents(procedure, birth, mother, stranger):
    request = services.procedure_start(citizen=mother, procedure=procedure)
    with pytest.raises(services.FolderError):
        services.procedure_consent(citizen=stranger, procedure_request=request)
    assert Procedure.objects.count() == 1


@pytest.mark.django_db
def test_the_agency_in_charge_must_be_allowed_to_issue_the_result(issuer, other_issuer, birth_type):
    procedure = licence_procedure(issuer, birth_type)
    procedure.issuer = other_issuer
    with pytest.raises(ValidationError, match="autorizada"):
        procedure.full_clean()


@pytest.mark.django_db
def test_the_arco_export_lists_the_procedure_requests(procedure, birth, mother):
    from abierto.folder.export import citizen_data

    request = services.procedure_start(citizen=mother, procedure=procedure)
    services.procedure_consent(citizen=mother, procedure_request=request)
    [exported] = citizen_data(mother)["procedure_requests"]
    assert exported["id"] == request.public_id
    assert exported["procedure"] == procedure.code
    assert exported["status"] == "consented"
    assert exported["evidence"][0]["fields"] == REQUESTED
