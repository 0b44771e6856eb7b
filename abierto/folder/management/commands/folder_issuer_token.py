"""Generate (or replace) an issuer's API token and print it once."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ... import services
from ...models import Issuer
from ..actor import add_actor_argument, command_actor


class Command(BaseCommand):
    help = "Genera un token nuevo de la API para un emisor (anula el anterior) y lo imprime."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--issuer", required=True, help="Clave del emisor.")
        add_actor_argument(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        actor = command_actor(options["actor"])
        issuer = Issuer.objects.filter(slug=options["issuer"]).first()
        if issuer is None:
            raise CommandError(f"No existe el emisor {options['issuer']!r}.")
        self.stdout.write(services.issuer_token_create(actor=actor, issuer=issuer))
