"""Revoke a document by its public id."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ... import actor_labels, services
from ...models import Document


class Command(BaseCommand):
    help = "Revoca un documento; la verificación y la lista de estado lo reflejan de inmediato."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "id",
            help="Identificador público del documento (jti). Si empieza con «-», escríbalo "
            "después de «--»: revoke_document --reason … -- -Abc…",
        )
        parser.add_argument("--reason", required=True, help="Motivo de la revocación.")

    def handle(self, *args: Any, **options: Any) -> None:
        document = (
            Document.objects.select_related("issuer__institution")
            .filter(public_id=options["id"])
            .first()
        )
        if document is None:
            raise CommandError(f"No existe el documento {options['id']!r}.")
        try:
            services.document_revoke(
                document=document,
                reason=options["reason"],
                actor_label=actor_labels.channel(
                    actor_labels.stored(actor_labels.ISSUER, issuer=document.issuer),
                    "línea de comandos",
                ),
            )
        except services.FolderError as exc:
            raise CommandError(exc.message) from exc
        self.stdout.write(self.style.SUCCESS(f"Documento {document.public_id} revocado."))
