"""System checks of the folder (registered in ``apps.FolderConfig.ready``)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error, Tags, register
from django.utils.translation import gettext as _


@register(Tags.database)
def sqlite_immediate_check(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """On SQLite the access log's chain needs transactions that take the write lock at BEGIN.

    A DEFERRED transaction reads the chain's head, then asks for the write lock to append: two
    of them at once both read the same head and one fails with "database is locked" half-way
    (``services/chain.py``, ``chain_lock``).
    """
    database = settings.DATABASES.get("default", {})
    if database.get("ENGINE") != "django.db.backends.sqlite3":
        return []
    if (database.get("OPTIONS") or {}).get("transaction_mode") == "IMMEDIATE":
        return []
    return [
        Error(
            _("La base de datos SQLite no usa transacciones IMMEDIATE."),
            hint=_(
                'Agregue OPTIONS["transaction_mode"] = "IMMEDIATE" a DATABASES["default"]: '
                "sin él, dos escrituras simultáneas en la bitácora de accesos de la carpeta "
                "fallan a medias."
            ),
            id="folder.E001",
        )
    ]
