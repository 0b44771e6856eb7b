"""Anonymous reads may go to the replica; writes, sessions and transactions stay on the primary."""

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from abierto.forum.models import Session
from abierto.ops import context
from abierto.ops.db_router import PrimaryReplicaRouter
from abierto.ops.middleware import ReplicaReadsMiddleware

router = PrimaryReplicaRouter()


def seen_by_view(request):
    """The database a read would use while the middleware handles ``request``."""
    seen = {}

    def view(request):
        seen["read"] = router.db_for_read(Session)
        seen["write"] = router.db_for_write(Session)
        return HttpResponse()

    response = ReplicaReadsMiddleware(view)(request)
    return seen, response


def test_an_anonymous_get_reads_from_the_replica_and_writes_to_the_primary(settings):
    settings.REPLICA_STICKY_SECONDS = 10
    seen, response = seen_by_view(RequestFactory().get("/sesiones/"))
    assert seen == {"read": "replica", "write": "default"}
    assert "abierto_primary" not in response.cookies


@pytest.mark.parametrize(
    "request_kwargs",
    [
        {"HTTP_COOKIE": "sessionid=abc"},
        {"HTTP_COOKIE": "abierto_primary=1"},
        {"HTTP_AUTHORIZATION": "Bearer emisor"},
    ],
)
def test_signed_in_people_and_api_clients_read_from_the_primary(settings, request_kwargs):
    settings.REPLICA_STICKY_SECONDS = 10
    seen, _response = seen_by_view(RequestFactory().get("/sesiones/", **request_kwargs))
    assert seen["read"] == "default"


def test_after_a_write_the_browser_reads_from_the_primary_for_a_while(settings):
    settings.REPLICA_STICKY_SECONDS = 10
    seen, response = seen_by_view(RequestFactory().post("/participa/"))
    assert seen["read"] == "default"
    assert response.cookies["abierto_primary"]["max-age"] == 10


def test_reads_inside_a_transaction_stay_on_the_primary(monkeypatch):
    class Connection:
        in_atomic_block = False

    monkeypatch.setattr(
        "abierto.ops.db_router.transaction.get_connection", lambda alias: Connection
    )
    token = context.replica_reads.set(True)
    try:
        assert router.db_for_read(Session) == "replica"
        Connection.in_atomic_block = True
        assert router.db_for_read(Session) == "default"
    finally:
        context.replica_reads.reset(token)


def test_workers_and_commands_read_from_the_primary_and_only_it_is_migrated():
    assert router.db_for_read(Session) == "default"
    assert router.allow_migrate("default", "forum") is True
    assert router.allow_migrate("replica", "forum") is False
    assert router.allow_relation(Session(), Session()) is True
