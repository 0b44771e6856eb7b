"""Time-based one-time passwords (RFC 6238, on HOTP of RFC 4226), with no dependencies.

``verify`` returns the time step that matched instead of a bare boolean, so the caller can
store it and refuse any code whose step is not newer than the last one used: a code seen
once (on the wire, over a shoulder) cannot open a second session within its window.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import struct
import time
from urllib.parse import quote, urlencode

DEFAULT_DIGITS = 6
DEFAULT_PERIOD = 30
DEFAULT_ALGORITHM = "sha1"
SECRET_BYTES = 20  # 160 bits, the length RFC 4226 recommends for HMAC-SHA1
_ALGORITHMS = {"sha1": hashlib.sha1, "sha256": hashlib.sha256, "sha512": hashlib.sha512}


def new_secret() -> str:
    """A random secret in unpadded base32, the form authenticator apps expect."""
    return base64.b32encode(secrets.token_bytes(SECRET_BYTES)).decode("ascii").rstrip("=")


def decode_secret(secret: str) -> bytes:
    """Read a base32 secret as people type it: any case, spaces or dashes, no padding."""
    cleaned = "".join(secret.split()).replace("-", "").upper()
    cleaned += "=" * (-len(cleaned) % 8)
    return base64.b32decode(cleaned, casefold=False)


def hotp(key: bytes, counter: int, *, digits: int = DEFAULT_DIGITS, algorithm: str = "sha1") -> str:
    """RFC 4226 §5.3: HMAC of the 8-byte counter, dynamically truncated to ``digits``."""
    if counter < 0:
        raise ValueError("The counter of an HOTP cannot be negative.")
    if not 6 <= digits <= 10:
        raise ValueError("An HOTP has between 6 and 10 digits.")
    mac = hmac.new(key, struct.pack(">Q", counter), _ALGORITHMS[algorithm]).digest()
    offset = mac[-1] & 0x0F
    code = struct.unpack(">I", mac[offset : offset + 4])[0] & 0x7FFFFFFF
    return str(code % 10**digits).zfill(digits)


def time_step(at: float | None = None, *, period: int = DEFAULT_PERIOD) -> int:
    """The RFC 6238 counter T = floor((unix time - T0) / X), with T0 = 0."""
    return int((time.time() if at is None else at) // period)


def totp(
    key: bytes,
    at: float | None = None,
    *,
    digits: int = DEFAULT_DIGITS,
    period: int = DEFAULT_PERIOD,
    algorithm: str = DEFAULT_ALGORITHM,
) -> str:
    """The code valid at ``at`` (a Unix time; now by default)."""
    return hotp(key, time_step(at, period=period), digits=digits, algorithm=algorithm)


def verify(
    key: bytes,
    code: str,
    at: float | None = None,
    *,
    window: int = 1,
    after_step: int | None = None,
    digits: int = DEFAULT_DIGITS,
    period: int = DEFAULT_PERIOD,
    algorithm: str = DEFAULT_ALGORITHM,
) -> int | None:
    """The time step whose code is ``code``, within ``window`` steps of now, or ``None``.

    Steps at or before ``after_step`` (the last step the caller accepted) never match, so a
    code cannot be replayed. Comparisons take constant time.
    """
    code = "".join(code.split())
    if len(code) != digits or not code.isascii() or not code.isdigit():
        return None
    current = time_step(at, period=period)
    matched: int | None = None
    for step in range(current - window, current + window + 1):
        if step < 0 or (after_step is not None and step <= after_step):
            continue
        candidate = hotp(key, step, digits=digits, algorithm=algorithm)
        if hmac.compare_digest(candidate, code) and matched is None:
            matched = step
    return matched


def provisioning_uri(
    secret: str,
    *,
    account: str,
    issuer: str,
    digits: int = DEFAULT_DIGITS,
    period: int = DEFAULT_PERIOD,
) -> str:
    """The ``otpauth://totp/`` URI that authenticator apps read from a QR code."""
    label = quote(f"{issuer}:{account}", safe="")
    query = urlencode(
        {
            "secret": secret,
            "issuer": issuer,
            "algorithm": DEFAULT_ALGORITHM.upper(),
            "digits": digits,
            "period": period,
        },
        quote_via=quote,
    )
    return f"otpauth://totp/{label}?{query}"
