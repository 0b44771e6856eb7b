"""On PostgreSQL the verification's query is prepared once per connection: the answers are
the plain query's, a session that lost the statement prepares it again, a session that cannot
keep it (a pooler in transaction mode) falls back to the plain query, and the setting turns it
off. Transactional: inside a test's transaction the prepared path is never taken."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test import Client

from abierto.folder import selectors
from abierto.folder.models import Document
from abierto.folder.selectors import verification_query

from .factories import issue

pytestmark = [
    pytest.mark.postgres,
    # serialized_rollback: as test_verification_fast_path's, the flush after these tests must
    # not take the data migrations' rows away from the tests that run after them.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture(autouse=True)
def _postgresql_only():
    if connection.vendor != "postgresql":
        pytest.skip("Prepared statements are PostgreSQL's (DATABASE_URL=postgres://…).")


def _status(token: str) -> str:
    response = Client().get(
        f"/v/{token}", REMOTE_ADDR="198.51.100.9", HTTP_ACCEPT="application/json"
    )
    assert response.status_code == 200
    return response.json()["status"]


def _prepared_here() -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM pg_prepared_statements")
        return {name for (name,) in cursor.fetchall()}


def test_the_query_is_prepared_once_and_answers_as_the_plain_one(issuer, birth_type):
    documents = [issue(issuer, birth_type) for _ in range(3)]
    # Every column type the binary answer decodes: a timestamp as well as a NULL one.
    expires = datetime.datetime(2031, 5, 6, 7, 8, 9, 123456, tzinfo=datetime.UTC)
    Document.objects.filter(pk=documents[0].pk).update(expires_at=expires)
    assert Document.objects.get(pk=documents[1].pk).expires_at is None
    for document in documents:
        assert _status(selectors.document_token(document)) == "valid"
    assert verification_query.PREPARED_NAME in _prepared_here()
    alias = connection.alias
    with connection.cursor() as cursor:
        for document in documents:
            params = [document.public_id, issuer.pk]
            cursor.execute(verification_query.verify_document_sql(alias), params)
            plain = cursor.fetchone()
            assert verification_query.fetch_verify_row(alias, params) == plain
            assert connection.connection not in verification_query._unpreparable
    row = verification_query.fetch_verify_row(alias, [documents[0].public_id, issuer.pk])
    assert row[verification_query.VERIFY_FIELDS.index("expires_at")] == expires
    assert verification_query.fetch_verify_row(alias, ["no-such-document", issuer.pk]) is None


def test_a_session_that_lost_the_statement_prepares_it_again(issuer, birth_type):
    token = selectors.document_token(issue(issuer, birth_type))
    assert _status(token) == "valid"
    assert verification_query.PREPARED_NAME in _prepared_here()
    with connection.cursor() as cursor:
        cursor.execute("DEALLOCATE ALL")  # what a pooler's reset (DISCARD ALL) also does
    assert verification_query.PREPARED_NAME not in _prepared_here()
    assert _status(token) == "valid"
    assert verification_query.PREPARED_NAME in _prepared_here()


def test_a_session_that_cannot_keep_it_sends_the_plain_query(issuer, birth_type, monkeypatch):
    # As behind a pooler in transaction mode: what is prepared is never there to execute.
    monkeypatch.setattr(verification_query, "prepare_sql", lambda alias: "SELECT 1")
    connection.close()
    token = selectors.document_token(issue(issuer, birth_type))
    for _ in range(3):
        assert _status(token) == "valid"
    assert connection.connection in verification_query._unpreparable
    assert verification_query.PREPARED_NAME not in _prepared_here()


def test_the_setting_turns_it_off(issuer, birth_type, settings):
    settings.DB_PREPARED_VERIFICATION = False
    connection.close()
    token = selectors.document_token(issue(issuer, birth_type))
    for _ in range(3):
        assert _status(token) == "valid"
    assert verification_query.PREPARED_NAME not in _prepared_here()
