"""Building a cohort for the circles' tests through the services."""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile

from abierto.circles import services
from abierto.circles.models import Cohort, Instrument, InstrumentItem, Participant
from abierto.directory.models import Institution
from abierto.directory.roles import Role
from abierto.directory.services import role_grant
from abierto.directory.tests.logins import PASSWORD

START = datetime.date(2026, 2, 2)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def pdf(name: str = "aceptacion.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def mediation_staff(username: str = "mediadora") -> User:
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.org", password=PASSWORD
    )
    role_grant(user=user, role=Role.MEDIATION_STAFF)
    return user


def cohort(staff: User, name: str = "2026-1", region: str = "Valle de Toluca") -> Cohort:
    institution, _created = Institution.objects.get_or_create(
        name="Centro Estatal de Mediación, Conciliación y Justicia Restaurativa",
        defaults={"kind": Institution.Kind.JUDICIARY},
    )
    return services.cohort_create(
        actor=staff,
        name=name,
        institution=institution,
        centre="Centro de Asistencia Social (ficticio)",
        region=region,
        start_date=START,
        commitment_public_id="compromiso-pj",
    )


def participant(
    staff: User,
    group: Cohort,
    name: str = "Persona Ficticia Uno",
    born: datetime.date = datetime.date(2008, 1, 10),
    *,
    accept: bool = True,
) -> Participant:
    person = services.participant_select(
        actor=staff, cohort=group, name=name, birth_date=born, selected_on=START
    )
    if accept:
        person = services.participant_accept(
            actor=staff, participant=person, accepted_on=START, document=pdf()
        )
    return person


def instrument() -> Instrument:
    tool = Instrument.objects.create(name="Escala de bienestar (ficticia)")
    for number in (1, 2, 3):
        InstrumentItem.objects.create(instrument=tool, number=number, text=f"Reactivo {number}")
    return tool
