"""Middleware of the whole site: a database that goes away during a request answers 503 with
a page, not a stack trace; a request that carries NUL characters is refused with a 400."""

from __future__ import annotations

import json
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
    """Refuse a request whose path, query or body carries a NUL character.

    No text the platform stores or looks up can contain one, and PostgreSQL refuses it in
    any text parameter (``DataError``), which would surface as a 500. Django's forms already
    refuse it field by field; this covers the URL and the bodies that are not forms, before
    any view. django-ninja reads a body as JSON whatever its content type says, so every
    body but a multipart upload (whose files may hold any byte, and which is not read here so
    that it can stream to disk) is looked at: a raw NUL byte anywhere, or a ``\\u0000`` escape
    that decodes to a NUL in a JSON string or key.
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
        if request.content_type == "multipart/form-data":
            return False
        body = request.body  # bounded by DATA_UPLOAD_MAX_MEMORY_SIZE
        if b"\x00" in body:
            return True
        return b"\\u0000" in body and _json_holds_nul(body)


def _json_holds_nul(body: bytes) -> bool:
    """Whether ``body``, read as JSON, has a NUL in a string or a key (``"C:\\\\u0000"`` is a
    backslash followed by ``u0000``, not a NUL). A body that is not JSON holds none: the
    parser refuses it anyway."""
    try:
        document = json.loads(body)
    except (ValueError, RecursionError):
        return False
    stack = [document]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if "\x00" in item:
                return True
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False
