"""Staff sessions end after ``STAFF_IDLE_MINUTES`` without a request (ASVS 3.3.2).

Every session lasts ``SESSION_COOKIE_AGE`` (8 hours) at most. A staff account (a facilitator,
a member of the STL, an agency clerk, the back office) reaches records that are not public
yet, so its session also ends, on the server, once it has sat idle for the limit: the next
request finds it logged out and goes to the login page with a message and its ``next``. The
clock starts at the login (``user_logged_in``) and is noted at most once a minute, like the
folder's own idle limit (``folder.auth._still_active``), which governs folder sessions.

Only sessions that were staff at their login carry the clock: the role is looked up once,
there, never on every request.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.contrib.auth.views import redirect_to_login
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.http.response import HttpResponseBase
from django.shortcuts import resolve_url
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from .roles import Role
from .selectors import user_has_role

SESSION_SEEN = "directory.seen"
SEEN_RESOLUTION_SECONDS = 60  # the session is written at most once a minute to note activity
STAFF_ROLES = (Role.FACILITATOR, Role.MEMBER, Role.AGENCY_CLERK)
API_PREFIX = "/api/"  # token-authenticated: a logged-out session changes nothing there


# Other apps' roles that make an account staff (a municipal forum's facilitation, say): each
# app registers its check when it starts, since the directory cannot import them.
STAFF_CHECKS: list[Callable[[Any], bool]] = []


def register_staff_check(check: Callable[[Any], bool]) -> None:
    if check not in STAFF_CHECKS:
        STAFF_CHECKS.append(check)


def is_staff_account(user: Any) -> bool:
    if not getattr(user, "is_active", False):
        return False
    if getattr(user, "is_staff", False) or getattr(user, "is_superuser", False):
        return True
    if any(user_has_role(user, role) for role in STAFF_ROLES):
        return True
    return any(check(user) for check in STAFF_CHECKS)


@receiver(user_logged_in, dispatch_uid="abierto.directory.idle.clock")
def _start_clock(sender: Any, request: HttpRequest | None, user: Any, **_: Any) -> None:
    session = getattr(request, "session", None)
    if session is not None and is_staff_account(user):
        session[SESSION_SEEN] = time.time()


def _same_site_path(request: HttpRequest, url: str) -> str:
    if not url or not url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return ""
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def _next(request: HttpRequest) -> str:
    """Where to come back after logging in again: the page asked for; for a form sent (or
    an htmx request), the page it was sent from."""
    if request.headers.get("HX-Request"):
        return _same_site_path(request, request.headers.get("HX-Current-URL", ""))
    if request.method in {"GET", "HEAD"}:
        return request.get_full_path()
    return _same_site_path(request, request.headers.get("Referer", ""))


def to_login(request: HttpRequest) -> HttpResponseBase:
    target = _next(request)
    url = redirect_to_login(target)["Location"] if target else resolve_url(settings.LOGIN_URL)
    if request.headers.get("HX-Request"):
        response = HttpResponse()
        response["HX-Redirect"] = url  # the whole page, not the fragment, goes to the login
        return response
    return HttpResponseRedirect(url)


class StaffIdleMiddleware:
    """After ``AuthenticationMiddleware`` and ``MessageMiddleware``."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        seen = request.session.get(SESSION_SEEN)
        if isinstance(seen, int | float) and request.user.is_authenticated:
            now = time.time()
            if now - seen > settings.STAFF_IDLE_MINUTES * 60:
                return self._end(request)
            if now - seen >= SEEN_RESOLUTION_SECONDS:
                request.session[SESSION_SEEN] = now
        return self.get_response(request)

    def _end(self, request: HttpRequest) -> HttpResponseBase:
        response = None if request.path_info.startswith(API_PREFIX) else to_login(request)
        logout(request)
        if response is None:
            return self.get_response(request)
        messages.info(
            request, _("Su sesión se cerró por inactividad. Entre de nuevo para continuar.")
        )
        return response
