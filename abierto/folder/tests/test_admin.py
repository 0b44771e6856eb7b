"""The back office lists the folder's records and never shows decrypted data."""

import pytest
from django.urls import reverse

from abierto.directory.tests.logins import login_verified
from abierto.folder.models import DocumentType

from .factories import issue


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("admin", "admin@example.org", "x")
    return login_verified(client, user)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "model",
    ["issuer", "issuerkey", "documenttype", "citizen", "carnet", "document", "share",
     "accessevent", "bulkissuance", "procedure", "procedurerequest"],
)  # fmt: skip
def test_every_changelist_opens(admin_client, issuer, birth_type, mother, model):
    issue(issuer, birth_type, cuts="MADRE00001")
    response = admin_client.get(reverse(f"admin:folder_{model}_changelist"))
    assert response.status_code == 200


@pytest.mark.django_db
def test_a_document_page_shows_no_personal_data(admin_client, issuer, birth_type):
    document = issue(issuer, birth_type, nombre="Nombre Muy Privado")
    response = admin_client.get(reverse("admin:folder_document_change", args=[document.pk]))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Nombre Muy Privado" not in content
    assert document.holder_index not in content
    assert 'name="status"' not in content  # read-only


@pytest.mark.django_db
def test_a_document_type_with_an_invalid_schema_is_refused(admin_client, issuer):
    response = admin_client.post(
        reverse("admin:folder_documenttype_add"),
        {
            "slug": "nuevo",
            "name": "Nuevo",
            "json_schema": '{"type": "object", "properties": {"a": {"type": "nada"}}}',
            "related_holders": "[]",
            "issuers": [issuer.pk],
            "active": "on",
        },
    )
    assert response.status_code == 200
    assert "Esquema no válido" in response.content.decode()
    assert not DocumentType.objects.filter(slug="nuevo").exists()
    created = admin_client.post(
        reverse("admin:folder_documenttype_add"),
        {
            "slug": "nuevo",
            "name": "Nuevo",
            "json_schema": '{"type": "object", "properties": {"a": {"type": "string"}}}',
            "related_holders": "[]",
            "issuers": [issuer.pk],
            "active": "on",
        },
    )
    assert created.status_code == 302
    assert DocumentType.objects.get(slug="nuevo").issuers.get() == issuer


@pytest.mark.django_db
def test_the_generate_token_action_shows_the_token_once(admin_client, issuer):
    response = admin_client.post(
        reverse("admin:folder_issuer_changelist"),
        {"action": "generate_token", "_selected_action": [issuer.pk]},
        follow=True,
    )
    issuer.refresh_from_db()
    assert issuer.token_hash
    assert f"{issuer.slug}." in response.content.decode()


@pytest.mark.django_db
def test_a_procedure_request_page_opens_without_the_citizen(
    admin_client, issuer, birth_type, mother
):
    from abierto.folder import services

    from .procedure_helpers import licence_procedure

    issue(issuer, birth_type, cuts="MADRE00001")
    draft = services.procedure_start(
        citizen=mother, procedure=licence_procedure(issuer, birth_type)
    )
    page = admin_client.get(reverse("admin:folder_procedurerequest_change", args=[draft.pk]))
    assert page.status_code == 200
    assert "MADRE00001" not in page.content.decode()
    assert mother.public_id not in page.content.decode()
