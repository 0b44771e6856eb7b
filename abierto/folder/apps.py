from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FolderConfig(AppConfig):
    name = "abierto.folder"
    verbose_name = _("Carpeta Ciudadana")

    def ready(self) -> None:
        from . import keys

        keys.connect_signals()
