"""Agreement codes stay unique and consecutive when several requests record at once."""

import threading

import pytest
from django.db import connection, connections

from abierto.forum import services
from abierto.forum.models import Agreement

from .factories import SessionFactory, forum_with_seats

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="row locks are what is tested, on PostgreSQL"
    ),
]


def test_concurrent_agreements_get_distinct_consecutive_codes(facilitator):
    forum, _seats = forum_with_seats(3)
    session = SessionFactory(forum=forum, number=15)
    barrier = threading.Barrier(8)
    errors: list[BaseException] = []

    def record(n: int) -> None:
        try:
            barrier.wait(timeout=10)
            services.agreement_create(actor=facilitator, session=session, text=f"Acuerdo {n}")
        except BaseException as exc:
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=record, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    codes = sorted(Agreement.objects.values_list("code", flat=True))
    assert codes == sorted(f"STL/XV/{n}/2022" for n in range(1, 9))
