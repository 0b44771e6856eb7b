"""The current second-factor code of a demo staff account, for local development only."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from abierto.directory import second_factor
from abierto.directory.demo_accounts import demo_accounts
from abierto.directory.models import StaffSecondFactor
from abierto.lib import totp


class Command(BaseCommand):
    help = (
        "Muestra el código vigente del segundo factor de una cuenta de demostración "
        "(solo con DEBUG=1)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username", help="Usuario de demostración, p. ej. facilitacion.")

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG:
            raise CommandError("demo_totp solo funciona con DEBUG=1.")
        user = demo_accounts().filter(username=options["username"]).first()
        if user is None:
            raise CommandError(f"{options['username']!r} no es una cuenta de demostración.")
        factor = StaffSecondFactor.objects.filter(user=user, confirmed_at__isnull=False).first()
        if factor is None:
            raise CommandError(f"{user.username!r} no tiene un segundo factor activo.")
        key = totp.decode_secret(second_factor.factor_secret(factor))
        self.stdout.write(totp.totp(key))
