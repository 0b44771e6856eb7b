"""Issue one document from the command line and print it as JSON."""

from __future__ import annotations

import json
import secrets
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ... import actor_labels, selectors, services
from ...models import DocumentType, Issuer


class Command(BaseCommand):
    help = (
        "Emite un documento a una CUTS e imprime en JSON su id, su URL de verificación y su "
        "token firmado."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--type", required=True, help="Clave del tipo de documento.")
        parser.add_argument("--cuts", required=True, help="CUTS de la persona titular.")
        parser.add_argument("--data", required=True, help="Datos del documento, en JSON.")
        parser.add_argument(
            "--issuer", help="Clave del emisor; por omisión, el único emisor del tipo."
        )
        parser.add_argument(
            "--reference", help="Folio del emisor (idempotencia); por omisión, uno aleatorio."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            fields = json.loads(options["data"])
        except json.JSONDecodeError as exc:
            raise CommandError(f"--data no es JSON válido: {exc}") from exc
        issuer = self._issuer(options["type"], options["issuer"])
        reference = options["reference"] or f"cli-{secrets.token_hex(8)}"
        try:
            document, created = services.document_issue(
                issuer=issuer,
                type_slug=options["type"],
                cuts=options["cuts"],
                fields=fields,
                reference=reference,
                actor_label=actor_labels.channel(
                    actor_labels.stored(actor_labels.ISSUER, issuer=issuer), "línea de comandos"
                ),
            )
        except services.InvalidDocumentDataError as exc:
            details = "; ".join(f"{e['path'] or '/'}: {e['message']}" for e in exc.errors)
            raise CommandError(f"{exc.message} {details}") from exc
        except services.FolderError as exc:
            raise CommandError(exc.message) from exc
        token = selectors.document_token(document)
        output = {
            "id": document.public_id,
            "created": created,
            "document_type": document.document_type.slug,
            "issuer": issuer.slug,
            "reference": document.agency_reference,
            "status": document.verification_status().value,
            "issued_at": document.issued_at.isoformat(),
            "expires_at": document.expires_at.isoformat() if document.expires_at else None,
            "verify_url": selectors.verification_url_for_token(token),
            "verify_server_url": selectors.server_verification_url_for_token(token),
            "token": token,
        }
        self.stdout.write(json.dumps(output, ensure_ascii=False, indent=2))

    def _issuer(self, type_slug: str, issuer_slug: str | None) -> Issuer:
        if issuer_slug:
            issuer = Issuer.objects.filter(slug=issuer_slug).first()
            if issuer is None:
                raise CommandError(f"No existe el emisor {issuer_slug!r}.")
            return issuer
        document_type = DocumentType.objects.filter(slug=type_slug).first()
        if document_type is None:
            raise CommandError(f"No existe el tipo de documento {type_slug!r}.")
        issuers = list(document_type.issuers.filter(active=True))
        if len(issuers) != 1:
            raise CommandError(
                f"El tipo {type_slug!r} tiene {len(issuers)} emisores activos: use --issuer."
            )
        return issuers[0]
