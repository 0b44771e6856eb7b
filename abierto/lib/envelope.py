"""Envelope encryption: each record under its own AES-256-GCM data key (DEK), each DEK wrapped
(encrypted) by a master key that never leaves the application's configuration.

Rotating the master key re-wraps the small DEKs (``rewrap``) and leaves the records' ciphertexts
as they are. The record's ciphertext is bound to its ``aad`` (e.g. the record's id), so a
ciphertext moved to another record does not decrypt; the wrapped DEK is bound to the id of
the master key that wrapped it. Any failure to decrypt is a ``DecryptionError``.

Formats (version byte first, so that they can change):
    ciphertext  = 0x01 | nonce (12) | AES-GCM(DEK, plaintext, aad)
    wrapped_dek = 0x01 | nonce (12) | AES-GCM(master key, DEK, "dek:" + master kid)
    sealed      = 0x01 | len(kid) | kid | len(wrapped_dek) (2, big-endian) | wrapped_dek
                  | ciphertext            (one self-describing blob, for small secrets)
"""

from __future__ import annotations

import base64
import binascii
import os
import re
from dataclasses import dataclass, field

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

VERSION = b"\x01"
NONCE_BYTES = 12
KEY_BYTES = 32
KID_PATTERN = re.compile(r"^[A-Za-z0-9._-]{1,32}$")


class DecryptionError(ValueError):
    """The data does not decrypt: wrong key, wrong aad, or altered bytes."""


class KeyRingError(ValueError):
    """The master key configuration is unusable."""


def _seal_with(key: bytes, plaintext: bytes, aad: bytes) -> bytes:
    nonce = os.urandom(NONCE_BYTES)
    return VERSION + nonce + AESGCM(key).encrypt(nonce, plaintext, aad)


def _open_with(key: bytes, data: bytes, aad: bytes) -> bytes:
    data = bytes(data)
    if len(data) < 1 + NONCE_BYTES + 16 or data[:1] != VERSION:
        raise DecryptionError("unknown format")
    nonce, body = data[1 : 1 + NONCE_BYTES], data[1 + NONCE_BYTES :]
    try:
        return AESGCM(key).decrypt(nonce, body, aad)
    except InvalidTag:
        raise DecryptionError("authentication failed") from None


@dataclass(frozen=True)
class MasterKeyRing:
    """The master keys by id; ``current_kid`` wraps new DEKs, the others only unwrap."""

    keys: dict[str, bytes] = field(repr=False)
    current_kid: str

    def __post_init__(self) -> None:
        if self.current_kid not in self.keys:
            raise KeyRingError("The current master key id is not in the ring.")
        for kid, key in self.keys.items():
            if not KID_PATTERN.match(kid):
                raise KeyRingError(f"Invalid master key id {kid!r}.")
            if len(key) != KEY_BYTES:
                raise KeyRingError(f"Master key {kid!r} must be {KEY_BYTES} bytes.")

    @classmethod
    def from_spec(cls, spec: str) -> MasterKeyRing:
        """Parse ``"kid1:base64,kid0:base64"``; the first key is the current one."""
        keys: dict[str, bytes] = {}
        for item in spec.replace("\n", ",").split(","):
            item = item.strip()
            if not item:
                continue
            kid, sep, encoded = item.partition(":")
            if not sep:
                raise KeyRingError("Each master key is written as id:base64.")
            try:
                key = base64.b64decode(encoded.strip(), altchars=b"-_", validate=True)
            except (binascii.Error, ValueError):
                raise KeyRingError(f"Master key {kid!r} is not valid base64.") from None
            if kid.strip() in keys:
                raise KeyRingError(f"Master key id {kid!r} appears twice.")
            keys[kid.strip()] = key
        if not keys:
            raise KeyRingError("No master key given.")
        return cls(keys=keys, current_kid=next(iter(keys)))

    @staticmethod
    def new_key_spec(kid: str) -> str:
        """A fresh ``kid:base64`` entry, for configuration."""
        return f"{kid}:{base64.b64encode(os.urandom(KEY_BYTES)).decode('ascii')}"

    def _master(self, kid: str) -> bytes:
        try:
            return self.keys[kid]
        except KeyError:
            raise DecryptionError(f"unknown master key {kid!r}") from None

    def _wrap(self, dek: bytes) -> bytes:
        kid = self.current_kid
        return _seal_with(self.keys[kid], dek, b"dek:" + kid.encode("ascii"))

    def _unwrap(self, wrapped_dek: bytes, master_kid: str) -> bytes:
        dek = _open_with(
            self._master(master_kid), wrapped_dek, b"dek:" + master_kid.encode("ascii")
        )
        if len(dek) != KEY_BYTES:
            raise DecryptionError("malformed data key")
        return dek

    def encrypt(self, plaintext: bytes, aad: bytes) -> tuple[bytes, bytes, str]:
        """Encrypt under a fresh DEK: ``(ciphertext, wrapped_dek, master_kid)``."""
        dek = AESGCM.generate_key(bit_length=KEY_BYTES * 8)
        return _seal_with(dek, plaintext, aad), self._wrap(dek), self.current_kid

    def decrypt(self, ciphertext: bytes, wrapped_dek: bytes, master_kid: str, aad: bytes) -> bytes:
        return _open_with(self._unwrap(wrapped_dek, master_kid), ciphertext, aad)

    def rewrap(self, wrapped_dek: bytes, master_kid: str) -> tuple[bytes, str]:
        """The same DEK wrapped by the current master key: ``(wrapped_dek, current_kid)``."""
        return self._wrap(self._unwrap(wrapped_dek, master_kid)), self.current_kid

    # One blob for small secrets (a CUTS, a TOTP seed) ------------------------------------------

    def seal(self, plaintext: bytes, aad: bytes) -> bytes:
        ciphertext, wrapped, kid = self.encrypt(plaintext, aad)
        return _pack(kid, wrapped, ciphertext)

    def unseal(self, sealed: bytes, aad: bytes) -> bytes:
        kid, wrapped, ciphertext = _unpack(sealed)
        return self.decrypt(ciphertext, wrapped, kid, aad)

    def reseal(self, sealed: bytes) -> bytes:
        """The blob with its DEK re-wrapped by the current master key."""
        kid, wrapped, ciphertext = _unpack(sealed)
        new_wrapped, new_kid = self.rewrap(wrapped, kid)
        return _pack(new_kid, new_wrapped, ciphertext)

    @staticmethod
    def sealed_kid(sealed: bytes) -> str:
        return _unpack(sealed)[0]


def _pack(kid: str, wrapped: bytes, ciphertext: bytes) -> bytes:
    kid_bytes = kid.encode("ascii")
    return (
        VERSION
        + bytes([len(kid_bytes)])
        + kid_bytes
        + len(wrapped).to_bytes(2, "big")
        + wrapped
        + ciphertext
    )


def _unpack(sealed: bytes) -> tuple[str, bytes, bytes]:
    data = bytes(sealed)
    try:
        if data[:1] != VERSION:
            raise DecryptionError("unknown format")
        kid_length = data[1]
        kid = data[2 : 2 + kid_length].decode("ascii")
        at = 2 + kid_length
        wrapped_length = int.from_bytes(data[at : at + 2], "big")
        wrapped = data[at + 2 : at + 2 + wrapped_length]
        ciphertext = data[at + 2 + wrapped_length :]
    except (IndexError, UnicodeDecodeError):
        raise DecryptionError("malformed sealed data") from None
    if len(kid) != kid_length or len(wrapped) != wrapped_length or not ciphertext:
        raise DecryptionError("malformed sealed data")
    return kid, wrapped, ciphertext
