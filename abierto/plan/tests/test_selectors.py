import datetime
from decimal import Decimal

import pytest

from abierto.directory.models import Municipality
from abierto.plan import selectors
from abierto.plan.models import (
    Completion,
    IndicatorValue,
    Milestone,
    OpennessDimension,
    OpennessStudy,
)
from abierto.plan.selectors import completion_for, progress_of

from .factories import (
    ActionLineFactory,
    ActivityFactory,
    ActivityKindFactory,
    CommitmentFactory,
    IndicatorFactory,
    MilestoneFactory,
    caravan_visit,
)

MET = Milestone.Status.MET
PENDING = Milestone.Status.PENDING
IN_PROGRESS = Milestone.Status.IN_PROGRESS
CANCELLED = Milestone.Status.CANCELLED


# Progress ------------------------------------------------------------------------------------


def test_progress_is_the_weighted_share_of_met_milestones():
    assert progress_of([(MET, 3), (PENDING, 1)]) == Decimal("75.0")
    assert progress_of([(MET, 1), (PENDING, 3)]) == Decimal("25.0")


def test_a_milestone_under_way_counts_nothing_and_a_cancelled_one_leaves_the_sum():
    assert progress_of([(MET, 1), (IN_PROGRESS, 1)]) == Decimal("50.0")
    assert progress_of([(MET, 1), (CANCELLED, 5)]) == Decimal("100.0")


def test_progress_rounds_down_so_100_means_everything_met():
    assert progress_of([(MET, 1), (MET, 1), (PENDING, 1)]) == Decimal("66.6")
    assert progress_of([(MET, 100)] * 99 + [(PENDING, 1)]) == Decimal("99.9")


def test_no_milestones_or_only_cancelled_ones_is_zero():
    assert progress_of([]) == Decimal("0.0")
    assert progress_of([(CANCELLED, 2)]) == Decimal("0.0")


@pytest.mark.parametrize(
    ("progress", "started", "level"),
    [
        ("0", False, Completion.NOT_STARTED),
        ("0", True, Completion.LIMITED),
        ("49.9", True, Completion.LIMITED),
        ("50", True, Completion.SUBSTANTIAL),
        ("99.9", True, Completion.SUBSTANTIAL),
        ("100", True, Completion.COMPLETE),
    ],
)
def test_completion_on_the_irm_scale(progress, started, level):
    assert completion_for(Decimal(progress), started=started) == level


@pytest.mark.django_db
def test_commitment_progress_reads_the_milestones_of_every_line():
    commitment = CommitmentFactory()
    first, second = ActionLineFactory.create_batch(2, commitment=commitment)
    MilestoneFactory(action_line=first, weight=2, met=True)
    MilestoneFactory(action_line=second, weight=1, met=True)
    MilestoneFactory(action_line=second, weight=3)
    MilestoneFactory(weight=50, met=True)  # another commitment's
    assert selectors.commitment_progress(commitment) == Decimal("50.0")
    summary = selectors.commitment_summary(commitment)
    assert summary.completion == Completion.SUBSTANTIAL
    assert (summary.milestones_met, summary.milestones_total) == (2, 3)


@pytest.mark.django_db
def test_summary_names_the_next_milestone_and_counts_the_overdue_ones():
    line = ActionLineFactory()
    MilestoneFactory(action_line=line, title="Tarde", due_date=datetime.date(2020, 1, 1))
    MilestoneFactory(action_line=line, title="Luego", due_date=datetime.date(2999, 1, 1))
    MilestoneFactory(action_line=line, met=True, due_date=datetime.date(2019, 1, 1))
    summary = selectors.commitment_summary(line.commitment)
    assert summary.next_milestone.title == "Tarde"
    assert summary.overdue == 1


@pytest.mark.django_db
def test_plan_overview_groups_by_axis_and_averages_progress():
    commitment = CommitmentFactory()
    MilestoneFactory(action_line__commitment=commitment, met=True)
    CommitmentFactory(plan=commitment.plan, kind="proactive", number=1)
    overview = selectors.plan_overview()
    assert overview.co_created == 1
    assert overview.proactive == 1
    assert overview.average_progress == Decimal("50.0")
    assert overview.by_completion["complete"] == 1
    assert overview.by_completion["not_started"] == 1


@pytest.mark.django_db
def test_commitment_detail_public_brings_lines_reports_and_indicators():
    milestone = MilestoneFactory(met=True)
    commitment = milestone.action_line.commitment
    IndicatorFactory(commitment=commitment, target=Decimal(10))
    detail = selectors.commitment_detail_public(commitment.public_id)
    assert detail.commitment == commitment
    assert detail.action_lines[0].progress == Decimal("100.0")
    assert detail.indicators[0].latest is None
    with pytest.raises(type(commitment).DoesNotExist):
        selectors.commitment_detail_public("nope")


# Coverage ------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_coverage_counts_distinct_municipalities_services_and_people_of_held_caravans():
    caravan_visit("15104", datetime.date(2022, 3, 1), 100, asesoria_juridica=300, actas=50)
    caravan_visit("15104", datetime.date(2022, 4, 1), 20, asesoria_juridica=10)
    caravan_visit("15106", datetime.date(2022, 5, 1), 7, actas=5)
    ActivityFactory(date=datetime.date(2022, 6, 1), status="scheduled")  # not held
    talk = ActivityKindFactory(slug="platica", name="Plática", is_caravan=False)
    ActivityFactory(kind=talk, municipality=Municipality.objects.get(code="15033"))

    coverage = selectors.coverage()
    assert coverage.municipalities_visited == 2
    assert coverage.municipalities_total == 125
    assert coverage.services_delivered == 365
    assert coverage.people_served == 127
    assert coverage.caravan_visits == 3
    assert coverage.percent_visited == Decimal("1.6")
    by_code = {m.municipality.code: m for m in coverage.per_municipality}
    assert len(by_code) == 125
    assert by_code["15104"].caravan_visits == 2
    assert by_code["15104"].services == 360
    assert by_code["15104"].people == 120
    assert by_code["15033"].visited is False
    assert by_code["15033"].by_kind == {"platica": 1}
    assert {t.slug: n for t, n in coverage.services_by_type} == {
        "asesoria_juridica": 310,
        "actas": 55,
    }


@pytest.mark.django_db
def test_coverage_can_be_limited_to_a_period():
    caravan_visit("15104", datetime.date(2022, 3, 1), 1)
    caravan_visit("15106", datetime.date(2023, 3, 1), 1)
    assert selectors.coverage(date_to=datetime.date(2022, 12, 31)).municipalities_visited == 1


@pytest.mark.django_db
def test_activity_list_public_filters():
    caravan_visit("15104", datetime.date(2022, 3, 1), 1)
    caravan_visit("15106", datetime.date(2022, 5, 1), 1)
    assert selectors.activity_list_public(municipality="15104").count() == 1
    assert selectors.activity_list_public(kind="caravana").count() == 2
    assert selectors.activity_list_public(kind="platica").count() == 0
    assert (
        selectors.activity_list_public(
            date_from=datetime.date(2022, 4, 1), date_to=datetime.date(2022, 12, 1)
        ).count()
        == 1
    )


# Indicators ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_computed_indicators_follow_the_caravan_records():
    caravan_visit("15104", datetime.date(2022, 3, 1), 100, actas=10)
    caravan_visit("15104", datetime.date(2022, 4, 1), 50, actas=5)
    caravan_visit("15106", datetime.date(2022, 5, 1), 10, actas=1)
    municipalities = IndicatorFactory(source="caravan_municipalities", target=Decimal(125))
    people = IndicatorFactory(source="caravan_people")
    services = IndicatorFactory(source="caravan_services")
    assert [p.value for p in selectors.indicator_series(municipalities)] == [1, 1, 2]
    assert [p.value for p in selectors.indicator_series(people)] == [100, 150, 160]
    assert [p.value for p in selectors.indicator_series(services)] == [10, 15, 16]
    toluca = Municipality.objects.get(code="15106")
    assert [p.value for p in selectors.indicator_series(people, toluca)] == [10]
    summary = selectors.indicator_summary(municipalities)
    assert summary.latest.value == 2
    assert summary.percent_of_target == Decimal("1.6")


@pytest.mark.django_db
def test_per_municipality_values_add_up_carrying_each_latest_value_forward():
    indicator = IndicatorFactory(by_municipality=True)
    a, b = Municipality.objects.get(code="15104"), Municipality.objects.get(code="15106")
    for day, municipality, value in [
        (datetime.date(2022, 1, 1), a, 10),
        (datetime.date(2022, 2, 1), b, 5),
        (datetime.date(2022, 3, 1), a, 12),
    ]:
        IndicatorValue.objects.create(
            indicator=indicator, date=day, municipality=municipality, value=value
        )
    assert [(p.date.month, p.value) for p in selectors.indicator_series(indicator)] == [
        (1, 10),
        (2, 15),
        (3, 17),
    ]
    assert [p.value for p in selectors.indicator_series(indicator, a)] == [10, 12]


# Openness study ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_participation_rate_is_municipalities_contributing_over_the_125():
    from abierto.directory.tests.factories import InstitutionFactory
    from abierto.plan import services

    study = OpennessStudy.objects.create(
        title="Estudio", institution=InstitutionFactory(), year=2022
    )
    dimension = OpennessDimension.objects.create(study=study, number=1, name="Normatividad")
    municipalities = list(Municipality.objects.order_by("code")[:15])
    for municipality in municipalities:
        services.questionnaire_record(
            actor=None,
            study=study,
            municipality=municipality,
            answered_on=None,
            answers={dimension: Decimal(80)},
        )
    for n in range(32):
        services.contribution_record(
            actor=None,
            study=study,
            municipality=municipalities[n % 15],
            received_on=datetime.date(2022, 10, 1),
            dimension=dimension,
        )
    summary = selectors.openness_study_summary()
    assert summary.contributions == 32
    assert summary.municipalities_contributing == 15
    assert summary.participation_rate == Decimal("12.0")
    assert summary.dimensions[0].questionnaires == 15
    assert summary.dimensions[0].contributions == 32
    assert summary.dimensions[0].average_score == Decimal("80.0")


# Open data -----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_opendata_coverage_by_municipality_agrees_with_coverage():
    caravan_visit("15104", datetime.date(2022, 3, 1), 100, asesoria_juridica=300, actas=50)
    caravan_visit("15104", datetime.date(2022, 4, 1), 20, asesoria_juridica=10)
    talk = ActivityKindFactory(slug="platica", name="Plática", is_caravan=False)
    ActivityFactory(kind=talk, municipality=Municipality.objects.get(code="15104"))
    ActivityFactory(date=datetime.date(2030, 1, 1), status="scheduled")
    rows = {m.code: m for m in selectors.opendata_coverage_by_municipality()}
    assert len(rows) == 125
    tlalnepantla = rows["15104"]
    assert (
        tlalnepantla.activities_held,
        tlalnepantla.caravan_visits,
        tlalnepantla.services,
        tlalnepantla.people_served,
    ) == (3, 2, 360, 120)
    assert (rows["15106"].activities_held, rows["15106"].services) == (0, 0)
    by_code = {m.municipality.code: m for m in selectors.coverage().per_municipality}
    assert by_code["15104"].services == tlalnepantla.services


@pytest.mark.django_db
def test_opendata_selectors_list_the_public_records():
    milestone = MilestoneFactory(met=True)
    caravan_visit("15104", datetime.date(2022, 3, 1), 1, actas=2)
    assert list(selectors.opendata_commitments()) == [milestone.action_line.commitment]
    assert list(selectors.opendata_milestones()) == [milestone]
    assert selectors.opendata_activities().count() == 1
    assert selectors.opendata_activity_services().get().count == 2
    assert not selectors.opendata_indicator_values().exists()
