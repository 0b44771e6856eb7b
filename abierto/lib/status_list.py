"""Revocation as a compressed bitstring: the IETF OAuth "Token Status List" (draft-ietf-oauth-
status-list), in its JWT form.

Each signed document carries ``"status": {"status_list": {"idx": n, "uri": ...}}``; the URI
serves a JWT (``typ: statuslist+jwt``) whose payload holds
``"status_list": {"bits": 1, "lst": base64url(zlib(bytes))}``. Entry ``idx`` lives in byte
``idx * bits // 8`` starting at its least significant bit, as the draft lays it out. A verifier
fetches one small list per issuer, caches it for ``ttl`` seconds, and checks any number of
documents offline without telling the server which one it holds.

This format rather than the W3C Bitstring Status List because the documents are JWS signed
with the issuers' EdDSA keys: the status list is signed, published and verified with the same
keys, JWKS and JOSE code, and it is the mechanism SD-JWT VC and the EU Digital Identity Wallet
use. The W3C list is designed for the W3C VC data model (JSON-LD, its own proofs).
"""

from __future__ import annotations

import zlib
from typing import Any

from .jws import b64url_decode, b64url_encode

VALID = 0x00
INVALID = 0x01  # revoked, for good
SUSPENDED = 0x02
ALLOWED_BITS = (1, 2, 4, 8)
# A decompressed list larger than this is refused (a "zip bomb" served as a status list).
MAX_BYTES = 16 * 1024 * 1024
MEDIA_TYPE = "application/statuslist+jwt"
TOKEN_TYPE = "statuslist+jwt"  # noqa: S105 -- a media type, not a secret


class StatusListError(ValueError):
    """A status list that cannot be read, or an index outside it."""


class StatusList:
    """``size`` entries of ``bits`` bits each, all VALID to start with."""

    def __init__(self, size: int, bits: int = 1) -> None:
        if bits not in ALLOWED_BITS:
            raise StatusListError(f"bits must be one of {ALLOWED_BITS}.")
        if size < 0 or size * bits > MAX_BYTES * 8:
            raise StatusListError("size out of range.")
        self.bits = bits
        self.data = bytearray((size * bits + 7) // 8)

    def __len__(self) -> int:
        return len(self.data) * 8 // self.bits

    def _locate(self, idx: int) -> tuple[int, int]:
        if not 0 <= idx < len(self):
            raise StatusListError(f"index {idx} outside the list.")
        position = idx * self.bits
        return position // 8, position % 8

    def get(self, idx: int) -> int:
        byte, shift = self._locate(idx)
        return (self.data[byte] >> shift) & ((1 << self.bits) - 1)

    def set(self, idx: int, status: int) -> None:
        mask = (1 << self.bits) - 1
        if not 0 <= status <= mask:
            raise StatusListError(f"status {status} does not fit in {self.bits} bits.")
        byte, shift = self._locate(idx)
        self.data[byte] = (self.data[byte] & ~(mask << shift) & 0xFF) | (status << shift)

    def to_claim(self) -> dict[str, Any]:
        """The ``status_list`` claim: ``{"bits": ..., "lst": base64url(zlib(data))}``."""
        return {"bits": self.bits, "lst": b64url_encode(zlib.compress(bytes(self.data), 9))}

    @classmethod
    def from_claim(cls, claim: object) -> StatusList:
        if not isinstance(claim, dict):
            raise StatusListError("status_list is not an object.")
        bits, lst = claim.get("bits"), claim.get("lst")
        if bits not in ALLOWED_BITS or not isinstance(lst, str):
            raise StatusListError("status_list needs bits (1, 2, 4 or 8) and lst.")
        try:
            compressed = b64url_decode(lst)
            inflater = zlib.decompressobj()
            data = inflater.decompress(compressed, MAX_BYTES)
        except (ValueError, zlib.error) as exc:
            raise StatusListError(f"lst does not decode: {exc}") from None
        if inflater.unconsumed_tail or not inflater.eof:
            raise StatusListError("lst is truncated or too large.")
        status_list = cls(0, bits)
        status_list.data = bytearray(data)
        return status_list


def status_list_payload(
    *,
    uri: str,
    status_list: StatusList,
    issued_at: int,
    ttl: int,
    expires_at: int | None = None,
    iss: str | None = None,
) -> dict[str, Any]:
    """The payload of a Status List Token: ``sub`` is the URI the documents point to;
    ``exp``, when given, the moment after which a verifier must not rely on it."""
    payload: dict[str, Any] = {
        "sub": uri,
        "iat": issued_at,
        "ttl": ttl,
        "status_list": status_list.to_claim(),
    }
    if expires_at is not None:
        payload["exp"] = expires_at
    if iss is not None:
        payload["iss"] = iss
    return payload


def status_reference(*, idx: int, uri: str) -> dict[str, Any]:
    """The ``status`` claim of a document that points into a list."""
    return {"status_list": {"idx": idx, "uri": uri}}
