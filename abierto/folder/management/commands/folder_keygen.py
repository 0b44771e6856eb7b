"""Generate a new signing key for an issuer (rotation): private to FOLDER_KEYS_DIR, public here."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from ... import services
from ...models import Issuer
from ..actor import add_actor_argument, command_actor


class Command(BaseCommand):
    help = (
        "Genera una clave Ed25519 nueva para un emisor: la privada en FOLDER_KEYS_DIR/<kid>.pem "
        "(0600), la pública en el JWKS. Pasa a ser la clave vigente; las anteriores siguen "
        "publicadas y sus documentos siguen verificándose."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--issuer", required=True, help="Clave del emisor.")
        add_actor_argument(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        actor = command_actor(options["actor"])
        issuer = Issuer.objects.filter(slug=options["issuer"]).first()
        if issuer is None:
            raise CommandError(f"No existe el emisor {options['issuer']!r}.")
        try:
            key = services.issuer_key_generate(actor=actor, issuer=issuer)
        except OSError as exc:
            raise CommandError(f"No se pudo escribir la clave: {exc}") from exc
        path = settings.FOLDER_KEYS_DIR / f"{key.kid}.pem"
        self.stdout.write(self.style.SUCCESS(f"Clave {key.kid} de {issuer.slug} en {path}"))
