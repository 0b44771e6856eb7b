"""``manage.py parse_acta PATH``: print the structured session read from an acta file.

A dry run for importing old minutes: it reads a .txt, .md, .docx or .pdf (scanned pages
by OCR), prints one JSON object on standard output (docs/acta-import.schema.json: the
fields, each field's confidence, the source) and writes nothing to the database, so it
can be run on a folder of files to see what an import would make of each. It reads in a
child process under the same caps as the import (ACTA_MAX_PAGES, ACTA_MAX_OCR_PAGES,
ACTA_READ_SECONDS, ACTA_READ_MEMORY_MB). An unreadable file (binary, empty, encrypted,
too large, too many pages, unsupported) exits with status 2 and a message in Spanish on
standard error.
"""

import json
import tempfile
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from abierto.lib.acta import ActaReadError
from abierto.lib.acta.extract import DEFAULT_MAX_BYTES
from abierto.lib.acta.reader import Limits
from abierto.lib.acta.sandbox import read_acta_limited

UNREADABLE_STATUS = 2


class Command(BaseCommand):
    help = "Lee un acta (.txt, .md, .docx o .pdf) e imprime la sesión estructurada en JSON."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("path", help="Ruta del archivo del acta.")
        parser.add_argument(
            "--max-mb",
            type=float,
            default=DEFAULT_MAX_BYTES / (1024 * 1024),
            help="Tamaño máximo del archivo en MB (20 por omisión).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        max_bytes = int(options["max_mb"] * 1024 * 1024)
        try:
            with tempfile.TemporaryDirectory(prefix="parse-acta-") as workdir:
                reading = read_acta_limited(
                    Path(options["path"]).resolve(), acta_limits(max_bytes), Path(workdir)
                )
        except ActaReadError as error:
            raise CommandError(str(error), returncode=UNREADABLE_STATUS) from error
        self.stdout.write(json.dumps(reading.parsed, ensure_ascii=False, indent=2))


def acta_limits(max_bytes: int) -> Limits:
    """The reading caps of the settings."""
    return Limits(
        max_bytes=max_bytes,
        max_pages=settings.ACTA_MAX_PAGES,
        max_ocr_pages=settings.ACTA_MAX_OCR_PAGES,
        seconds=settings.ACTA_READ_SECONDS,
        memory_bytes=settings.ACTA_READ_MEMORY_MB * 1024 * 1024,
    )
