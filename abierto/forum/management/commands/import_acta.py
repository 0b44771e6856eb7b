"""Read an existing acta into a pending import for the facilitator's review."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.urls import reverse

from abierto.forum import services
from abierto.forum.models import Forum


class Command(BaseCommand):
    help = (
        "Lee un acta (.txt, .md, .docx, .pdf) y la deja en revisión para la Facilitación; "
        "el mismo archivo dos veces no crea nada nuevo. Con --commit la guarda tal como se leyó."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path")
        parser.add_argument("--forum", required=True, help="Siglas del foro, p. ej. STL.")
        parser.add_argument(
            "--commit",
            action="store_true",
            help="Guardar la sesión sin revisión (solo para lecturas ya verificadas).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["path"])
        try:
            if path.stat().st_size > services.imports.MAX_ACTA_BYTES:
                raise CommandError("El archivo pesa más de 20 MB; no se leyó.", returncode=2)
            content = path.read_bytes()
        except OSError as exc:
            raise CommandError(f"No se pudo leer {path}: {exc.strerror}", returncode=2) from exc
        try:
            forum = Forum.objects.get(acronym=options["forum"].upper())
        except Forum.DoesNotExist:
            raise CommandError(f"No existe el foro {options['forum']!r}.", returncode=2) from None
        try:
            acta_import, created = services.acta_read(
                actor=None, forum=forum, filename=path.name, content=content
            )
            session = None
            if options["commit"] and acta_import.session is None:
                reviewed = {**acta_import.parsed, "follow_up_codes": []}
                session = services.acta_import_commit(
                    actor=None, acta_import=acta_import, reviewed=reviewed
                )
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages), returncode=2) from exc
        saved = session or acta_import.session
        result = {
            "import": acta_import.pk,
            "created": created,
            "status": acta_import.status,
            "review_url": settings.SITE_URL
            + reverse("forum_manage:acta_review", args=[acta_import.pk]),
            "session": saved.public_id if saved else None,
        }
        self.stdout.write(json.dumps(result, ensure_ascii=False))
