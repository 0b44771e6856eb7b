import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from abierto.circles import sealing, services
from abierto.circles.models import Circle, Milestone, Participant, Phase
from abierto.directory.models import AuditEvent

from .helpers import START, cohort, instrument, mediation_staff, participant, pdf

pytestmark = pytest.mark.django_db


def test_name_and_birth_date_are_sealed_at_rest():
    staff = mediation_staff()
    person = participant(staff, cohort(staff), name="Persona Ficticia Uno")
    raw = bytes(Participant.objects.get(pk=person.pk).identity_sealed)
    assert b"Ficticia" not in raw
    assert b"2008" not in raw
    identity = sealing.unseal_identity(person.public_id, raw)
    assert identity.name == "Persona Ficticia Uno"
    assert identity.birth_date == datetime.date(2008, 1, 10)


def test_a_sealed_identity_does_not_open_under_another_participant():
    staff = mediation_staff()
    group = cohort(staff)
    first = participant(staff, group)
    second = participant(staff, group, name="Persona Ficticia Dos")
    from abierto.lib.envelope import DecryptionError

    with pytest.raises(DecryptionError):
        sealing.unseal_identity(second.public_id, first.identity_sealed)


def test_selection_writes_a_milestone_and_an_audit_row_without_the_name():
    staff = mediation_staff()
    person = participant(staff, cohort(staff), accept=False)
    assert list(person.milestones.values_list("phase", flat=True)) == [Phase.SELECTION]
    event = AuditEvent.objects.get(action="circles.participant.selected")
    assert event.actor == staff
    assert "Ficticia" not in str(event.changes)


def test_a_minor_needs_the_guardians_or_difs_consent():
    staff = mediation_staff()
    person = participant(staff, cohort(staff), born=datetime.date(2009, 6, 1), accept=False)
    with pytest.raises(ValidationError, match="menor de edad"):
        services.participant_accept(
            actor=staff, participant=person, accepted_on=START, document=pdf()
        )
    person = services.participant_accept(
        actor=staff,
        participant=person,
        accepted_on=START,
        document=pdf(),
        guardian_consent_by=Participant.ConsentBy.DIF,
        guardian_document=pdf("dif.pdf"),
    )
    assert person.minor_at_acceptance
    assert sealing.unseal_document(
        person.public_id, "guardian", person.guardian_consent_sealed
    ).content.startswith(b"%PDF")


def test_an_adult_at_the_date_needs_no_guardian():
    staff = mediation_staff()
    person = participant(staff, cohort(staff), born=datetime.date(2007, 1, 1))
    assert not person.minor_at_acceptance
    assert Milestone.objects.filter(participant=person, phase=Phase.INTERVIEW).exists()


def test_a_consent_document_must_be_a_pdf_or_an_image():
    staff = mediation_staff()
    person = participant(staff, cohort(staff), accept=False)
    from django.core.files.uploadedfile import SimpleUploadedFile

    with pytest.raises(ValidationError):
        services.participant_accept(
            actor=staff,
            participant=person,
            accepted_on=START,
            document=SimpleUploadedFile("x.pdf", b"not a pdf"),
        )


def test_withdrawal_stops_every_further_record():
    staff = mediation_staff()
    group = cohort(staff)
    person = participant(staff, group)
    tool = instrument()
    services.participant_withdraw(actor=staff, participant=person, withdrawn_on=START)
    later = START + datetime.timedelta(days=7)
    attempts = [
        lambda: services.participant_reach_phase(
            actor=staff, participant=person, phase=Phase.ORGANISATIONS, date=later
        ),
        lambda: services.application_record(
            actor=staff, participant=person, instrument=tool, date=later, scores={1: 3, 2: 3, 3: 3}
        ),
        lambda: services.circle_record(
            actor=staff, cohort=group, kind=Circle.Kind.EMPATHY, date=later, attendees=[person]
        ),
        lambda: services.participant_withdraw(actor=staff, participant=person, withdrawn_on=later),
    ]
    for attempt in attempts:
        with pytest.raises(ValidationError, match="retiró su consentimiento"):
            attempt()
    assert not person.applications.exists()
    assert not person.attendance.exists()
    assert not Circle.objects.exists()  # the circle's transaction rolled back


def test_phases_after_the_interview_need_the_acceptance():
    staff = mediation_staff()
    person = participant(staff, cohort(staff), accept=False)
    with pytest.raises(ValidationError, match="aceptación"):
        services.participant_reach_phase(
            actor=staff, participant=person, phase=Phase.EMPATHY, date=START
        )


def test_scores_are_checked_against_the_scale_and_sealed():
    staff = mediation_staff()
    person = participant(staff, cohort(staff))
    tool = instrument()
    with pytest.raises(ValidationError, match="de 1 a 5"):
        services.application_record(
            actor=staff, participant=person, instrument=tool, date=START, scores={1: 9, 2: 3, 3: 3}
        )
    with pytest.raises(ValidationError, match="todos los reactivos"):
        services.application_record(
            actor=staff, participant=person, instrument=tool, date=START, scores={1: 3}
        )
    application = services.application_record(
        actor=staff, participant=person, instrument=tool, date=START, scores={1: 2, 2: 3, 3: 4}
    )
    assert sealing.unseal_json(person.public_id, "scores", application.scores_sealed) == {
        "1": 2,
        "2": 3,
        "3": 4,
    }


def test_staff_not_assigned_to_the_cohort_cannot_write(agency_clerk, facilitator):
    staff = mediation_staff()
    group = cohort(staff)
    person = participant(staff, group)
    other = mediation_staff("otra")
    for user in (other, agency_clerk, facilitator):
        with pytest.raises(PermissionDenied):
            services.participant_select(
                actor=user,
                cohort=group,
                name="X",
                birth_date=START.replace(year=2008),
                selected_on=START,
            )
        with pytest.raises(PermissionDenied):
            services.participant_withdraw(actor=user, participant=person, withdrawn_on=START)
    services.cohort_assign_staff(actor=staff, cohort=group, user=other)
    services.participant_withdraw(actor=other, participant=person, withdrawn_on=START)


def test_only_mediation_staff_create_cohorts(facilitator):
    with pytest.raises(PermissionDenied):
        cohort(facilitator)
