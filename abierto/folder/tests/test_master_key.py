"""Rotating the master key re-wraps data keys; documents and CUTS still decrypt."""

import io

import pytest
from django.core.management import call_command

from abierto.folder import selectors, services
from abierto.folder.models import Citizen, Document
from abierto.lib.envelope import DecryptionError, MasterKeyRing

from .factories import issue


@pytest.mark.django_db
def test_rotation_rewraps_every_key_without_touching_ciphertexts(
    settings, issuer, birth_type, mother
):
    services.citizen_register(cuts="PADRE00001")
    documents = [issue(issuer, birth_type, cuts=f"PERS00000{n}") for n in range(3)]
    fields = {doc.pk: selectors.document_fields(doc) for doc in documents}
    ciphertexts = {doc.pk: bytes(doc.ciphertext) for doc in documents}
    old_spec = settings.FOLDER_MASTER_KEYS
    old_kid = old_spec.split(":")[0]
    settings.FOLDER_MASTER_KEYS = f"{MasterKeyRing.new_key_spec('nueva')},{old_spec}"
    out = io.StringIO()
    call_command("folder_rotate_master_key", batch_size=2, stdout=out)
    assert "nueva" in out.getvalue()
    assert set(Document.objects.values_list("master_kid", flat=True)) == {"nueva"}
    for document in Document.objects.all():
        assert bytes(document.ciphertext) == ciphertexts[document.pk]
        assert selectors.document_fields(document) == fields[document.pk]
    for citizen in Citizen.objects.all():
        assert MasterKeyRing.sealed_kid(bytes(citizen.cuts_sealed)) == "nueva"
    # The old master key can now leave the configuration.
    settings.FOLDER_MASTER_KEYS = settings.FOLDER_MASTER_KEYS.split(",")[0]
    document = Document.objects.first()
    assert selectors.document_fields(document) == fields[document.pk]
    assert Citizen.objects.get(pk=mother.pk).cuts == "MADRE00001"
    assert old_kid != "nueva"


@pytest.mark.django_db
def test_without_the_old_key_unrotated_documents_do_not_decrypt(settings, issuer, birth_type):
    document = issue(issuer, birth_type)
    settings.FOLDER_MASTER_KEYS = MasterKeyRing.new_key_spec("otra")
    with pytest.raises(DecryptionError):
        selectors.document_fields(Document.objects.get(pk=document.pk))


@pytest.mark.django_db
def test_a_ciphertext_moved_to_another_document_does_not_decrypt(issuer, birth_type):
    first = issue(issuer, birth_type, cuts="PERS000001")
    second = issue(issuer, birth_type, cuts="PERS000002")
    second.ciphertext, second.wrapped_dek = first.ciphertext, first.wrapped_dek
    with pytest.raises(DecryptionError):
        selectors.document_fields(second)
