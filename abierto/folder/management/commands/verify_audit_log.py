"""Check the access log's hash chain; exit 1 naming the first broken row."""

from __future__ import annotations

import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ... import services
from ...models import AccessChainHead


class Command(BaseCommand):
    help = (
        "Verifica la cadena de huellas de la bitácora de accesos de la Carpeta Ciudadana: "
        "detecta filas alteradas o eliminadas. Sale con 1 y nombra la primera fila dañada."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--anchor",
            help="Huella de referencia guardada fuera de la base, como NÚMERO:HUELLA (la que "
            "imprimió una verificación anterior): detecta también el recorte del final.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        anchor = None
        if options["anchor"]:
            seq, sep, hash_ = options["anchor"].partition(":")
            if not sep or not seq.isdigit() or len(hash_) != 64:
                raise CommandError("--anchor se escribe NÚMERO:HUELLA (64 hexadecimales).")
            anchor = (int(seq), hash_)
        problems = services.audit_chain_check(anchor=anchor)
        if problems:
            for problem in problems:
                self.stderr.write(f"Bitácora dañada: {problem}")
            sys.exit(1)
        head = AccessChainHead.objects.filter(pk=1).first()
        length, last = (head.length, head.last_hash) if head else (0, "")
        self.stdout.write(self.style.SUCCESS(f"Bitácora íntegra: {length} eventos."))
        if length:
            self.stdout.write(f"Huella de referencia (guárdela fuera de la base): {length}:{last}")
