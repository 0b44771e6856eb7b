"""Role fixtures shared by every app's tests: one user per role, and an outsider."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.test import Client

from abierto.directory.roles import Role
from abierto.directory.services import role_grant

PASSWORD = "correct horse battery staple 2022"


def _user(username: str, role: Role | None = None, **extra: object) -> User:
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.org", password=PASSWORD, **extra
    )
    if role is not None:
        role_grant(user=user, role=role)
    return user


@pytest.fixture
def facilitator(db: None) -> User:
    return _user("alicia", Role.FACILITATOR)


@pytest.fixture
def member(db: None) -> User:
    return _user("bruno", Role.MEMBER)


@pytest.fixture
def agency_clerk(db: None) -> User:
    return _user("carmen", Role.AGENCY_CLERK)


@pytest.fixture
def citizen(db: None) -> User:
    return _user("daniel", Role.CITIZEN)


@pytest.fixture
def outsider(db: None) -> User:
    """Logged in, but holding no role at all."""
    return _user("eva")


@pytest.fixture
def client_as(client: Client):
    def login(user: User) -> Client:
        client.force_login(user)
        return client

    return login


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium driven by Playwright; never a browser downloaded by Playwright."""
    import os
    import shutil

    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if executable is None:
        if os.environ.get("CI"):
            pytest.fail("Debian's chromium is not installed: .ci/run must install it.")
        pytest.skip("Debian's chromium is not installed (apt-get install chromium).")
    # Playwright's sync API runs an event loop in this thread; the live server's database
    # work happens in its own thread, so Django's async guard does not apply to it.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--disable-sync",
                "--disable-quic",
                "--disable-dev-shm-usage",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server, settings):
    settings.SITE_URL = live_server.url
    context = browser.new_context(locale="es-MX", viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Files written by a test (letters, documents) go to its own folder, never to var/."""
    settings.MEDIA_ROOT = tmp_path / "media"
