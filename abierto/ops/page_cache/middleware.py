"""``PublicPageCacheMiddleware``: store the ``@public_page`` views' anonymous answers and
serve them again (see the package's docstring)."""

from __future__ import annotations

import hashlib
import re
import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language_from_request

from . import csrf
from .entries import CSRF_PLACEHOLDER, Entry, LocalPages
from .version import CACHE_ALIAS, current_version

MARK = "_abierto_public_page"
# Every page carries the language switcher, a POST form with the visitor's CSRF token (what
# ``{% csrf_token %}`` writes). The stored body holds a placeholder instead, and each answer
# from the cache puts in a token of that visitor's own (a new one, with its cookie, for a
# visitor who has none).
CSRF_INPUT = re.compile(rb'(name="csrfmiddlewaretoken" value=")[A-Za-z0-9]{32,64}(")')
_HOSTS_REMEMBERED = 64


def enabled() -> bool:
    return int(getattr(settings, "PAGE_CACHE_SECONDS", 0)) > 0


def anonymous_and_cookieless(request: HttpRequest) -> bool:
    """No state of the visitor's own but the language they chose and their CSRF token (no
    session: everyone signed in has one; no messages)."""
    if request.method != "GET" or "HTTP_AUTHORIZATION" in request.META:
        return False
    allowed = {settings.LANGUAGE_COOKIE_NAME, settings.CSRF_COOKIE_NAME}
    return all(name in allowed for name in request.COOKIES)


def entry_key(request: HttpRequest, version: str, language: str) -> str:
    """The key in the shared cache (short and safe for any backend)."""
    where = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(where.encode("utf-8", "surrogateescape")).hexdigest()[:40]
    return f"page:{version}:{language}:{digest}"


def etag_for(body: bytes) -> str:
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def etag_matches(request: HttpRequest, etag: str) -> bool:
    header = request.META.get("HTTP_IF_NONE_MATCH", "")
    if not header:
        return False
    if header.strip() == "*":
        return True
    candidates = {tag.strip().removeprefix("W/") for tag in header.split(",")}
    return etag in candidates


def storable(request: HttpRequest, response: HttpResponseBase) -> bool:
    if response.status_code != 200 or response.streaming:
        return False
    if set(response.cookies) - {settings.CSRF_COOKIE_NAME}:
        return False
    if not isinstance(response, HttpResponse):
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    cache_control = response.headers.get("Cache-Control", "").lower()
    if "private" in cache_control or "no-store" in cache_control:
        return False
    return "nonce-" not in response.headers.get("Content-Security-Policy", "")


class PublicPageCacheMiddleware:
    """Serve and store the ``@public_page`` views' anonymous answers (see the package)."""

    local = LocalPages()

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response
        # Sets the CSRF cookie on an answer from the cache when the visitor's cookie is not
        # a plain secret (``csrf.visitor_secret``), exactly as on a rendered page.
        self.csrf = CsrfViewMiddleware(get_response)
        self.hosts: dict[tuple[str, str], str] = {}

    def host(self, request: HttpRequest) -> str:
        """``request.get_host()`` (which refuses a host not in ``ALLOWED_HOSTS``), checked
        once per Host header rather than once per request."""
        meta = request.META
        seen = (meta.get("HTTP_HOST", ""), meta.get("HTTP_X_FORWARDED_HOST", ""))
        host = self.hosts.get(seen)
        if host is None:
            host = request.get_host()  # raises DisallowedHost: Django answers 400
            if len(self.hosts) < _HOSTS_REMEMBERED:
                self.hosts[seen] = host
        return host

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if not enabled() or not anonymous_and_cookieless(request):
            return self.get_response(request)
        language = get_language_from_request(request)
        version = current_version()
        key = (language, request.scheme or "", self.host(request), request.get_full_path())
        entry = self.local.get(version, key)
        if entry is None:
            shared_key = entry_key(request, version, language)
            stored = caches[CACHE_ALIAS].get(shared_key)
            if stored is None:
                return self.render_and_store(request, version, key, shared_key, language)
            etag, headers, body = stored
            expires = time.monotonic() + settings.PAGE_CACHE_SECONDS
            entry = Entry(etag, headers, body, expires=expires)
            self.local.put(version, key, entry)
        return self.from_cache(request, entry)

    def render_and_store(
        self,
        request: HttpRequest,
        version: str,
        key: tuple[str, ...],
        shared_key: str,
        language: str,
    ) -> HttpResponseBase:
        response = self.get_response(request)
        if not getattr(request, MARK, False) or not storable(request, response):
            return response
        if response.headers.get("Content-Language", language) != language:
            return response  # LocaleMiddleware chose another language: do not guess
        assert isinstance(response, HttpResponse)  # storable() checked it
        body = CSRF_INPUT.sub(rb"\1" + CSRF_PLACEHOLDER + rb"\2", response.content)
        etag = etag_for(body)  # the same page whatever the visitor's token
        response.headers["ETag"] = etag
        patch_vary_headers(response, ("Accept-Language", "Cookie"))
        response.headers.setdefault("Cache-Control", "no-cache")
        headers = [(n, v) for n, v in response.items() if n.lower() != "x-page-cache"]
        seconds = settings.PAGE_CACHE_SECONDS
        caches[CACHE_ALIAS].set(shared_key, (etag, headers, body), seconds)
        entry = Entry(etag, headers, body, expires=time.monotonic() + seconds)
        self.local.put(version, key, entry)
        if etag_matches(request, etag):
            return entry.response_not_modified()
        response.headers["X-Page-Cache"] = "miss"
        return response

    def from_cache(self, request: HttpRequest, entry: Entry) -> HttpResponseBase:
        if etag_matches(request, entry.etag):
            return entry.response_not_modified()
        if not entry.needs_token:
            return entry.response()
        secret = csrf.visitor_secret(request)
        if secret is None:  # an unusual cookie: Django's own way
            self.csrf.process_request(request)
            token = get_token(request).encode("ascii")
            return self.csrf.process_response(request, entry.response(token))
        response = entry.response(csrf.masked(secret))
        # Django sends the cookie again with every token it hands out (a new expiry).
        csrf.set_cookie(response, secret)
        return response

    def process_view(
        self,
        request: HttpRequest,
        view_func: Callable[..., Any],
        view_args: tuple[Any, ...],
        view_kwargs: dict[str, Any],
    ) -> None:
        if getattr(view_func, MARK, False):
            setattr(request, MARK, True)
