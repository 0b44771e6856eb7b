"""What a citizen may read: their documents and those naming them, never anyone else's."""

import pytest

from abierto.folder import selectors, services
from abierto.folder.models import Carnet, Document

from .factories import issue


@pytest.mark.django_db
def test_another_citizens_document_is_not_found(issuer, birth_type, mother, stranger):
    own = issue(issuer, birth_type, cuts="MADRE00001")
    theirs = issue(issuer, birth_type, cuts="OTRA000001")
    assert selectors.document_for_citizen(mother, own.public_id) == own
    with pytest.raises(Document.DoesNotExist):
        selectors.document_for_citizen(mother, theirs.public_id)
    with pytest.raises(Document.DoesNotExist):
        selectors.document_for_citizen(stranger, own.public_id)
    with pytest.raises(Document.DoesNotExist):
        selectors.document_for_citizen(mother, "no-existe")


@pytest.mark.django_db
def test_a_parent_sees_the_childs_birth_certificate(issuer, birth_type, mother, stranger):
    child = issue(issuer, birth_type, cuts="HIJA000001", cuts_madre="MADRE00001")
    assert list(selectors.documents_for_citizen(mother)) == [child]
    assert selectors.document_relations(mother, child) == ["madre"]
    assert list(selectors.documents_for_citizen(stranger)) == []


@pytest.mark.django_db
def test_the_citizen_reads_their_cuts_in_clear_only_through_decryption(mother):
    assert mother.cuts == "MADRE00001"
    assert b"MADRE" not in bytes(mother.cuts_sealed)
    assert selectors.citizen_for_cuts("madre-00001") == mother
    assert selectors.citizen_for_cuts("no valida") is None


@pytest.mark.django_db
def test_the_qr_carries_the_whole_token_in_the_verification_url(issuer, birth_type):
    document = issue(issuer, birth_type)
    token = selectors.document_token(document)
    assert selectors.qr_payload(document) == f"http://testserver/v/#{token}"
    assert selectors.verification_url(document) == selectors.qr_payload(document)


@pytest.mark.django_db
def test_a_carnet_token_opens_only_its_active_carnet(mother):
    carnet, token = services.carnet_issue(actor=None, citizen=mother)
    assert selectors.carnet_for_token(token) == carnet
    serial, _dot, secret = token.partition(".")
    with pytest.raises(Carnet.DoesNotExist):
        selectors.carnet_for_token(f"{serial}.{secret[:-1]}{'x' if secret[-1] != 'x' else 'y'}")
    with pytest.raises(Carnet.DoesNotExist):
        selectors.carnet_for_token(serial)
    replacement, new_token = services.carnet_issue(actor=None, citizen=mother)
    carnet.refresh_from_db()
    assert carnet.status == Carnet.Status.REPLACED
    with pytest.raises(Carnet.DoesNotExist):
        selectors.carnet_for_token(token)
    assert selectors.carnet_for_token(new_token) == replacement
    assert selectors.carnet_qr_content(new_token).endswith(f"#{new_token}")


@pytest.mark.django_db
def test_activation_codes_are_stored_hashed(mother):
    from django.contrib.auth.hashers import check_password

    code = services.citizen_activation_code_issue(citizen=mother)
    assert code not in mother.activation_code_hash
    assert check_password(code, mother.activation_code_hash)
