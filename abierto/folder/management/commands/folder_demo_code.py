"""Print the current second-factor code of a demo folder (development only, DEBUG=1).

What an authenticator app would show for the folders ``load_demo`` activates, so that the demo
needs no phone. Refused without DEBUG, and for any folder that is not a demo one.
"""

from __future__ import annotations

import time
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from abierto.lib import totp

from ... import auth, demo_logins, selectors


class Command(BaseCommand):
    help = "Imprime el código de verificación vigente de una carpeta de demostración (DEBUG=1)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("cuts", help="CUTS de la carpeta de demostración, p. ej. DEMO000001.")

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG:
            raise CommandError(
                "Los códigos de las carpetas de demostración solo se muestran con DEBUG=1."
            )
        citizen = selectors.citizen_for_cuts(options["cuts"])
        if citizen is None or citizen.activated_at is None or not auth.is_demo_folder(citizen):
            raise CommandError(
                f"{options['cuts']!r} no es una carpeta de demostración activada "
                "(cárguelas con DEBUG=1 manage.py load_demo)."
            )
        self.stdout.write(demo_logins.current_code(citizen))
        left = totp.DEFAULT_PERIOD - int(time.time()) % totp.DEFAULT_PERIOD
        self.stderr.write(f"(vale {left} s más; cada código entra una sola vez)")
