"""What each audit action means, in words, for the histories people read.

``AuditEvent.action`` is a stable code (``session.convened``) that the apps write; each app
registers the words for its codes when it starts (its ``apps.py``), since the directory,
the lowest floor, cannot import them. A code nobody registered is shown as it is.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

_LABELS: dict[str, StrOrPromise] = {}


def register(labels: Mapping[str, StrOrPromise]) -> None:
    _LABELS.update(labels)


def label(action: str) -> str:
    return str(_LABELS.get(action, action))


register(
    {
        "application.submitted": _("Solicitud recibida"),
        "application.approved": _("Solicitud aprobada"),
        "application.rejected": _("Solicitud rechazada"),
        "account.password_change": _("Contraseña cambiada"),
        "account.password_reset": _("Contraseña restablecida"),
        "account.second_factor.enrol_started": _("Segundo factor: alta iniciada"),
        "account.second_factor.enrolled": _("Segundo factor activado"),
        "account.second_factor.verified": _("Entrada con segundo factor"),
        "account.second_factor.failed": _("Código de segundo factor rechazado"),
        "account.second_factor.recovery_used": _("Entrada con código de recuperación"),
        "account.second_factor.codes_regenerated": _("Códigos de recuperación renovados"),
        "account.second_factor.reset": _("Segundo factor restablecido"),
    }
)
