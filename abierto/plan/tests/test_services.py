import datetime
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from abierto.directory.models import AuditEvent, Municipality
from abierto.forum.tests.factories import SessionFactory
from abierto.plan import selectors, services
from abierto.plan.models import Activity, Milestone
from abierto.plan.services import EvidenceInput, PlanError

from .factories import (
    ActionLineFactory,
    ActivityKindFactory,
    CommitmentFactory,
    IndicatorFactory,
    MilestoneFactory,
    ServiceTypeFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _frozen_today():
    with time_machine.travel("2023-01-10 12:00 -06:00", tick=False):
        yield


def test_lines_and_milestones_take_the_next_number(facilitator):
    commitment = CommitmentFactory()
    line = services.action_line_create(actor=facilitator, commitment=commitment, title=" Fase ")
    other = services.action_line_create(actor=facilitator, commitment=commitment, title="Otra")
    assert (line.number, other.number, line.title) == (1, 2, "Fase")
    first = services.milestone_create(actor=facilitator, action_line=line, title="a", weight=2)
    second = services.milestone_create(actor=facilitator, action_line=line, title="b")
    assert (first.number, second.number) == (1, 2)
    assert AuditEvent.objects.filter(action="milestone.created", actor=facilitator).count() == 2


def test_marking_a_milestone_met_moves_progress_and_is_audited(facilitator):
    milestone = MilestoneFactory(weight=1)
    MilestoneFactory(action_line=milestone.action_line, weight=1)
    services.milestone_set_status(
        actor=facilitator, milestone=milestone, status="met", met_on=datetime.date(2023, 1, 5)
    )
    assert selectors.commitment_progress(milestone.action_line.commitment) == Decimal("50.0")
    event = AuditEvent.objects.get(action="milestone.status_changed")
    assert event.changes["status"] == ["pending", "met"]
    assert event.changes["met_on"] == [None, "2023-01-05"]


def test_setting_the_same_status_again_writes_nothing(facilitator):
    milestone = MilestoneFactory()
    services.milestone_set_status(actor=facilitator, milestone=milestone, status="pending")
    assert not AuditEvent.objects.filter(action="milestone.status_changed").exists()


@pytest.mark.parametrize(
    ("status", "met_on", "message"),
    [
        ("met", None, "necesita su fecha"),
        ("pending", datetime.date(2023, 1, 1), "Solo los hitos cumplidos"),
        ("met", datetime.date(2023, 1, 11), "posterior a hoy"),
        ("done", None, "desconocido"),
    ],
)
def test_status_and_date_must_agree(facilitator, status, met_on, message):
    milestone = MilestoneFactory()
    with pytest.raises(PlanError, match=message):
        services.milestone_set_status(
            actor=facilitator, milestone=milestone, status=status, met_on=met_on
        )
    milestone.refresh_from_db()
    assert milestone.status == Milestone.Status.PENDING


@pytest.mark.parametrize("weight", [0, 101])
def test_a_milestone_weight_outside_1_to_100_is_refused(facilitator, weight):
    line = ActionLineFactory()
    with pytest.raises(ValidationError, match="weight"):
        services.milestone_create(actor=facilitator, action_line=line, title="x", weight=weight)
    assert not line.milestones.exists()


def test_a_report_names_its_session_and_keeps_its_evidence(facilitator):
    commitment = CommitmentFactory()
    session = SessionFactory(number=15)
    report = services.progress_report_create(
        actor=facilitator,
        commitment=commitment,
        date=datetime.date(2022, 12, 16),
        text="43 de 125 municipios visitados.",
        session=session,
        evidence=[
            EvidenceInput(title="Minuta", url="https://example.org/minuta.pdf"),
            EvidenceInput(
                title="Fotos", file=SimpleUploadedFile("fotos.pdf", b"%PDF-1.4", "application/pdf")
            ),
        ],
    )
    assert report.session == session
    assert report.author == facilitator
    assert [e.title for e in report.evidence.all()] == ["Minuta", "Fotos"]
    assert report.evidence.get(title="Fotos").file.name.endswith(".pdf")
    assert AuditEvent.objects.filter(action="evidence.added").count() == 2


def test_a_report_needs_text_and_no_future_date(facilitator):
    commitment = CommitmentFactory()
    with pytest.raises(PlanError):
        services.progress_report_create(
            actor=facilitator, commitment=commitment, date=datetime.date(2022, 1, 1), text=" "
        )
    with pytest.raises(PlanError):
        services.progress_report_create(
            actor=facilitator, commitment=commitment, date=datetime.date(2024, 1, 1), text="x"
        )


def test_evidence_of_a_forbidden_kind_rolls_back_the_whole_report(facilitator):
    commitment = CommitmentFactory()
    with pytest.raises(Exception, match="extensi"):
        services.progress_report_create(
            actor=facilitator,
            commitment=commitment,
            date=datetime.date(2022, 1, 1),
            text="x",
            evidence=[EvidenceInput(title="x", file=SimpleUploadedFile("x.exe", b"MZ"))],
        )
    assert not commitment.reports.exists()


def test_indicator_values_refuse_computed_indicators_and_check_the_municipality(facilitator):
    computed = IndicatorFactory(source="caravan_people")
    with pytest.raises(PlanError, match="se calcula"):
        services.indicator_value_record(
            actor=facilitator, indicator=computed, date=datetime.date(2022, 1, 1), value=Decimal(1)
        )
    local = IndicatorFactory(by_municipality=True)
    with pytest.raises(PlanError, match="por municipio"):
        services.indicator_value_record(
            actor=facilitator, indicator=local, date=datetime.date(2022, 1, 1), value=Decimal(1)
        )
    value = services.indicator_value_record(
        actor=facilitator,
        indicator=local,
        date=datetime.date(2022, 1, 1),
        value=Decimal("2.5"),
        municipality=Municipality.objects.get(code="15104"),
    )
    assert value.recorded_by == facilitator


def test_a_caravan_visit_records_services_and_people(facilitator):
    kind = ActivityKindFactory()
    advice = ServiceTypeFactory()
    visit = services.activity_create(
        actor=facilitator,
        kind=kind,
        title="Caravana",
        date=datetime.date(2022, 11, 7),
        status="held",
        municipality=Municipality.objects.get(code="15104"),
        people_served=10,
        services={advice: 25},
    )
    assert visit.services.get().count == 25
    with pytest.raises(PlanError, match="Ya hay una visita"):
        services.activity_create(
            actor=facilitator,
            kind=kind,
            title="Otra vez",
            date=datetime.date(2022, 11, 7),
            status="held",
            municipality=Municipality.objects.get(code="15104"),
        )


def test_scheduled_activities_record_no_people_and_held_ones_are_not_in_the_future(facilitator):
    talk = ActivityKindFactory(slug="platica", name="Plática", is_caravan=False)
    with pytest.raises(PlanError):
        services.activity_create(
            actor=facilitator, kind=talk, title="x", date=datetime.date(2023, 2, 1), status="held"
        )
    with pytest.raises(PlanError):
        services.activity_create(
            actor=facilitator,
            kind=talk,
            title="x",
            date=datetime.date(2023, 2, 1),
            people_served=3,
        )
    with pytest.raises(PlanError, match="Solo las caravanas"):
        services.activity_create(
            actor=facilitator,
            kind=talk,
            title="x",
            date=datetime.date(2022, 2, 1),
            status="held",
            services={ServiceTypeFactory(): 1},
        )
    planned = services.activity_create(
        actor=facilitator, kind=talk, title="Plática", date=datetime.date(2023, 2, 1)
    )
    assert planned.status == Activity.Status.SCHEDULED
    with pytest.raises(PlanError):
        services.activity_set_status(actor=facilitator, activity=planned, status="held")
    services.activity_set_status(actor=facilitator, activity=planned, status="cancelled")
    planned.refresh_from_db()
    assert planned.status == Activity.Status.CANCELLED
