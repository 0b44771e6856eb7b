"""The demo plan as the 15th session's minutes report it: titles, commitments with their lines
and milestones, descriptions, reports, indicators and the figures the caravans add up to.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, cast

from ..models import Indicator

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
