"""The public API: one NinjaAPI under /api/v1/, each app mounting its own router."""

from django.utils.translation import gettext_lazy as _
from ninja import NinjaAPI

from abierto.directory.api import router as directory_router
from abierto.forum.api import router as forum_router

api = NinjaAPI(
    title="abierto API",
    version="1",
    description=str(
        _(
            "Datos públicos del Secretariado Técnico Local de Gobierno Abierto del Estado de "
            "México. Todas las respuestas son JSON en UTF-8; las listas se paginan con "
            "`limit` y `offset`."
        )
    ),
    urls_namespace="api-1",
)
api.add_router("/", directory_router)
api.add_router("/", forum_router)
