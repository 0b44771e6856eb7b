"""The master key ring that seals small secrets at rest (envelope encryption).

It lives here, below every app, because both the folder (citizens' documents and TOTP
secrets) and the directory (staff second factors) seal with it, and ``directory/`` may import
no other app. The ring comes from ``FOLDER_MASTER_KEYS`` (or its ``_FILE``); with DEBUG only,
a missing one is generated under ``FOLDER_KEYS_DIR`` for local use. ``folder_rotate_master_key``
reseals what both apps hold.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.signals import setting_changed
from django.db.models import QuerySet
from django.dispatch import receiver

from abierto.lib.envelope import KeyRingError, MasterKeyRing

_lock = threading.Lock()
_state: dict[str, MasterKeyRing] = {}
# What reseals each app's sealed secrets, by app label: apps that this one may not import
# (circles, for instance) register here, and ``folder_rotate_master_key`` runs them all.
_resealers: dict[str, Callable[[], int]] = {}


def register_resealer(label: str, reseal_all: Callable[[], int]) -> None:
    """Have ``folder_rotate_master_key`` run ``reseal_all`` (returns how many rows changed)."""
    _resealers[label] = reseal_all


def reseal_rows(rows: QuerySet[Any], fields: Sequence[str]) -> int:
    """Re-wrap, on each row, the sealed ``fields`` the current master key did not wrap; how
    many rows changed. The ciphertexts and their bindings are not touched. Call it inside a
    transaction: the rows are locked while they are read and written."""
    ring = master_key_ring()
    count = 0
    for row in rows.select_for_update().only("pk", *fields):
        stale = [
            field
            for field in fields
            if getattr(row, field)
            and ring.sealed_kid(bytes(getattr(row, field))) != ring.current_kid
        ]
        for field in stale:
            setattr(row, field, ring.reseal(bytes(getattr(row, field))))
        if stale:
            row.save(update_fields=stale)
            count += 1
    return count


def reseal_registered() -> int:
    """Run every registered resealer; how many rows they changed."""
    return sum(reseal_all() for reseal_all in _resealers.values())


def dev_secret(filename: str, make: str) -> str:
    """A secret kept in FOLDER_KEYS_DIR for local development; refused without DEBUG."""
    if not settings.DEBUG:
        raise ImproperlyConfigured(
            f"The Carpeta Ciudadana needs {filename.upper().replace('-', '_')} "
            "(or its _FILE) outside DEBUG."
        )
    directory = Path(settings.FOLDER_KEYS_DIR)
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    path = directory / f"dev-{filename}.txt"
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text(encoding="ascii").strip()
    with os.fdopen(descriptor, "w", encoding="ascii") as handle:
        handle.write(make)
    return make


def master_key_ring() -> MasterKeyRing:
    ring = _state.get("ring")
    if ring is None:
        spec = settings.FOLDER_MASTER_KEYS or dev_secret(
            "folder-master-keys", MasterKeyRing.new_key_spec("dev1")
        )
        try:
            ring = MasterKeyRing.from_spec(spec)
        except KeyRingError as exc:
            raise ImproperlyConfigured(f"FOLDER_MASTER_KEYS: {exc}") from exc
        _state["ring"] = ring
    return ring


def clear_cache() -> None:
    with _lock:
        _state.clear()


@receiver(setting_changed, dispatch_uid="abierto.directory.keyring.settings")
def _on_setting_changed(*, setting: str, **kwargs: Any) -> None:
    if setting.startswith("FOLDER_") or setting == "DEBUG":
        clear_cache()
