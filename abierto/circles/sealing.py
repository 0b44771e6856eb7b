"""Sealing what identifies a participant, with the platform's master key ring.

Each blob is bound (AES-GCM additional data) to its participant's public id and to what it
holds, so a blob copied to another participant or another field does not open.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from abierto.directory import keyring

from .models import Application, Participant


def _aad(public_id: str, what: str) -> bytes:
    return f"circles:{what}:{public_id}".encode()


def seal(public_id: str, what: str, data: bytes) -> bytes:
    return keyring.master_key_ring().seal(data, _aad(public_id, what))


def unseal(public_id: str, what: str, sealed: bytes) -> bytes:
    return keyring.master_key_ring().unseal(bytes(sealed), _aad(public_id, what))


def seal_json(public_id: str, what: str, value: Any) -> bytes:
    return seal(public_id, what, json.dumps(value, sort_keys=True).encode("utf-8"))


def unseal_json(public_id: str, what: str, sealed: bytes) -> Any:
    return json.loads(unseal(public_id, what, sealed))


@dataclass(frozen=True)
class Identity:
    name: str
    birth_date: datetime.date

    def age_on(self, day: datetime.date) -> int:
        born = self.birth_date
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def seal_identity(public_id: str, identity: Identity) -> bytes:
    return seal_json(
        public_id,
        "identity",
        {"name": identity.name, "birth_date": identity.birth_date.isoformat()},
    )


def unseal_identity(public_id: str, sealed: bytes) -> Identity:
    data = unseal_json(public_id, "identity", sealed)
    return Identity(data["name"], datetime.date.fromisoformat(data["birth_date"]))


@dataclass(frozen=True)
class Document:
    """An uploaded document as sealed: its name, type and bytes."""

    filename: str
    content_type: str
    content: bytes


def seal_document(public_id: str, what: str, document: Document) -> bytes:
    header = json.dumps({"filename": document.filename, "type": document.content_type})
    return seal(public_id, what, header.encode("utf-8") + b"\n" + document.content)


def unseal_document(public_id: str, what: str, sealed: bytes) -> Document:
    header, _sep, content = unseal(public_id, what, sealed).partition(b"\n")
    meta = json.loads(header)
    return Document(meta["filename"], meta["type"], content)


def reseal_all() -> int:
    """Re-wrap every sealed field whose data key the current master key did not wrap.

    Run by ``folder_rotate_master_key`` (registered in the app config), so that the old
    master key can leave the configuration; the ciphertexts and their bindings (the
    participant's public id) are not touched. Returns how many rows changed.
    """
    with transaction.atomic():
        return keyring.reseal_rows(
            Participant.objects.all(),
            ("identity_sealed", "consent_sealed", "guardian_consent_sealed"),
        ) + keyring.reseal_rows(Application.objects.all(), ("scores_sealed",))
