"""Password rules beyond Django's own validators."""

from __future__ import annotations

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.password_validation import MinimumLengthValidator as DjangoMinimumLength
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# ASVS 2.1.2: at least 64 characters are allowed, more than 128 are refused (hashing
# megabytes on every login attempt would be a cheap way to load the servers).
PASSWORD_MAX_LENGTH = 128


class MaximumLengthValidator:
    """Refuse passwords longer than ``max_length`` characters."""

    def __init__(self, max_length: int = PASSWORD_MAX_LENGTH) -> None:
        self.max_length = max_length

    def validate(self, password: str, user: AbstractBaseUser | None = None) -> None:
        if len(password) > self.max_length:
            raise ValidationError(
                _("La contraseña es demasiado larga: use como máximo %(max)d caracteres.")
                % {"max": self.max_length},
                code="password_too_long",
            )

    def get_help_text(self) -> str:
        return _("Su contraseña puede tener hasta %(max)d caracteres.") % {"max": self.max_length}


class MinimumLengthValidator(DjangoMinimumLength):
    """Django's rule, with a help text that reads as advice: Django's Spanish catalogue gives
    the error message ("es muy corta") as the help shown before anything is typed."""

    def get_help_text(self) -> str:
        return _("Su contraseña debe tener al menos %(min)d caracteres.") % {"min": self.min_length}
