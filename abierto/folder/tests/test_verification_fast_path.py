"""What the fast path of a machine's verification remembers must never change an answer:
a revocation by another worker shows at once, a document read through the driver's cursor is
the ORM's, and the remembered Accept and Host decisions follow the request and the settings."""

from __future__ import annotations

import threading

import pytest
from django.db import connection
from django.test import Client

from abierto.directory import ratelimit
from abierto.folder import selectors, services
from abierto.folder.models import Document
from abierto.folder.selectors import verification

from .factories import issue


def verify(token, accept="application/json", **extra):
    return Client().get(f"/v/{token}", REMOTE_ADDR="198.51.100.7", HTTP_ACCEPT=accept, **extra)


def _revoke_in_another_thread(document):
    """Revoked by another connection, as another gunicorn worker would: nothing this thread
    remembers (keys, types, issuers, budgets) hears of it."""
    errors = []

    def run():
        try:
            services.document_revoke(
                document=Document.objects.get(pk=document.pk),
                reason="Acta cancelada.",
                actor_label="Prueba",
            )
        except Exception as exc:  # pragma: no cover -- reported below
            errors.append(exc)
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    assert not errors


# serialized_rollback: as test_verification_concurrency's, the flush after this test must not
# take the data migrations' rows away from the tests that run after it.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_document_revoked_elsewhere_is_never_answered_valid_again(issuer, birth_type, settings):
    assert ratelimit.batch_size(ratelimit.parse_rate(settings.RATE_FOLDER_VERIFY_NETWORK)[0]) > 1
    document = issue(issuer, birth_type)
    token = selectors.document_token(document)
    for _ in range(3):  # every cache of the path warm
        assert verify(token).json()["status"] == "valid"
    _revoke_in_another_thread(document)
    for _ in range(3):
        body = verify(token).json()
        assert (body["valid"], body["status"]) == (False, "revoked")
    assert "revocado" in verify(token, accept="text/html").content.decode().lower()


@pytest.mark.django_db
def test_the_document_read_through_the_driver_is_the_orms(issuer, birth_type):
    document = issue(issuer, birth_type)
    connection.ensure_connection()  # the driver's path needs an open connection
    found = verification._document_to_verify(document.public_id, issuer.pk)
    stored = Document.objects.get(pk=document.pk)
    for name in (*verification.VERIFY_FIELDS, "public_id", "issuer_id"):
        assert getattr(found, name) == getattr(stored, name), name
    assert found._state.adding is False
    assert found._state.db == "default"
    assert found.get_deferred_fields()  # what verifying does not read
    deferred = sorted(found.get_deferred_fields())[0]
    assert getattr(found, deferred) == getattr(stored, deferred)  # loaded on demand
    assert found.document_type == stored.document_type
    assert found.issuer == stored.issuer
    assert verification._document_to_verify("no-such-document", issuer.pk) is None


@pytest.mark.django_db
def test_the_remembered_accept_decision_follows_each_request(issuer, birth_type):
    token = selectors.document_token(issue(issuer, birth_type))
    for _ in range(2):
        assert verify(token)["Content-Type"] == "application/json"
        assert verify(token, accept="text/html")["Content-Type"].startswith("text/html")
        assert verify(token, accept="application/json;q=0.5, text/html")["Content-Type"].startswith(
            "text/html"
        )


@pytest.mark.django_db
def test_the_remembered_host_check_follows_the_settings(issuer, birth_type, settings):
    token = selectors.document_token(issue(issuer, birth_type))
    settings.ALLOWED_HOSTS = ["verifica.example"]
    assert verify(token, HTTP_HOST="verifica.example").status_code == 200
    settings.ALLOWED_HOSTS = ["otro.example"]
    assert verify(token, HTTP_HOST="verifica.example").status_code == 400


@pytest.mark.django_db
def test_every_answer_varies_by_accept_and_is_not_stored(issuer, birth_type, settings):
    token = selectors.document_token(issue(issuer, birth_type))
    answers = [verify(token), verify(token, accept="text/html")]
    settings.RATE_FOLDER_VERIFY_NETWORK = "1/m"
    answers.append(verify(token))  # a 429
    assert [a.status_code for a in answers] == [200, 200, 429]
    for answer in answers:
        assert "Accept" in [v.strip() for v in answer["Vary"].split(",")]
        assert answer["Cache-Control"] == "no-store"
        assert answer["X-Robots-Tag"] == "noindex, nofollow"
