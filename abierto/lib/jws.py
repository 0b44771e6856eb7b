"""Compact JWS with EdDSA (Ed25519) only: sign, verify, and the keys as JWKs (RFC 7515, 8037).

Deliberately narrow. The header is ``{"alg": "EdDSA", "kid": ..., "typ": ...}`` and a token
with any other ``alg`` (``none``, ``HS256`` and the rest) is refused before any key is looked
up, so no algorithm confusion is possible. Segments must be canonical unpadded base64url, so
that a token has exactly one spelling: changing any character of a token makes it invalid.
Every failure is an ``InvalidToken`` with a short ``reason``; never another exception.
"""

from __future__ import annotations

import base64
import binascii
import functools
import json
import re
from collections.abc import Callable
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from .canonical_json import canonical_dumps

ALGORITHM = "EdDSA"
# Far above any document this platform signs, far below what would make parsing costly.
MAX_TOKEN_LENGTH = 16_384
KID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
_SEGMENT = re.compile(r"^[A-Za-z0-9_-]*$")

KeyResolver = Callable[[str], Ed25519PublicKey | None]


class InvalidToken(ValueError):  # noqa: N818 -- the JOSE name for it
    """A token that does not verify; ``reason`` says why, in a short code."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason


def b64url_encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


_B64URL_VALUE = {
    char: value
    for value, char in enumerate("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
}
# The bits of the last character that encode no byte, by the length modulo 4 (2: the last
# character carries 2 bits of data, 3: it carries 4).
_UNUSED_BITS = {0: 0, 2: 0b1111, 3: 0b11}


def b64url_decode(text: str) -> bytes:
    """Decode unpadded base64url, refusing any other spelling of the same bytes: a last
    character with unused bits set (the same bytes as the one with them clear)."""
    if not isinstance(text, str) or not _SEGMENT.match(text) or len(text) % 4 == 1:
        raise ValueError("not canonical base64url")
    remainder = len(text) % 4
    if remainder and _B64URL_VALUE[text[-1]] & _UNUSED_BITS[remainder]:
        raise ValueError("not canonical base64url")
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def sign_compact(
    payload: dict[str, Any], private_key: Ed25519PrivateKey, kid: str, *, typ: str = "JWT"
) -> str:
    """Sign the canonical JSON of ``payload`` and return ``header.payload.signature``."""
    signing_input = _encoded_header(kid, typ) + "." + b64url_encode(canonical_dumps(payload))
    signature = private_key.sign(signing_input.encode("ascii"))
    return signing_input + "." + b64url_encode(signature)


@functools.lru_cache(maxsize=64)
def _encoded_header(kid: str, typ: str) -> str:
    """The first segment, the same for every token a key signs: encoded once."""
    if not KID_PATTERN.match(kid):
        raise ValueError(f"Invalid key id {kid!r}.")
    return b64url_encode(canonical_dumps({"alg": ALGORITHM, "kid": kid, "typ": typ}))


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"duplicate member {key!r}")
        result[key] = value
    return result


def _json_object(segment: str, what: str) -> dict[str, Any]:
    try:
        value = json.loads(b64url_decode(segment).decode("utf-8"), object_pairs_hook=_no_duplicates)
    except (ValueError, RecursionError) as exc:  # binascii.Error and JSON errors are ValueErrors
        raise InvalidToken(f"malformed_{what}", str(exc)) from None
    if not isinstance(value, dict):
        raise InvalidToken(f"malformed_{what}", "not a JSON object")
    return value


def decode_header(token: str) -> dict[str, Any]:
    """The protected header of a compact token, unverified (to pick the key)."""
    segments = _split(token)
    return _checked_header(_json_object(segments[0], "header"))


def _split(token: object) -> list[str]:
    if not isinstance(token, str):
        raise InvalidToken("malformed", "a token is a string")
    if len(token) > MAX_TOKEN_LENGTH:
        raise InvalidToken("too_long")
    segments = token.split(".")
    if len(segments) != 3 or not all(segments):
        raise InvalidToken("malformed", "a compact JWS has three segments")
    return segments


def _checked_header(header: dict[str, Any]) -> dict[str, Any]:
    if header.get("alg") != ALGORITHM:
        raise InvalidToken("unsupported_alg", repr(header.get("alg"))[:40])
    if "crit" in header:
        raise InvalidToken("unsupported_header", "crit")
    kid = header.get("kid")
    if not isinstance(kid, str) or not KID_PATTERN.match(kid):
        raise InvalidToken("malformed_header", "kid")
    return header


@functools.lru_cache(maxsize=64)
def _verified_header(segment: str) -> dict[str, Any]:
    """The checked header of a segment; every token a key signs has the same one, so it is
    decoded once (a malformed one raises, and is not remembered). Read-only: shared."""
    return _checked_header(_json_object(segment, "header"))


def verify_compact(
    token: str, resolve_key: KeyResolver, *, typ: str | None = None
) -> dict[str, Any]:
    """Verify a compact EdDSA JWS and return its payload.

    ``resolve_key`` maps the header's ``kid`` to a public key, or ``None`` when the key is
    unknown (or retired). With ``typ`` given, the header must carry exactly that type.
    """
    header_segment, payload_segment, signature_segment = _split(token)
    header = _verified_header(header_segment)
    if typ is not None and header.get("typ") != typ:
        raise InvalidToken("wrong_typ", repr(header.get("typ"))[:40])
    try:
        signature = b64url_decode(signature_segment)
    except (ValueError, binascii.Error):
        raise InvalidToken("malformed_signature") from None
    if len(signature) != 64:
        raise InvalidToken("malformed_signature", "an Ed25519 signature has 64 bytes")
    if not _SEGMENT.fullmatch(payload_segment):  # else the signing input is not ASCII
        raise InvalidToken("malformed_payload", "not base64url")
    public_key = resolve_key(header["kid"])
    if public_key is None:
        raise InvalidToken("unknown_kid", header["kid"])
    try:
        public_key.verify(signature, f"{header_segment}.{payload_segment}".encode("ascii"))
    except InvalidSignature:
        raise InvalidToken("bad_signature") from None
    return _json_object(payload_segment, "payload")


# Keys ----------------------------------------------------------------------------------------


def generate_private_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


def private_key_to_pem(private_key: Ed25519PrivateKey) -> bytes:
    """PKCS#8 PEM, unencrypted: the file's permissions (0600) and its directory protect it."""
    return private_key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def private_key_from_text(text: str | bytes) -> Ed25519PrivateKey:
    """A private key from PKCS#8 PEM, or from base64 of the PEM, of its DER or of its 32 raw
    bytes (the forms an environment variable can hold)."""
    data = text.encode("ascii") if isinstance(text, str) else text
    data = data.strip()
    if not data.startswith(b"-----BEGIN"):
        raw = base64.b64decode(data + b"=" * (-len(data) % 4), altchars=b"-_")
        if raw.startswith(b"-----BEGIN"):
            data = raw
        elif len(raw) == 32:
            return Ed25519PrivateKey.from_private_bytes(raw)
        else:
            key = serialization.load_der_private_key(raw, password=None)
            if not isinstance(key, Ed25519PrivateKey):
                raise ValueError("Not an Ed25519 private key.")
            return key
    key = serialization.load_pem_private_key(data, password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise ValueError("Not an Ed25519 private key.")
    return key


def public_key_x(public_key: Ed25519PublicKey) -> str:
    """The JWK ``x`` member: the 32 raw bytes of the key, base64url."""
    return b64url_encode(
        public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    )


def public_jwk(public_key: Ed25519PublicKey | str, kid: str) -> dict[str, str]:
    """The RFC 8037 JWK of a public key (given as a key or as its ``x``)."""
    x = public_key if isinstance(public_key, str) else public_key_x(public_key)
    return {"kty": "OKP", "crv": "Ed25519", "x": x, "kid": kid, "alg": ALGORITHM, "use": "sig"}


@functools.lru_cache(maxsize=256)
def public_key_from_x(x: str) -> Ed25519PublicKey:
    """The key of a JWK's ``x``, loaded once (verification asks for it on every token)."""
    raw = b64url_decode(x)
    if len(raw) != 32:
        raise ValueError("An Ed25519 public key has 32 bytes.")
    return Ed25519PublicKey.from_public_bytes(raw)


def public_key_from_jwk(jwk: dict[str, Any]) -> Ed25519PublicKey:
    if jwk.get("kty") != "OKP" or jwk.get("crv") != "Ed25519":
        raise ValueError("Not an Ed25519 JWK.")
    return public_key_from_x(str(jwk.get("x", "")))
