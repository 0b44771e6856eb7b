"""The forums of the state and each municipality's way to its own STL."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from abierto.forum import selectors_forums as forums

from .catalog import Column, Dataset, field_column, register

register(
    Dataset(
        slug="instalacion-stl-municipales",
        temporal_field="status_since",
        title=_("Instalación de STL municipales"),
        description=_(
            "El avance de cada municipio hacia su propio Secretariado Técnico Local: en "
            "pláticas, declaratoria conjunta firmada (con su fecha y documento), STL instalado "
            "o primera sesión celebrada. Los municipios que no aparecen no han tenido contacto."
        ),
        keywords=["STL municipales", "declaratorias conjuntas", "gobierno abierto", "municipios"],
        rows=forums.opendata_installations,
        columns=[
            field_column("forum.Installation", "municipality.code", "municipality_code"),
            Column(
                "municipality",
                _("Nombre oficial del municipio."),
                lambda row: row.municipality.name,
            ),
            field_column("forum.Installation", "status", display=True),
            field_column("forum.Installation", "status_since"),
            field_column("forum.Installation", "declaration_signed_on"),
            field_column("forum.Installation", "declaration_url"),
            Column(
                "declaration_document_url",
                _(
                    "Dirección del PDF de la declaratoria firmada, si se subió a la plataforma; "
                    "vacío si no."
                ),
                lambda row: forums.installation_declaration_url(row),
            ),
            field_column("forum.Installation", "notes"),
        ],
        excluded_fields=frozenset(
            # The uploaded file is published as its address (declaration_document_url).
            {"id", "municipality", "created_at", "updated_at", "declaration_document"}
        ),
    )
)
