"""Demo data of two municipal forums: Toluca and Tlalnepantla de Baz, beside the state STL.

No public record of a municipal STL's sessions was found for either municipality, so every
session, seat and agreement here is ILLUSTRATIVE: the places, agendas and agreements say so,
and the seats are held by placeholder people, never by real names. What is real: the two
municipalities (INEGI 15106 and 15104) and the idea, from Infoem's proactive commitment
(action line 2) and civil society's joint declarations, of installing an STL in each
municipality. The installation layer lists only these two, also as illustrations.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, TextIO, cast

from abierto.directory.models import Municipality, Person

from . import services
from .models import Forum, InstallationStatus, Seat, Sector, Session

if TYPE_CHECKING:
    from django.contrib.auth.models import User

SYSTEM = cast("User", None)
ILLUSTRATIVE = "Sesión ilustrativa de demostración"
D = datetime.date

SEATS = [
    (Sector.CIVIL_SOCIETY, "Sociedad Civil"),
    (Sector.GUARANTOR, "Órgano Garante"),
    (Sector.PUBLIC_BODIES, "Ayuntamiento"),
    (Sector.FACILITATION, "Facilitación"),
]

FORUMS = [
    # INEGI code, acronym, place, sessions: (number, date, agenda, agreement)
    (
        "15106",
        "STM-TOLUCA",
        "Palacio Municipal de Toluca",
        [
            (1, D(2024, 3, 14), ["Instalación del STL municipal", "Reglas de operación"],
             "Aprobar las reglas de operación del STL municipal (ejemplo)."),
            (2, D(2024, 6, 13), ["Diagnóstico de apertura del municipio"],
             "Elaborar el diagnóstico con las colonias de la zona centro (ejemplo)."),
            (3, D(2024, 9, 12), ["Propuestas de compromisos del plan municipal"],
             "Someter a consulta pública las propuestas de compromisos (ejemplo)."),
        ],
    ),
    (
        "15104",
        "STM-TLALNEPANTLA",
        "Palacio Municipal de Tlalnepantla de Baz",
        [
            (1, D(2024, 4, 18), ["Instalación del STL municipal", "Calendario de sesiones"],
             "Aprobar el calendario de sesiones de 2024 (ejemplo)."),
            (2, D(2024, 8, 15), ["Mesas de co-creación con sociedad civil"],
             "Convocar a las organizaciones a las mesas de co-creación (ejemplo)."),
        ],
    ),
]  # fmt: skip

# Illustrative steps of other municipalities, so the map shows every step of the layer.
STEPS = [
    ("15106", InstallationStatus.FIRST_SESSION, D(2024, 3, 14), D(2024, 1, 25)),
    ("15104", InstallationStatus.FIRST_SESSION, D(2024, 4, 18), D(2024, 2, 22)),
    ("15057", InstallationStatus.DECLARATION_SIGNED, D(2024, 10, 3), D(2024, 10, 3)),
    ("15033", InstallationStatus.TALKS, D(2024, 11, 7), None),
]


def _seats(forum: Forum) -> None:
    for order, (sector, label) in enumerate(SEATS, start=1):
        holder = Person.objects.create(
            name=f"Titular de {label}, {forum.acronym} (persona de ejemplo)"
        )
        Seat.objects.create(
            forum=forum, sector=sector, label=label, holder=holder, order=order,
            starts_on=D(2024, 1, 1), has_vote=sector != Sector.FACILITATION,
        )  # fmt: skip


def load(*, stdout: TextIO) -> None:
    if Forum.objects.filter(acronym="STM-TOLUCA").exists():
        stdout.write("Foros municipales: ya estaban cargados.\n")
        return
    for code, acronym, place, sessions in FORUMS:
        forum = services.forum_create_municipal(
            actor=SYSTEM, municipality=Municipality.objects.get(code=code), acronym=acronym
        )
        _seats(forum)
        for number, day, agenda, agreement in sessions:
            session = services.session_create(
                actor=SYSTEM,
                forum=forum,
                number=number,
                date=day,
                place=f"{place} ({ILLUSTRATIVE})",
                standard_agenda=False,
            )
            for title in agenda:
                services.agenda_item_add(actor=SYSTEM, session=session, title=f"{title} (ejemplo)")
            services.agreement_create(
                actor=SYSTEM, session=session, text=agreement, requires_follow_up=True
            )
            services.session_record_held(actor=SYSTEM, session=session)
    for code, status, since, signed in STEPS:
        services.installation_update(
            actor=SYSTEM,
            municipality=Municipality.objects.get(code=code),
            status=status,
            status_since=since,
            declaration_signed_on=signed,
            notes="Avance ilustrativo de demostración.",
        )
    count = Session.objects.filter(forum__kind="municipal").count()
    stdout.write(
        f"Foros municipales: STM-TOLUCA y STM-TLALNEPANTLA con {count} sesiones ilustrativas; "
        f"{len(STEPS)} municipios en la capa de instalación.\n"
    )
