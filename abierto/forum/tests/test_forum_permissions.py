"""Roles per forum: a municipal facilitator acts only in their own forum.

Every management URL of forum A is walked as forum B's facilitator, from the URL resolver, so
that a page added later is checked too.
"""

from __future__ import annotations

import hashlib

import pytest
from django.contrib.auth import get_user_model
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from abierto.directory.models import Municipality
from abierto.directory.tests.logins import login_verified
from abierto.forum import access, services
from abierto.forum.models import ActaImport, Agreement, ForumRole, Session

from .factories import AgendaItemFactory, ForumFactory, SessionFactory

pytestmark = pytest.mark.django_db

# Pages that take no record and act on the forum chosen with ?forum=<slug>.
FORUM_CHOSEN_BY_QUERY = {"session_list", "session_create", "session_next_number", "acta_upload"}
# The member's own page lists only what concerns them (tested below), it names no forum.
NO_FORUM = {"member_home"}
# The state facilitation's own pages: no municipal facilitator reaches them (test_forum_admin).
STATE_ONLY = {"forum_admin", "forum_create", "installation_edit"}


def manage_patterns() -> list[URLPattern]:
    for entry in get_resolver().url_patterns:
        if isinstance(entry, URLResolver) and entry.namespace == "forum_manage":
            return [p for p in entry.url_patterns if isinstance(p, URLPattern)]
    raise AssertionError("forum_manage is not mounted")


def facilitator_of(forum, username):
    user = get_user_model().objects.create_user(username=username, password="x")
    services.forum_role_grant(actor=None, user=user, forum=forum, role="facilitator")
    return user


@pytest.fixture
def two_forums():
    forum_a = services.forum_create_municipal(
        actor=None, municipality=Municipality.objects.get(code="15106")
    )
    forum_b = services.forum_create_municipal(
        actor=None, municipality=Municipality.objects.get(code="15104"), acronym="STM-TLALNEPANTLA"
    )
    session = SessionFactory(forum=forum_a, number=1)
    item = AgendaItemFactory(session=session, number=1)
    agreement = Agreement.objects.create(
        session=session, agenda_item=item, number=1, code="STM-TOLUCA/I/1/2022", text="Acuerdo."
    )
    acta = ActaImport.objects.create(
        forum=forum_a,
        source_name="acta.pdf",
        source_sha256=hashlib.sha256(b"a").hexdigest(),
        source_text="",
        parsed={},
    )
    return {
        "a": forum_a,
        "b": forum_b,
        "session": session,
        "agreement": agreement,
        "acta": acta,
        "facilitator_a": facilitator_of(forum_a, "fa"),
        "facilitator_b": facilitator_of(forum_b, "fb"),
    }


def url_of(pattern: URLPattern, world) -> str:
    values = {
        "public_id": world["session"].public_id,
        "number": 1,
        "action": "approve",
        "which": "start",
        "agreement_id": world["agreement"].public_id,
        "pk": world["acta"].pk,
        "material_id": "sin-material",
        "code": world["a"].municipality.code,
    }
    keys = pattern.pattern.converters.keys()
    url = reverse(f"forum_manage:{pattern.name}", kwargs={k: values[k] for k in keys})
    if pattern.name in FORUM_CHOSEN_BY_QUERY:
        url += f"?forum={world['a'].slug}&kind=ordinary"
    return url


def test_every_management_url_of_forum_a_refuses_forum_bs_facilitator(client, two_forums):
    patterns = [p for p in manage_patterns() if p.name not in NO_FORUM]
    assert len(patterns) >= 24
    login_verified(client, two_forums["facilitator_b"])
    before = Session.objects.get(pk=two_forums["session"].pk)
    for pattern in patterns:
        url = url_of(pattern, two_forums)
        # 405 answers a method the page never takes; the other method must be refused.
        codes = {method: getattr(client, method)(url).status_code for method in ("get", "post")}
        assert set(codes.values()) <= {403, 405}, (url, codes)
        assert 403 in codes.values(), (url, codes)
    after = Session.objects.get(pk=two_forums["session"].pk)
    assert (after.status, after.updated_at) == (before.status, before.updated_at)


def test_forum_as_facilitator_reaches_the_same_urls(client, two_forums):
    login_verified(client, two_forums["facilitator_a"])
    for pattern in manage_patterns():
        if pattern.name in NO_FORUM | STATE_ONLY:
            continue
        response = client.get(url_of(pattern, two_forums))
        assert response.status_code != 403, pattern.name


def test_the_state_facilitator_oversees_every_forum(client_as, facilitator, two_forums):
    client = client_as(facilitator)
    url = reverse("forum_manage:session_manage", args=[two_forums["session"].public_id])
    assert client.get(url).status_code == 200
    assert set(access.forums_managed_by(facilitator)) == {two_forums["a"], two_forums["b"]}


def test_a_facilitator_of_the_state_forum_by_role_oversees_every_forum(two_forums):
    user = facilitator_of(ForumFactory(), "estatal")
    assert access.can_manage(user, two_forums["a"])
    assert access.can_manage(user, two_forums["b"])


def test_a_municipal_facilitators_list_shows_only_their_forum(client, two_forums):
    SessionFactory(forum=two_forums["b"], number=7)
    login_verified(client, two_forums["facilitator_b"])
    response = client.get(reverse("forum_manage:session_list"))
    assert response.status_code == 200
    assert [s.forum for s in response.context["sessions"]] == [two_forums["b"]]


def test_a_new_session_goes_to_the_facilitators_own_forum(client, two_forums):
    login_verified(client, two_forums["facilitator_b"])
    response = client.get(reverse("forum_manage:session_create"))
    assert response.context["forum"] == two_forums["b"]


def test_a_municipal_member_reads_only_their_forums_letters(client, two_forums):
    user = get_user_model().objects.create_user(username="miembro", password="x")
    services.forum_role_grant(actor=None, user=user, forum=two_forums["b"], role="member")
    login_verified(client, user)
    url = reverse("forum_manage:convocation_letter", args=[two_forums["session"].public_id])
    assert client.get(url).status_code == 403
    assert client.get(reverse("forum_manage:member_home")).status_code == 200
    assert not ForumRole.objects.filter(user=user, forum=two_forums["a"]).exists()


def test_outsiders_and_unknown_forums_are_refused(client, outsider, two_forums):
    login_verified(client, outsider)
    assert client.get(reverse("forum_manage:session_list")).status_code == 403
    login_verified(client, two_forums["facilitator_b"])
    response = client.get(reverse("forum_manage:session_create") + "?forum=no-existe")
    assert response.status_code == 404


def test_a_municipal_facilitator_finds_their_pages_in_the_menu(client, two_forums, outsider):
    login_verified(client, two_forums["facilitator_b"])
    menu = client.get("/").content.decode()
    assert reverse("forum_manage:session_list") in menu
    login_verified(client, outsider)
    assert reverse("forum_manage:session_list") not in client.get("/").content.decode()


def test_a_municipal_facilitator_has_the_staff_idle_timeout(two_forums, outsider):
    from abierto.directory.idle import is_staff_account

    assert is_staff_account(two_forums["facilitator_b"])
    assert not is_staff_account(outsider)


def test_a_municipal_facilitator_without_a_second_factor_enrols_first(client, two_forums):
    from abierto.directory.models import StaffSecondFactor

    facilitator = two_forums["facilitator_b"]
    facilitator.set_password("correct horse battery staple 2022")
    facilitator.save()
    response = client.post(
        reverse("login"), {"username": "fb", "password": "correct horse battery staple 2022"}
    )
    assert response["Location"] == "/cuenta/entrar/activar-codigo/"
    assert "_auth_user_id" not in client.session
    assert client.get("/cuenta/entrar/activar-codigo/").status_code == 200
    assert StaffSecondFactor.objects.filter(user=facilitator, confirmed_at=None).exists()
    manage = client.get(reverse("forum_manage:session_list"))
    assert manage.status_code == 302
    assert manage["Location"].startswith(reverse("login"))


def test_a_municipal_facilitators_session_without_the_code_is_logged_out(client, two_forums):
    client.force_login(two_forums["facilitator_b"])  # as another login form would
    response = client.get(reverse("forum_manage:session_list"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login") + "?next=")
    assert "_auth_user_id" not in client.session


def test_forum_roles_need_the_staff_second_factor_and_outsiders_do_not(two_forums, outsider):
    from abierto.directory.selectors import second_factor_required

    member = get_user_model().objects.create_user(username="mb", password="x")
    services.forum_role_grant(actor=None, user=member, forum=two_forums["b"], role="member")
    assert second_factor_required(two_forums["facilitator_b"])
    assert second_factor_required(member)
    assert not second_factor_required(outsider)
