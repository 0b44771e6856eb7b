"""A citizen activates their folder: an account, a PIN for the carnet and a second factor."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from abierto.directory.roles import Role
from abierto.directory.services import audit_record, role_grant

from ..models import Citizen
from .citizens import citizen_link_documents
from .errors import FolderError


@transaction.atomic
def citizen_activate(
    *,
    citizen: Citizen,
    activation_code_hash: str,
    password_hash: str,
    pin_hash: str,
    totp_secret_sealed: bytes,
    totp_step: int,
) -> tuple[User, int]:
    """Activate the folder with the secrets chosen in the activation steps.

    ``activation_code_hash`` is the hash the code was checked against: if the code was
    reissued meanwhile, or the folder activated from another device, nothing changes.
    Returns the citizen's account and how many earlier documents joined the folder.
    """
    locked = Citizen.objects.select_for_update().get(pk=citizen.pk)
    if locked.activated_at is not None or locked.activation_code_hash != activation_code_hash:
        raise FolderError(
            _("El código de activación ya no es válido. Empiece de nuevo la activación.")
        )
    user = locked.user
    if user is None:
        user = get_user_model().objects.create_user(username=f"carpeta-{locked.public_id}")
    user.password = password_hash
    user.is_active = True
    user.save(update_fields=["password", "is_active"])
    role_grant(user=user, role=Role.CITIZEN)
    locked.user = user
    locked.activated_at = timezone.now()
    locked.activation_code_hash = ""
    locked.pin_hash = pin_hash
    locked.totp_secret_encrypted = totp_secret_sealed
    locked.totp_last_step = totp_step
    locked.save()
    linked = citizen_link_documents(locked)
    audit_record(
        actor=user, action="folder.citizen.activated", target=locked, changes={"linked": linked}
    )
    citizen.refresh_from_db()
    return user, linked
