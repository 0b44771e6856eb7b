"""Re-wrap every data key with the current master key (after adding a new one in front)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from ... import keys, services


class Command(BaseCommand):
    help = (
        "Vuelve a envolver todas las llaves de datos con la llave maestra vigente (la primera "
        "de FOLDER_MASTER_KEYS), sin volver a cifrar los documentos. Después, la llave maestra "
        "anterior puede quitarse de la configuración."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--batch-size", type=int, default=500, help="Registros por lote.")

    def handle(self, *args: Any, **options: Any) -> None:
        count = services.master_key_rotate(batch_size=options["batch_size"])
        current = keys.master_key_ring().current_kid
        self.stdout.write(
            self.style.SUCCESS(f"{count} registros envueltos de nuevo con la llave {current}.")
        )
