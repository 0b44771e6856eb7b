from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "abierto.directory"
    verbose_name = _("Directorio y cuentas")

    def ready(self) -> None:
        from . import (
            checks,  # noqa: F401 - registers the system checks
            idle,  # noqa: F401 (starts the staff idle clock at each login)
            lockout,  # noqa: F401 (connects the per-network failure counter)
        )
