"""``manage.py parse_acta PATH``: print the structured session read from an acta file.

A dry run for importing old minutes: it reads a .txt, .md, .docx or .pdf, prints one
JSON object on standard output and writes nothing to the database, so it can be run
on a folder of files to see what an import would make of each. An unreadable file
(binary, empty, encrypted, too large, unsupported) exits with status 2 and a message
in Spanish on standard error.
"""

import json
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from abierto.lib.acta import ActaReadError, extract_text, parse_acta_text
from abierto.lib.acta.extract import DEFAULT_MAX_BYTES

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
            text = extract_text(options["path"], max_bytes=max_bytes)
        except ActaReadError as error:
            raise CommandError(str(error), returncode=UNREADABLE_STATUS) from error
        result = parse_acta_text(text)
        self.stdout.write(json.dumps(result, ensure_ascii=False, indent=2))
