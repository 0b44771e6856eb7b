"""The folder's commands: issue, revoke, keygen, issuer token."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from abierto.folder import selectors
from abierto.folder.models import Document, IssuerKey


def run(*args, **options):
    out = io.StringIO()
    call_command(*args, stdout=out, **options)
    return out.getvalue()


@pytest.mark.django_db
def test_issue_document_prints_json_with_the_verification_url(client, birth_type):
    data = json.dumps({"nombre": "Sofía", "fecha_nacimiento": "2019-05-21"})
    output = json.loads(
        run("issue_document", type=birth_type.slug, cuts="HIJA000001", data=data, reference="C1")
    )
    document = Document.objects.get(public_id=output["id"])
    assert output["verify_url"] == selectors.verification_url(document)
    assert output["created"] is True
    response = client.get(output["verify_server_url"], HTTP_ACCEPT="application/json")
    assert response.json()["valid"] is True
    again = json.loads(
        run("issue_document", type=birth_type.slug, cuts="HIJA000001", data=data, reference="C1")
    )
    assert (again["id"], again["created"]) == (output["id"], False)


@pytest.mark.django_db
@pytest.mark.parametrize(("data", "message"), [("{no json", "JSON"), ('{"nombre": 3}', "esquema")])
def test_issue_document_explains_refusals(birth_type, data, message):
    with pytest.raises(CommandError, match=message):
        run("issue_document", type=birth_type.slug, cuts="HIJA000001", data=data)


@pytest.mark.django_db
def test_revoke_document_revokes(client, birth_type):
    data = json.dumps({"nombre": "Sofía", "fecha_nacimiento": "2019-05-21"})
    output = json.loads(run("issue_document", type=birth_type.slug, cuts="HIJA000001", data=data))
    assert "revocado" in run("revoke_document", output["id"], reason="Error de captura.")
    response = client.get(output["verify_server_url"], HTTP_ACCEPT="application/json")
    assert response.json()["status"] == "revoked"
    with pytest.raises(CommandError):
        run("revoke_document", "no-existe", reason="x")
    # An id that begins with "-" (older documents may) goes after "--", as on a command line.
    dashed = "-" + output["id"][1:]
    Document.objects.filter(public_id=output["id"]).update(public_id=dashed)
    with pytest.raises(CommandError, match="ya estaba revocado"):  # found, not misparsed
        run("revoke_document", "--reason=Otra vez.", "--", dashed)


@pytest.mark.django_db
def test_folder_keygen_rotates_the_issuers_key(issuer, django_user_model):
    django_user_model.objects.create_user("operador", is_staff=True)
    before = issuer.current_key()
    output = run("folder_keygen", issuer=issuer.slug, actor="operador")
    after = issuer.current_key()
    assert after != before
    assert after.kid in output
    assert IssuerKey.objects.filter(issuer=issuer, retired_at__isnull=True).count() == 2


@pytest.mark.django_db
def test_folder_issuer_token_prints_a_token_that_authenticates(issuer, django_user_model):
    django_user_model.objects.create_user("operador", is_staff=True)
    token = run("folder_issuer_token", issuer=issuer.slug, actor="operador").strip()
    assert selectors.issuer_for_token(token) == issuer
    assert selectors.issuer_for_token(token[:-1]) is None


def test_no_new_document_id_begins_with_a_dash():
    from abierto.folder.formats import _document_id, new_document_ids

    assert _document_id(bytes([0xF8]) + bytes(15)).startswith("e")
    assert not any(public_id.startswith("-") for public_id in new_document_ids(5000))
