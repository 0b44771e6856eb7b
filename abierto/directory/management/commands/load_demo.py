"""Load the demo data of every app, in the order of INSTALLED_APPS.

Each app that has demo data keeps it in its own ``demo.py`` with a
``load(*, stdout, with_logins)`` function, so that this command (in the lowest app) never
imports the apps above it.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.module_loading import module_has_submodule


class Command(BaseCommand):
    help = "Carga (o actualiza) los datos de demostración del STL del Estado de México."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--no-logins",
            action="store_true",
            help="No crear las cuentas de demostración.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        with_logins = not options["no_logins"]
        if with_logins and not settings.DEBUG:
            raise CommandError(
                "Las cuentas de demostración solo se crean con DEBUG=1. "
                "Use --no-logins para cargar solo los datos."
            )
        for app in apps.get_app_configs():
            if app.name.startswith("abierto.") and module_has_submodule(app.module, "demo"):
                import_module(f"{app.name}.demo").load(stdout=self.stdout, with_logins=with_logins)
        self.stdout.write(self.style.SUCCESS("Datos de demostración cargados."))
