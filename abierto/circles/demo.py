"""Demo data of the restorative circles: two cohorts of obviously fictitious people
("Persona Ficticia 01"…), so that the public aggregate page shows both suppressed and shown
figures. The cohorts report to the Poder Judicial's proactive commitment, found by the
responsible institution and its title through the app registry (circles imports no plan)."""

from __future__ import annotations

import datetime
from typing import TextIO

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from abierto.directory.models import AuditEvent, Institution
from abierto.directory.roles import Role
from abierto.directory.services import role_grant

from . import figures, services
from .models import Circle, Cohort, Instrument, InstrumentItem, Organisation, Participant, Phase

PDF = b"%PDF-1.4\n% documento de demostracion, sin datos reales\n%%EOF\n"
START = datetime.date(2026, 2, 2)
ITEMS = [
    "Me siento parte de un grupo que me apoya.",
    "Sé a qué institución acudir si necesito ayuda.",
    "Puedo expresar lo que siento sin lastimar a otras personas.",
    "Tengo un plan para los próximos meses.",
]
# (phase reached, how many) for the first cohort; the second is small: all suppressed.
FIRST = [(Phase.INTERVIEW, 6), (Phase.ORGANISATIONS, 7), (Phase.ASSISTANCE, 2), (Phase.EMPATHY, 1)]
SECOND = [(Phase.SELECTION, 2), (Phase.INTERVIEW, 1)]


def _pdf(name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def _staff() -> User | None:
    """The demo login of the mediation centre (``directory.demo``), if it was created."""
    user = get_user_model().objects.filter(username="mediacion").first()
    if user is not None:
        role_grant(user=user, role=Role.MEDIATION_STAFF)
    return user


def _commitment_public_id() -> str:
    commitment_model = apps.get_model("plan", "Commitment")
    commitment = commitment_model.objects.filter(
        responsible__acronym="PJEdomex", title__icontains="cultura de paz"
    ).first()
    return str(commitment.public_id) if commitment else ""


def _instrument() -> Instrument:
    instrument, _created = Instrument.objects.get_or_create(
        name="Escala de pertenencia y proyecto de vida (demostración)",
        defaults={"description": "Cuatro reactivos de 1 (nada) a 5 (totalmente)."},
    )
    for number, text in enumerate(ITEMS, start=1):
        InstrumentItem.objects.get_or_create(instrument=instrument, number=number, text=text)
    return instrument


def _cohort(staff: User, name: str, region: str, plan: list[tuple[Phase, int]], first: int) -> None:
    institution = Institution.objects.get(acronym="PJEdomex")
    cohort = services.cohort_create(
        actor=staff,
        name=name,
        institution=institution,
        centre="Centro de Asistencia Social de demostración",
        region=region,
        start_date=START,
        commitment_public_id=_commitment_public_id(),
    )
    instrument = _instrument()
    number = first
    accepted: list[Participant] = []
    for phase, count in plan:
        for _n in range(count):
            number += 1
            # Born in 2008 or 2009: some are 17 at their acceptance and need the DIF's consent.
            born = datetime.date(2008 + number % 2, 1 + number % 12, 1 + number % 27)
            person = services.participant_select(
                actor=staff,
                cohort=cohort,
                name=f"Persona Ficticia {number:02d}",
                birth_date=born,
                selected_on=START,
            )
            if phase == Phase.SELECTION:
                continue
            person = services.participant_accept(
                actor=staff,
                participant=person,
                accepted_on=START + datetime.timedelta(days=7),
                document=_pdf(f"aceptacion-{number:02d}.pdf"),
                guardian_consent_by=Participant.ConsentBy.DIF,
                guardian_document=_pdf(f"dif-{number:02d}.pdf"),
            )
            accepted.append(person)
            if phase != Phase.INTERVIEW:
                services.participant_reach_phase(
                    actor=staff,
                    participant=person,
                    phase=phase,
                    date=START + datetime.timedelta(days=30),
                )
    for index, person in enumerate(accepted):
        services.application_record(
            actor=staff, participant=person, instrument=instrument,
            date=START + datetime.timedelta(days=8),
            scores=dict.fromkeys(range(1, len(ITEMS) + 1), 2 + index % 2),
        )  # fmt: skip
        services.application_record(
            actor=staff, participant=person, instrument=instrument,
            date=START + datetime.timedelta(days=60),
            scores=dict.fromkeys(range(1, len(ITEMS) + 1), 3 + index % 3),
        )  # fmt: skip
    organisations = [
        Organisation.objects.get_or_create(name="Organización Civil de Demostración A")[0],
        Organisation.objects.get_or_create(name="Organización Civil de Demostración B")[0],
    ]
    cohort.organisations.set(organisations)
    services.circle_record(
        actor=staff,
        cohort=cohort,
        kind=Circle.Kind.ORGANISATIONS,
        date=START + datetime.timedelta(days=30),
        topic="Encuentro con organizaciones",
        attendees=accepted,
        organisations=organisations,
    )
    services.circle_record(
        actor=staff,
        cohort=cohort,
        kind=Circle.Kind.EMPATHY,
        date=START + datetime.timedelta(days=45),
        topic="Círculo de empatía",
        attendees=accepted[: len(accepted) // 2],
    )


@transaction.atomic
def load(*, stdout: TextIO, with_logins: bool) -> None:
    staff = _staff() if with_logins else None
    if staff is None:
        # Every record is written by the centre's staff: without the demo logins, no cohort;
        # the published table is then all totals, all suppressed.
        if not figures.published().exists():
            figures.figures_publish(actor=None)
        return
    # A second load_demo changes nothing: the cohorts and their published figures stay.
    created = False
    if not Cohort.objects.filter(name="2026-1").exists():
        _cohort(staff, "2026-1", "Valle de Toluca", FIRST, 0)
        created = True
    if not Cohort.objects.filter(name="2026-2").exists():
        _cohort(staff, "2026-2", "Valle de México", SECOND, 20)
        created = True
    # The demo's audit rows are nobody's, so that the demo accounts can be deleted before a
    # deployment (``check --deploy`` refuses while they exist; audit rows protect their actor).
    AuditEvent.objects.filter(actor=staff, action__startswith="circles.").update(actor=None)
    if created or not figures.published().exists():
        figures.figures_publish(actor=None)
    stdout.write("Círculos restaurativos: 2 generaciones de demostración con personas ficticias.\n")
