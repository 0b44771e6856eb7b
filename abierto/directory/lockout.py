"""A lockout per network, across usernames, against password spraying.

django-axes counts failures per username and address: an attacker who tries a few common
passwords against each of many accounts, from one address or a few of a network, never
reaches any of its limits. Here every failed staff login of a network (IPv4 /24, IPv6 /64)
counts in the shared cache (Redis in production), whatever the username; past
``AXES_NETWORK_FAILURE_LIMIT`` within the cool-off time, logins from that network are refused
until it ends, right password or not.
"""

from __future__ import annotations

import functools
import hashlib
import ipaddress
from typing import Any

from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.dispatch import receiver
from django.http import HttpRequest

from .ratelimit import client_ip

PREFIX = "lockout:network:"


@functools.lru_cache(maxsize=4096)
def network_of(address: str | None) -> str | None:
    """The /24 (IPv4) or /64 (IPv6) an address belongs to; None if it is not an address.

    Remembered for the last few thousand addresses: every public verification asks, and a
    verifier asks again and again from the same address."""
    try:
        ip = ipaddress.ip_address((address or "").strip())
    except ValueError:
        return None
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    prefix = 24 if ip.version == 4 else 64
    return str(ipaddress.ip_network(f"{ip}/{prefix}", strict=False))


def _limit() -> int:
    return int(getattr(settings, "AXES_NETWORK_FAILURE_LIMIT", 20))


def _seconds() -> int:
    return max(1, int(float(settings.AXES_COOLOFF_TIME) * 3600))


def _key(request: HttpRequest | None) -> str | None:
    network = network_of(client_ip(request)) if request is not None else None
    if network is None:
        return None
    return PREFIX + hashlib.sha256(network.encode()).hexdigest()[:32]


def network_failure_record(request: HttpRequest | None) -> None:
    key = _key(request)
    if key is None:
        return
    # The window starts at the first failure; later ones do not extend it.
    cache.add(key, 0, timeout=_seconds())
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=_seconds())


def network_is_locked(request: HttpRequest | None) -> bool:
    key = _key(request)
    return key is not None and int(cache.get(key) or 0) >= _limit()


@receiver(user_login_failed, dispatch_uid="abierto.directory.lockout.network")
def _count_failure(sender: Any, credentials: dict[str, Any], request: Any = None, **_: Any) -> None:
    network_failure_record(request)


class NetworkLockoutBackend:
    """Before ``ModelBackend``: no password is checked while the network is locked, so the
    Django admin's login is covered as well as the general one."""

    def authenticate(self, request: HttpRequest | None, **credentials: Any) -> None:
        if network_is_locked(request):
            raise PermissionDenied

    # No get_user: it never logs anyone in, so no session names it (and the test client's
    # force_login, which takes the first backend with get_user, passes it by).
