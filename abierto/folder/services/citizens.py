"""Citizens' folders and carnets, and re-wrapping every data key after a master key change."""

from __future__ import annotations

import secrets

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from abierto.directory import keyring, second_factor
from abierto.directory.services import audit_record

from .. import keys
from ..formats import secret_hash
from ..models import Carnet, Citizen, Document
from ..models.citizens import cuts_aad
from .errors import FolderError

# No 0/O, 1/I/L: codes are read from paper and typed by hand.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


def _code(length: int) -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _position in range(length))


@transaction.atomic
def citizen_register(*, cuts: str) -> tuple[Citizen, bool]:
    """The folder of a CUTS, created (not yet activated) if it did not exist."""
    try:
        index = keys.cuts_index(cuts)
    except ValueError:
        raise FolderError(_("La CUTS no tiene un formato válido.")) from None
    citizen = Citizen.objects.filter(cuts_index=index).first()
    if citizen is not None:
        return citizen, False
    sealed = keys.master_key_ring().seal(keys.cuts_normalize(cuts).encode("utf-8"), cuts_aad(index))
    citizen = Citizen.objects.create(cuts_index=index, cuts_sealed=sealed)
    citizen_link_documents(citizen)
    return citizen, True


def citizen_activation_code_issue(*, citizen: Citizen) -> str:
    """A new one-time activation code (shown once, stored hashed); replaces any earlier one."""
    code = "-".join(_code(4) for _group in range(3))
    citizen.activation_code_hash = make_password(code)
    citizen.save(update_fields=["activation_code_hash", "updated_at"])
    return code


def citizen_link_documents(citizen: Citizen) -> int:
    """Attach to the folder the documents issued to its CUTS before it existed or was active."""
    return Document.objects.filter(holder_index=citizen.cuts_index, citizen__isnull=True).update(
        citizen=citizen
    )


@transaction.atomic
def carnet_issue(*, actor: User | None, citizen: Citizen) -> tuple[Carnet, str]:
    """A new carnet for the citizen (any active one becomes replaced) and its QR token.

    The token, ``<serial>.<secret>``, is returned once, to print in the QR; only the
    secret's hash is kept, and the audit row names the serials, never the secret.
    ``actor`` is who issued it; ``None`` only for demonstration data and fixtures.
    """
    now = timezone.now()
    active = Carnet.objects.select_for_update().filter(citizen=citizen, status=Carnet.Status.ACTIVE)
    replaced = sorted(active.values_list("serial", flat=True))
    active.update(status=Carnet.Status.REPLACED, status_changed_at=now)
    secret = secrets.token_urlsafe(24)
    while True:
        serial = "CJ" + _code(10)
        if not Carnet.objects.filter(serial=serial).exists():
            break
    carnet = Carnet.objects.create(
        citizen=citizen, serial=serial, secret_hash=secret_hash(secret), issued_at=now
    )
    audit_record(
        actor=actor,
        action="folder.carnet.issued",
        target=carnet,
        changes={"citizen": citizen.public_id, "serial": serial, "replaced": replaced},
    )
    return carnet, f"{serial}.{secret}"


@transaction.atomic
def carnet_revoke(*, actor: User | None, carnet: Carnet) -> Carnet:
    """Cancel a carnet: it no longer opens the folder, nor keeps open the sessions it opened."""
    locked = Carnet.objects.select_for_update().select_related("citizen").get(pk=carnet.pk)
    if locked.status == Carnet.Status.REVOKED:
        raise FolderError(
            _("El carnet %(serial)s ya estaba cancelado.") % {"serial": locked.serial}
        )
    previous = locked.status
    locked.status = Carnet.Status.REVOKED
    locked.status_changed_at = timezone.now()
    locked.save(update_fields=["status", "status_changed_at"])
    audit_record(
        actor=actor,
        action="folder.carnet.revoked",
        target=locked,
        changes={
            "citizen": locked.citizen.public_id,
            "serial": locked.serial,
            "status": [previous, locked.status],
        },
    )
    carnet.status, carnet.status_changed_at = locked.status, locked.status_changed_at
    return carnet


def master_key_rotate(*, batch_size: int = 500) -> int:
    """Re-wrap every data key that the current master key did not wrap; return how many.

    The documents' ciphertexts are not touched. Runs in batches, each its own transaction,
    so it can be interrupted and run again.
    """
    ring = keys.master_key_ring()
    current = ring.current_kid
    count = 0
    while True:
        with transaction.atomic():
            documents = list(
                Document.objects.select_for_update()
                .exclude(master_kid=current)
                .only("pk", "wrapped_dek", "master_kid")[:batch_size]
            )
            for document in documents:
                document.wrapped_dek, document.master_kid = ring.rewrap(
                    bytes(document.wrapped_dek), document.master_kid
                )
            Document.objects.bulk_update(documents, ["wrapped_dek", "master_kid"])
        count += len(documents)
        if len(documents) < batch_size:
            break
    with transaction.atomic():
        count += keyring.reseal_rows(
            Citizen.objects.all(), ("cuts_sealed", "totp_secret_encrypted")
        )
    # The staff second factors, and what other apps registered, are sealed with the same ring.
    return count + second_factor.second_factor_reseal_all() + keyring.reseal_registered()
