"""Middleware of the whole site: a database that goes away during a request answers 503 with
a page, not a stack trace; a request that carries NUL characters is refused with a 400."""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.db.utils import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.utils.translation import gettext as _

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


class NulCharacterMiddleware:
    """Refuse a request whose path, query or JSON body carries a NUL character.

    No text the platform stores or looks up can contain one, and PostgreSQL refuses it in
    any text parameter (``DataError``), which would surface as a 500. Django's forms already
    refuse it field by field; this covers the URL and the API's JSON bodies, before any view.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if self._carries_nul(request):
            message = _("La solicitud contiene caracteres nulos (\\0), que no se admiten.")
            if request.path.startswith("/api/"):
                return JsonResponse({"detail": message}, status=400)
            return render(request, "400.html", status=400)
        return self.get_response(request)

    @staticmethod
    def _carries_nul(request: HttpRequest) -> bool:
        if "\x00" in request.path:
            return True
        for key, values in request.GET.lists():
            if "\x00" in key or any("\x00" in value for value in values):
                return True
        if request.content_type == "application/json":
            body = request.body  # bounded by DATA_UPLOAD_MAX_MEMORY_SIZE
            return b"\x00" in body or b"\\u0000" in body
        return False
