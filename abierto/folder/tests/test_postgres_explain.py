"""The folder's hot queries are served by an index (PostgreSQL's EXPLAIN).

On PostgreSQL only, in the house style of ``abierto/tests/test_postgres_indexes.py``:
sequential scans are switched off for the test's transaction, so a plan that still scans a
whole table means no index can serve the query. Each query is the one the code runs: the
verification's plain SQL, the chain's head and coalescing check, the citizen's pages.
"""

from __future__ import annotations

import datetime
import re

import pytest
from django.db import connection
from django.utils import timezone

from abierto.folder import selectors, services
from abierto.folder.formats import secret_hash
from abierto.folder.models import AccessEvent, Document, IssuerKey, Share
from abierto.folder.selectors.verification_query import verify_document_sql
from abierto.folder.services import access, chain
from abierto.folder.services.rows import ids_by

from .factories import issue

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]


@pytest.fixture(autouse=True)
def _postgresql_without_sequential_scans():
    if connection.vendor != "postgresql":
        pytest.skip("EXPLAIN plans are checked on PostgreSQL (DATABASE_URL=postgres://…).")
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")


@pytest.fixture
def folder(issuer, birth_type, mother):
    documents = [issue(issuer, birth_type, cuts="MADRE00001") for _ in range(3)]
    documents += [issue(issuer, birth_type, cuts=f"OTRA{n:06d}") for n in range(20)]
    for document in documents[:5]:
        services.verification_record(document=document, ip="192.0.2.7")
    services.share_create(
        citizen=mother,
        documents=documents[:2],
        expires_at=timezone.now() + datetime.timedelta(days=1),
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return documents


def explain(sql: str, params: list) -> str:
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN " + sql, params)
        return "\n".join(row[0] for row in cursor.fetchall())


def plan(queryset) -> str:
    return queryset.explain()


def assert_indexed(text: str, *tables: str) -> None:
    for table in tables:
        assert f"Seq Scan on {table}" not in text, text
    assert re.search(r"(Index Scan|Index Only Scan|Bitmap Index Scan)", text), text


def test_a_verification_reads_the_document_and_its_key_by_index(folder, issuer):
    document = folder[0]
    text = explain(verify_document_sql(connection.alias), [document.public_id, issuer.pk])
    assert_indexed(text, "folder_document", "folder_issuerkey")
    key = IssuerKey.objects.filter(kid=document.issuer_key.kid, retired_at__isnull=True)
    assert_indexed(plan(key.values("pk", "x", "issuer_id", "issuer__slug")), "folder_issuerkey")


def test_the_chain_head_and_the_coalescing_check_are_indexed(folder):
    select_head, _update = chain._head_sql()
    assert_indexed(explain(select_head, []), "folder_accesschainhead")
    since = timezone.now() - access.VERIFY_COALESCE
    batch = [document.pk for document in folder]
    assert_indexed(plan(access.last_logged_query(batch, ["verify"], since)), "folder_accessevent")


def test_the_citizens_pages_read_by_index(folder, mother):
    assert_indexed(plan(selectors.documents_for_citizen(mother)), "folder_documentholder")
    assert_indexed(plan(selectors.access_events_for(mother)[:50]), "folder_accessevent")
    assert_indexed(plan(selectors.shares_for_citizen(mother)), "folder_share")
    index = mother.cuts_index
    assert_indexed(plan(type(mother).objects.filter(cuts_index=index)), "folder_citizen")


def test_a_share_link_and_issuance_lookups_read_by_index(folder, issuer):
    share_query = Share.objects.filter(token_hash=secret_hash("any-token"))
    assert_indexed(plan(share_query), "folder_share")  # what share_for_token runs
    public_ids = [document.public_id for document in folder]
    assert ids_by(Document, "public_id", public_ids)  # what issuance runs, below explained
    assert_indexed(plan(Document.objects.filter(public_id__in=public_ids)), "folder_document")
    references = [document.agency_reference for document in folder]
    by_reference = Document.objects.filter(issuer=issuer, agency_reference__in=references)
    assert_indexed(plan(by_reference), "folder_document")
    assert_indexed(
        plan(Document.objects.filter(issuer=issuer, status=Document.Status.REVOKED)),
        "folder_document",
    )
    assert AccessEvent.objects.exists()


def test_issuance_tables_keep_no_prefix_indexes_on_hashes():
    """Migration 0008: the "_like" indexes of hashed columns cost every issued document five
    index entries and serve no query; the equality indexes stay."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tablename, indexdef FROM pg_indexes WHERE tablename = ANY(%s)",
            [["folder_document", "folder_documentholder", "folder_accessevent"]],
        )
        definitions = cursor.fetchall()
    assert not [row for row in definitions if "varchar_pattern_ops" in row[1]]
    indexed = " ".join(definition for _table, definition in definitions)
    for column in ("public_id", "holder_index", "cuts_index", "hash"):
        assert re.search(rf"btree \({column}\)", indexed), column
