"""A database that goes away during a request answers 503 with a page, not a stack trace."""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.db.utils import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template import loader

logger = logging.getLogger("abierto.database")

RETRY_AFTER_SECONDS = 30


class DatabaseUnavailableMiddleware:
    """Turn ``OperationalError``/``InterfaceError`` raised by a view into a 503 page."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            return self.get_response(request)
        except (OperationalError, InterfaceError) as exc:
            return self.unavailable(request, exc)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, OperationalError | InterfaceError):
            return self.unavailable(request, exception)
        return None

    def unavailable(self, request: HttpRequest, exc: Exception) -> HttpResponse:
        logger.error("database unavailable: %s", exc.__class__.__name__, exc_info=exc)
        # The template uses no context processor: they may query the database too.
        content = loader.get_template("503.html").render({})
        response = HttpResponse(content, status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        response["Cache-Control"] = "no-store"
        return response
