"""Password rules beyond Django's own validators."""

from __future__ import annotations

from django.contrib.auth.base_user import AbstractBaseUser
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
