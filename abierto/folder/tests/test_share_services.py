"""Share services: scoped to one's own documents, expiring, limited in views, revocable."""

import datetime
import threading

import pytest
from django.db import connection
from django.utils import timezone

from abierto.folder import selectors, services
from abierto.folder.models import AccessEvent, Share

from .factories import issue


def tomorrow():
    return timezone.now() + datetime.timedelta(days=1)


@pytest.fixture
def own_document(issuer, birth_type, mother):
    return issue(issuer, birth_type, cuts="MADRE00001")


@pytest.mark.django_db
def test_a_share_opens_counts_and_logs_each_view(own_document, mother):
    share, token = services.share_create(
        citizen=mother,
        documents=[own_document],
        expires_at=tomorrow(),
        max_views=2,
        recipient="Banco del Ahorro",
    )
    assert token not in share.token_hash
    opened = services.share_open(token, ip="192.0.2.10")
    assert opened.views == 1
    assert list(selectors.share_documents(opened)) == [own_document]
    services.share_open(token)
    with pytest.raises(services.ShareExhaustedError):
        services.share_open(token)
    share.refresh_from_db()
    assert share.views == 2
    actions = list(
        AccessEvent.objects.filter(share=share).order_by("seq").values_list("action", flat=True)
    )
    assert actions == ["share_create", "share_view", "share_view"]
    log = selectors.access_events_for(mother)
    assert log.filter(action="share_view", actor_label__contains="Banco del Ahorro").count() == 2


@pytest.mark.django_db
def test_expired_revoked_and_unknown_shares_are_refused(own_document, mother, stranger):
    share, token = services.share_create(
        citizen=mother, documents=[own_document], expires_at=tomorrow()
    )
    with pytest.raises(services.ShareNotFoundError):
        services.share_open(token + "x")
    with pytest.raises(services.ShareNotFoundError):
        services.share_revoke(citizen=stranger, share=share)
    services.share_revoke(citizen=mother, share=share)
    with pytest.raises(services.ShareRevokedError):
        services.share_open(token)
    later, later_token = services.share_create(
        citizen=mother, documents=[own_document], expires_at=tomorrow()
    )
    Share.objects.filter(pk=later.pk).update(expires_at=timezone.now())
    with pytest.raises(services.ShareExpiredError):
        services.share_open(later_token)


@pytest.mark.django_db
def test_only_ones_own_documents_can_be_shared(issuer, birth_type, mother):
    foreign = issue(issuer, birth_type, cuts="OTRA000001")
    with pytest.raises(services.FolderError, match="de su carpeta"):
        services.share_create(citizen=mother, documents=[foreign], expires_at=tomorrow())
    child = issue(issuer, birth_type, cuts="HIJA000001", cuts_madre="MADRE00001")
    share, _token = services.share_create(citizen=mother, documents=[child], expires_at=tomorrow())
    assert list(share.documents.all()) == [child]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("delta", "views"),
    [
        (datetime.timedelta(days=-1), None),
        (datetime.timedelta(days=90), None),
        (datetime.timedelta(days=1), 0),
    ],
)
def test_share_limits_are_enforced(own_document, mother, delta, views):
    with pytest.raises(services.FolderError):
        services.share_create(
            citizen=mother,
            documents=[own_document],
            expires_at=timezone.now() + delta,
            max_views=views,
        )


@pytest.mark.skipif(
    connection.vendor == "sqlite",
    reason="SQLite serialises writers anyway; the row lock matters on PostgreSQL",
)
# serialized_rollback: the flush after this test must not take the data migrations' rows
# (municipalities) away from the tests that run after it.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_opens_never_exceed_the_limit(issuer, birth_type, mother):
    document = issue(issuer, birth_type, cuts="MADRE00001")
    share, token = services.share_create(
        citizen=mother, documents=[document], expires_at=tomorrow(), max_views=3
    )
    outcomes = []

    def open_once():
        try:
            services.share_open(token)
            outcomes.append("ok")
        except services.ShareExhaustedError:
            outcomes.append("exhausted")
        finally:
            connection.close()

    threads = [threading.Thread(target=open_once) for _n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outcomes.count("ok") == 3
    share.refresh_from_db()
    assert share.views == 3
