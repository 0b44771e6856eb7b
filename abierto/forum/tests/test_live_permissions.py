"""The live screen's role matrix: every role by every live URL of a municipal forum's session,
allowed (the state facilitation, the forum's own facilitation) or refused (everyone else), and a
refusal changes nothing."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from abierto.directory.models import AuditEvent, Municipality
from abierto.directory.tests.logins import login_verified
from abierto.forum import services
from abierto.forum.models import AgendaItem, Agreement, Session

from .factories import AgendaItemFactory, SessionFactory, forum_with_seats

pytestmark = pytest.mark.django_db

ALLOWED = ["facilitator", "toluca_facilitator"]
REFUSED = [
    "tlalne_facilitator",
    "toluca_member",
    "member",
    "agency_clerk",
    "citizen",
    "outsider",
]


def _forum_user(username, forum, role):
    user = get_user_model().objects.create_user(username=username, password="x")
    services.forum_role_grant(actor=None, user=user, forum=forum, role=role)
    return user


@pytest.fixture
def world(request):
    toluca = services.forum_create_municipal(
        actor=None, municipality=Municipality.objects.get(code="15106")
    )
    tlalne = services.forum_create_municipal(
        actor=None, municipality=Municipality.objects.get(code="15104"), acronym="STM-TLALNE"
    )
    _forum, seats = forum_with_seats(3, forum=toluca)
    earlier = SessionFactory(forum=toluca, number=1, date=datetime.date(2022, 10, 1))
    earlier_item = AgendaItemFactory(session=earlier, number=1)
    agreement = Agreement.objects.create(
        session=earlier,
        agenda_item=earlier_item,
        number=1,
        code="STM-TOLUCA/I/1/2022",
        text="Dar seguimiento.",
        requires_follow_up=True,
    )
    session = SessionFactory(forum=toluca, number=2)
    AgendaItemFactory(session=session, number=1, title="Votación de prueba.")
    AgendaItemFactory(
        session=session, number=2, title="Aprobación del acta.", kind=AgendaItem.Kind.DECISIVE
    )
    AgendaItemFactory(
        session=session, number=3, title="Aprobación del calendario.", kind=AgendaItem.Kind.DECISIVE
    )
    users = {
        "toluca_facilitator": _forum_user("ft", toluca, "facilitator"),
        "tlalne_facilitator": _forum_user("fl", tlalne, "facilitator"),
        "toluca_member": _forum_user("mt", toluca, "member"),
    }
    for name in ("facilitator", "member", "agency_clerk", "citizen", "outsider"):
        users[name] = request.getfixturevalue(name)
    return {"session": session, "seats": seats, "agreement": agreement, "users": users}


def live_requests(world) -> list[tuple[str, str, dict]]:
    """(method, URL, data) of every live page, with data a facilitator could send."""
    session, agreement = world["session"], world["agreement"]
    pid = session.public_id

    def url(name, *args):
        return reverse(f"forum_manage:{name}", args=[pid, *args])

    return [
        ("get", url("session_live"), {}),
        ("post", url("live_roll_call"), {f"seat_{s.pk}_holder": "on" for s in world["seats"]}),
        ("post", url("live_guest"), {"name": "Persona Invitada", "role": "Observadora"}),
        ("post", url("live_time", "inicio"), {"open-time": "11:05"}),
        (
            "post",
            url("live_vote", 1),
            {"i1-motion": "Prueba", "i1-votes_for": 3, "i1-votes_against": 0, "i1-abstentions": 0},
        ),
        (
            "post",
            url("live_minutes_approval", 2),
            {"m2-votes_for": 3, "m2-votes_against": 0, "m2-abstentions": 0},
        ),
        (
            "post",
            url("live_calendar", 3),
            {"c3-year": 2023, "c3-votes_for": 3, "c3-votes_against": 0, "c3-abstentions": 0},
        ),
        ("post", url("live_narrative", 1), {"n1-narrative": "Se presentó el punto."}),
        ("post", url("live_item_start", 1), {}),
        (
            "post",
            url("live_follow_up", agreement.public_id),
            {f"f{agreement.pk}-status": "in_progress", f"f{agreement.pk}-note": "Avanza."},
        ),
    ]


def test_the_matrix_names_every_live_url(world):
    names = {p.name for p in _manage_patterns() if "conducir" in str(p.pattern)}
    walked = {_name_of(url) for _m, url, _d in live_requests(world)}
    assert names == walked


@pytest.mark.parametrize("who", REFUSED)
def test_every_live_url_refuses(client, world, who):
    login_verified(client, world["users"][who])
    events = AuditEvent.objects.count()
    for method, url, data in live_requests(world):
        response = getattr(client, method)(url, data)
        assert response.status_code == 403, (who, url)
    assert AuditEvent.objects.count() == events
    session = Session.objects.get(pk=world["session"].pk)
    assert session.status == Session.Status.CONVENED
    assert not session.attendance.exists()
    assert not AgendaItem.objects.filter(session=session).exclude(narrative="").exists()


@pytest.mark.parametrize("who", ALLOWED)
def test_every_live_url_lets_the_forums_facilitation_in(client, world, who):
    login_verified(client, world["users"][who])
    for method, url, data in live_requests(world):
        response = getattr(client, method)(url, data)
        # 400: the service refused this step here (no acta awaiting approval, say), not the user.
        assert response.status_code in {200, 302, 400}, (who, url, response.status_code)
    session = Session.objects.get(pk=world["session"].pk)
    assert AuditEvent.objects.filter(action="session.opened", actor=world["users"][who]).exists()
    assert session.attendance.filter(capacity="guest").exists()
    assert session.agenda.get(number=1).narrative == "Se presentó el punto."
    assert session.agenda.get(number=1).votes.exists()
    assert world["agreement"].follow_ups.exists()


def test_anonymous_visitors_go_to_the_login(client, world):
    for method, url, data in live_requests(world):
        response = getattr(client, method)(url, data)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("login")), url


def _manage_patterns():
    from .test_forum_permissions import manage_patterns

    return manage_patterns()


def _name_of(url: str) -> str:
    from django.urls import resolve

    return resolve(url).url_name or ""
