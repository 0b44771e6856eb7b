"""Logging staff in from tests: as the two-step login leaves the session."""

from __future__ import annotations

import time
from typing import Any

from django.contrib.auth.models import User
from django.test import Client

from abierto.directory import second_factor
from abierto.directory.factor_login import mark_verified
from abierto.lib import totp

# The password of every user the shared fixtures (``conftest``) create.
PASSWORD = "correct horse battery staple 2022"


def login_verified(client: Client, user: User) -> Client:
    """``force_login`` with the staff second factor passed (``factor_login``); the tests of the
    login itself go through its pages."""
    client.force_login(user)
    session = client.session
    mark_verified(session)
    session.save()
    return client


def enrol(user: User, secret: str | None = None) -> str:
    """Give ``user`` a confirmed second factor; its secret (codes: ``code_for``)."""
    factor = second_factor.second_factor_enrol_start(actor=user, user=user, secret=secret)
    secret = second_factor.factor_secret(factor)
    codes = second_factor.second_factor_enrol_confirm(
        actor=user, user=user, code=code_for(secret, time.time() - totp.DEFAULT_PERIOD)
    )
    assert codes is not None
    return secret


def code_for(secret: str, at: float | None = None) -> str:
    return totp.totp(totp.decode_secret(secret), at)


def wrong_code(secret: str) -> str:
    """Six digits that are no code of the window around now."""
    now = time.time()
    taken = {code_for(secret, now + k * totp.DEFAULT_PERIOD) for k in (-2, -1, 0, 1, 2)}
    return next(
        c for c in ("000000", "111111", "222222", "333333", "444444", "555555") if c not in taken
    )


def type_code(page: Any, secret: str, at: float | None = None) -> None:
    """In the browser, on the second step of the login: type the current code and enter."""
    page.get_by_label("Código de verificación").fill(code_for(secret, at))
    page.get_by_role("button", name="Entrar").click()
    # The click returns once the next page starts loading; wait until its deferred scripts
    # (htmx) have run, or a control used at once can fire before htmx listens to it.
    page.wait_for_load_state("load")


def log_in_on_page(
    page: Any, base_url: str, username: str, password: str, secret: str | None, next_path: str = ""
) -> None:
    """In the browser, through the login's pages: the password, then (for staff, whose
    ``secret`` is given) the second factor's code; ``next_path`` is where the login leads."""
    query = f"?next={next_path}" if next_path else ""
    page.goto(f"{base_url}/cuenta/entrar/{query}")
    page.get_by_label("Nombre de usuario").fill(username)
    page.get_by_label("Contraseña").fill(password)
    page.get_by_role("button", name="Entrar").click()
    if secret is not None:
        type_code(page, secret)


def log_in_staff(page: Any, base_url: str, user: User, next_path: str = "") -> str:
    """Enrol ``user`` (a fixture's, with ``PASSWORD``) in the second factor and log them in
    through the login's pages; the factor's secret."""
    secret = enrol(user)
    log_in_on_page(page, base_url, user.username, PASSWORD, secret, next_path)
    return secret
