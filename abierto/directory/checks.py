"""System checks of the directory (registered in ``apps.DirectoryConfig.ready``)."""

from __future__ import annotations

from typing import Any

from django.core.checks import CheckMessage, Error, Tags, register
from django.db import DatabaseError
from django.utils.translation import gettext as _

from .demo_accounts import demo_accounts


@register(Tags.security, deploy=True)
def demo_accounts_check(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """``check --deploy`` fails while the demo logins exist: their password is public."""
    try:
        names = sorted(demo_accounts().values_list("username", flat=True))
    except DatabaseError:
        return []  # no database yet (or not migrated): nothing seeded, nothing to find
    if not names:
        return []
    return [
        Error(
            _("Existen cuentas de demostración, con contraseña pública: %(names)s.")
            % {"names": ", ".join(names)},
            hint=_(
                "Sin DEBUG no pueden entrar, pero deben borrarse antes de publicar el sitio "
                "(Administración → Usuarios)."
            ),
            id="directory.E001",
        )
    ]
