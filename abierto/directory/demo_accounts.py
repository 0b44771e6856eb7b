"""Which accounts are the demo logins, and whether they may be used.

``load_demo`` creates them only with ``DEBUG``, but a database seeded that way may later be
served without it: the demo password is public and the facilitator is a superuser. Without
``DEBUG`` they cannot log in (``backends.AccountBackend`` and the login forms) and
``check --deploy`` fails while any exist (``checks.demo_accounts_check``).

A demo account is one of the ``DEMO_LOGINS`` usernames with its ``@demo.invalid`` address.
Registered accounts are named by their e-mail address, so nobody becomes one by registering.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet

DEMO_EMAIL_DOMAIN = "demo.invalid"
DEMO_USERNAMES = ("facilitacion", "integrante", "dependencia", "ciudadania", "mediacion")


def demo_email(username: str) -> str:
    return f"{username}@{DEMO_EMAIL_DOMAIN}"


def demo_logins_allowed() -> bool:
    return bool(settings.DEBUG)


def is_demo_account(user: Any) -> bool:
    username = getattr(user, "username", "")
    return username in DEMO_USERNAMES and (user.email or "").lower() == demo_email(username)


def demo_accounts() -> QuerySet[Any]:
    match = Q(pk__in=[])
    for username in DEMO_USERNAMES:
        match |= Q(username=username, email__iexact=demo_email(username))
    return get_user_model().objects.filter(match)
