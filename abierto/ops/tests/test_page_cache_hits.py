"""What a hit of the public pages' cache does and does not do (issue 19): no database, the
version shared between processes, the visitor's CSRF token made the way Django makes it."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from django.core.cache import caches
from django.middleware.csrf import (  # type: ignore[attr-defined]
    CSRF_ALLOWED_CHARS,
    _mask_cipher_secret,
    _unmask_cipher_token,
)
from django.test import Client
from hypothesis import given
from hypothesis import strategies as st

from abierto.forum import services
from abierto.forum.models import Forum
from abierto.forum.tests.factories import SessionFactory
from abierto.ops.page_cache import PublicPageCacheMiddleware, csrf
from abierto.ops.page_cache.version import SharedToken, current_version

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def shared(settings, tmp_path):
    """The production configuration without Redis: files, and the version in shared memory."""
    settings.CACHES = {
        **settings.CACHES,
        "pages": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path / "pages"),
        },
    }
    settings.PAGE_CACHE_VERSION_FILE = str(tmp_path / "page-version")
    settings.PAGE_CACHE_SECONDS = 600
    PublicPageCacheMiddleware.local.clear()
    yield tmp_path / "page-version"
    caches["pages"].clear()
    PublicPageCacheMiddleware.local.clear()


@pytest.fixture
def session(db):
    forum = Forum.objects.get_or_create(
        acronym="STL", defaults={"name": "Secretariado Técnico Local"}
    )[0]
    return SessionFactory(forum=forum, place="Sala de Cabildos")


def page(session):
    return f"/sesiones/{session.public_id}/"


def test_a_hit_touches_no_database(shared, session, django_assert_num_queries):
    Client().get(page(session))
    with django_assert_num_queries(0):
        response = Client().get(page(session))
    assert response["X-Page-Cache"] == "hit"


def test_a_version_bumped_by_another_process_is_seen_by_the_next_request(shared, session):
    Client().get(page(session))
    assert Client().get(page(session))["X-Page-Cache"] == "hit"
    before = current_version()
    bump = textwrap.dedent(
        f"""
        from pathlib import Path
        from abierto.ops.page_cache.version import SharedToken
        SharedToken(Path({str(shared)!r})).bump()
        """
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "abierto.test_settings"}
    subprocess.run([sys.executable, "-c", bump], cwd=ROOT, env=env, check=True)
    assert current_version() != before
    assert Client().get(page(session))["X-Page-Cache"] == "miss"


def test_a_write_is_read_back_from_the_shared_memory_version(
    shared, session, facilitator, django_capture_on_commit_callbacks
):
    Client().get(page(session))
    assert Client().get(page(session))["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        services.session_update(actor=facilitator, session=session, place="Salón Morelos")
    response = Client().get(page(session))
    assert response["X-Page-Cache"] == "miss"
    assert "Salón Morelos" in response.content.decode()


def test_an_empty_version_file_gets_a_token(tmp_path):
    token = SharedToken(tmp_path / "version")
    first = token.read()
    assert first != "0" * 16
    assert SharedToken(tmp_path / "version").read() == first  # another mapping, same token
    token.bump()
    assert SharedToken(tmp_path / "version").read() != first


def test_a_visitor_with_an_old_masked_cookie_is_served_and_their_token_works(shared, session):
    Client().get(page(session))
    secret = "a" * 32
    visitor = Client(enforce_csrf_checks=True)
    visitor.cookies["csrftoken"] = _mask_cipher_secret(secret)  # 64 characters, as before 4.1
    answer = visitor.get(page(session))
    assert answer["X-Page-Cache"] == "hit"
    assert answer.cookies["csrftoken"].value == secret  # Django turned it into the secret
    token = answer.content.decode().split('name="csrfmiddlewaretoken" value="')[1][:64]
    switched = visitor.post("/i18n/setlang/", {"language": "en", "csrfmiddlewaretoken": token})
    assert switched.status_code == 302


@given(st.text(alphabet=CSRF_ALLOWED_CHARS, min_size=32, max_size=32))
def test_a_masked_token_is_one_that_django_unmasks_to_the_secret(secret):
    token = csrf.masked(secret.encode("ascii")).decode("ascii")
    assert len(token) == 64
    assert set(token) <= set(CSRF_ALLOWED_CHARS)
    assert _unmask_cipher_token(token) == secret


@given(st.integers(min_value=1, max_value=300))
def test_random_characters_are_of_the_allowed_alphabet(length):
    chars = csrf.random_chars(length)
    assert len(chars) == length
    assert set(chars.decode("ascii")) <= set(CSRF_ALLOWED_CHARS)


def test_every_allowed_character_comes_out_about_equally_often():
    counts = dict.fromkeys(CSRF_ALLOWED_CHARS.encode("ascii"), 0)
    for byte in csrf.random_chars(62 * 2000):
        counts[byte] += 1
    # 2000 expected each, give or take 45; taking every byte modulo 62 would give 8 of them 2480
    assert min(counts.values()) > 1750
    assert max(counts.values()) < 2250


@given(st.text(max_size=70))
def test_only_a_plain_secret_cookie_is_used_as_it_is(value):
    expected = len(value) == 32 and set(value) <= set(CSRF_ALLOWED_CHARS)
    assert (csrf.plain_secret(value) is not None) == expected
