"""Where the folder's secrets come from, and the keyed hashes built on them.

Nothing here is stored in the database. Issuers' private keys are read from
``FOLDER_KEYS_DIR/<kid>.pem`` or ``FOLDER_KEY_<KID>`` once per process and kept in memory, so
issuing a thousand documents reads no file a thousand times. The HMAC key comes from settings
(``FOLDER_HMAC_KEY``, or its ``_FILE``); with DEBUG only, a missing one is generated under
``FOLDER_KEYS_DIR`` for local use. The master key ring, shared with the staff second factors,
is ``abierto.directory.keyring`` (re-exported here as ``master_key_ring``).
"""

from __future__ import annotations

import base64
import binascii
import functools
import hashlib
import hmac
import os
import re
import secrets
import threading
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.signals import setting_changed

from abierto.directory import keyring
from abierto.directory.keyring import dev_secret
from abierto.directory.keyring import master_key_ring as master_key_ring  # re-exported
from abierto.lib import jws

from . import bulk_prepare

CUTS_PATTERN = bulk_prepare.CUTS_PATTERN

_lock = threading.Lock()
_private_keys: dict[str, Ed25519PrivateKey] = {}
_state: dict[str, Any] = {}


class SigningKeyUnavailableError(ImproperlyConfigured):
    """The private key of a kid is neither in FOLDER_KEYS_DIR nor in the environment."""


def env_name(kid: str) -> str:
    return "FOLDER_KEY_" + re.sub(r"[^A-Z0-9]", "_", kid.upper())


def private_key(kid: str) -> Ed25519PrivateKey:
    """The private key of ``kid``, loaded once per process."""
    key = _private_keys.get(kid)
    if key is None:
        with _lock:
            key = _private_keys.get(kid) or _load_private_key(kid)
            _private_keys[kid] = key
    return key


def _load_private_key(kid: str) -> Ed25519PrivateKey:
    name = env_name(kid)
    text = os.environ.get(name)
    if os.environ.get(f"{name}_FILE"):
        text = Path(os.environ[f"{name}_FILE"]).read_text(encoding="ascii")
    if not text:
        path = Path(settings.FOLDER_KEYS_DIR) / f"{kid}.pem"
        try:
            text = path.read_text(encoding="ascii")
        except FileNotFoundError:
            raise SigningKeyUnavailableError(
                f"No private key for {kid!r}: neither {path} nor {name} exists."
            ) from None
    try:
        return jws.private_key_from_text(text)
    except (ValueError, TypeError) as exc:
        raise SigningKeyUnavailableError(f"The key of {kid!r} cannot be read: {exc}") from exc


def private_key_available(kid: str) -> bool:
    try:
        private_key(kid)
    except SigningKeyUnavailableError:
        return False
    return True


def write_private_key(kid: str, key: Ed25519PrivateKey) -> Path:
    """Write ``<kid>.pem`` into FOLDER_KEYS_DIR, readable by its owner only; never overwrite."""
    directory = Path(settings.FOLDER_KEYS_DIR)
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    path = directory / f"{kid}.pem"
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(jws.private_key_to_pem(key))
    _private_keys[kid] = key
    return path


@functools.lru_cache(maxsize=4096)
def public_key_from_x(x: str) -> Ed25519PublicKey:
    return jws.public_key_from_x(x)


def _hmac_key() -> bytes:
    key = _state.get("hmac")
    if key is None:
        text = settings.FOLDER_HMAC_KEY or dev_secret(
            "folder-hmac-key", base64.b64encode(secrets.token_bytes(32)).decode("ascii")
        )
        try:
            key = base64.b64decode(text, altchars=b"-_", validate=True)
        except (binascii.Error, ValueError):
            raise ImproperlyConfigured("FOLDER_HMAC_KEY is not valid base64.") from None
        if len(key) < 32:
            raise ImproperlyConfigured("FOLDER_HMAC_KEY must hold at least 32 bytes.")
        _state["hmac"] = key
    return key


def keyed_hash(purpose: str, value: str | bytes) -> str:
    """HMAC-SHA256 under a subkey per ``purpose``, hex: equal inputs match, nothing leaks."""
    data = value.encode("utf-8") if isinstance(value, str) else value
    return hmac.digest(hmac_subkey(purpose), data, "sha256").hex()


def hmac_subkey(purpose: str) -> bytes:
    """The HMAC subkey of a purpose, derived once (``clear_caches`` forgets it); the sealing
    workers get the few they need from the job instead of the key itself."""
    subkeys: dict[str, bytes] = _state.setdefault("subkeys", {})
    subkey = subkeys.get(purpose)
    if subkey is None:
        subkey = hmac.new(_hmac_key(), purpose.encode("utf-8"), hashlib.sha256).digest()
        subkeys[purpose] = subkey
    return subkey


cuts_normalize = bulk_prepare.cuts_normalize


def cuts_index(cuts: str) -> str:
    """The blind index of a CUTS: how documents and citizens find each other."""
    return keyed_hash("cuts-index", cuts_normalize(cuts))


def clear_caches() -> None:
    with _lock:
        _private_keys.clear()
        _state.clear()
    keyring.clear_cache()
    public_key_from_x.cache_clear()


def _on_setting_changed(*, setting: str, **kwargs: Any) -> None:
    if setting.startswith("FOLDER_") or setting == "DEBUG":
        clear_caches()


def connect_signals() -> None:
    setting_changed.connect(_on_setting_changed, dispatch_uid="folder-keys-settings")
