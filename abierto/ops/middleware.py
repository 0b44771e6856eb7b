"""Request ids, request metrics, health answers and replica routing, as middleware.

Order in ``MIDDLEWARE`` (first to last): ``RequestIdMiddleware``, ``MetricsMiddleware``,
``HealthCheckMiddleware``, then Django's own. Health checks come before ``SecurityMiddleware``
and ``CommonMiddleware`` so that a load balancer probing an address (not a host name in
``ALLOWED_HOSTS``) over plain HTTP gets an answer, not a redirect or a 400.
"""

from __future__ import annotations

import re
import time
import uuid
from collections.abc import Callable

from django.conf import settings
from django.core.signals import request_finished
from django.dispatch import receiver
from django.http import HttpRequest
from django.http.response import HttpResponseBase

from abierto.lib import metrics

from . import context

Handler = Callable[[HttpRequest], HttpResponseBase]

REQUEST_ID_HEADER = "X-Request-ID"
# An id from the proxy in front is kept when it is sane; anything else is replaced.
_SANE_ID = re.compile(r"^[A-Za-z0-9._:-]{8,128}$")
_UNMEASURED = {"/healthz", "/readyz", "/metrics"}


class RequestIdMiddleware:
    """Give each request an id: in ``X-Request-ID`` of the response and in every log line."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        incoming = request.headers.get(REQUEST_ID_HEADER, "")
        request_id = incoming if _SANE_ID.match(incoming) else uuid.uuid4().hex
        request.request_id = request_id  # type: ignore[attr-defined]
        # Not reset on the way out: Django logs a failed response after the middleware has
        # returned; the request_finished signal clears it (see ``_forget_request_id``).
        context.request_id.set(request_id)
        response = self.get_response(request)
        response[REQUEST_ID_HEADER] = request_id
        return response


@receiver(request_finished)
def _forget_request_id(**kwargs: object) -> None:
    context.request_id.set("")


class ReplicaReadsMiddleware:
    """Let anonymous reads go to the read replica (installed only with a replica).

    A request reads from the replica when it is a GET or HEAD without a session cookie or
    credentials: the public pages, the open data and the API. Anything else reads from the
    primary, and so does a browser for ``REPLICA_STICKY_SECONDS`` after it wrote something,
    so that it sees its own write despite the replica's lag.
    """

    cookie = "abierto_primary"

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        safe = request.method in ("GET", "HEAD")
        token = context.replica_reads.set(
            safe
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and self.cookie not in request.COOKIES
            and "authorization" not in request.headers
        )
        try:
            response = self.get_response(request)
        finally:
            context.replica_reads.reset(token)
        if not safe:
            response.set_cookie(
                self.cookie,
                "1",
                max_age=settings.REPLICA_STICKY_SECONDS,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        return response


class MetricsMiddleware:
    """Request latency by view name (never the raw path: ids would explode the series)."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if request.path in _UNMEASURED:
            return self.get_response(request)
        started = time.perf_counter()
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        metrics.request_observed(
            view=(match.view_name or "unnamed") if match else "unresolved",
            method=request.method if request.method in _METHODS else "other",
            status_code=response.status_code,
            seconds=time.perf_counter() - started,
        )
        return response


_METHODS = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}


class HealthCheckMiddleware:
    """Answer ``/healthz`` and ``/readyz`` before host checks and HTTPS redirects."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        from . import views

        if request.path == "/healthz":
            return _hardened(views.healthz(request))
        if request.path == "/readyz":
            return _hardened(views.readyz(request))
        return self.get_response(request)


# Health answers skip SecurityMiddleware and the CSP middleware, so they carry the headers
# those would have added themselves: a JSON body that no browser may sniff, frame or run.
HEALTH_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
    "Referrer-Policy": "same-origin",
}


def _hardened(response: HttpResponseBase) -> HttpResponseBase:
    for header, value in HEALTH_HEADERS.items():
        response.headers.setdefault(header, value)
    return response
