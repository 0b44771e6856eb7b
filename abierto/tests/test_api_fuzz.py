"""schemathesis generates requests from /api/v1/openapi.json: no answer may be a 5xx."""

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from abierto.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)


@pytest.fixture(autouse=True)
def _generous_rate_limits(settings):
    settings.API_RATE_ANONYMOUS = "1000000/m"


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
