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

Freshness: every key starts with a version token (``version.py``: shared memory between the
workers of one machine, or the Redis cache between app servers). ``bump_version`` sets a new
random token after the commit of any write that records an audit row
(``directory.services.audit_record`` sends ``records_changed``, and every service of the
public apps calls it) and of any change in Django's admin; a page rendered from the data
before a change is then never found again. A token lost from the cache (evicted, restarted)
is simply a new version. The entries also expire after ``PAGE_CACHE_SECONDS`` (a write made
outside the services, e.g. in a shell, is seen by then).

The cache is shared by every gunicorn worker (each worker has its own memory, and a version
bumped in one worker must reach all): Redis when ``REDIS_URL`` is set, else files under
``VAR_DIR`` (one machine). In front of it each worker keeps the pages of the current version
it has served, ready to answer with (``entries.py``): a hit reads the version (a memory read
without Redis), looks the page up in a dictionary, copies its bytes around the visitor's CSRF
token and copies headers prepared when it was stored; it touches no session, no database and
no file. See ``docs/deploy.md``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from .entries import CSRF_PLACEHOLDER, NOT_MODIFIED_DROPS
from .middleware import (
    CSRF_INPUT,
    MARK,
    PublicPageCacheMiddleware,
    anonymous_and_cookieless,
    enabled,
    entry_key,
    etag_for,
    etag_matches,
    storable,
)
from .version import CACHE_ALIAS, VERSION_KEY, current_version, new_version

__all__ = [
    "CACHE_ALIAS",
    "CSRF_INPUT",
    "CSRF_PLACEHOLDER",
    "NOT_MODIFIED_DROPS",
    "PUBLIC_APPS",
    "VERSION_KEY",
    "PublicPageCacheMiddleware",
    "anonymous_and_cookieless",
    "bump_version",
    "current_version",
    "enabled",
    "entry_key",
    "etag_for",
    "etag_matches",
    "public_page",
    "records_changed",
    "storable",
]

# The apps whose records the public pages show; the Carpeta Ciudadana's writes (personal
# data, never on a public page) do not empty the cache.
PUBLIC_APPS = frozenset({"directory", "forum", "plan", "opendata"})

View = TypeVar("View", bound=Callable[..., Any])


def public_page(view: View) -> View:
    """Mark ``view`` as a public page: its anonymous answers may be cached."""
    setattr(view, MARK, True)
    return view


def bump_version(**_kwargs: Any) -> None:
    """A new version: every page cached so far is stale (a signal receiver, hence kwargs)."""
    if enabled():
        new_version()


def records_changed(*, app_label: str, **_kwargs: Any) -> None:
    """A record of ``app_label`` changed (``directory.signals.records_changed``)."""
    if app_label in PUBLIC_APPS:
        bump_version()
