"""A share's state is one rule (``Share.state``): the holder's list, the recipient's page and
``share_open`` all read it."""

import datetime

import pytest
from django.utils import timezone

from abierto.folder import services
from abierto.folder.models import Share

from .citizen_helpers import active_citizen, folder_login
from .factories import issue

NOW = datetime.datetime(2026, 12, 5, 12, 0, tzinfo=datetime.UTC)
HOUR = datetime.timedelta(hours=1)


def share(**values) -> Share:
    fields = {"expires_at": NOW + HOUR, "max_views": None, "views": 0, "revoked_at": None}
    return Share(**{**fields, **values})


def test_an_unrevoked_unexpired_share_with_views_left_is_active():
    assert share().state(NOW) == Share.State.ACTIVE
    assert share(max_views=3, views=2).state(NOW) == Share.State.ACTIVE
    assert share(views=10_000).state(NOW) == Share.State.ACTIVE  # no limit: only expiry


def test_a_revoked_share_is_revoked_even_when_also_expired_or_spent():
    assert share(revoked_at=NOW).state(NOW) == Share.State.REVOKED
    spent = share(revoked_at=NOW, expires_at=NOW - HOUR, max_views=1, views=1)
    assert spent.state(NOW) == Share.State.REVOKED


def test_a_share_is_expired_from_its_expiry_on_and_before_being_spent():
    assert share(expires_at=NOW).state(NOW) == Share.State.EXPIRED
    assert share(expires_at=NOW - HOUR, max_views=1, views=1).state(NOW) == Share.State.EXPIRED


def test_a_share_opened_as_often_as_allowed_is_exhausted():
    assert share(max_views=2, views=2).state(NOW) == Share.State.EXHAUSTED


def test_without_a_time_the_state_is_the_present_one():
    assert share(expires_at=timezone.now() - HOUR).state() == Share.State.EXPIRED
    assert share(expires_at=timezone.now() + HOUR).state() == Share.State.ACTIVE


def test_each_state_has_its_spanish_label():
    assert {state.value: str(state.label) for state in Share.State} == {
        "active": "Activo",
        "revoked": "Revocado",
        "expired": "Vencido",
        "exhausted": "Consultas agotadas",
    }


REFUSALS = {
    Share.State.REVOKED: services.ShareRevokedError,
    Share.State.EXPIRED: services.ShareExpiredError,
    Share.State.EXHAUSTED: services.ShareExhaustedError,
}


def _make(citizen, document, state: Share.State) -> tuple[Share, str]:
    """A share of ``document`` brought to ``state`` the way it happens."""
    created, token = services.share_create(
        citizen=citizen,
        documents=[document],
        expires_at=timezone.now() + HOUR,
        max_views=1,
        recipient=f"Para {state.value}",
    )
    if state == Share.State.REVOKED:
        services.share_revoke(citizen=citizen, share=created)
    elif state == Share.State.EXPIRED:
        Share.objects.filter(pk=created.pk).update(
            created_at=timezone.now() - 3 * HOUR, expires_at=timezone.now() - HOUR
        )
    elif state == Share.State.EXHAUSTED:
        services.share_open(token)
    return created, token


@pytest.mark.django_db
@pytest.mark.parametrize("state", list(REFUSALS))
def test_share_open_refuses_each_state_with_its_error(state, issuer, birth_type, mother):
    document = issue(issuer, birth_type, cuts="MADRE00001")
    created, token = _make(mother, document, state)
    assert Share.objects.get(pk=created.pk).state() == state
    with pytest.raises(REFUSALS[state]):
        services.share_open(token)


@pytest.mark.django_db
def test_the_holders_list_shows_each_share_with_its_state(client, issuer, birth_type):
    active = active_citizen("ESTADOS001")
    folder_login(client, active.citizen)
    document = issue(issuer, birth_type, cuts="ESTADOS001")
    for state in Share.State:
        _make(active.citizen, document, state)
    page = client.get("/carpeta/compartir/").content.decode()
    for state in Share.State:
        badge = f'Para {state.value}</strong> <span class="badge badge-{state.value}">'
        assert badge + str(state.label) + "</span>" in page
