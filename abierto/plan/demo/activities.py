"""The agenda: the activity kinds and service types, the caravans, the other activities and
Infoem's municipal openness study.
"""

from __future__ import annotations

import datetime

from django.utils import timezone

from abierto.directory.models import Institution, Municipality

from .. import services
from ..models import (
    Activity,
    ActivityKind,
    Commitment,
    OpennessDimension,
    OpennessQuestionnaire,
    OpennessStudy,
    ServiceType,
)
from .data import (
    ACTIVITY_KINDS,
    CARAVAN_TITLE,
    CONTRIBUTING_MUNICIPALITIES,
    CONTRIBUTIONS,
    DIMENSIONS,
    SERVICE_TYPES,
    SYSTEM,
    D,
)
from .spread import _chosen, apportion, caravan_plan


def _catalogues() -> tuple[dict[str, ActivityKind], dict[str, ServiceType]]:
    kinds = {}
    for order, (slug, name, is_caravan) in enumerate(ACTIVITY_KINDS):
        kinds[slug], _created = ActivityKind.objects.get_or_create(
            slug=slug, defaults={"name": name, "is_caravan": is_caravan, "order": order}
        )
    service_types = {}
    for order, (slug, name, _share) in enumerate(SERVICE_TYPES):
        service_types[slug], _created = ServiceType.objects.get_or_create(
            slug=slug, defaults={"name": name, "order": order}
        )
    return kinds, service_types


def _caravans(
    commitment: Commitment,
    kind: ActivityKind,
    service_types: dict[str, ServiceType],
    institutions: dict[str, Institution],
) -> None:
    for municipality, day, people, by_type in caravan_plan():
        if Activity.objects.filter(kind=kind, municipality=municipality, date=day).exists():
            continue
        services.activity_create(
            actor=SYSTEM,
            kind=kind,
            title=f"{CARAVAN_TITLE} en {municipality.name}",
            date=day,
            status=Activity.Status.HELD,
            municipality=municipality,
            commitment=commitment,
            institutions=[institutions["SJDH"]],
            people_served=people,
            services={service_types[slug]: n for slug, n in by_type.items()},
        )


def _other_activities(
    commitments: dict[tuple[str, int], Commitment],
    kinds: dict[str, ActivityKind],
    institutions: dict[str, Institution],
) -> None:
    today = timezone.localdate()
    talk = "Plática informativa sobre justicia cotidiana y mediación"
    carnet = "Plática informativa sobre el carnet jurídico y la Carpeta Ciudadana"
    circle = "Círculo restaurativo con jóvenes que egresan de centros de asistencia social"
    upcoming = today + datetime.timedelta(days=14)
    items = [
        # kind, title, municipality, date, time, commitment, institution, status
        ("platica", talk, "15104", D(2022, 5, 12), datetime.time(10), ("co-created", 3),
         "SJDH", "held"),
        ("platica", talk, "15106", D(2022, 8, 18), datetime.time(10), ("co-created", 3),
         "SJDH", "held"),
        ("platica", talk, "15033", D(2022, 10, 6), datetime.time(11), ("co-created", 3),
         "SJDH", "held"),
        ("platica", carnet, "15104", D(2022, 11, 10), datetime.time(11), ("co-created", 2),
         "SJDH", "held"),
        ("circulo-restaurativo", circle, "15106", D(2022, 9, 22), datetime.time(10),
         ("proactive", 3), "PJEdomex", "held"),
        ("circulo-restaurativo", circle, "15106", D(2022, 11, 24), datetime.time(10),
         ("proactive", 3), "PJEdomex", "held"),
        ("capacitacion", "Capacitación en mediación para personas servidoras públicas", "15106",
         upcoming, datetime.time(10), ("co-created", 3), "SJDH", "scheduled"),
        ("circulo-restaurativo", circle, "15104", upcoming + datetime.timedelta(days=7),
         datetime.time(10), ("proactive", 3), "PJEdomex", "scheduled"),
    ]  # fmt: skip
    for slug, title, code, day, start, key, acronym, status in items:
        municipality = Municipality.objects.get(code=code)
        existing = Activity.objects.filter(kind=kinds[slug], title=title, municipality=municipality)
        # A held activity is known by its date; an upcoming one by being still scheduled.
        existing = existing.filter(date=day) if status == "held" else existing.filter(status=status)
        if existing.exists():
            continue
        services.activity_create(
            actor=SYSTEM,
            kind=kinds[slug],
            title=title,
            date=day,
            start_time=start,
            status=status,
            municipality=municipality,
            commitment=commitments[key],
            institutions=[institutions[acronym]],
        )


def _openness_study(commitment: Commitment, infoem: Institution) -> None:
    study, _created = OpennessStudy.objects.get_or_create(
        title="Estudio de apertura municipal",
        defaults={
            "institution": infoem,
            "commitment": commitment,
            "year": 2022,
            "description": (
                "Cuestionarios respondidos por los municipios, validados con aportaciones "
                "ciudadanas, en cinco dimensiones de la apertura municipal."
            ),
        },
    )
    dimensions = []
    for number, name in enumerate(DIMENSIONS, start=1):
        dimension, _created = OpennessDimension.objects.get_or_create(
            study=study, number=number, defaults={"name": name}
        )
        dimensions.append(dimension)
    contributing = sorted(_chosen("apertura", CONTRIBUTING_MUNICIPALITIES), key=lambda m: m.code)
    for index, municipality in enumerate(contributing):
        if not OpennessQuestionnaire.objects.filter(
            study=study, municipality=municipality
        ).exists():
            services.questionnaire_record(
                actor=SYSTEM,
                study=study,
                municipality=municipality,
                answered_on=D(2022, 9, 1) + datetime.timedelta(days=index),
                answers=dict.fromkeys(dimensions),
            )
    if study.contributions.exists():
        return
    per_municipality = apportion(CONTRIBUTIONS, [1] * len(contributing))
    n = 0
    for municipality, count in zip(contributing, per_municipality, strict=True):
        for _i in range(count):
            services.contribution_record(
                actor=SYSTEM,
                study=study,
                municipality=municipality,
                dimension=dimensions[n % len(dimensions)],
                received_on=D(2022, 10, 3) + datetime.timedelta(days=n),
            )
            n += 1
