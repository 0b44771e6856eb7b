"""Who runs a folder command that changes tokens or keys: named with ``--actor``.

The audit row of such a change names a person, as it does when the change is made in the
back office; the command refuses to run without one.
"""

from __future__ import annotations

from django.contrib.auth.models import User
from django.core.management.base import CommandError, CommandParser


def add_actor_argument(parser: CommandParser) -> None:
    parser.add_argument(
        "--actor",
        required=True,
        metavar="USUARIO",
        help="Usuario (activo y del personal) que hace el cambio; queda en la bitácora.",
    )


def command_actor(username: str) -> User:
    """The active staff account named ``username``, or a ``CommandError`` that says why not."""
    user = User.objects.filter(username=username, is_active=True, is_staff=True).first()
    if user is None:
        raise CommandError(
            f"No hay una cuenta activa del personal con el usuario {username!r}; "
            "--actor nombra a quien hace el cambio."
        )
    return user
