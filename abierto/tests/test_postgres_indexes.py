"""Every list and lookup that the pages and the API make is served by an index.

On PostgreSQL only (CI runs the suite on it too). Sequential scans are switched off for the
test's transaction, so a plan that still scans a whole table means no index can serve it.
"""

import datetime
import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection

from abierto.directory.models import AuditEvent, Municipality
from abierto.directory.selectors import audit_events_for
from abierto.forum import selectors
from abierto.forum.models import Agreement, Session
from abierto.forum.tests.factories import ForumFactory, SessionFactory
from abierto.ops.models import Job

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]


@pytest.fixture(autouse=True)
def _postgresql_without_sequential_scans():
    if connection.vendor != "postgresql":
        pytest.skip("EXPLAIN plans are checked on PostgreSQL (DATABASE_URL=postgres://…).")
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")


@pytest.fixture
def records():
    forum = ForumFactory()
    sessions = [
        SessionFactory(forum=forum, number=n, date=datetime.date(2020 + n % 5, 1 + n % 12, 10))
        for n in range(1, 41)
    ]
    for session in sessions[:10]:
        Agreement.objects.create(
            session=session, number=1, code=f"STL/{session.number}/1/{session.date.year}",
            text="Se aprueba.", status="pending", requires_follow_up=True,
        )  # fmt: skip
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return sessions


def plan(queryset) -> str:
    return queryset.explain()


def assert_indexed(text: str, table: str) -> None:
    assert f"Seq Scan on {table}" not in text, text
    assert re.search(r"(Index Scan|Index Only Scan|Bitmap Index Scan)", text), text


def test_the_session_list_by_date_reads_an_index_in_order(records):
    text = plan(selectors.session_list_public()[:20])
    assert_indexed(text, "forum_session")
    # Read in order from the index: the top twenty without sorting every session first.
    assert not re.match(r"Limit[^\n]*\n\s*->\s+(Incremental )?Sort", text), text


def test_sessions_of_a_year_and_one_session_by_public_id(records):
    assert_indexed(plan(selectors.session_list_public(year=2022)[:20]), "forum_session")
    public_id = records[0].public_id
    assert_indexed(plan(Session.objects.filter(public_id=public_id)), "forum_session")


def test_agreements_by_status_year_and_code(records):
    assert_indexed(plan(selectors.agreement_list_public(status="pending")[:50]), "forum_agreement")
    assert_indexed(plan(selectors.agreement_list_public(year=2022)[:50]), "forum_agreement")
    code = Agreement.objects.first().code
    assert_indexed(plan(Agreement.objects.filter(code=code)), "forum_agreement")
    public_id = Agreement.objects.first().public_id
    assert_indexed(plan(Agreement.objects.filter(public_id=public_id)), "forum_agreement")


def test_a_municipality_by_its_inegi_code():
    assert_indexed(plan(Municipality.objects.filter(code="15106")), "directory_municipality")


def test_the_history_of_a_record(records):
    session = records[0]
    AuditEvent.objects.create(
        action="session.created",
        target_type=ContentType.objects.get_for_model(Session),
        target_id=str(session.pk),
    )
    assert_indexed(plan(audit_events_for(session)[:50]), "directory_auditevent")


def test_the_staff_list_of_background_jobs():
    assert_indexed(plan(Job.objects.all()[:50]), "ops_job")
    assert_indexed(plan(Job.objects.filter(status="failed")[:50]), "ops_job")
