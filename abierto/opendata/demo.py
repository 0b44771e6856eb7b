"""Demo data of the open-data portal: the map of access-to-information platforms.

The platforms are the state's and the nation's public systems through which people ask
for information, exercise their ARCO rights and consult transparency obligations
(CONTEXT.md §4: "a map of the platforms through which people exercise the right of access
to information and citizen participation").
"""

from __future__ import annotations

from typing import TextIO

from django.db import transaction

from abierto.directory.selectors import institution_by_acronym

from .models import AccessPlatform

PLATFORMS = [
    # (name, acronym, kind, url, operator acronym, scope, description)
    (
        "Sistema de Acceso a la Información Mexiquense",
        "SAIMEX",
        AccessPlatform.Kind.ACCESS,
        "https://www.saimex.org.mx",
        "Infoem",
        "state",
        "Presentar solicitudes de acceso a la información pública a los sujetos obligados "
        "del Estado de México y sus municipios, y darles seguimiento.",
    ),
    (
        "Información Pública de Oficio Mexiquense",
        "IPOMEX",
        AccessPlatform.Kind.TRANSPARENCY,
        "https://www.ipomex.org.mx",
        "Infoem",
        "state",
        "Consultar la información que los sujetos obligados deben publicar sin que se les "
        "pida (obligaciones de transparencia).",
    ),
    (
        "Sistema de Acceso, Rectificación, Cancelación y Oposición de Datos Personales del "
        "Estado de México",
        "SARCOEM",
        AccessPlatform.Kind.PERSONAL_DATA,
        "https://www.sarcoem.org.mx",
        "Infoem",
        "state",
        "Ejercer los derechos ARCO sobre los datos personales en posesión de los sujetos "
        "obligados del Estado de México.",
    ),
    (
        "Plataforma Nacional de Transparencia",
        "PNT",
        AccessPlatform.Kind.ACCESS,
        "https://www.plataformadetransparencia.org.mx",
        None,
        "national",
        "Solicitudes de información y de datos personales, consulta de obligaciones de "
        "transparencia y medios de impugnación ante cualquier sujeto obligado del país.",
    ),
]


@transaction.atomic
def load(*, stdout: TextIO, with_logins: bool) -> None:
    for name, acronym, kind, url, operator, scope, description in PLATFORMS:
        AccessPlatform.objects.update_or_create(
            acronym=acronym,
            defaults={
                "name": name,
                "kind": kind,
                "url": url,
                "operator": institution_by_acronym(operator) if operator else None,
                "scope": scope,
                "description": description,
            },
        )
    stdout.write(f"Datos abiertos: {len(PLATFORMS)} plataformas de acceso a la información.\n")
