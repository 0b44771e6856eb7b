"""Replace the database and the media with those of an archive made by ``backup``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from abierto.directory.backup import BackupError, backup_restore


class Command(BaseCommand):
    help = (
        "Restaura un respaldo hecho con `manage.py backup`: reemplaza la base de datos y los "
        "archivos subidos. Detenga el sitio antes."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", help="Archivo de respaldo (.tar.gz).")
        parser.add_argument("--database", default="default", help="Alias de la base.")
        parser.add_argument(
            "--yes", action="store_true", help="No preguntar antes de reemplazar los datos."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not options["yes"] and options.get("interactive", True):
            answer = input("Esto reemplaza la base de datos y los archivos. ¿Continuar? [s/N] ")
            if answer.strip().lower() not in {"s", "si", "sí", "y", "yes"}:
                raise CommandError("Cancelado.")
        try:
            manifest = backup_restore(Path(options["path"]), alias=options["database"])
        except (BackupError, OSError) as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            self.style.SUCCESS(f"Restaurado el respaldo del {manifest['created_at']}.")
        )
