from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpendataConfig(AppConfig):
    name = "abierto.opendata"
    verbose_name = _("Datos abiertos")

    def ready(self) -> None:
        from .search import connect_signals

        connect_signals()
