"""The portal's own dataset: the map of access-to-information platforms."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from .catalog import Dataset, field_column, register
from .models import AccessPlatform
from .selectors import access_platforms

register(
    Dataset(
        slug="plataformas-de-acceso",
        title=_("Mapa de plataformas de acceso a la información y participación"),
        description=_(
            "Las plataformas por las que las personas ejercen el derecho de acceso a la "
            "información, sus derechos ARCO y la participación ciudadana en el Estado de México."
        ),
        keywords=["acceso a la información", "transparencia", "datos personales", "plataformas"],
        rows=access_platforms,
        columns=[
            field_column(AccessPlatform, "public_id", "id"),
            field_column(AccessPlatform, "name"),
            field_column(AccessPlatform, "acronym"),
            field_column(AccessPlatform, "kind", display=True),
            field_column(AccessPlatform, "url"),
            field_column(AccessPlatform, "operator.name", "operator"),
            field_column(AccessPlatform, "scope", display=True),
            field_column(AccessPlatform, "description"),
        ],
        excluded_fields=frozenset({"id", "created_at", "updated_at", "operator"}),
    )
)
