"""The visitor's own CSRF token in a page served from the cache, made cheaply.

Django makes a secret and a mask with ``get_random_string`` (one ``SystemRandom.choice`` a
character: 64 of them for a new visitor, about half the cost of a whole cache hit). Here the
same values come from one ``os.urandom`` call each: bytes at or above 248 (4 * 62) are
dropped and the rest taken modulo 62, so every character of ``CSRF_ALLOWED_CHARS`` is equally
likely, as with Django's. The token has Django's format (a mask, then the secret enciphered
with it), so ``CsrfViewMiddleware`` checks it as one of its own; a cookie that is not a plain
secret (an old masked one) leaves the work to Django (``None``).
"""

from __future__ import annotations

import os

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import CSRF_ALLOWED_CHARS, CSRF_SECRET_LENGTH

_CHARS = CSRF_ALLOWED_CHARS.encode("ascii")
_COUNT = len(_CHARS)  # 62
_LIMIT = 256 - 256 % _COUNT  # 248: below it, byte % 62 is uniform
_TOO_BIG = bytes(range(_LIMIT, 256))
_TO_CHAR = bytes(_CHARS[n % _COUNT] if n < _LIMIT else 0 for n in range(256))
_TO_INDEX = bytes(_CHARS.index(n) if n in _CHARS else 255 for n in range(256))
_ADD = [bytes(_CHARS[(a + b) % _COUNT] for b in range(_COUNT)) for a in range(_COUNT)]


def random_chars(length: int) -> bytes:
    """``length`` characters of ``CSRF_ALLOWED_CHARS``, uniformly at random."""
    found = b""
    while len(found) < length:
        found += os.urandom(length + 8).translate(None, _TOO_BIG)
    return found[:length].translate(_TO_CHAR)


def plain_secret(value: str | None) -> bytes | None:
    """The cookie's secret when it is one Django would use as it is, else None."""
    if value is None or len(value) != CSRF_SECRET_LENGTH:
        return None
    raw = value.encode("ascii", "replace")
    if raw.translate(None, _CHARS):
        return None
    return raw


def masked(secret: bytes) -> bytes:
    """``secret`` enciphered with a fresh mask, as ``django.middleware.csrf`` does it."""
    mask = random_chars(CSRF_SECRET_LENGTH)
    secret_index = secret.translate(_TO_INDEX)
    mask_index = mask.translate(_TO_INDEX)
    return mask + bytes(_ADD[a][b] for a, b in zip(secret_index, mask_index, strict=True))


def visitor_secret(request: HttpRequest) -> bytes | None:
    """The visitor's secret (a new one when they have none); None when Django must decide."""
    if settings.CSRF_USE_SESSIONS:
        return None
    cookie = request.COOKIES.get(settings.CSRF_COOKIE_NAME)
    if cookie is None:
        return random_chars(CSRF_SECRET_LENGTH)
    return plain_secret(cookie)


def set_cookie(response: HttpResponse, secret: bytes) -> None:
    """The CSRF cookie, as ``CsrfViewMiddleware`` sends it with every token it hands out."""
    response.set_cookie(
        settings.CSRF_COOKIE_NAME,
        secret.decode("ascii"),
        max_age=settings.CSRF_COOKIE_AGE,
        domain=settings.CSRF_COOKIE_DOMAIN,
        path=settings.CSRF_COOKIE_PATH,
        secure=settings.CSRF_COOKIE_SECURE,
        httponly=settings.CSRF_COOKIE_HTTPONLY,
        samesite=settings.CSRF_COOKIE_SAMESITE,
    )
