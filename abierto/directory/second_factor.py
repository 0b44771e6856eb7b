"""Every write of the staff second factor (TOTP and recovery codes), with its audit row.

Facilitators, agency clerks and the back office (``selectors.second_factor_required``) log in
with a password and then a code from an authenticator app (RFC 6238, ±1 step, each step
accepted once, as the folder's citizens do), or one of ten one-time recovery codes. The TOTP
secret is sealed with the master key ring (``keyring``), bound to the account's id. A recovery
code is ``<selector>-<verifier>``: the selector finds its row, the verifier is hashed with the
first of ``PASSWORD_HASHERS`` (Argon2), so a code is hashed once, not against all ten.
"""

from __future__ import annotations

import functools
import re
import secrets
from typing import TYPE_CHECKING

from django.contrib.auth.hashers import check_password, make_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from abierto.lib import totp

from . import keyring
from .models import RecoveryCode, StaffSecondFactor
from .services import audit_record

if TYPE_CHECKING:
    from django.contrib.auth.models import User

TOTP_ISSUER = "abierto Edomex"
RECOVERY_CODE_COUNT = 10
RECOVERY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # 32 symbols, no 0/O nor 1/I
SELECTOR_LENGTH = 4
VERIFIER_LENGTH = 8  # 40 bits, hashed with Argon2; wrong guesses count toward the lockout
_NOT_ALPHANUMERIC = re.compile(r"[^A-Za-z0-9]")


def _aad(user: User) -> bytes:
    return b"directory.staff.totp:" + str(user.pk).encode("ascii")


def factor_secret(factor: StaffSecondFactor) -> str:
    """The base32 secret, unsealed (for the enrolment page and the checks only)."""
    sealed = bytes(factor.secret_sealed)
    return keyring.master_key_ring().unseal(sealed, _aad(factor.user)).decode("ascii")


def factor_uri(factor: StaffSecondFactor) -> str:
    """The ``otpauth://`` URI of the enrolment QR."""
    return totp.provisioning_uri(
        factor_secret(factor), account=factor.user.get_username(), issuer=TOTP_ISSUER
    )


def is_totp_code(code: str) -> bool:
    """Six digits (spaces allowed): a code of the app; anything else may be a recovery code."""
    digits = "".join(code.split())
    return len(digits) == totp.DEFAULT_DIGITS and digits.isascii() and digits.isdigit()


def _use_step(factor: StaffSecondFactor, code: str) -> bool:
    """Accept ``code`` if its step is newer than the last accepted; ``factor`` is locked."""
    key = totp.decode_secret(factor_secret(factor))
    step = totp.verify(key, code, after_step=factor.last_step)
    if step is None:
        return False
    factor.last_step = step
    return True


def _locked_factor(user: User) -> StaffSecondFactor | None:
    return StaffSecondFactor.objects.select_for_update().filter(user=user).first()


def _new_recovery_code() -> str:
    letters = "".join(
        secrets.choice(RECOVERY_ALPHABET) for _ in range(SELECTOR_LENGTH + VERIFIER_LENGTH)
    )
    return f"{letters[:4]}-{letters[4:8]}-{letters[8:]}"


def _replace_recovery_codes(factor: StaffSecondFactor) -> list[str]:
    """Ten new codes instead of the old ones; returned once, stored hashed."""
    factor.recovery_codes.all().delete()
    codes: list[str] = []
    selectors: set[str] = set()
    while len(codes) < RECOVERY_CODE_COUNT:
        code = _new_recovery_code()
        plain = _NOT_ALPHANUMERIC.sub("", code)
        selector = plain[:SELECTOR_LENGTH]
        if selector in selectors:
            continue
        selectors.add(selector)
        codes.append(code)
        RecoveryCode.objects.create(
            factor=factor,
            selector=selector,
            verifier_hash=make_password(plain[SELECTOR_LENGTH:]),
        )
    return codes


@functools.cache
def _dummy_hash() -> str:
    """Checked when no code has the selector, so that the answer takes as long either way."""
    return make_password("X" * VERIFIER_LENGTH)


# Enrolment -----------------------------------------------------------------------------------


@transaction.atomic
def second_factor_enrol_start(
    *, actor: User | None, user: User, secret: str | None = None
) -> StaffSecondFactor:
    """The account's unconfirmed factor, created with a new secret if it has none yet.

    Reloading the enrolment page shows the same QR. ``secret`` and ``actor=None`` are for the
    demo accounts only.
    """
    factor = _locked_factor(user)
    if factor is not None and factor.confirmed_at is not None:
        raise ValidationError(_("Esta cuenta ya tiene un segundo factor confirmado."))
    if factor is not None:
        return factor
    secret = secret or totp.new_secret()
    factor = StaffSecondFactor(user=user)
    factor.secret_sealed = keyring.master_key_ring().seal(secret.encode("ascii"), _aad(user))
    factor.save()
    audit_record(actor=actor, action="account.second_factor.enrol_started", target=user)
    return factor


@transaction.atomic
def second_factor_enrol_confirm(*, actor: User | None, user: User, code: str) -> list[str] | None:
    """Confirm the factor with a first code; its ten recovery codes, or ``None`` if wrong."""
    factor = _locked_factor(user)
    if factor is None or factor.confirmed_at is not None:
        raise ValidationError(_("No hay un segundo factor por confirmar en esta cuenta."))
    if not _use_step(factor, code):
        audit_record(
            actor=actor,
            action="account.second_factor.failed",
            target=user,
            changes={"method": "enrol"},
        )
        return None
    factor.confirmed_at = timezone.now()
    factor.save(update_fields=["confirmed_at", "last_step", "updated_at"])
    codes = _replace_recovery_codes(factor)
    audit_record(actor=actor, action="account.second_factor.enrolled", target=user)
    return codes


# Logging in ------------------------------------------------------------------------------------


def second_factor_verify(*, actor: User, user: User, code: str) -> bool:
    """Whether ``code`` is the app's current code, not used before; audited either way."""
    with transaction.atomic():
        factor = _locked_factor(user)
        accepted = (
            factor is not None and factor.confirmed_at is not None and _use_step(factor, code)
        )
        if accepted:
            assert factor is not None
            factor.save(update_fields=["last_step", "updated_at"])
        action = "account.second_factor.verified" if accepted else "account.second_factor.failed"
        audit_record(actor=actor, action=action, target=user, changes={"method": "totp"})
    return accepted


def second_factor_recovery_use(*, actor: User, user: User, code: str) -> int | None:
    """Spend a recovery code: how many are left, or ``None`` if it is not one (audited)."""
    plain = _NOT_ALPHANUMERIC.sub("", code).upper()
    with transaction.atomic():
        row = None
        if len(plain) == SELECTOR_LENGTH + VERIFIER_LENGTH:
            row = (
                RecoveryCode.objects.select_for_update()
                .filter(
                    factor__user=user,
                    factor__confirmed_at__isnull=False,
                    selector=plain[:SELECTOR_LENGTH],
                    used_at__isnull=True,
                )
                .first()
            )
        verifier = plain[SELECTOR_LENGTH:]
        if row is None:
            check_password(verifier, _dummy_hash())
        elif check_password(verifier, row.verifier_hash):
            row.used_at = timezone.now()
            row.save(update_fields=["used_at"])
            left = RecoveryCode.objects.filter(factor=row.factor, used_at__isnull=True).count()
            audit_record(
                actor=actor,
                action="account.second_factor.recovery_used",
                target=user,
                changes={"left": left},
            )
            return left
        audit_record(
            actor=actor,
            action="account.second_factor.failed",
            target=user,
            changes={"method": "recovery"},
        )
    return None


# Managing it -----------------------------------------------------------------------------------


@transaction.atomic
def second_factor_codes_regenerate(*, actor: User, user: User, code: str) -> list[str] | None:
    """Ten new recovery codes (the old ones stop working) after a current code of the app;
    ``None`` if the code is wrong."""
    factor = _locked_factor(user)
    if factor is None or factor.confirmed_at is None:
        raise ValidationError(_("Esta cuenta no tiene un segundo factor confirmado."))
    if not _use_step(factor, code):
        audit_record(
            actor=actor,
            action="account.second_factor.failed",
            target=user,
            changes={"method": "regenerate"},
        )
        return None
    factor.save(update_fields=["last_step", "updated_at"])
    codes = _replace_recovery_codes(factor)
    audit_record(actor=actor, action="account.second_factor.codes_regenerated", target=user)
    return codes


@transaction.atomic
def second_factor_reset(*, actor: User, user: User) -> bool:
    """Remove the account's factor and codes (a lost phone and no codes left): at its next
    login its owner enrols again. Whether there was one; audited either way."""
    factor = _locked_factor(user)
    if factor is not None:
        factor.delete()
    audit_record(
        actor=actor,
        action="account.second_factor.reset",
        target=user,
        changes={"had_factor": factor is not None},
    )
    return factor is not None


def second_factor_reseal_all() -> int:
    """Reseal every secret not sealed by the current master key (``folder_rotate_master_key``)."""
    with transaction.atomic():
        return keyring.reseal_rows(StaffSecondFactor.objects.all(), ("secret_sealed",))
