"""State that several app servers must agree on, kept in a real Redis."""

import pytest
import redis
from axes.handlers.proxy import AxesProxyHandler
from django.contrib.sessions.backends.cache import SessionStore
from django.urls import reverse

from abierto.directory.tests.logins import PASSWORD


@pytest.fixture
def axes_in_cache(settings, redis_cache):
    settings.AXES_HANDLER = "axes.handlers.cache.AxesCacheHandler"
    AxesProxyHandler.get_implementation(force=True)
    yield
    settings.AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
    AxesProxyHandler.get_implementation(force=True)


@pytest.mark.django_db
def test_the_login_lockout_can_count_failures_in_redis(
    client, member, settings, redis_server, axes_in_cache
):
    url = reverse("login")
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        client.post(url, {"username": "bruno", "password": "equivocada"})
    locked = client.post(url, {"username": "bruno", "password": PASSWORD})
    assert locked.status_code == 429
    # The count is in Redis, where every app server reads it.
    keys = redis.Redis.from_url(redis_server).keys("*axes*")
    assert keys


@pytest.mark.django_db
def test_sessions_can_live_in_redis(client, member, settings, redis_server, redis_cache):
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cache"
    response = client.post(reverse("login"), {"username": "bruno", "password": PASSWORD})
    assert response.status_code == 302
    key = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert SessionStore(session_key=key).get("_auth_user_id") == str(member.pk)
    assert redis.Redis.from_url(redis_server).keys("*django.contrib.sessions.cache*")
    assert client.get(reverse("directory:account")).status_code == 200
