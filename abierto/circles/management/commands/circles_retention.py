"""Delete the restorative circles' participant records past their retention period.

Run daily (a systemd timer or cron, docs/deploy.md): ``manage.py circles_retention``. It
prints a report of what it deleted; ``--dry-run`` prints it without deleting anything.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from abierto.circles.retention import retention_apply


class Command(BaseCommand):
    help = (
        "Suprime los expedientes de las personas participantes de las generaciones cuyo "
        "plazo de conservación (CIRCLES_RETENTION_DAYS tras el cierre) venció."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="Solo informar.")

    def handle(self, *args: Any, **options: Any) -> None:
        report = retention_apply(actor=None, today=timezone.localdate(), dry_run=options["dry_run"])
        days = settings.CIRCLES_RETENTION_DAYS
        self.stdout.write(f"Plazo de conservación: {days} días tras el cierre de la generación.")
        if options["dry_run"]:
            self.stdout.write("Simulación: no se suprimió nada.")
        for line in report.lines():
            self.stdout.write(line)
