"""Fixed-window counters in the shared cache, for forms that anyone may post.

The login pages have django-axes and the API has ninja's throttles; this covers the other
public forms that cost something on every post (an e-mail sent, a row stored): the password
reset and the registration. Rates are ``"<count>/<period>"`` strings read from settings on
every call (``"5/h"``, ``"20/d"``), so deployments and tests can change them. With Redis
(``REDIS_URL``) every app server counts against the same budget.
"""

from __future__ import annotations

import hashlib
import ipaddress
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
PREFIX = "ratelimit:"


def parse_rate(rate: str) -> tuple[int, int]:
    """``"5/h"`` → ``(5, 3600)``; a malformed rate is a ``ValueError``."""
    count, _sep, period = rate.partition("/")
    seconds = PERIODS.get(period.strip()[:1].lower())
    if not count.strip().isdigit() or seconds is None:
        raise ValueError(f"Rate {rate!r}: write it as <count>/<s|m|h|d>.")
    return int(count), seconds


def _key(scope: str, subject: str, window: int) -> str:
    # The subject may be an e-mail address: only its digest goes into the cache.
    digest = hashlib.sha256(subject.encode("utf-8")).hexdigest()[:32]
    return f"{PREFIX}{scope}:{digest}:{window}"


def allow(scope: str, subject: str, setting: str) -> bool:
    """Count one hit of ``subject`` in ``scope``; False once the rate in ``setting`` is spent."""
    limit, seconds = parse_rate(str(getattr(settings, setting)))
    window = int(time.time() // seconds)
    key = _key(scope, subject, window)
    cache.add(key, 0, timeout=seconds + 1)
    try:
        hits = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=seconds + 1)
        hits = 1
    return hits <= limit


def retry_after(setting: str) -> int:
    """Seconds until the window of the rate in ``setting`` ends: a 429's ``Retry-After``."""
    _limit, seconds = parse_rate(str(getattr(settings, setting)))
    return max(1, seconds - int(time.time()) % seconds)


def client_ip(request: HttpRequest) -> str | None:
    """The client's address, the same one the API's throttles count (``NUM_PROXIES``).

    Behind ``NUM_PROXIES`` trusted proxies, the address that the nearest of them appended to
    ``X-Forwarded-For``; anything a client wrote further left is ignored. Without proxies,
    ``REMOTE_ADDR``. django-axes uses it too (``AXES_CLIENT_IP_CALLABLE``), so the login
    lockout counts each client behind the proxy, not the proxy's own address for everyone.
    """
    remote = request.META.get("REMOTE_ADDR") or None
    proxies = int(getattr(settings, "NINJA_NUM_PROXIES", 0) or 0)
    if proxies > 0:
        forwarded = [
            part.strip()
            for part in str(request.META.get("HTTP_X_FORWARDED_FOR", "")).split(",")
            if part.strip()
        ]
        if forwarded:
            candidate = forwarded[-min(proxies, len(forwarded))]
            try:
                return str(ipaddress.ip_address(candidate))
            except ValueError:
                return remote
    return remote
