"""Create a municipality's STL and, optionally, give an account its facilitation."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from abierto.directory.models import Municipality
from abierto.forum import services
from abierto.forum.models import Forum, ForumRole


class Command(BaseCommand):
    help = (
        "Crea el STL de un municipio (clave INEGI, p. ej. 15106) con siglas STM-<MUNICIPIO> "
        "y, con --facilitator, da a una cuenta la Facilitación de ese foro (solo de ese foro)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("municipality", help="Clave INEGI del municipio, p. ej. 15106.")
        parser.add_argument("--acronym", default="", help="Siglas, p. ej. STM-TLALNEPANTLA.")
        parser.add_argument("--facilitator", default="", help="Nombre de usuario de la cuenta.")

    def handle(self, *args: Any, **options: Any) -> None:
        municipality = Municipality.objects.filter(code=options["municipality"]).first()
        if municipality is None:
            raise CommandError("No hay municipio con esa clave INEGI.", returncode=2)
        forum = Forum.objects.filter(municipality=municipality).first()
        if forum is None:
            try:
                forum = services.forum_create_municipal(
                    actor=None, municipality=municipality, acronym=options["acronym"]
                )
            except ValidationError as exc:
                raise CommandError(" ".join(exc.messages), returncode=2) from exc
        self.stdout.write(f"Foro {forum.acronym}: /foros/{forum.slug}/")
        if options["facilitator"]:
            user = get_user_model().objects.filter(username=options["facilitator"]).first()
            if user is None:
                raise CommandError("No hay cuenta con ese nombre de usuario.", returncode=2)
            services.forum_role_grant(
                actor=None, user=user, forum=forum, role=ForumRole.Role.FACILITATOR
            )
            self.stdout.write(f"{user.get_username()} facilita {forum.acronym}.")
