"""Chain the spooled public verifications into the access log (services/verification_spool.py)."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import close_old_connections

from ... import services


class Command(BaseCommand):
    help = (
        "Registra en la bitácora de accesos las verificaciones públicas que esperan en la cola "
        "de verificaciones. Con --every, lo repite cada tantos segundos (junto a db_worker)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--every",
            type=float,
            default=0.0,
            help="Segundos entre una vuelta y la siguiente; 0 (por omisión): una sola vuelta.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        every = options["every"]
        while True:
            written = services.verification_spool_drain()
            if options["verbosity"] > 1 or (written and not every):
                self.stdout.write(f"{written} verificaciones registradas en la bitácora.")
            if every <= 0:
                return
            close_old_connections()
            time.sleep(every)
