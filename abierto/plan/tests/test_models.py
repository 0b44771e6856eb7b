"""The database refuses what the rules forbid, even past the services."""

import datetime

import pytest
from django.apps import apps
from django.db import IntegrityError, transaction

from abierto.directory.models import Municipality
from abierto.plan.models import (
    OGP_VALUE_FIELDS,
    Activity,
    Evidence,
    IndicatorValue,
    Milestone,
    ProgressReport,
    Upload,
)

from .factories import (
    ActionPlanFactory,
    ActivityFactory,
    CommitmentFactory,
    IndicatorFactory,
    MilestoneFactory,
)

pytestmark = pytest.mark.django_db


def refused(create):
    with pytest.raises(IntegrityError), transaction.atomic():
        create()


def test_a_met_milestone_has_a_date_and_only_a_met_one():
    refused(lambda: MilestoneFactory(status=Milestone.Status.MET, met_on=None))
    refused(
        lambda: MilestoneFactory(status=Milestone.Status.PENDING, met_on=datetime.date(2022, 1, 1))
    )


def test_milestone_weight_is_between_1_and_100():
    refused(lambda: MilestoneFactory(weight=0))
    refused(lambda: MilestoneFactory(weight=101))


def test_commitment_numbers_are_unique_per_plan_and_kind():
    first = CommitmentFactory(kind="co-created", number=1)
    CommitmentFactory(plan=first.plan, kind="proactive", number=1)
    refused(lambda: CommitmentFactory(plan=first.plan, kind="co-created", number=1))


def test_periods_end_after_they_start():
    refused(lambda: ActionPlanFactory(title="Otro", period_start=2024, period_end=2020))
    refused(
        lambda: CommitmentFactory(
            start_date=datetime.date(2022, 1, 2), end_date=datetime.date(2022, 1, 1)
        )
    )


def test_one_statewide_value_per_indicator_and_date():
    indicator = IndicatorFactory()
    IndicatorValue.objects.create(indicator=indicator, date=datetime.date(2022, 1, 1), value=1)
    refused(
        lambda: IndicatorValue.objects.create(
            indicator=indicator, date=datetime.date(2022, 1, 1), value=2
        )
    )
    refused(
        lambda: IndicatorValue.objects.create(
            indicator=indicator, date=datetime.date(2022, 1, 2), value=-1
        )
    )


def test_computed_indicators_are_statewide():
    refused(lambda: IndicatorFactory(source="caravan_people", by_municipality=True))


def test_only_held_activities_record_people_served():
    refused(lambda: ActivityFactory(status=Activity.Status.SCHEDULED, people_served=3))


def test_evidence_is_a_link_or_a_file():
    report = ProgressReport.objects.create(
        commitment=CommitmentFactory(), date=datetime.date(2022, 1, 1), text="x"
    )
    refused(lambda: Evidence.objects.create(report=report, title="nada"))


def test_institutional_records_are_protected():
    commitment = CommitmentFactory()
    with pytest.raises(Exception, match="protected"):
        commitment.responsible.delete()
    municipality = Municipality.objects.get(code="15106")
    ActivityFactory(municipality=municipality)
    with pytest.raises(Exception, match="protected"):
        municipality.delete()


def test_codes_and_ogp_values():
    commitment = CommitmentFactory(kind="proactive", number=3, ogp_civic_participation=True)
    assert commitment.code == "CP3"
    assert commitment.ogp_values == ["Participación cívica"]
    milestone = MilestoneFactory(
        action_line__commitment=commitment, action_line__number=2, number=4
    )
    assert milestone.code == "CP3-2.4"


PUBLISHED = [m for m in apps.get_app_config("plan").get_models() if m is not Upload]


@pytest.mark.parametrize("model", PUBLISHED, ids=lambda m: m.__name__)
def test_every_published_field_has_help_text(model):
    private = {"id", "author", "recorded_by", "created_at", "updated_at"}
    for field in model._meta.get_fields():
        if field.auto_created or field.name in private or not hasattr(field, "help_text"):
            continue
        assert field.help_text, f"{model.__name__}.{field.name}"


def test_ogp_fields_are_the_four_values():
    assert len(OGP_VALUE_FIELDS) == 4
