"""Every response carries an X-Request-ID, and every log line of the request carries it too."""

import io
import json
import logging
import re

import pytest

from abierto.ops import context
from abierto.ops.logging import JsonFormatter, RequestIdFilter


@pytest.mark.django_db
def test_a_request_id_is_made_when_none_comes_in(client):
    first = client.get("/healthz")["X-Request-ID"]
    second = client.get("/healthz")["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", first)
    assert first != second


@pytest.mark.django_db
def test_a_sane_incoming_request_id_is_kept_and_a_strange_one_replaced(client):
    kept = client.get("/healthz", HTTP_X_REQUEST_ID="lb-7f3a9c2e-0001")
    assert kept["X-Request-ID"] == "lb-7f3a9c2e-0001"
    for strange in ("short", "x" * 200, "evil\nheader-injection", "<script>alert(1)</script>"):
        replaced = client.get("/healthz", HTTP_X_REQUEST_ID=strange)
        assert re.fullmatch(r"[0-9a-f]{32}", replaced["X-Request-ID"])


@pytest.mark.django_db
def test_log_lines_of_a_request_are_json_with_its_request_id(client):
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RequestIdFilter())
    logger = logging.getLogger("django.request")
    logger.addHandler(handler)
    try:
        response = client.get("/sesiones/no-existe-esta/", HTTP_X_REQUEST_ID="req-12345678")
    finally:
        logger.removeHandler(handler)
    assert response.status_code == 404
    (line,) = stream.getvalue().splitlines()
    entry = json.loads(line)
    assert entry["request_id"] == "req-12345678"
    assert entry["level"] == "WARNING"
    assert entry["logger"] == "django.request"
    assert "Not Found" in entry["message"]
    assert entry["status_code"] == 404  # passed by Django in `extra`
    assert entry["time"].endswith("+00:00")


def test_the_json_formatter_keeps_extra_fields_and_exceptions():
    token = context.request_id.set("abc12345")
    try:
        try:
            raise ValueError("roto")
        except ValueError:
            record = logging.LogRecord("x", logging.ERROR, __file__, 1, "falló %s", ("algo",), None)
            import sys

            record.exc_info = sys.exc_info()
        record.job = "acta"
        entry = json.loads(JsonFormatter().format(record))
    finally:
        context.request_id.reset(token)
    assert entry["message"] == "falló algo"
    assert entry["request_id"] == "abc12345"
    assert entry["job"] == "acta"
    assert "ValueError: roto" in entry["exception"]
