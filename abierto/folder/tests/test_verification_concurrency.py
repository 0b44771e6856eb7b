"""Verifications at once, from many threads: every one logged once, and the chain intact."""

import threading

import pytest
from django.db import connection

from abierto.folder import selectors, services
from abierto.folder.models import AccessEvent

from .test_access_log import issue


# serialized_rollback: the flush after this test must not take the data migrations' rows
# (municipalities) away from the tests that run after it.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_verifications_are_each_logged_once_in_one_unbroken_chain(issuer, birth_type):
    documents = [issue(issuer, birth_type, cuts=f"CONC{n:06d}") for n in range(6)]
    tokens = [selectors.document_token(document) for document in documents]
    failures: list[BaseException] = []

    def verify(token: str, ip: str) -> None:
        try:
            result = selectors.verify_token(token)
            assert result.valid, result
            assert result.document is not None
            services.verification_record(document=result.document, ip=ip)
        except BaseException as exc:  # reported by the main thread
            failures.append(exc)
        finally:
            connection.close()

    # Each document from two networks, and each (document, network) twice: 24 requests,
    # 12 of them new verifications, 12 coalesced.
    threads = [
        threading.Thread(target=verify, args=(token, ip))
        for token in tokens
        for ip in ("198.51.100.1", "203.0.113.1")
        for _repeat in range(2)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    verifications = AccessEvent.objects.filter(action=AccessEvent.Action.VERIFY)
    assert verifications.count() == 12
    assert services.audit_chain_check() == []
    seqs = list(AccessEvent.objects.order_by("seq").values_list("seq", flat=True))
    assert seqs == list(range(1, len(seqs) + 1))
