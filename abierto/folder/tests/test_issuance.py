"""Issuing documents: schema, idempotency, batches, encryption at rest, holders and relations."""

import pytest

from abierto.folder import selectors, services
from abierto.folder.models import AccessEvent, Document, DocumentHolder

from .factories import DocumentTypeFactory, issue

FIELDS = {"nombre": "Sofía Ramírez Hernández", "fecha_nacimiento": "2019-05-21"}


@pytest.mark.django_db
def test_a_document_is_signed_encrypted_and_logged(issuer, birth_type):
    document, created = services.document_issue(
        issuer=issuer, type_slug=birth_type.slug, cuts="hija-000001", fields=FIELDS, reference="A1"
    )
    assert created
    assert len(document.public_id) == 22  # 128 bits, base64url
    assert document.issuer_key == issuer.current_key()
    assert b"Sof" not in bytes(document.ciphertext)
    assert selectors.document_fields(document) == FIELDS
    payload = selectors.document_payload(document)
    assert payload["iss"] == issuer.slug
    assert payload["vct"] == birth_type.slug
    assert payload["jti"] == document.public_id
    assert payload["status"]["status_list"]["idx"] == document.status_index
    assert "HIJA000001" not in selectors.document_token(document)  # only a pseudonym
    event = AccessEvent.objects.get(document=document)
    assert event.action == "issue"
    assert event.agency == issuer.institution


@pytest.mark.django_db
def test_the_same_reference_and_data_return_the_same_document(issuer, birth_type):
    first, created = services.document_issue(
        issuer=issuer, type_slug=birth_type.slug, cuts="HIJA000001", fields=FIELDS, reference="A1"
    )
    again, created_again = services.document_issue(
        issuer=issuer, type_slug=birth_type.slug, cuts="HIJA000001", fields=FIELDS, reference="A1"
    )
    assert created
    assert not created_again
    assert again.pk == first.pk
    assert Document.objects.count() == 1


@pytest.mark.django_db
def test_the_same_reference_with_other_data_is_a_conflict(issuer, birth_type):
    issue(issuer, birth_type, reference="A1")
    with pytest.raises(services.ReferenceConflictError, match="A1"):
        issue(issuer, birth_type, reference="A1", nombre="Otra persona")
    with pytest.raises(services.ReferenceConflictError):
        issue(issuer, birth_type, cuts="OTRA000002", reference="A1")


@pytest.mark.django_db
def test_data_outside_the_schema_are_refused_with_each_error(issuer, birth_type):
    with pytest.raises(services.InvalidDocumentDataError) as error:
        services.document_issue(
            issuer=issuer,
            type_slug=birth_type.slug,
            cuts="HIJA000001",
            fields={"fecha_nacimiento": "no es fecha", "extra": 1},
            reference="A1",
        )
    paths = {item["path"] for item in error.value.errors}
    assert "/" in paths or "/fecha_nacimiento" in paths
    assert any("nombre" in item["message"] for item in error.value.errors)
    assert any(item["path"] == "/fecha_nacimiento" for item in error.value.errors)
    assert Document.objects.count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize("cuts", ["", "abc", "X" * 40, "ÑANDÚ00001"])
def test_a_malformed_cuts_is_refused(issuer, birth_type, cuts):
    with pytest.raises(services.InvalidDocumentDataError):
        services.document_issue(
            issuer=issuer, type_slug=birth_type.slug, cuts=cuts, fields=FIELDS, reference="A1"
        )


@pytest.mark.django_db
def test_an_issuer_cannot_issue_another_agencys_type(issuer, other_issuer, birth_type):
    with pytest.raises(services.IssuerNotAllowedError):
        issue(other_issuer, birth_type)
    with pytest.raises(services.UnknownDocumentTypeError):
        services.document_issue(
            issuer=issuer, type_slug="no-existe", cuts="HIJA000001", fields=FIELDS, reference="1"
        )


@pytest.mark.django_db
def test_an_issuer_without_a_private_key_cannot_sign(issuer, birth_type, settings, tmp_path):
    settings.FOLDER_KEYS_DIR = tmp_path  # the key's file is elsewhere; caches are cleared
    with pytest.raises(services.SigningKeyMissingError):
        issue(issuer, birth_type)


@pytest.mark.django_db
def test_validity_days_set_the_expiry(issuer):
    licence = DocumentTypeFactory(issuers=[issuer], validity_days=30, related_holders=[])
    document = issue(issuer, licence)
    assert (document.expires_at - document.issued_at).days == 30
    assert selectors.document_payload(document)["exp"] == int(document.expires_at.timestamp())


@pytest.mark.django_db
def test_a_batch_is_issued_whole(issuer, birth_type):
    requests = [
        services.IssueRequest(cuts=f"HIJO00000{n}", fields=FIELDS, reference=f"B{n}")
        for n in range(5)
    ]
    results = services.documents_issue_batch(
        issuer=issuer, type_slug=birth_type.slug, requests=requests
    )
    assert [created for _document, created in results] == [True] * 5
    indexes = sorted(document.status_index for document, _created in results)
    assert indexes == list(range(5))
    again = services.documents_issue_batch(
        issuer=issuer, type_slug=birth_type.slug, requests=requests
    )
    assert [created for _document, created in again] == [False] * 5


@pytest.mark.django_db
def test_a_batch_with_one_bad_item_issues_nothing(issuer, birth_type):
    requests = [
        services.IssueRequest(cuts="HIJO000001", fields=FIELDS, reference="B1"),
        services.IssueRequest(cuts="HIJO000002", fields={"nombre": ""}, reference="B2"),
        services.IssueRequest(cuts="HIJO000003", fields=FIELDS, reference="B3"),
    ]
    with pytest.raises(services.InvalidDocumentDataError) as error:
        services.documents_issue_batch(issuer=issuer, type_slug=birth_type.slug, requests=requests)
    assert {item["item"] for item in error.value.errors} == {1}
    assert Document.objects.count() == 0
    assert AccessEvent.objects.count() == 0


@pytest.mark.django_db
def test_a_batch_that_fails_late_leaves_nothing_behind(issuer, birth_type):
    issue(issuer, birth_type, reference="B2", cuts="HIJO000002")
    requests = [
        services.IssueRequest(cuts="HIJO000001", fields=FIELDS, reference="B1"),
        services.IssueRequest(cuts="HIJO000002", fields=FIELDS, reference="B2"),  # other data
    ]
    with pytest.raises(services.ReferenceConflictError):
        services.documents_issue_batch(issuer=issuer, type_slug=birth_type.slug, requests=requests)
    assert list(Document.objects.values_list("agency_reference", flat=True)) == ["B2"]
    issuer.refresh_from_db()
    assert issuer.next_status_index == 1


@pytest.mark.django_db
def test_related_people_are_indexed_as_holders(issuer, birth_type):
    document = issue(issuer, birth_type, cuts="HIJA000001", cuts_madre="MADRE00001")
    relations = set(DocumentHolder.objects.filter(document=document).values_list("relation"))
    assert relations == {("titular",), ("madre",)}


@pytest.mark.django_db
def test_documents_issued_before_activation_appear_in_the_new_folder(issuer, birth_type):
    document = issue(issuer, birth_type, cuts="NUEVA00001")
    assert document.citizen is None
    citizen, created = services.citizen_register(cuts="nueva-00001")
    assert created
    document.refresh_from_db()
    assert document.citizen == citizen
    assert list(selectors.documents_for_citizen(citizen)) == [document]
    later = issue(issuer, birth_type, cuts="NUEVA00001")
    assert later.citizen == citizen


@pytest.mark.django_db
def test_issuing_reads_no_key_file_per_document(issuer, birth_type, monkeypatch):
    issue(issuer, birth_type)  # loads the key once
    from abierto.folder import keys

    def forbidden(kid):
        raise AssertionError("the key was read again")

    monkeypatch.setattr(keys, "_load_private_key", forbidden)
    for n in range(3):
        issue(issuer, birth_type, cuts=f"OTRO00000{n}")


@pytest.mark.django_db
def test_an_issue_date_in_the_future_or_without_time_zone_is_refused(issuer, birth_type):
    import datetime

    from django.utils import timezone

    for issued_at in [
        timezone.now() + datetime.timedelta(days=1),
        datetime.datetime(2026, 1, 1, 12, 0),  # noqa: DTZ001 -- the naive date under test
    ]:
        with pytest.raises(services.InvalidDocumentDataError):
            services.document_issue(
                issuer=issuer,
                type_slug=birth_type.slug,
                cuts="HIJA000001",
                fields=FIELDS,
                reference="F1",
                issued_at=issued_at,
            )
    past = timezone.now() - datetime.timedelta(days=400)
    document, _created = services.document_issue(
        issuer=issuer, type_slug=birth_type.slug, cuts="HIJA000001", fields=FIELDS,
        reference="F2", issued_at=past,
    )  # fmt: skip
    assert document.issued_at == past.replace(microsecond=0)
