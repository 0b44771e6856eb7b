"""Issue the rows of a CSV in batches; run it again on the same file to resume."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ... import services
from ...models import BulkIssuance, Issuer


class Command(BaseCommand):
    help = (
        "Emite los documentos de un CSV (columnas cuts, referencia y una por campo del tipo) "
        "en lotes que se confirman completos o no se confirman. Si se interrumpe, vuelva a "
        "ejecutarlo con el mismo archivo: continúa tras el último lote confirmado."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("csv", help="Ruta del archivo CSV (UTF-8).")
        parser.add_argument("--issuer", required=True, help="Clave del emisor.")
        parser.add_argument("--type", required=True, help="Clave del tipo de documento.")
        parser.add_argument("--batch-size", type=int, default=500, help="Filas por lote.")
        parser.add_argument(
            "--background",
            action="store_true",
            help="Guardar el archivo y emitir en un proceso de fondo (manage.py db_worker).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        issuer = Issuer.objects.filter(slug=options["issuer"]).first()
        if issuer is None:
            raise CommandError(f"No existe el emisor {options['issuer']!r}.")

        if options["background"]:
            self._enqueue(issuer, options)
            return

        def progress(job: BulkIssuance) -> None:
            self.stdout.write(f"  {job.processed_rows}/{job.total_rows} filas")

        try:
            job = services.bulk_issue_csv(
                options["csv"],
                issuer=issuer,
                type_slug=options["type"],
                batch_size=options["batch_size"],
                progress=progress,
            )
        except services.FolderError as exc:
            raise CommandError(exc.message) from exc
        except OSError as exc:
            raise CommandError(f"No se pudo leer el archivo: {exc}") from exc
        if job.status == BulkIssuance.Status.FAILED:
            self.stderr.write(f"Emisión detenida en la fila {job.processed_rows + 1}: {job.error}")
            sys.exit(1)
        self.stdout.write(
            self.style.SUCCESS(f"Emisión {job.public_id}: {job.processed_rows} documentos.")
        )

    def _enqueue(self, issuer: Issuer, options: dict[str, Any]) -> None:
        from django.core.files.base import ContentFile
        from django.core.files.storage import default_storage

        from abierto.folder.tasks import bulk_issue_later

        try:
            with open(options["csv"], "rb") as handle:
                data = handle.read()
        except OSError as exc:
            raise CommandError(f"No se pudo leer el archivo: {exc}") from exc
        stored = default_storage.save(f"emision/{Path(options['csv']).name}", ContentFile(data))
        job = bulk_issue_later(
            stored_name=stored,
            issuer=issuer,
            type_slug=options["type"],
            batch_size=options["batch_size"],
        )
        self.stdout.write(f"Trabajo {job.public_id}: {job.get_status_display()} ({job.step})")
