"""Back up the database and the media into one archive, with the site running."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from abierto.directory.backup import BackupError, backup_create


class Command(BaseCommand):
    help = (
        "Respalda la base de datos (SQLite en línea; pg_dump en PostgreSQL) y los archivos "
        "subidos en un solo archivo .tar.gz. Se restaura con `manage.py restore`."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", help="Archivo que se escribe (p. ej. respaldo.tar.gz).")
        parser.add_argument("--database", default="default", help="Alias de la base.")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            manifest = backup_create(Path(options["path"]), alias=options["database"])
        except (BackupError, OSError) as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            self.style.SUCCESS(f"Respaldo {manifest['vendor']} escrito en {options['path']}.")
        )
