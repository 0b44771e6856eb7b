"""Issuers' API tokens and signing keys."""

from __future__ import annotations

import datetime
import secrets

from django.db import transaction
from django.utils import timezone

from abierto.lib import jws

from .. import keys
from ..formats import secret_hash
from ..models import Issuer, IssuerKey


@transaction.atomic
def issuer_token_create(*, issuer: Issuer) -> str:
    """A new API token for the issuer (the previous one stops working); shown once."""
    token = f"{issuer.slug}.{secrets.token_urlsafe(32)}"
    issuer.token_hash = secret_hash(token)
    issuer.token_created_at = timezone.now()
    issuer.save(update_fields=["token_hash", "token_created_at", "updated_at"])
    return token


def issuer_key_generate(*, issuer: Issuer) -> IssuerKey:
    """A new Ed25519 key: the private half to FOLDER_KEYS_DIR (0600), the public one here.

    It becomes the issuer's current key; older keys stay published, so documents signed
    with them keep verifying.
    """
    now = timezone.now()
    kid = f"{issuer.slug[:40]}-{now:%Y%m%d}-{secrets.token_hex(3)}"
    private_key = jws.generate_private_key()
    keys.write_private_key(kid, private_key)
    return IssuerKey.objects.create(
        issuer=issuer, kid=kid, x=jws.public_key_x(private_key.public_key()), created_at=now
    )


def issuer_key_retire(*, key: IssuerKey, when: datetime.datetime | None = None) -> IssuerKey:
    """Stop publishing a key; documents it signed no longer verify (use for compromised keys)."""
    key.retired_at = when or timezone.now()
    key.save(update_fields=["retired_at"])
    return key
