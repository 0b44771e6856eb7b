"""Retire an issuer's signing key: it stops being published (for a compromised key)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ... import services
from ...models import IssuerKey
from ..actor import add_actor_argument, command_actor


class Command(BaseCommand):
    help = (
        "Retira una clave de firma: deja de publicarse en el JWKS y ningún documento firmado "
        "con ella vuelve a verificarse. Úsela si la clave se comprometió; después, genere "
        "otra con folder_keygen y reemita lo que firmó."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--kid", required=True, help="Identificador de la clave (kid).")
        add_actor_argument(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        actor = command_actor(options["actor"])
        key = IssuerKey.objects.filter(kid=options["kid"]).first()
        if key is None:
            raise CommandError(f"No existe la clave {options['kid']!r}.")
        try:
            services.issuer_key_retire(actor=actor, key=key)
        except services.FolderError as exc:
            raise CommandError(exc.message) from exc
        self.stdout.write(self.style.SUCCESS(f"Clave {key.kid} retirada."))
