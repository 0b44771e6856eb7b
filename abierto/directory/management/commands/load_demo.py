"""Load the demo data of every app, in the order of INSTALLED_APPS.

Each app that has demo data keeps it in its own ``demo.py`` with a
``load(*, stdout, with_logins)`` function, so that this command (in the lowest app) never
imports the apps above it. A ``load`` may return lines for the closing block (e.g. the
Carpeta Ciudadana's activation codes); the command prints that block last, after everything
else, with the demo logins and the links at ``SITE_URL`` (``make run`` sets it from
``HOST`` and ``PORT``).
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.urls import reverse
from django.utils.module_loading import module_has_submodule

from abierto.directory.demo import DEMO_LOGINS, DEMO_TOTP_SECRET

RULE = "─" * 72

LINKS = [
    ("Inicio", "home"),
    ("Sesiones", "forum:session_list"),
    ("Plan de Acción", "plan:overview"),
    ("Carpeta Ciudadana", "folder:landing"),
    ("Datos abiertos", "opendata:catalog"),
    ("Administración", "admin:index"),
]


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
        closing: list[str] = []
        for app in apps.get_app_configs():
            if app.name.startswith("abierto.") and module_has_submodule(app.module, "demo"):
                lines = import_module(f"{app.name}.demo").load(
                    stdout=self.stdout, with_logins=with_logins
                )
                closing.extend(lines or [])
        self.stdout.write(self.style.SUCCESS("Datos de demostración cargados."))
        self.stdout.write(closing_block(with_logins=with_logins, extra=closing))


def closing_block(*, with_logins: bool, extra: list[str]) -> str:
    """What a developer needs to start: where the site is, the logins, the demo folders."""
    base = settings.SITE_URL or "http://127.0.0.1:8000"
    lines = ["", RULE, f"abierto: {base}/"]
    width = max(len(label) for label, _name in LINKS)
    lines += [f"  {label:<{width}}  {base}{reverse(name)}" for label, name in LINKS]
    if settings.EMAIL_BACKEND == "abierto.ops.mail.FileEmailBackend":
        lines.append(f"  {'Correos':<{width}}  {settings.EMAIL_FILE_PATH}/")
    if with_logins:
        lines += ["", f"Cuentas de demostración (contraseña: {settings.DEMO_PASSWORD}):"]
        lines += [
            f"  {role.label:<24} usuario: {username}" for username, role, *_rest in DEMO_LOGINS
        ]
        lines += [
            "Segundo factor de facilitacion, dependencia y mediacion: la clave TOTP "
            f"{DEMO_TOTP_SECRET} en su app, o el código de `manage.py demo_totp USUARIO`."
        ]
    if extra:
        lines += ["", *extra]
    lines.append(RULE)
    return "\n".join(lines)
