"""Issuers' API tokens and signing keys: each change with its actor and its audit row.

The audit rows name the issuer, the kid and the times, never a token, its hash or a private
key.
"""

from __future__ import annotations

import datetime
import secrets

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from abierto.directory.services import audit_record
from abierto.lib import jws

from .. import keys
from ..formats import secret_hash
from ..models import Issuer, IssuerKey
from .errors import FolderError


@transaction.atomic
def issuer_token_create(*, actor: User | None, issuer: Issuer) -> str:
    """A new API token for the issuer (the previous one stops working); shown once.

    ``actor`` is who asked for it; ``None`` only for demonstration data and fixtures.
    """
    token = f"{issuer.slug}.{secrets.token_urlsafe(32)}"
    issuer.token_hash = secret_hash(token)
    issuer.token_created_at = timezone.now()
    issuer.save(update_fields=["token_hash", "token_created_at", "updated_at"])
    audit_record(
        actor=actor,
        action="folder.issuer.token_created",
        target=issuer,
        changes={"issuer": issuer.slug, "token_created_at": issuer.token_created_at.isoformat()},
    )
    return token


def issuer_key_generate(*, actor: User | None, issuer: Issuer) -> IssuerKey:
    """A new Ed25519 key: the private half to FOLDER_KEYS_DIR (0600), the public one here.

    It becomes the issuer's current key; older keys stay published, so documents signed
    with them keep verifying. The file is written before the transaction: a row never names
    a private key that is not there.
    """
    now = timezone.now()
    kid = f"{issuer.slug[:40]}-{now:%Y%m%d}-{secrets.token_hex(3)}"
    private_key = jws.generate_private_key()
    keys.write_private_key(kid, private_key)
    with transaction.atomic():
        key = IssuerKey.objects.create(
            issuer=issuer, kid=kid, x=jws.public_key_x(private_key.public_key()), created_at=now
        )
        audit_record(
            actor=actor,
            action="folder.issuer_key.generated",
            target=key,
            changes={"issuer": issuer.slug, "kid": kid},
        )
    return key


@transaction.atomic
def issuer_key_retire(
    *, actor: User | None, key: IssuerKey, when: datetime.datetime | None = None
) -> IssuerKey:
    """Stop publishing a key; documents it signed no longer verify (use for compromised keys).

    A key is retired once: its retirement time is not moved afterwards.
    """
    locked = IssuerKey.objects.select_for_update().select_related("issuer").get(pk=key.pk)
    if locked.retired_at is not None:
        raise FolderError(
            _("La clave %(kid)s ya estaba retirada desde %(when)s.")
            % {"kid": locked.kid, "when": f"{timezone.localtime(locked.retired_at):%Y-%m-%d %H:%M}"}
        )
    locked.retired_at = when or timezone.now()
    locked.save(update_fields=["retired_at"])
    audit_record(
        actor=actor,
        action="folder.issuer_key.retired",
        target=locked,
        changes={
            "issuer": locked.issuer.slug,
            "kid": locked.kid,
            "retired_at": locked.retired_at.isoformat(),
        },
    )
    key.retired_at = locked.retired_at
    return key
