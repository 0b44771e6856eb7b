"""Role fixtures shared by every app's tests: one user per role, and an outsider."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.test import Client
from django.utils import translation
from hypothesis import HealthCheck, settings

from abierto.directory.roles import Role
from abierto.directory.services import role_grant
from abierto.directory.tests.logins import PASSWORD, login_verified

# Hypothesis refuses a test whose inputs take long to generate; with the SQLite and PostgreSQL
# suites sharing two cores, generation alone can take seconds (test_meeting_records failed so
# once, passing alone). The properties are what is checked, not the generator's speed.
settings.register_profile("abierto", suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("abierto")


# Fixtures through which a test reaches the database (pytest-django refuses it otherwise).
_DATABASE_FIXTURES = frozenset(
    {
        "db",
        "transactional_db",
        "django_db_reset_sequences",
        "django_db_serialized_rollback",
        "live_server",
    }
)


def uses_database(item: pytest.Item) -> bool:
    """Whether a test can reach the database: marked for it, or asking for a fixture that
    opens it. Browser and subprocess tests (marked slow) count as reaching it, since the
    server or the command they start reads ``DATABASE_URL``, unless marked ``no_database``
    (the programs they start, Tesseract and the acta reader's child, never open it)."""
    if item.get_closest_marker("django_db"):
        return True
    if item.get_closest_marker("slow") and not item.get_closest_marker("no_database"):
        return True
    return bool(_DATABASE_FIXTURES & set(getattr(item, "fixturenames", ())))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """With ``ABIERTO_TESTS=database`` only the tests that can reach the database run: CI's
    second run, on PostgreSQL, leaves the engine-independent ones (the acta reader's corpora and
    OCR, parsers, tokens) to the first, where they ran already on the same code."""
    if os.environ.get("ABIERTO_TESTS", "") != "database":
        return
    kept = [item for item in items if uses_database(item)]
    if len(kept) != len(items):
        config.hook.pytest_deselected(items=[item for item in items if not uses_database(item)])
        items[:] = kept


@pytest.fixture(autouse=True)
def _default_language() -> Iterator[None]:
    """Each test starts in the platform's language: a request in English leaves English
    active in the thread (LocaleMiddleware does not reset it), which would leak."""
    translation.deactivate()
    yield
    translation.deactivate()


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
        return login_verified(client, user)

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
    from django.db import connections
    from playwright.sync_api import sync_playwright

    # Once Playwright's event loop runs in this thread, asgiref hands out another connection
    # object, without the snapshot that serialized_rollback restores after a flush: carry it
    # over, or later tests would find the data migrations' rows (municipalities) gone.
    snapshots = {
        alias: getattr(connections[alias], "_test_serialized_contents", None)
        for alias in connections
    }
    with sync_playwright() as playwright:
        for alias, contents in snapshots.items():
            if contents is not None:
                connections[alias]._test_serialized_contents = contents
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
def _empty_cache() -> None:
    """Counters kept in the cache (budgets, the per-network login lockout) start at zero: the
    test client's failed logins from 127.0.0.1 would otherwise add up across tests."""
    from django.core.cache import cache

    from abierto.directory import ratelimit

    cache.clear()
    ratelimit.reset_local_counts()


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Files written by a test (letters, documents) go to its own folder, never to var/."""
    settings.MEDIA_ROOT = tmp_path / "media"


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory):
    """Debian's redis-server on a free loopback port, for what app servers share; its URL.

    Skipped where redis-server is missing, but a failure in CI (.ci/run installs it).
    """
    import os
    import shutil
    import subprocess
    import time

    import redis

    binary = shutil.which("redis-server")
    if binary is None:
        if os.environ.get("CI"):
            pytest.fail("Debian's redis-server is not installed: .ci/run must install it.")
        pytest.skip("Debian's redis-server is not installed (apt-get install redis-server).")
    directory = tmp_path_factory.mktemp("redis")
    for _attempt in range(3):
        port = _free_port()
        process = subprocess.Popen(
            [binary, "--bind", "127.0.0.1", "--port", str(port), "--dir", str(directory),
             "--save", "", "--appendonly", "no", "--daemonize", "no"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        url = f"redis://127.0.0.1:{port}/0"
        client = redis.Redis.from_url(url, socket_connect_timeout=0.2)
        deadline = time.monotonic() + 10
        while process.poll() is None and time.monotonic() < deadline:
            try:
                client.ping()
                break
            except redis.ConnectionError:
                time.sleep(0.05)
        else:
            process.kill()
            process.wait(5)
            continue  # the port was taken meanwhile, or the server did not come up
        yield url
        process.terminate()
        process.wait(10)
        return
    pytest.fail("redis-server did not start on a loopback port.")


@pytest.fixture
def redis_cache(settings, redis_server):
    """Django's cache on the real Redis, empty, for this test only."""
    import uuid

    from django.core.cache import cache

    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_server,
            "KEY_PREFIX": f"test-{uuid.uuid4().hex[:12]}",
        }
    }
    yield cache
    cache.clear()
