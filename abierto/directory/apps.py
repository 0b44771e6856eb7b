from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "abierto.directory"
    verbose_name = _("Directorio y cuentas")

    def ready(self) -> None:
        from . import (
            checks,  # noqa: F401 - registers the system checks
            factor_login,  # noqa: F401 (notes at each login whether the second factor is owed)
            idle,  # noqa: F401 (starts the staff idle clock at each login)
            keyring,  # noqa: F401 (forgets the master key ring when its settings change)
            lockout,  # noqa: F401 (connects the per-network failure counter)
        )
