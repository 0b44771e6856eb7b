"""Demo data of the action plan: the 2020 Local Action Plan of the Estado de México.

From CONTEXT.md (the minutes of the 15th ordinary session, 16 Dec 2022):
- the plan launched in December 2020 after a consultation from July to October, its four
  axes, its six co-created commitments (SJDH, with Tlalnepantla de Baz and Infoem) and three
  proactive ones (Infoem, IEEM, Poder Judicial);
- the figures reported at the 15th session: 26+ agencies in the caravans, 43 of 125
  municipalities visited, 113,000+ procedures and services delivered, 30,000+ people served,
  target of all 125 municipalities by September 2023; talks in 83 municipalities; 32 public
  servants certified in mediation; the Ley de Justicia Cotidiana published on 10 March 2022;
  Infoem's municipal openness study with 32 citizen contributions from 15 municipalities
  (12 %) along five dimensions.

Reconstructed, because the source does not say it:
- the day of the launch (1 December 2020), the end of the period (2023, the caravans'
  target year), the wording of titles, the axis of each commitment and its OGP values;
- the lines of action, milestones and weights: each is a plausible step named after what
  the minutes report, and a milestone reported as done at the 15th session is dated on
  the day of that session (its true date is not known), except the law (10 March 2022);
- which 43 municipalities the caravans visited, on which days, and how the 113,000 services
  (in six illustrative categories) and 30,000 people split among them: a deterministic
  spread seeded by each municipality's INEGI code, adding up exactly to those figures;
- which 15 municipalities sent the 32 contributions, their dates and dimensions (no scores:
  the study's results are not in the source), and the few talks, restorative circles and
  upcoming activities on the agenda, which are illustrative;
- the wording of each commitment's public problem and objective (``DESCRIPTIONS``): a summary
  of what its title, its lines of action and the minutes say it addresses, not the plan's text.

The demo agency clerk login (``dependencia``) is linked to the Poder Judicial's
representative, whose name is pending in the directory demo, so it edits that institution's
commitment only; the facilitation login edits all of them.

Every record goes through the services (one audit row each); a second load adds nothing.
"""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, TextIO, cast

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from abierto.directory.models import Institution, Municipality, Person
from abierto.forum.models import Session

from . import services
from .models import (
    ActionLine,
    ActionPlan,
    Activity,
    ActivityKind,
    Commitment,
    Indicator,
    Milestone,
    OpennessDimension,
    OpennessQuestionnaire,
    OpennessStudy,
    ProgressReport,
    ServiceType,
    ThematicAxis,
)

if TYPE_CHECKING:
    from django.contrib.auth.models import User

SYSTEM = cast("User", None)  # demo writes are audited without a user
D = datetime.date
SESSION_15_DATE = D(2022, 12, 16)
PLAN_TITLE = "Plan de Acción Local de Gobierno Abierto del Estado de México 2020"
CARAVAN_TITLE = "Caravana por la Justicia Cotidiana"

MUNICIPALITIES_VISITED = 43
SERVICES_DELIVERED = 113_000
PEOPLE_SERVED = 30_000
CONTRIBUTIONS = 32
CONTRIBUTING_MUNICIPALITIES = 15

AXES = [
    "Acceso a la justicia y justicia itinerante",
    "Justicia cotidiana",
    "Derecho de acceso a la información y rendición de cuentas",
    "Innovación tecnológica para la transparencia",
]

ACTIVITY_KINDS = [
    # slug, name, is caravan
    ("caravana", "Caravana por la Justicia Cotidiana", True),
    ("platica", "Plática informativa", False),
    ("circulo-restaurativo", "Círculo restaurativo", False),
    ("capacitacion", "Capacitación", False),
]

SERVICE_TYPES = [
    # slug, name, share of the services delivered (illustrative)
    ("asesoria_juridica", "Asesoría jurídica", 30),
    ("registro_civil", "Trámites del Registro Civil", 25),
    ("constancias", "Constancias y certificados", 15),
    ("mediacion", "Mediación y conciliación", 12),
    ("defensoria", "Defensoría pública", 10),
    ("otros", "Otros trámites y servicios", 8),
]

MET_AT_15TH = ("met", SESSION_15_DATE)
IN_PROGRESS = ("in_progress", None)
PENDING = ("pending", None)

# kind, number, axis, title, responsible, supporting, OGP values (info, participation,
# accountability, technology), end date, lines: [(title, [(milestone, weight, due, state)])]
MilestoneSpec = tuple[str, int, datetime.date | None, tuple[str, datetime.date | None]]
LineSpec = tuple[str, list[MilestoneSpec]]
CommitmentSpec = tuple[
    str, int, int, str, str, list[str], tuple[bool, bool, bool, bool], datetime.date | None,
    list[LineSpec],
]  # fmt: skip

COMMITMENTS: list[CommitmentSpec] = [
    (
        "co-created", 1, 1,
        "Fortalecer y ampliar el programa de justicia itinerante «Caravanas por la Justicia "
        "Cotidiana»",
        "SJDH", ["Tlalnepantla", "Infoem"], (True, True, False, False), D(2023, 9, 30),
        [("Caravanas por la Justicia Cotidiana", [
            ("Sumar 26 o más dependencias a las caravanas", 1, None, MET_AT_15TH),
            ("Ofrecer 90 o más trámites y servicios jurídicos", 1, None, MET_AT_15TH),
            ("Visitar los 125 municipios", 3, D(2023, 9, 30), IN_PROGRESS),
        ])],
    ),
    (
        "co-created", 2, 4,
        "Interoperabilidad institucional mediante el carnet jurídico (Carpeta Ciudadana)",
        "SJDH", ["Tlalnepantla", "Infoem"], (True, False, False, True), None,
        [("Carnet jurídico y Carpeta Ciudadana", [
            ("Piloto de la Carpeta Ciudadana con seis documentos", 2, None, IN_PROGRESS),
            ("Incorporar los documentos de más dependencias", 1, None, PENDING),
        ])],
    ),
    (
        "co-created", 3, 2,
        "Fortalecer los mecanismos alternativos de solución de controversias (mediación, "
        "conciliación y justicia restaurativa) como acceso a la justicia cotidiana",
        "SJDH", ["Tlalnepantla", "Infoem"], (False, True, False, False), None,
        [("Mediación, conciliación y justicia restaurativa", [
            ("Certificar a personas servidoras públicas en mediación", 1, None, MET_AT_15TH),
            ("Pláticas informativas en los municipios", 1, None, IN_PROGRESS),
            ("Difundir la justicia restaurativa", 1, None, PENDING),
        ])],
    ),
    (
        "co-created", 4, 2,
        "Legislación estatal en materia de justicia cotidiana",
        "SJDH", ["Tlalnepantla", "Infoem"], (False, True, True, False), None,
        [("Ley de Justicia Cotidiana del Estado de México", [
            ("Publicar la Ley de Justicia Cotidiana en la Gaceta del Gobierno", 2, None,
             ("met", D(2022, 3, 10))),
            ("Difundir la Ley entre la ciudadanía", 1, None, PENDING),
        ])],
    ),
    (
        "co-created", 5, 3,
        "Fortalecer el acceso a la transparencia proactiva, los datos abiertos y los datos de "
        "interés público",
        "SJDH", ["Tlalnepantla", "Infoem"], (True, False, True, True), None,
        [("Datos abiertos y plataformas de acceso a la información", [
            ("Mapa de las plataformas de acceso a la información, con el Infoem", 1, None,
             MET_AT_15TH),
            ("Plataforma de datos abiertos", 2, D(2023, 12, 31), IN_PROGRESS),
        ])],
    ),
    (
        "co-created", 6, 3,
        "Alianzas con los municipios para difundir el uso y beneficio del derecho de acceso "
        "a la información",
        "SJDH", ["Tlalnepantla", "Infoem"], (True, True, False, False), None,
        [("Alianzas municipales", [
            ("Convenir alianzas con los municipios para difundir el acceso a la información", 1,
             None, IN_PROGRESS),
        ])],
    ),
    (
        "proactive", 1, 3,
        "Estrategia para fortalecer la cultura de gobierno abierto",
        "Infoem", [], (True, True, True, False), None,
        [
            ("Estudio de apertura municipal", [
                ("Cuestionarios respondidos por los municipios", 1, None, MET_AT_15TH),
                ("Validación ciudadana de los cuestionarios", 1, None, MET_AT_15TH),
            ]),
            ("Instalación de secretariados técnicos locales en los municipios", [
                ("Instalar secretariados técnicos locales municipales", 2, None, IN_PROGRESS),
            ]),
        ],
    ),
    (
        "proactive", 2, 3,
        "Estrategia para fortalecer la democracia",
        "IEEM", [], (False, True, False, False), None,
        [("Estrategia de fortalecimiento democrático", [
            ("Diseñar y poner en marcha la estrategia", 1, None, IN_PROGRESS),
        ])],
    ),
    (
        "proactive", 3, 2,
        "Mecanismos de participación ciudadana para el acceso a la justicia de grupos "
        "vulnerables mediante la cultura de paz",
        "PJEdomex", [], (False, True, False, False), None,
        [("Círculos restaurativos para jóvenes que egresan de centros de asistencia social", [
            ("Fase 1 de los círculos restaurativos", 1, None, MET_AT_15TH),
            ("Fase 2 de los círculos restaurativos", 1, None, IN_PROGRESS),
            ("Fase 3 de los círculos restaurativos", 1, None, PENDING),
            ("Fase 4 de los círculos restaurativos", 1, None, PENDING),
        ])],
    ),
]  # fmt: skip

DESCRIPTIONS = {
    # (kind, number): (public problem, objective), reconstructed (see the module's docstring)
    ("co-created", 1): (
        "Muchas personas, sobre todo en municipios alejados de las cabeceras, no acceden a los "
        "trámites y servicios jurídicos del Estado porque las oficinas están lejos, los "
        "traslados cuestan y no saben a qué dependencia acudir.",
        "Llevar a los 125 municipios, en una sola jornada y un solo lugar, los trámites y "
        "servicios jurídicos de las dependencias estatales mediante las Caravanas por la "
        "Justicia Cotidiana.",
    ),
    ("co-created", 2): (
        "Para cada trámite, las personas deben presentar una y otra vez los mismos documentos "
        "oficiales en papel, porque las dependencias no comparten la información que ya "
        "emitieron.",
        "Que cada persona tenga en una Carpeta Ciudadana los documentos oficiales firmados por "
        "las dependencias, los comparta con el carnet jurídico y que cualquiera pueda "
        "verificarlos sin volver a pedirlos en papel.",
    ),
    ("co-created", 3): (
        "Los conflictos vecinales, familiares y comunitarios llegan a juicio aunque podrían "
        "resolverse por acuerdo, y pocas personas conocen la mediación, la conciliación y la "
        "justicia restaurativa.",
        "Acercar los mecanismos alternativos de solución de controversias a la ciudadanía: "
        "personas servidoras públicas certificadas en mediación y pláticas informativas en los "
        "municipios.",
    ),
    ("co-created", 4): (
        "El Estado de México no tenía un marco legal que ordenara la justicia cotidiana: los "
        "medios para resolver los conflictos de todos los días estaban dispersos en varias "
        "normas.",
        "Contar con una Ley de Justicia Cotidiana del Estado de México, publicada y conocida por "
        "la ciudadanía.",
    ),
    ("co-created", 5): (
        "La información pública útil para la ciudadanía está dispersa en varias plataformas y "
        "pocas veces se publica en formatos abiertos y reutilizables.",
        "Reunir en un mapa las plataformas de acceso a la información y publicar datos abiertos "
        "y de interés público en una plataforma propia.",
    ),
    ("co-created", 6): (
        "En muchos municipios la población no conoce su derecho de acceso a la información ni "
        "cómo ejercerlo ante su ayuntamiento.",
        "Convenir alianzas con los ayuntamientos para difundir el derecho de acceso a la "
        "información y sus beneficios entre la población.",
    ),
    ("proactive", 1): (
        "La apertura de los gobiernos municipales es desigual y no se mide: no se sabe qué tan "
        "abiertos son ni en qué aspectos.",
        "Medir la apertura municipal con un estudio validado por la ciudadanía e instalar "
        "secretariados técnicos locales en los municipios.",
    ),
    ("proactive", 2): (
        "La participación ciudadana más allá de las elecciones es baja y poco conocida.",
        "Diseñar y poner en marcha una estrategia que fortalezca la cultura democrática y la "
        "participación ciudadana en el Estado de México.",
    ),
    ("proactive", 3): (
        "Las y los jóvenes que egresan de centros de asistencia social enfrentan conflictos y "
        "barreras para acceder a la justicia, con pocas redes de apoyo.",
        "Ofrecer círculos restaurativos, a través del Centro Estatal de Mediación del Poder "
        "Judicial, que les den herramientas de cultura de paz para resolver sus conflictos.",
    ),
}

REPORTS = {
    # (kind, number): text presented at the 15th session (figures from CONTEXT.md)
    ("co-created", 1): (
        "Caravanas por la Justicia Cotidiana: participan más de 26 dependencias que ofrecen más "
        "de 90 trámites y servicios jurídicos. La segunda caravana ha visitado 43 de los 125 "
        "municipios, con más de 113,000 trámites y servicios otorgados y más de 30,000 personas "
        "atendidas. La meta es llegar a los 125 municipios en septiembre de 2023."
    ),
    ("co-created", 3): (
        "Se han impartido pláticas en 83 municipios y se certificaron 32 personas servidoras "
        "públicas en mediación."
    ),
    ("co-created", 4): (
        "La Ley de Justicia Cotidiana del Estado de México se publicó en la Gaceta del Gobierno "
        "el 10 de marzo de 2022."
    ),
    ("co-created", 5): (
        "Se concluyó, con el Infoem, el mapa de las plataformas de acceso a la información; la "
        "plataforma de datos abiertos está prevista para 2023."
    ),
    ("proactive", 1): (
        "Estudio de apertura municipal: los municipios respondieron los cuestionarios, "
        "validados con 32 aportaciones ciudadanas de 15 municipios (12 %), en las dimensiones "
        "de normatividad, transparencia, TIC, evaluación de la gestión municipal y rendición "
        "de cuentas."
    ),
    ("proactive", 3): (
        "Círculos restaurativos, en cuatro fases, para jóvenes que egresan de centros de "
        "asistencia social, a través del Centro Estatal de Mediación del Poder Judicial."
    ),
}

INDICATORS = [
    # commitment, code, name, unit, source, target, target date, value at the 15th session
    (("co-created", 1), "CC1-MUN", "Municipios visitados por la Caravana", "municipios",
     Indicator.Source.CARAVAN_MUNICIPALITIES, Decimal(125), D(2023, 9, 30), None),
    (("co-created", 1), "CC1-SERV", "Trámites y servicios otorgados en las caravanas",
     "trámites y servicios", Indicator.Source.CARAVAN_SERVICES, None, None, None),
    (("co-created", 1), "CC1-PER", "Personas atendidas en las caravanas", "personas",
     Indicator.Source.CARAVAN_PEOPLE, None, None, None),
    (("co-created", 1), "CC1-DEP", "Dependencias que participan en las caravanas",
     "dependencias", Indicator.Source.MANUAL, None, None, Decimal(26)),
    (("co-created", 3), "CC3-PLA", "Municipios con pláticas informativas", "municipios",
     Indicator.Source.MANUAL, None, None, Decimal(83)),
    (("co-created", 3), "CC3-CERT", "Personas servidoras públicas certificadas en mediación",
     "personas", Indicator.Source.MANUAL, None, None, Decimal(32)),
]  # fmt: skip

DIMENSIONS = [
    "Normatividad",
    "Transparencia",
    "Tecnologías de la información y comunicación (TIC)",
    "Evaluación de la gestión municipal",
    "Rendición de cuentas",
]


def _seed(salt: str, code: str) -> int:
    return int.from_bytes(hashlib.sha256(f"{salt}:{code}".encode()).digest()[:4], "big")


def apportion(total: int, weights: Sequence[int]) -> list[int]:
    """Split ``total`` in whole parts proportional to ``weights`` (largest remainder)."""
    weight_sum = sum(weights)
    exact = [total * w / weight_sum for w in weights]
    parts = [int(x) for x in exact]
    by_remainder = sorted(range(len(weights)), key=lambda i: (parts[i] - exact[i], i))
    for i in by_remainder[: total - sum(parts)]:
        parts[i] += 1
    return parts


def _chosen(salt: str, count: int) -> list[Municipality]:
    municipalities = list(Municipality.objects.order_by("code"))
    return sorted(municipalities, key=lambda m: _seed(salt, m.code))[:count]


@transaction.atomic
def load(*, stdout: TextIO, with_logins: bool) -> None:
    institutions = {i.acronym: i for i in Institution.objects.exclude(acronym="")}
    plan, _created = ActionPlan.objects.get_or_create(
        title=PLAN_TITLE,
        defaults={
            "period_start": 2020,
            "period_end": 2023,
            "launched_on": D(2020, 12, 1),
            "consultation_start": D(2020, 7, 1),
            "consultation_end": D(2020, 10, 31),
            "consultation_summary": (
                "Consulta ciudadana de julio a octubre de 2020 sobre cuatro ejes temáticos, de "
                "la que surgieron seis compromisos co-creados; se suman tres compromisos "
                "proactivos de instituciones."
            ),
        },
    )
    axes = {}
    for number, title in enumerate(AXES, start=1):
        axes[number], _created = ThematicAxis.objects.get_or_create(
            plan=plan, number=number, defaults={"title": title}
        )
    commitments = _commitments(plan, axes, institutions)
    session = (
        Session.objects.filter(forum__acronym="STL", kind=Session.Kind.ORDINARY, number=15)
        .order_by("pk")
        .first()
    )
    _reports(commitments, session)
    _indicators(commitments)
    kinds, service_types = _catalogues()
    _caravans(commitments[("co-created", 1)], kinds["caravana"], service_types, institutions)
    _other_activities(commitments, kinds, institutions)
    _openness_study(commitments[("proactive", 1)], institutions["Infoem"])
    if with_logins:
        _link_clerk(stdout)
    stdout.write(
        f"Plan de Acción: {Commitment.objects.filter(plan=plan).count()} compromisos, "
        f"{Activity.objects.count()} actividades.\n"
    )


def _commitments(
    plan: ActionPlan, axes: dict[int, ThematicAxis], institutions: dict[str, Institution]
) -> dict[tuple[str, int], Commitment]:
    result = {}
    for kind, number, axis, title, responsible, supporting, ogp, end, lines in COMMITMENTS:
        problem, objective = DESCRIPTIONS[(kind, number)]
        commitment, created = Commitment.objects.get_or_create(
            plan=plan,
            kind=kind,
            number=number,
            defaults={
                "axis": axes[axis],
                "title": title,
                "public_problem": problem,
                "objective": objective,
                "responsible": institutions[responsible],
                "ogp_access_to_information": ogp[0],
                "ogp_civic_participation": ogp[1],
                "ogp_public_accountability": ogp[2],
                "ogp_technology": ogp[3],
                "end_date": end,
            },
        )
        if created:
            commitment.supporting.set([institutions[a] for a in supporting])
        elif not commitment.public_problem and not commitment.objective:
            # A database loaded before the descriptions existed gets them; an edited one keeps
            # its own text.
            commitment.public_problem, commitment.objective = problem, objective
            commitment.save(update_fields=["public_problem", "objective", "updated_at"])
        result[(kind, number)] = commitment
        for line_number, (line_title, milestones) in enumerate(lines, start=1):
            line = ActionLine.objects.filter(commitment=commitment, number=line_number).first()
            if line is None:
                line = services.action_line_create(
                    actor=SYSTEM, commitment=commitment, title=line_title
                )
            for m_number, (m_title, weight, due, (status, met_on)) in enumerate(
                milestones, start=1
            ):
                if Milestone.objects.filter(action_line=line, number=m_number).exists():
                    continue
                milestone = services.milestone_create(
                    actor=SYSTEM, action_line=line, title=m_title, weight=weight, due_date=due
                )
                services.milestone_set_status(
                    actor=SYSTEM, milestone=milestone, status=status, met_on=met_on
                )
    return result


def _reports(commitments: dict[tuple[str, int], Commitment], session: Session | None) -> None:
    day = session.date if session else SESSION_15_DATE
    for key, text in REPORTS.items():
        commitment = commitments[key]
        if ProgressReport.objects.filter(commitment=commitment, date=day).exists():
            continue
        services.progress_report_create(
            actor=SYSTEM, commitment=commitment, date=day, text=text, session=session
        )


def _indicators(commitments: dict[tuple[str, int], Commitment]) -> None:
    for order, (key, code, name, unit, source, target, target_date, value) in enumerate(INDICATORS):
        indicator, _created = Indicator.objects.get_or_create(
            code=code,
            defaults={
                "commitment": commitments[key],
                "name": name,
                "unit": unit,
                "source": source,
                "baseline": Decimal(0),
                "target": target,
                "target_date": target_date,
                "order": order,
            },
        )
        if value is not None:
            services.indicator_value_record(
                actor=SYSTEM,
                indicator=indicator,
                date=SESSION_15_DATE,
                value=value,
                note="Reportado en la Décimo Quinta Sesión Ordinaria del STL.",
            )


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


def caravan_plan() -> list[tuple[Municipality, datetime.date, int, dict[str, int]]]:
    """The reconstructed visits: municipality, date, people served, services by type."""
    visited = sorted(_chosen("caravana", MUNICIPALITIES_VISITED), key=lambda m: m.code)
    order = sorted(visited, key=lambda m: _seed("fecha", m.code))
    people = apportion(PEOPLE_SERVED, [200 + _seed("personas", m.code) % 800 for m in visited])
    totals = apportion(
        SERVICES_DELIVERED, [300 + _seed("servicios", m.code) % 900 for m in visited]
    )
    shares = [share for _slug, _name, share in SERVICE_TYPES]
    plan = []
    for index, municipality in enumerate(visited):
        day = D(2022, 1, 17) + datetime.timedelta(days=7 * order.index(municipality))
        by_type = dict(
            zip(
                [slug for slug, _name, _share in SERVICE_TYPES],
                apportion(totals[index], shares),
                strict=True,
            )
        )
        plan.append((municipality, day, people[index], by_type))
    return plan


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


def _link_clerk(stdout: TextIO) -> None:
    user = get_user_model().objects.filter(username="dependencia").first()
    if user is None or Person.objects.filter(user=user).exists():
        return
    person = Person.objects.filter(institution__acronym="PJEdomex", user__isnull=True).first()
    if person is None:
        return
    person.user = user
    person.save(update_fields=["user", "updated_at"])
    stdout.write(
        "  La cuenta «dependencia» actualiza los compromisos del Poder Judicial del Estado de "
        "México.\n"
    )
