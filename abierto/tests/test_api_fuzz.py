"""schemathesis generates requests from /api/v1/openapi.json: no answer may be a 5xx."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from abierto.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)


@pytest.fixture(autouse=True)
def _generous_rate_limits(settings):
    settings.API_RATE_ANONYMOUS = "1000000/m"


@pytest.fixture(autouse=True)
def _keep_the_test_transaction_open():
    """Calls go straight to the WSGI app, not through Django's test client, so nothing stops
    the request signals from closing the connection that holds the test's transaction (on
    PostgreSQL it really closes; SQLite's in-memory database ignores it). Do what the test
    client does."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.slow
@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_no_generated_request_is_a_server_error(case):
    response = case.call()
    assert response.status_code < 500, (case.method, case.formatted_path, response.text[:500])
