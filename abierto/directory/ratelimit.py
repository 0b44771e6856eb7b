"""Fixed-window counters in the shared cache, for forms that anyone may post.

The login pages have django-axes and the API has ninja's throttles; this covers the other
public forms that cost something on every post (an e-mail sent, a row stored): the password
reset and the registration. Rates are ``"<count>/<period>"`` strings read from settings on
every call (``"5/h"``, ``"20/d"``), so deployments and tests can change them. With Redis
(``REDIS_URL``) every app server counts against the same budget.
"""

from __future__ import annotations

import functools
import hashlib
import ipaddress
import threading
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
PREFIX = "ratelimit:"


@functools.lru_cache(maxsize=64)
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


# Batched counting, for budgets spent thousands of times a minute (public verification) ------

# A worker adds its hits to the shared counter every ``batch`` hits, where ``batch`` is the
# limit / BATCH_FRACTION, at most BATCH_MAX and at least 1 (below BATCH_FRACTION the count is
# exact, as ``allow``'s). Hits counted only here are at most ``batch`` per worker, so every
# worker together lets through at most ``limit + workers * batch`` hits in a window.
BATCH_MAX = 64
BATCH_FRACTION = 256
LOCAL_SUBJECTS_MAX = 4096


@dataclass
class _LocalCount:
    window: int
    seconds: int
    key: str
    known: int = 0  # the shared counter when this worker last added to it
    pending: int = 0  # admitted here, not yet added to it


class BatchedCounter:
    """One worker's counts of hits not yet added to the shared cache (one per process; a
    test makes several to play several workers against one cache)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.counts: dict[tuple[str, str], _LocalCount] = {}

    def allow(self, scope: str, subject: str, limit: int, seconds: int, batch: int) -> bool:
        window = int(time.time() // seconds)
        with self.lock:
            count = self.counts.get((scope, subject))
            if count is None or count.window != window:
                if len(self.counts) >= LOCAL_SUBJECTS_MAX:
                    self._evict(window)
                count = self.counts[(scope, subject)] = _LocalCount(
                    window, seconds, _key(scope, subject, window)
                )
            if count.known + count.pending >= limit:
                return False  # the shared total only grows within a window
            count.pending += 1
            if count.pending >= batch:
                # Under the lock: another thread of this worker waits for the new total
                # rather than admitting a second batch blind.
                count.known = _add(count.key, count.pending, seconds)
                count.pending = 0
            return True

    def _evict(self, window: int) -> None:
        """Forget every subject, adding what this window still owes to the shared counter."""
        for count in self.counts.values():
            if count.window == window and count.pending:
                _add(count.key, count.pending, count.seconds)
        self.counts.clear()

    def settle(self, scope: str, subject: str) -> None:
        """Add what ``subject`` owes to the shared counter and forget it here (before it is
        counted exactly: its rate was changed to one too small to batch)."""
        if not self.counts:
            return
        with self.lock:
            count = self.counts.pop((scope, subject), None)
            now = time.time()
            if count is not None and count.pending and count.window == int(now // count.seconds):
                _add(count.key, count.pending, count.seconds)

    def reset(self) -> None:
        with self.lock:
            self.counts.clear()


def _add(key: str, hits: int, seconds: int) -> int:
    """Add ``hits`` to the shared counter ``key``; its new total."""
    cache.add(key, 0, timeout=seconds + 1)
    try:
        return int(cache.incr(key, hits))
    except ValueError:  # expired between add and incr
        cache.set(key, hits, timeout=seconds + 1)
        return hits


_local = BatchedCounter()


def reset_local_counts() -> None:
    """Forget this worker's batched counts (tests: each starts at zero, as the cache does)."""
    _local.reset()


def batch_size(limit: int) -> int:
    return max(1, min(BATCH_MAX, limit // BATCH_FRACTION))


def allow_batched(scope: str, subject: str, setting: str) -> bool:
    """``allow`` for a budget spent thousands of times a minute: counted in this worker's
    memory and added to the shared cache in batches (see ``BATCH_FRACTION``), instead of two
    cache operations a hit. A rate of fewer than ``BATCH_FRACTION`` hits is counted exactly."""
    limit, seconds = parse_rate(str(getattr(settings, setting)))
    batch = batch_size(limit)
    if batch == 1:
        _local.settle(scope, subject)
        return allow(scope, subject, setting)
    return _local.allow(scope, subject, limit, seconds, batch)


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
