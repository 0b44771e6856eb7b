"""Remove a staff account's second factor (a lost phone, no recovery codes left)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from abierto.directory import second_factor


class Command(BaseCommand):
    help = (
        "Quita el segundo factor de una cuenta del personal (teléfono perdido y sin códigos "
        "de recuperación); al entrar de nuevo, la persona lo activa otra vez. Queda en la "
        "bitácora con quien lo hizo."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--username", required=True, help="Cuenta cuyo factor se quita.")
        parser.add_argument(
            "--actor",
            required=True,
            metavar="USUARIO",
            help="Usuario (activo y del personal) que hace el cambio; queda en la bitácora.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        users = get_user_model().objects
        actor = users.filter(username=options["actor"], is_active=True, is_staff=True).first()
        if actor is None:
            raise CommandError(
                f"No hay una cuenta activa del personal con el usuario {options['actor']!r}; "
                "--actor nombra a quien hace el cambio."
            )
        user = users.filter(username=options["username"]).first()
        if user is None:
            raise CommandError(f"No existe la cuenta {options['username']!r}.")
        if second_factor.second_factor_reset(actor=actor, user=user):
            self.stdout.write(
                self.style.SUCCESS(
                    f"Segundo factor de {user.username} quitado; lo activará al entrar."
                )
            )
        else:
            self.stdout.write(f"{user.username} no tenía segundo factor (queda en la bitácora).")
