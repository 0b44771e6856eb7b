import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from abierto.circles import services
from abierto.circles.models import AccessEvent, Circle, Cohort, Participant, PublishedFigure
from abierto.circles.selectors import participant_record
from abierto.directory.models import AuditEvent

from .helpers import START, cohort, instrument, mediation_staff, participant

pytestmark = pytest.mark.django_db


def _ended_cohort(staff, days_ago):
    group = cohort(staff, name=f"cerrada-{days_ago}")
    group.end_date = timezone.localdate() - datetime.timedelta(days=days_ago)
    group.save()
    return group


def test_records_are_deleted_after_the_retention_period_with_a_report(settings):
    settings.CIRCLES_RETENTION_DAYS = 30
    staff = mediation_staff()
    old = _ended_cohort(staff, 31)
    recent = _ended_cohort(staff, 29)
    person = participant(staff, old)
    participant(staff, recent, name="Persona Ficticia Reciente")
    services.application_record(
        actor=staff, participant=person, instrument=instrument(), date=START,
        scores={1: 3, 2: 3, 3: 3},
    )  # fmt: skip
    services.circle_record(
        actor=staff, cohort=old, kind=Circle.Kind.EMPATHY, date=START, attendees=[person]
    )
    participant_record(staff, person.public_id)  # an access-log row
    out = StringIO()
    call_command("circles_retention", stdout=out)
    report = out.getvalue()
    assert "Personas participantes suprimidas: 1" in report
    assert "Asistencias suprimidas: 1" in report
    assert "Aplicaciones de instrumentos suprimidas: 1" in report
    assert not Participant.objects.filter(cohort=old).exists()
    assert Participant.objects.filter(cohort=recent).count() == 1
    old.refresh_from_db()
    assert old.retained_until == timezone.localdate()
    assert old.circles.count() == 1  # the session stays, without attendance
    event = AuditEvent.objects.get(action="circles.retention.applied")
    assert event.changes["participants"] == 1
    assert AccessEvent.objects.get().participant is None  # the log keeps only the pseudonym
    assert not PublishedFigure.objects.filter(cohort=str(old)).exists()
    # A second run has nothing left to do.
    again = StringIO()
    call_command("circles_retention", stdout=again)
    assert "Generaciones vencidas: 0" in again.getvalue()


def test_a_dry_run_deletes_nothing(settings):
    settings.CIRCLES_RETENTION_DAYS = 0
    staff = mediation_staff()
    participant(staff, _ended_cohort(staff, 5))
    out = StringIO()
    call_command("circles_retention", "--dry-run", stdout=out)
    assert "Personas participantes suprimidas: 1" in out.getvalue()
    assert Participant.objects.count() == 1
    assert Cohort.objects.filter(retained_until__isnull=True).count() == 1
