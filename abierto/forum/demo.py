"""Demo data of the forum: the STL of the Estado de México and its 14th and 15th sessions.

The 15th ordinary session (16 Dec 2022) is loaded as CONTEXT.md retells its minutes: virtual,
11:04 to 12:40, eleven agenda items, three unanimous agreements (STL/XV/1/2022 to
STL/XV/3/2022) and the review of a pending agreement on a sensitisation session for the
Secretaría de la Contraloría. The wording of items and narratives is reconstructed from that
account; the figures are the ones it reports. Everything goes through the services, so the
demo obeys the same rules (quorum, codes, frozen minutes) as real use.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, TextIO, cast

from django.contrib.auth import get_user_model
from django.db import transaction

from abierto.directory.demo import PENDING_NAME
from abierto.directory.models import Institution, Person

from . import services
from .models import AgendaItem, AgreementStatus, Forum, Minutes, Seat, Sector, Session

if TYPE_CHECKING:
    from django.contrib.auth.models import User

SYSTEM = cast("User", None)  # demo writes are audited without a user
FORUM_NAME = "Secretariado Técnico Local de Gobierno Abierto del Estado de México"
SEATS_FROM = datetime.date(2022, 1, 1)
D = datetime.date
T = datetime.time


def _person(role: str) -> Person:
    return Person.objects.get(public_role=role)


def _seats(forum: Forum) -> dict[str, Seat]:
    civil_society_holder, _created = Person.objects.get_or_create(
        name=PENDING_NAME,
        public_role="Representante titular de la Sociedad Civil",
    )
    by_acronym = {i.acronym: i for i in Institution.objects.all()}
    plan = [
        # key, sector, label, institution, holder role, alternate role
        ("facilitacion", Sector.FACILITATION, "Facilitación", None,
         "Facilitador del Secretariado Técnico Local", None),
        ("infoem", Sector.GUARANTOR, "Infoem", "Infoem",
         "Comisionado Presidente del Infoem", "Comisionado del Infoem"),
        ("sjdh", Sector.PUBLIC_BODIES, "Secretaría de Justicia y Derechos Humanos", "SJDH",
         "Subsecretario de Justicia", None),
        ("secogem", Sector.PUBLIC_BODIES, "Secretaría de la Contraloría", "SECOGEM",
         "Representante de la Secretaría de la Contraloría", None),
        ("ieem", Sector.PUBLIC_BODIES, "Instituto Electoral del Estado de México", "IEEM",
         "Representante del Instituto Electoral del Estado de México", None),
        ("pj", Sector.JUDICIARY, "Poder Judicial del Estado de México", "PJEdomex",
         "Representante del Poder Judicial del Estado de México", None),
        ("osc", Sector.CIVIL_SOCIETY, "Sociedad Civil", None,
         civil_society_holder.public_role, "Representante suplente de la Sociedad Civil"),
    ]  # fmt: skip
    seats = {}
    for order, (key, sector, label, acronym, holder, alternate) in enumerate(plan, start=1):
        seats[key], _created = Seat.objects.get_or_create(
            forum=forum,
            label=label,
            starts_on=SEATS_FROM,
            defaults={
                "sector": sector,
                "order": order,
                "institution": by_acronym.get(acronym) if acronym else None,
                "holder": _person(holder),
                "alternate": _person(alternate) if alternate else None,
            },
        )
    return seats


@transaction.atomic
def load(*, stdout: TextIO, with_logins: bool) -> None:
    forum, _created = Forum.objects.get_or_create(acronym="STL", defaults={"name": FORUM_NAME})
    seats = _seats(forum)
    if with_logins:
        _link_member_login(seats["osc"])
    if forum.sessions.filter(kind=Session.Kind.ORDINARY, number=15).exists():
        stdout.write("Foro: el STL y sus sesiones ya estaban cargados.\n")
        return
    fourteenth = _fourteenth_session(forum)
    fifteenth = _fifteenth_session(forum, seats, fourteenth)
    stdout.write(
        f"Foro: {forum.acronym} con {len(seats)} asientos; sesiones 14 y 15, "
        f"{fifteenth.agreements.count()} acuerdos en la 15ª y el calendario 2023.\n"
    )


def _link_member_login(seat: Seat) -> None:
    """The demo member login holds the civil-society seat (whose real holder's name is still
    pending): "Mis sesiones" then shows its convocations and its institution's agreements,
    and convocations reach its (undeliverable, .invalid) address."""
    user = get_user_model().objects.filter(username="integrante").first()
    person = seat.holder
    if user is None or person is None or (person.user_id and person.user_id != user.pk):
        return
    person.user = user
    person.email = person.email or user.email
    person.save(update_fields=["user", "email", "updated_at"])


def _fourteenth_session(forum: Forum) -> Session:
    session = services.session_create(
        actor=SYSTEM,
        forum=forum,
        number=14,
        date=D(2022, 11, 8),
        start_time=T(11, 0),
        modality=Session.Modality.VIRTUAL,
        place="Plataforma Zoom",
    )
    services.session_convene(actor=SYSTEM, session=session, date=D(2022, 11, 1), sequence=15)
    services.session_open(actor=SYSTEM, session=session, start_time=T(11, 0))
    services.agreement_create(
        actor=SYSTEM,
        session=session,
        text=(
            "Se acuerda programar una sesión de sensibilización en materia de gobierno abierto "
            "dirigida a la Secretaría de la Contraloría, para su incorporación a los trabajos "
            "del Plan de Acción Local."
        ),
        responsible=Institution.objects.get(acronym="SECOGEM"),
        requires_follow_up=True,
    )
    services.session_close(actor=SYSTEM, session=session, end_time=T(12, 30))
    return session


AGENDA_15 = [
    ("Lista de asistencia y declaratoria de quórum.", AgendaItem.Kind.INFORMATIVE, None, ""),
    ("Lectura y, en su caso, aprobación del orden del día.", AgendaItem.Kind.DECISIVE, None, ""),
    (
        "Lectura y, en su caso, aprobación del acta de la Décimo Cuarta Sesión Ordinaria.",
        AgendaItem.Kind.DECISIVE,
        None,
        "",
    ),
    (
        "Presentación de avances de los compromisos co-creados del Plan de Acción Local, por "
        "parte de la Secretaría de Justicia y Derechos Humanos.",
        AgendaItem.Kind.INFORMATIVE,
        "Subsecretario de Justicia",
        "El Subsecretario de Justicia presentó los avances de los compromisos co-creados. El "
        "programa «Caravanas por la Justicia Cotidiana» reúne a más de 26 instancias que "
        "ofrecen más de 90 trámites y servicios jurídicos; la segunda caravana ha visitado 43 "
        "de los 125 municipios, con más de 113 mil trámites y servicios otorgados y más de 30 "
        "mil personas atendidas, y tiene como meta recorrer los 125 municipios a septiembre de "
        "2023. Informó además que la Ley de Justicia Cotidiana se publicó en la Gaceta del "
        "Gobierno el 10 de marzo de 2022, y de los avances del carnet jurídico y la Carpeta "
        "Ciudadana.",
    ),
    (
        "Presentación de avances del compromiso proactivo «Estrategia para el fortalecimiento "
        "de la cultura de gobierno abierto», por parte del Infoem.",
        AgendaItem.Kind.INFORMATIVE,
        "Comisionado del Infoem",
        "Se presentaron los avances del estudio de apertura municipal, cuyos cuestionarios "
        "respondieron los municipios y validaron 32 contribuciones ciudadanas de 15 "
        "municipios (12 %), así como la instalación de secretariados técnicos locales "
        "municipales.",
    ),
    (
        "Presentación de avances del compromiso proactivo «Estrategia para el fortalecimiento "
        "de la democracia», por parte del Instituto Electoral del Estado de México.",
        AgendaItem.Kind.INFORMATIVE,
        "Representante del Instituto Electoral del Estado de México",
        "",
    ),
    (
        "Presentación de avances del compromiso proactivo «Mecanismos de participación "
        "ciudadana para el acceso a la justicia de grupos vulnerables a través de una cultura "
        "de paz», por parte del Poder Judicial del Estado de México.",
        AgendaItem.Kind.INFORMATIVE,
        "Representante del Poder Judicial del Estado de México",
        "Se informó del avance de los círculos restaurativos, en cuatro fases, con jóvenes que "
        "egresan de centros de asistencia social, a cargo del Centro Estatal de Mediación.",
    ),
    (
        "Propuesta y, en su caso, aprobación del calendario de sesiones ordinarias 2023.",
        AgendaItem.Kind.DECISIVE,
        None,
        "",
    ),
    ("Seguimiento de acuerdos.", AgendaItem.Kind.INFORMATIVE, None, ""),
    (
        "Asuntos generales.",
        AgendaItem.Kind.INFORMATIVE,
        None,
        "El representante suplente de la Sociedad Civil sugirió a la Secretaría de Justicia y "
        "Derechos Humanos publicar una agenda de actividades con acceso a toda la población.",
    ),
    ("Clausura de la sesión.", AgendaItem.Kind.INFORMATIVE, None, ""),
]


def _fifteenth_session(forum: Forum, seats: dict[str, Seat], fourteenth: Session) -> Session:
    session = services.session_create(
        actor=SYSTEM,
        forum=forum,
        number=15,
        date=D(2022, 12, 16),
        start_time=T(11, 0),
        modality=Session.Modality.VIRTUAL,
        place="Plataforma Zoom",
        standard_agenda=False,
    )
    items = [
        services.agenda_item_add(
            actor=SYSTEM,
            session=session,
            title=title,
            kind=kind,
            presenter=_person(presenter) if presenter else None,
            narrative=narrative,
        )
        for title, kind, presenter, narrative in AGENDA_15
    ]
    services.session_convene(actor=SYSTEM, session=session, date=D(2022, 12, 9), sequence=16)
    services.session_open(actor=SYSTEM, session=session, start_time=T(11, 4))
    entries = [
        services.RollCallEntry(seat=seats[key], holder=True)
        for key in ["facilitacion", "infoem", "sjdh", "secogem", "ieem", "pj"]
    ]
    entries[1] = services.RollCallEntry(seat=seats["infoem"], holder=True, alternate=True)
    entries.append(services.RollCallEntry(seat=seats["osc"], alternate=True))
    services.roll_call_record(actor=SYSTEM, session=session, entries=entries)
    present = 7
    services.vote_record(
        actor=SYSTEM,
        agenda_item=items[1],
        motion="Aprobación del orden del día.",
        votes_for=present,
        agreement_text="Se aprueba por unanimidad de votos el orden del día, en sus términos.",
    )
    minutes_14 = Minutes.objects.get(session=fourteenth)
    services.minutes_approve(
        actor=SYSTEM, minutes=minutes_14, agenda_item=items[2], votes_for=present
    )
    services.minutes_publish(actor=SYSTEM, minutes=minutes_14)
    services.calendar_approve(
        actor=SYSTEM,
        agenda_item=items[7],
        year=2023,
        dates=[D(2023, 2, 24), D(2023, 4, 28), D(2023, 6, 30), D(2023, 8, 25)],
        votes_for=present,
        start_time=T(11, 0),
    )
    pending = fourteenth.agreements.get(requires_follow_up=True)
    services.agreement_follow_up(
        actor=SYSTEM,
        agreement=pending,
        status=AgreementStatus.PENDING,
        note="Se informó que la sesión de sensibilización aún no se programa; queda pendiente.",
        session=session,
    )
    services.session_close(actor=SYSTEM, session=session, end_time=T(12, 40))
    return session
