"""The second step of a staff login, and the guard that no staff session skips it.

A password that belongs to a facilitator, an agency clerk or the back office does not log
in: ``LoginView`` keeps the account as *pending* in the (anonymous) session, and only the
code of its authenticator, or a recovery code, on the next page calls Django's ``login``.
An account with no confirmed factor enrols first, on its own page, before anything else.

Every login notes in its session whether it still owes the second factor (``user_logged_in``
here): ``verified`` after the second step, ``required`` for a staff account logged in any
other way (the admin's own login form, the folder's, a session opened before this existed),
``none`` for everyone else. ``SecondFactorMiddleware`` logs a ``required`` session out and
sends it to the login page; it reads only the session, never the roles, on each request.

Wrong codes are failed logins like wrong passwords: Django's ``user_login_failed`` reaches
django-axes (per username and address) and the per-network lockout (``lockout``), so the
password and the code share one budget.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, login, logout
from django.contrib.auth.models import User
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import receiver
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.utils.translation import gettext as _

from . import selectors
from .idle import API_PREFIX, to_login
from .lockout import network_is_locked

SESSION_STATE = "directory.factor"
SESSION_PENDING = "directory.factor.pending"
VERIFIED, REQUIRED, NOT_REQUIRED = "verified", "required", "none"
PENDING_SECONDS = 5 * 60  # between the password and the code


def required_for(user: Any) -> bool:
    return bool(settings.STAFF_TOTP_REQUIRED) and selectors.second_factor_required(user)


@receiver(user_logged_in, dispatch_uid="abierto.directory.factor_login.state")
def _note_state(sender: Any, request: HttpRequest | None, user: Any, **_: Any) -> None:
    session = getattr(request, "session", None)
    if session is not None:
        session[SESSION_STATE] = REQUIRED if required_for(user) else NOT_REQUIRED


def mark_verified(session: Any) -> None:
    """The session passed the second step (tests that log staff in call it too)."""
    session[SESSION_STATE] = VERIFIED


# The pending account, between the password and the code --------------------------------------


def pending_start(request: HttpRequest, user: User, next_url: str) -> None:
    request.session.cycle_key()
    request.session[SESSION_PENDING] = {
        "user": user.pk,
        "backend": getattr(user, "backend", settings.AUTHENTICATION_BACKENDS[-1]),
        "at": time.time(),
        "next": next_url,
    }


def pending(request: HttpRequest) -> tuple[User, str] | None:
    """The account whose password was typed in this session a moment ago, and its ``next``."""
    state = request.session.get(SESSION_PENDING)
    if not isinstance(state, dict) or time.time() - float(state.get("at", 0)) > PENDING_SECONDS:
        return None
    pk = state.get("user")
    if not isinstance(pk, int):
        return None
    user = get_user_model().objects.filter(pk=pk, is_active=True).first()
    if user is None:
        return None
    setattr(user, "backend", state["backend"])  # noqa: B010 - as authenticate() does
    return user, str(state.get("next", ""))


def pending_clear(request: HttpRequest) -> None:
    request.session.pop(SESSION_PENDING, None)


def complete_login(request: HttpRequest, user: User) -> None:
    """Log the pending account in, with the second step passed."""
    pending_clear(request)
    login(request, user, backend=getattr(user, "backend", None))
    mark_verified(request.session)


# Failures share the password's lockout --------------------------------------------------------


def _credentials(user: User) -> dict[str, str]:
    return {"username": user.get_username()}


def is_locked(request: HttpRequest, user: User) -> bool:
    return network_is_locked(request) or AxesProxyHandler.is_locked(request, _credentials(user))


def failure_record(request: HttpRequest, user: User) -> None:
    """Count a wrong code as a failed login of ``user`` from this address and network."""
    user_login_failed.send(sender=__name__, credentials=_credentials(user), request=request)


# The guard --------------------------------------------------------------------------------------


class SecondFactorMiddleware:
    """After ``StaffIdleMiddleware`` (an idle session ends with its own message first)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if settings.STAFF_TOTP_REQUIRED and request.user.is_authenticated:
            state = request.session.get(SESSION_STATE)
            if state is None:  # a session opened before the second factor existed
                state = REQUIRED if required_for(request.user) else NOT_REQUIRED
                request.session[SESSION_STATE] = state
            if state == REQUIRED:
                return self._refuse(request)
        return self.get_response(request)

    def _refuse(self, request: HttpRequest) -> HttpResponseBase:
        response = None if request.path_info.startswith(API_PREFIX) else to_login(request)
        logout(request)
        if response is None:
            return self.get_response(request)
        messages.info(
            request,
            _(
                "Las cuentas del personal entran con la contraseña y un código de su "
                "aplicación de autenticación. Entre de nuevo para continuar."
            ),
        )
        return response
