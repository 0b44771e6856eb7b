"""The public pages, kept rendered for anonymous visitors (issue 19).

A view marked with ``@public_page`` (home, sessions, agreements, the plan, a session, a
commitment, the maps, and the ``/foros/<slug>/…`` equivalents) is rendered once per address,
language, scheme and host, and served from the ``pages`` cache to the next anonymous visitor
with an ``ETag``; a matching ``If-None-Match`` gets a 304.

What is never cached or served from the cache:

- a request that carries any cookie but the language and CSRF ones (a session cookie:
  everyone signed in has one; messages), or an ``Authorization`` header, or a method
  other than GET;
- a response that is not a 200, sets a cookie other than the CSRF one, says
  ``private``/``no-store``, streams, or carries a per-request CSP nonce in its
  ``Content-Security-Policy`` (the cached body would hand every visitor the same nonce);
  today's templates use none (``script-src 'self'``), and this keeps a future nonce safe.

Per visitor in a cached page: only the CSRF token of the language switcher (a POST form on
every page). The cache keeps the body with a placeholder where ``{% csrf_token %}`` wrote
the token, and each answer puts in a fresh masked token of the visitor's own secret (or a
new secret, with its cookie set as ``CsrfViewMiddleware`` sets it). The ETag is taken over
the body with the placeholder, so it names the page, not the token.

Freshness: every key starts with a version token. ``bump_version`` sets a new random token,
after the commit of any write that records an audit row (``directory.services.audit_record``
sends ``records_changed``, and every service of the public apps calls it) and of any
change in Django's admin; a page rendered from the data before a change is then never
found again. A token lost from the cache (evicted, restarted) is simply a new version. The
entries also expire after ``PAGE_CACHE_SECONDS`` (a write made outside the services, e.g. a
shell, is seen by then).

The cache is shared by every gunicorn worker (each worker has its own memory, and a version
bumped in one worker must reach all): Redis when ``REDIS_URL`` is set, else files under
``VAR_DIR`` (one machine). See ``docs/deploy.md``.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from collections.abc import Callable
from typing import Any, TypeVar

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.http.response import HttpResponseBase
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language_from_request

CACHE_ALIAS = "pages"
VERSION_KEY = "page-cache:version"
# Headers a 304 keeps from the 200 it stands for (RFC 9110 §15.4.5), besides security ones.
NOT_MODIFIED_DROPS = {"content-length", "content-type", "content-language"}
_MARK = "_abierto_public_page"
# Every page carries the language switcher, a POST form with the visitor's CSRF token (what
# ``{% csrf_token %}`` writes). The cached body holds this placeholder instead, and each
# answer from the cache puts in a token of that visitor's own (a new one, with its cookie,
# for a visitor who has none).
CSRF_INPUT = re.compile(rb'(name="csrfmiddlewaretoken" value=")[A-Za-z0-9]{32,64}(")')
CSRF_PLACEHOLDER = b"\x00csrf-token\x00"

# The apps whose records the public pages show; the Carpeta Ciudadana's writes (personal
# data, never on a public page) do not empty the cache.
PUBLIC_APPS = frozenset({"directory", "forum", "plan", "opendata"})

View = TypeVar("View", bound=Callable[..., Any])


def public_page(view: View) -> View:
    """Mark ``view`` as a public page: its anonymous answers may be cached."""
    setattr(view, _MARK, True)
    return view


def enabled() -> bool:
    return int(getattr(settings, "PAGE_CACHE_SECONDS", 0)) > 0


def bump_version(**_kwargs: Any) -> None:
    """A new version: every page cached so far is stale (a signal receiver, hence kwargs)."""
    if enabled():
        caches[CACHE_ALIAS].set(VERSION_KEY, secrets.token_hex(8), timeout=None)


def records_changed(*, app_label: str, **_kwargs: Any) -> None:
    """A record of ``app_label`` changed (``directory.signals.records_changed``)."""
    if app_label in PUBLIC_APPS:
        bump_version()


def current_version() -> str:
    cache = caches[CACHE_ALIAS]
    version = cache.get(VERSION_KEY)
    if version is None:
        version = secrets.token_hex(8)
        if not cache.add(VERSION_KEY, version, timeout=None):
            version = cache.get(VERSION_KEY) or version
    return str(version)


def anonymous_and_cookieless(request: HttpRequest) -> bool:
    """No state of the visitor's own but the language they chose and their CSRF token (no
    session: everyone signed in has one; no messages)."""
    if request.method != "GET" or "HTTP_AUTHORIZATION" in request.META:
        return False
    allowed = {settings.LANGUAGE_COOKIE_NAME, settings.CSRF_COOKIE_NAME}
    return all(name in allowed for name in request.COOKIES)


def entry_key(request: HttpRequest, version: str, language: str) -> str:
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


def not_modified(headers: list[tuple[str, str]]) -> HttpResponseNotModified:
    response = HttpResponseNotModified()
    for name, value in headers:
        if name.lower() not in NOT_MODIFIED_DROPS:
            response.headers[name] = value
    return response


class PublicPageCacheMiddleware:
    """Serve and store the ``@public_page`` views' anonymous answers (see the module)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response
        # Sets the CSRF cookie on an answer from the cache, exactly as on a rendered page.
        self.csrf = CsrfViewMiddleware(get_response)

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if not enabled() or not anonymous_and_cookieless(request):
            return self.get_response(request)
        language = get_language_from_request(request)
        version = current_version()
        key = entry_key(request, version, language)
        cache = caches[CACHE_ALIAS]
        entry = cache.get(key)
        if entry is not None:
            return self.from_cache(request, *entry)
        response = self.get_response(request)
        if not getattr(request, _MARK, False) or not storable(request, response):
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
        cache.set(key, (etag, headers, body), settings.PAGE_CACHE_SECONDS)
        if etag_matches(request, etag):
            return not_modified(headers)
        response.headers["X-Page-Cache"] = "miss"
        return response

    def from_cache(
        self, request: HttpRequest, etag: str, headers: list[tuple[str, str]], body: bytes
    ) -> HttpResponseBase:
        if etag_matches(request, etag):
            return not_modified(headers)
        if CSRF_PLACEHOLDER in body:
            self.csrf.process_request(request)  # the visitor's secret from their cookie, if any
            token = get_token(request).encode("ascii")
            body = body.replace(CSRF_PLACEHOLDER, token)
        response = HttpResponse(body)
        for name, value in headers:
            response.headers[name] = value
        response.headers["X-Page-Cache"] = "hit"
        return self.csrf.process_response(request, response)

    def process_view(
        self,
        request: HttpRequest,
        view_func: Callable[..., Any],
        view_args: tuple[Any, ...],
        view_kwargs: dict[str, Any],
    ) -> None:
        if getattr(view_func, _MARK, False):
            setattr(request, _MARK, True)
