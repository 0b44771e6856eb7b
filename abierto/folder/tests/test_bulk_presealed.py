"""Bulk batches sealed ahead of their transaction, on a guess of the issuer's status index and
key: used when the guess holds, sealed again when another writer or a new key made it wrong.
Either way every document's signed claims agree with its stored row."""

from __future__ import annotations

import json

import pytest

from abierto.folder import selectors, services
from abierto.folder.models import BulkIssuance, Document
from abierto.folder.services import issue_sealing
from abierto.lib import jws

from .test_bulk import csv_file, rows


def _claims(document):
    token = selectors.document_token(document)
    return json.loads(jws.b64url_decode(token.split(".")[1]))


def _assert_claims_match_rows(job):
    documents = list(Document.objects.filter(bulk_issuance=job).order_by("status_index"))
    for document in documents:
        claims = _claims(document)
        assert claims["jti"] == document.public_id
        assert claims["status"]["status_list"]["idx"] == document.status_index
        assert claims["iat"] == int(document.issued_at.timestamp())
        expires = int(document.expires_at.timestamp()) if document.expires_at else None
        assert claims.get("exp") == expires
        assert claims["fields"] == selectors.document_fields(document)
        assert selectors.verify_token(selectors.document_token(document)).status == "valid"
    return documents


@pytest.fixture
def guesses(monkeypatch):
    """Each presealed batch's verdict under the issuer's lock, in order."""
    verdicts: list[bool] = []
    usable = issue_sealing.Presealed.usable

    def spy(self, issuer, signing_key, new_count):
        verdict = usable(self, issuer, signing_key, new_count)
        verdicts.append(verdict)
        return verdict

    monkeypatch.setattr(issue_sealing.Presealed, "usable", spy)
    return verdicts


@pytest.mark.django_db
def test_every_batch_comes_sealed_from_the_workers_when_nobody_else_writes(
    tmp_path, issuer, birth_type, guesses
):
    job = services.bulk_issue_csv(
        csv_file(tmp_path, rows(240)),
        issuer=issuer,
        type_slug=birth_type.slug,
        batch_size=80,
        processes=2,
    )
    assert (job.status, job.processed_rows) == (BulkIssuance.Status.DONE, 240)
    assert guesses == [True, True, True]
    documents = _assert_claims_match_rows(job)
    assert [document.status_index for document in documents] == list(range(240))
    assert services.audit_chain_check() == []


@pytest.mark.django_db
def test_a_document_issued_between_batches_makes_the_next_guess_fail_safely(
    tmp_path, issuer, birth_type, guesses
):
    """An API issuance by the same issuer while the job runs takes the status index the
    workers had guessed for the next batch: that batch is sealed again, the one after it
    guesses right again, and no index is given twice."""
    interleaved = []

    def issue_one_more(job):
        if len(interleaved) < 1:
            document, _new = services.document_issue(
                issuer=issuer,
                type_slug=birth_type.slug,
                cuts="OTRA000001",
                fields={"nombre": "Otra", "fecha_nacimiento": "1991-02-03"},
                reference="API-1",
            )
            interleaved.append(document)

    job = services.bulk_issue_csv(
        csv_file(tmp_path, rows(320)),
        issuer=issuer,
        type_slug=birth_type.slug,
        batch_size=80,
        processes=2,
        progress=issue_one_more,
    )
    assert (job.status, job.processed_rows) == (BulkIssuance.Status.DONE, 320)
    assert guesses == [True, False, True, True]
    documents = _assert_claims_match_rows(job)
    assert interleaved[0].status_index == 80
    indexes = sorted([document.status_index for document in documents] + [80])
    assert indexes == list(range(321))
    assert services.audit_chain_check() == []


@pytest.mark.django_db
def test_a_key_rotated_between_batches_signs_the_next_ones(tmp_path, issuer, birth_type, guesses):
    rotated = []

    def rotate(job):
        if not rotated:
            rotated.append(services.issuer_key_generate(actor=None, issuer=issuer))

    job = services.bulk_issue_csv(
        csv_file(tmp_path, rows(240)),
        issuer=issuer,
        type_slug=birth_type.slug,
        batch_size=80,
        processes=2,
        progress=rotate,
    )
    assert (job.status, job.processed_rows) == (BulkIssuance.Status.DONE, 240)
    # The second batch was sealed ahead with the old key: sealed again with the new one.
    assert guesses[:2] == [True, False]
    documents = _assert_claims_match_rows(job)
    assert {document.issuer_key_id for document in documents[80:]} == {rotated[0].pk}
    assert {document.issuer_key_id for document in documents[:80]} != {rotated[0].pk}
    assert services.audit_chain_check() == []


@pytest.mark.django_db
def test_a_replayed_file_finds_its_documents_and_issues_nothing(
    tmp_path, issuer, birth_type, guesses
):
    source = csv_file(tmp_path, rows(160))
    first = services.bulk_issue_csv(
        source, issuer=issuer, type_slug=birth_type.slug, batch_size=80, processes=2
    )
    # The same rows under another name: a new job whose guesses meet existing references.
    again = csv_file(tmp_path, ["", *rows(160)], name="otra-vez.csv")
    second = services.bulk_issue_csv(
        again, issuer=issuer, type_slug=birth_type.slug, batch_size=80, processes=2
    )
    assert first.status == second.status == BulkIssuance.Status.DONE
    assert Document.objects.count() == 160
    assert not Document.objects.filter(bulk_issuance=second).exists()
    assert guesses == [True, True]  # the second job's batches had nothing new to write
    assert services.audit_chain_check() == []


@pytest.mark.django_db
def test_a_type_with_a_validity_signs_the_expiry_it_stores(tmp_path, issuer, birth_type, guesses):
    birth_type.validity_days = 90
    birth_type.save(update_fields=["validity_days"])
    job = services.bulk_issue_csv(
        csv_file(tmp_path, rows(160)),
        issuer=issuer,
        type_slug=birth_type.slug,
        batch_size=80,
        processes=2,
    )
    assert guesses == [True, True]
    documents = _assert_claims_match_rows(job)
    assert all((document.expires_at - document.issued_at).days == 90 for document in documents)
