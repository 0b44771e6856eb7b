"""Reads of the action plan, each with its access rule, and the figures computed from records.

Two rules live here and only here:

- **Progress** of a commitment (``commitment_progress``) is the weighted share of its
  milestones that are met: Σ weight of met milestones ÷ Σ weight of all milestones that are
  not cancelled * 100, rounded *down* to one decimal (so 100 % means every milestone is met).
  A met milestone counts fully, any other counts nothing; a cancelled one leaves the
  calculation. No milestones means 0 %. The completion level on the IRM scale follows from
  it (``completion_for``).
- **Who edits a commitment** (``commitments_editable_by``): the facilitation edits all of
  them; an agency clerk edits those whose responsible or supporting institution is the
  clerk's own (``user.person.institution``); nobody else edits any.

Coverage figures (municipalities visited, services delivered, people served) are counted from
the held caravan visits, never typed.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.db.models import Avg, Count, F, OuterRef, Prefetch, Q, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from abierto.directory.models import Institution, Municipality, Person
from abierto.directory.roles import Role
from abierto.directory.selectors import user_has_role

from .models import (
    ActionLine,
    ActionPlan,
    Activity,
    ActivityKind,
    ActivityService,
    CitizenContribution,
    Commitment,
    Completion,
    DimensionAnswer,
    Evidence,
    Indicator,
    IndicatorValue,
    Milestone,
    OpennessQuestionnaire,
    OpennessStudy,
    ProgressReport,
    ServiceType,
    ThematicAxis,
)

if TYPE_CHECKING:
    from abierto.directory.selectors import AnyUser

HUNDRED = Decimal(100)
ONE_DECIMAL = Decimal("0.1")
SUBSTANTIAL_FROM = Decimal(50)


# Progress ------------------------------------------------------------------------------------


def progress_of(milestones: Iterable[tuple[str, int]]) -> Decimal:
    """The weighted progress of ``(status, weight)`` pairs, by the rule in the module doc."""
    met = total = 0
    for status, weight in milestones:
        if status == Milestone.Status.CANCELLED:
            continue
        total += weight
        if status == Milestone.Status.MET:
            met += weight
    if total == 0:
        return Decimal("0.0")
    return (Decimal(met) * HUNDRED / Decimal(total)).quantize(ONE_DECIMAL, rounding=ROUND_DOWN)


def commitment_progress(commitment: Commitment) -> Decimal:
    """Progress in % (0.0 to 100.0) of a commitment, weighted by its milestones' weights."""
    pairs = Milestone.objects.filter(action_line__commitment=commitment).values_list(
        "status", "weight"
    )
    return progress_of(pairs)


def completion_for(progress: Decimal, *, started: bool) -> Completion:
    """IRM level: not started (nothing met nor under way), limited (< 50 %), substantial
    (50 % up to, not including, 100 %), complete (100 %)."""
    if progress >= HUNDRED:
        return Completion.COMPLETE
    if progress >= SUBSTANTIAL_FROM:
        return Completion.SUBSTANTIAL
    if progress > 0 or started:
        return Completion.LIMITED
    return Completion.NOT_STARTED


@dataclass(frozen=True)
class CommitmentSummary:
    commitment: Commitment
    progress: Decimal
    completion: Completion
    milestones_total: int
    milestones_met: int
    next_milestone: Milestone | None
    overdue: int

    @property
    def completion_label(self) -> str:
        return str(self.completion.label)


def _summaries(
    commitments: Iterable[Commitment], today: datetime.date | None = None
) -> list[CommitmentSummary]:
    commitments = list(commitments)
    today = today or timezone.localdate()
    by_commitment: dict[int, list[Milestone]] = defaultdict(list)
    milestones = (
        Milestone.objects.filter(action_line__commitment__in=[c.pk for c in commitments])
        .select_related("action_line")
        .order_by("due_date", "action_line__number", "number")
    )
    for milestone in milestones:
        by_commitment[milestone.action_line.commitment_id].append(milestone)
    summaries = []
    for commitment in commitments:
        own = by_commitment[commitment.pk]
        progress = progress_of((m.status, m.weight) for m in own)
        open_ones = [m for m in own if m.is_open]
        started = any(m.status != Milestone.Status.PENDING for m in own)
        summaries.append(
            CommitmentSummary(
                commitment=commitment,
                progress=progress,
                completion=completion_for(progress, started=started),
                milestones_total=sum(1 for m in own if m.status != Milestone.Status.CANCELLED),
                milestones_met=sum(1 for m in own if m.status == Milestone.Status.MET),
                next_milestone=next((m for m in open_ones if m.due_date), None)
                or (open_ones[0] if open_ones else None),
                overdue=sum(1 for m in open_ones if m.is_overdue(today)),
            )
        )
    return summaries


def commitment_summary(commitment: Commitment) -> CommitmentSummary:
    return _summaries([commitment])[0]


# Who edits what ------------------------------------------------------------------------------


def institution_of(user: AnyUser) -> Institution | None:
    """The institution of the person linked to an account, if any."""
    if not user.is_authenticated:
        return None
    person = Person.objects.filter(user_id=user.pk).select_related("institution").first()
    return person.institution if person else None


def commitments_editable_by(user: AnyUser) -> QuerySet[Commitment]:
    """The commitments a user may update (milestones, reports, values, uploads)."""
    commitments = Commitment.objects.select_related("plan", "axis", "responsible")
    if not user.is_authenticated or not user.is_active:
        return commitments.none()
    if user_has_role(user, Role.FACILITATOR):
        return commitments.all()
    if not user_has_role(user, Role.AGENCY_CLERK):
        return commitments.none()
    institution = institution_of(user)
    if institution is None:
        return commitments.none()
    supported = Commitment.supporting.through.objects.filter(institution=institution).values(
        "commitment_id"
    )
    return commitments.filter(Q(responsible=institution) | Q(pk__in=supported))


def can_edit_commitment(user: AnyUser, commitment: Commitment) -> bool:
    return commitments_editable_by(user).filter(pk=commitment.pk).exists()


def commitment_for_editing(user: AnyUser, public_id: str) -> Commitment:
    """The commitment, if the user may edit it: ``DoesNotExist`` if there is none,
    ``PermissionDenied`` if it is someone else's."""
    commitment = Commitment.objects.select_related("plan", "axis", "responsible").get(
        public_id=public_id
    )
    if not can_edit_commitment(user, commitment):
        raise PermissionDenied
    return commitment


def editable_summaries(user: AnyUser) -> list[CommitmentSummary]:
    return _summaries(commitments_editable_by(user).order_by("plan", "kind", "number"))


def action_lines_of(commitment: Commitment) -> QuerySet[ActionLine]:
    return commitment.action_lines.prefetch_related(
        Prefetch("milestones", queryset=Milestone.objects.order_by("number"))
    ).order_by("number")


def reports_of(commitment: Commitment) -> QuerySet[ProgressReport]:
    return commitment.reports.select_related("session", "session__forum").prefetch_related(
        "evidence"
    )


def manual_indicators_of(commitment: Commitment) -> QuerySet[Indicator]:
    return commitment.indicators.filter(source=Indicator.Source.MANUAL)


def evidence_for_editor(user: AnyUser, public_id: str) -> Evidence:
    evidence = Evidence.objects.select_related("report__commitment").get(public_id=public_id)
    if not can_edit_commitment(user, evidence.report.commitment):
        raise PermissionDenied
    return evidence


# The plan in public --------------------------------------------------------------------------


def plan_current() -> ActionPlan | None:
    """The most recent plan (by the year it starts)."""
    return ActionPlan.objects.order_by("-period_start", "-launched_on").first()


def _public_commitments() -> QuerySet[Commitment]:
    return Commitment.objects.select_related("plan", "axis", "responsible").prefetch_related(
        "supporting"
    )


@dataclass(frozen=True)
class AxisSummary:
    axis: ThematicAxis
    commitments: list[CommitmentSummary]


@dataclass(frozen=True)
class PlanOverview:
    plan: ActionPlan
    axes: list[AxisSummary]
    commitments: list[CommitmentSummary]
    co_created: int
    proactive: int
    average_progress: Decimal
    by_completion: dict[str, int]


def plan_overview(plan: ActionPlan | None = None) -> PlanOverview | None:
    """The plan with its axes and every commitment's computed progress; None if no plan.

    ``average_progress`` is the plain mean of the commitments' progress, each commitment
    counting the same.
    """
    plan = plan or plan_current()
    if plan is None:
        return None
    summaries = _summaries(_public_commitments().filter(plan=plan).order_by("kind", "number"))
    axes = [
        AxisSummary(
            axis=axis, commitments=[s for s in summaries if s.commitment.axis_id == axis.pk]
        )
        for axis in plan.axes.order_by("number")
    ]
    by_completion = {level.value: 0 for level in Completion}
    for summary in summaries:
        by_completion[summary.completion.value] += 1
    average = (
        (sum((s.progress for s in summaries), Decimal(0)) / len(summaries)).quantize(
            ONE_DECIMAL, rounding=ROUND_HALF_UP
        )
        if summaries
        else Decimal("0.0")
    )
    return PlanOverview(
        plan=plan,
        axes=axes,
        commitments=summaries,
        co_created=sum(1 for s in summaries if s.commitment.kind == Commitment.Kind.CO_CREATED),
        proactive=sum(1 for s in summaries if s.commitment.kind == Commitment.Kind.PROACTIVE),
        average_progress=average,
        by_completion=by_completion,
    )


def commitment_list_public(
    *,
    plan: ActionPlan | None = None,
    kind: str = "",
    axis: ThematicAxis | None = None,
    institution: Institution | None = None,
) -> list[CommitmentSummary]:
    """Commitments of a plan (the current one by default) with their computed progress."""
    plan = plan or plan_current()
    if plan is None:
        return []
    commitments = _public_commitments().filter(plan=plan)
    if kind:
        commitments = commitments.filter(kind=kind)
    if axis is not None:
        commitments = commitments.filter(axis=axis)
    if institution is not None:
        supported = Commitment.supporting.through.objects.filter(institution=institution)
        commitments = commitments.filter(
            Q(responsible=institution) | Q(pk__in=supported.values("commitment_id"))
        )
    return _summaries(commitments.order_by("kind", "number"))


@dataclass(frozen=True)
class SeriesPoint:
    date: datetime.date
    value: Decimal


@dataclass(frozen=True)
class IndicatorSummary:
    indicator: Indicator
    latest: SeriesPoint | None
    percent_of_target: Decimal | None  # latest value ÷ target * 100, one decimal


def indicator_summary(indicator: Indicator) -> IndicatorSummary:
    series = indicator_series(indicator)
    latest = series[-1] if series else None
    percent = None
    if latest is not None and indicator.target:
        percent = (latest.value * HUNDRED / indicator.target).quantize(
            ONE_DECIMAL, rounding=ROUND_DOWN
        )
    return IndicatorSummary(indicator=indicator, latest=latest, percent_of_target=percent)


@dataclass(frozen=True)
class ActionLineDetail:
    line: ActionLine
    milestones: list[Milestone]
    progress: Decimal


@dataclass(frozen=True)
class CommitmentDetail:
    summary: CommitmentSummary
    action_lines: list[ActionLineDetail]
    reports: list[ProgressReport]
    indicators: list[IndicatorSummary]
    supporting: list[Institution] = field(default_factory=list)

    @property
    def commitment(self) -> Commitment:
        return self.summary.commitment


def commitment_detail_public(public_id: str) -> CommitmentDetail:
    """Everything public about one commitment; raises ``Commitment.DoesNotExist``."""
    commitment = _public_commitments().get(public_id=public_id)
    lines = [
        ActionLineDetail(
            line=line,
            milestones=list(line.milestones.all()),
            progress=progress_of((m.status, m.weight) for m in line.milestones.all()),
        )
        for line in action_lines_of(commitment)
    ]
    return CommitmentDetail(
        summary=commitment_summary(commitment),
        action_lines=lines,
        reports=list(reports_of(commitment)),
        indicators=[indicator_summary(i) for i in commitment.indicators.order_by("order", "code")],
        supporting=list(commitment.supporting.all()),
    )


def evidence_public(public_id: str) -> Evidence:
    """Evidence of a progress report, for its public download; raises ``DoesNotExist``."""
    return Evidence.objects.select_related("report__commitment").get(public_id=public_id)


# Indicators ----------------------------------------------------------------------------------


def indicator_series(
    indicator: Indicator, municipality: Municipality | None = None
) -> list[SeriesPoint]:
    """Dated values of an indicator, oldest first.

    - Computed indicators are counted from the held caravan visits, cumulatively, one point
      per visit date (in ``municipality`` only, when given).
    - Statewide manual indicators give their recorded values.
    - Per-municipality indicators give that municipality's values, or, without one, the
      statewide total: at each date, the sum of every municipality's latest value so far.
    """
    if indicator.is_computed:
        return _computed_series(indicator, municipality)
    values = indicator.values.order_by("date")
    if not indicator.by_municipality:
        if municipality is not None:
            return []
        return [SeriesPoint(v.date, v.value) for v in values.filter(municipality__isnull=True)]
    if municipality is not None:
        return [SeriesPoint(v.date, v.value) for v in values.filter(municipality=municipality)]
    latest: dict[int, Decimal] = {}
    points: dict[datetime.date, Decimal] = {}
    for value in values.filter(municipality__isnull=False):
        assert value.municipality_id is not None
        latest[value.municipality_id] = value.value
        points[value.date] = sum(latest.values(), Decimal(0))
    return [SeriesPoint(day, total) for day, total in points.items()]


def _held_caravans() -> QuerySet[Activity]:
    return Activity.objects.filter(kind__is_caravan=True, status=Activity.Status.HELD)


def _computed_series(indicator: Indicator, municipality: Municipality | None) -> list[SeriesPoint]:
    visits = _held_caravans()
    if municipality is not None:
        visits = visits.filter(municipality=municipality)
    source = indicator.source
    points: list[SeriesPoint] = []
    if source == Indicator.Source.CARAVAN_MUNICIPALITIES:
        seen: set[int] = set()
        for day, municipality_id in visits.order_by("date").values_list("date", "municipality_id"):
            if municipality_id is not None:
                seen.add(municipality_id)
            _accumulate(points, day, Decimal(len(seen)))
        return points
    if source == Indicator.Source.CARAVAN_PEOPLE:
        rows = list(visits.values_list("date").annotate(n=Sum("people_served")).order_by("date"))
    else:
        rows = list(
            ActivityService.objects.filter(activity__in=visits)
            .values_list(F("activity__date"))
            .annotate(n=Sum("count"))
            .order_by("activity__date")
        )
    running = Decimal(0)
    for day, amount in rows:
        running += Decimal(amount or 0)
        _accumulate(points, day, running)
    return points


def _accumulate(points: list[SeriesPoint], day: datetime.date, value: Decimal) -> None:
    """Append a point, or replace the last one when it is of the same day."""
    if points and points[-1].date == day:
        points[-1] = SeriesPoint(day, value)
    else:
        points.append(SeriesPoint(day, value))


# Activities and coverage ---------------------------------------------------------------------


def activity_kinds() -> QuerySet[ActivityKind]:
    return ActivityKind.objects.order_by("order", "name")


def activity_list_public(
    *,
    municipality: Municipality | str | None = None,
    kind: ActivityKind | str | None = None,
    date_from: datetime.date | None = None,
    date_to: datetime.date | None = None,
) -> QuerySet[Activity]:
    """The public agenda, oldest first: scheduled, held and cancelled activities.

    ``municipality`` is a Municipality or an INEGI code; ``kind`` an ActivityKind or its slug.
    """
    activities = Activity.objects.select_related(
        "kind", "municipality", "commitment"
    ).prefetch_related(
        "institutions",
        Prefetch("services", queryset=ActivityService.objects.select_related("service_type")),
    )
    if isinstance(municipality, Municipality):
        activities = activities.filter(municipality=municipality)
    elif municipality:
        activities = activities.filter(municipality__code=municipality)
    if isinstance(kind, ActivityKind):
        activities = activities.filter(kind=kind)
    elif kind:
        activities = activities.filter(kind__slug=kind)
    if date_from is not None:
        activities = activities.filter(date__gte=date_from)
    if date_to is not None:
        activities = activities.filter(date__lte=date_to)
    return activities.order_by("date", "start_time", "id")


def activity_public(public_id: str) -> Activity:
    return activity_list_public().get(public_id=public_id)


@dataclass(frozen=True)
class MunicipalityCoverage:
    municipality: Municipality
    activities: int  # held activities of every kind
    by_kind: dict[str, int]  # activity kind slug → held activities
    caravan_visits: int
    services: int
    people: int

    @property
    def visited(self) -> bool:
        return self.caravan_visits > 0


@dataclass(frozen=True)
class Coverage:
    municipalities_visited: int
    municipalities_total: int
    services_delivered: int
    people_served: int
    caravan_visits: int
    per_municipality: list[MunicipalityCoverage]  # all municipalities, by INEGI code
    services_by_type: list[tuple[ServiceType, int]]

    @property
    def percent_visited(self) -> Decimal:
        if not self.municipalities_total:
            return Decimal("0.0")
        return (
            Decimal(self.municipalities_visited) * HUNDRED / Decimal(self.municipalities_total)
        ).quantize(ONE_DECIMAL, rounding=ROUND_DOWN)


def coverage(
    *, date_from: datetime.date | None = None, date_to: datetime.date | None = None
) -> Coverage:
    """Caravan coverage counted from the held visits, and held activities per municipality."""
    held = Activity.objects.filter(status=Activity.Status.HELD)
    if date_from is not None:
        held = held.filter(date__gte=date_from)
    if date_to is not None:
        held = held.filter(date__lte=date_to)
    caravans = held.filter(kind__is_caravan=True)

    by_kind: dict[int, dict[str, int]] = defaultdict(dict)
    for row in (
        held.filter(municipality__isnull=False)
        .values("municipality_id", "kind__slug")
        .annotate(n=Count("id"))
    ):
        by_kind[row["municipality_id"]][row["kind__slug"]] = row["n"]
    visits = {
        row["municipality_id"]: (row["n"], row["people"] or 0)
        for row in caravans.filter(municipality__isnull=False)
        .values("municipality_id")
        .annotate(n=Count("id"), people=Sum("people_served"))
    }
    services = {
        row["activity__municipality_id"]: row["n"] or 0
        for row in ActivityService.objects.filter(activity__in=caravans)
        .values("activity__municipality_id")
        .annotate(n=Sum("count"))
    }
    per_municipality = [
        MunicipalityCoverage(
            municipality=municipality,
            activities=sum(by_kind[municipality.pk].values()),
            by_kind=dict(by_kind[municipality.pk]),
            caravan_visits=visits.get(municipality.pk, (0, 0))[0],
            services=services.get(municipality.pk, 0),
            people=visits.get(municipality.pk, (0, 0))[1],
        )
        for municipality in Municipality.objects.order_by("code")
    ]
    totals = ActivityService.objects.filter(activity__in=caravans).aggregate(n=Sum("count"))
    people = caravans.aggregate(n=Sum("people_served"))
    type_totals = {
        row["service_type_id"]: row["n"]
        for row in ActivityService.objects.filter(activity__in=caravans)
        .values("service_type_id")
        .annotate(n=Sum("count"))
    }
    return Coverage(
        municipalities_visited=caravans.filter(municipality__isnull=False)
        .values("municipality_id")
        .distinct()
        .count(),
        municipalities_total=len(per_municipality),
        services_delivered=totals["n"] or 0,
        people_served=people["n"] or 0,
        caravan_visits=caravans.count(),
        per_municipality=per_municipality,
        services_by_type=[
            (service_type, type_totals[service_type.pk])
            for service_type in ServiceType.objects.filter(pk__in=type_totals).order_by(
                "order", "name"
            )
        ],
    )


# The municipal openness study ----------------------------------------------------------------


@dataclass(frozen=True)
class DimensionSummary:
    name: str
    number: int
    questionnaires: int  # questionnaires that answered the dimension
    contributions: int
    average_score: Decimal | None


@dataclass(frozen=True)
class OpennessSummary:
    study: OpennessStudy
    dimensions: list[DimensionSummary]
    questionnaires: int
    contributions: int
    municipalities_contributing: int
    municipalities_total: int

    @property
    def participation_rate(self) -> Decimal:
        """Share of the state's municipalities with citizen contributions, in %, one decimal."""
        if not self.municipalities_total:
            return Decimal("0.0")
        return (
            Decimal(self.municipalities_contributing) * HUNDRED / Decimal(self.municipalities_total)
        ).quantize(ONE_DECIMAL, rounding=ROUND_HALF_UP)


def openness_study_summary(study: OpennessStudy | None = None) -> OpennessSummary | None:
    """The latest study (or ``study``) with its counts and participation rate; None if none."""
    study = study or OpennessStudy.objects.order_by("-year", "-pk").first()
    if study is None:
        return None
    dimensions = [
        DimensionSummary(
            name=dimension.name,
            number=dimension.number,
            questionnaires=dimension.n_answers,
            contributions=dimension.n_contributions,
            average_score=_avg_score(dimension.pk),
        )
        for dimension in study.dimensions.annotate(
            n_answers=Count("answers", distinct=True),
            n_contributions=Count("contributions", distinct=True),
        ).order_by("number")
    ]
    contributions = CitizenContribution.objects.filter(study=study)
    return OpennessSummary(
        study=study,
        dimensions=dimensions,
        questionnaires=OpennessQuestionnaire.objects.filter(study=study).count(),
        contributions=contributions.count(),
        municipalities_contributing=contributions.values("municipality").distinct().count(),
        municipalities_total=Municipality.objects.count(),
    )


def _avg_score(dimension_id: int) -> Decimal | None:
    average = DimensionAnswer.objects.filter(
        dimension_id=dimension_id, score__isnull=False
    ).aggregate(a=Avg("score"))["a"]
    return None if average is None else Decimal(average).quantize(ONE_DECIMAL, ROUND_HALF_UP)


# Uploads -------------------------------------------------------------------------------------


def indicator_by_code(code: str) -> Indicator | None:
    return Indicator.objects.select_related("commitment").filter(code=code.upper()).first()


def indicator_values_of(indicator: Indicator) -> QuerySet[IndicatorValue]:
    return indicator.values.select_related("municipality").order_by("-date", "municipality")


# Open data: what the plan publishes, decided here ------------------------------------------


def opendata_commitments() -> QuerySet[Commitment]:
    """Every commitment of every plan (all of them are public)."""
    return (
        Commitment.objects.select_related("plan", "axis", "responsible")
        .prefetch_related("supporting")
        .order_by("plan__period_start", "kind", "number")
    )


def search_commitments() -> QuerySet[Commitment]:
    """Every commitment with what its public page shows, for the site search."""
    return opendata_commitments().prefetch_related(
        Prefetch("action_lines", queryset=action_lines_ordered()),
        Prefetch("reports", queryset=ProgressReport.objects.order_by("date", "id")),
        Prefetch("indicators", queryset=Indicator.objects.order_by("order", "code")),
    )


def action_lines_ordered() -> QuerySet[ActionLine]:
    return ActionLine.objects.prefetch_related(
        Prefetch("milestones", queryset=Milestone.objects.order_by("number"))
    ).order_by("number")


def search_activities() -> QuerySet[Activity]:
    """The public agenda with what an activity's page shows, for the site search."""
    return opendata_activities().prefetch_related(
        Prefetch("services", queryset=ActivityService.objects.select_related("service_type"))
    )


def opendata_milestones() -> QuerySet[Milestone]:
    return Milestone.objects.select_related("action_line__commitment__plan").order_by(
        "action_line__commitment__plan__period_start",
        "action_line__commitment__kind",
        "action_line__commitment__number",
        "action_line__number",
        "number",
    )


def opendata_indicator_values() -> QuerySet[IndicatorValue]:
    """Recorded values; computed indicators publish through activities and coverage."""
    return IndicatorValue.objects.select_related("indicator", "municipality").order_by(
        "indicator__code", "date", "municipality__code"
    )


def opendata_activities() -> QuerySet[Activity]:
    """The whole public agenda, past and upcoming, cancelled ones included."""
    return (
        Activity.objects.select_related("kind", "municipality", "commitment")
        .prefetch_related("institutions")
        .order_by("date", "start_time", "id")
    )


def opendata_activity_services() -> QuerySet[ActivityService]:
    """Services delivered at held caravan visits, by type."""
    return (
        ActivityService.objects.filter(activity__status=Activity.Status.HELD)
        .select_related("activity__municipality", "service_type")
        .order_by("activity__date", "activity_id", "service_type__order", "service_type__name")
    )


def opendata_coverage_by_municipality() -> QuerySet[Municipality]:
    """The 125 municipalities annotated with ``activities_held``, ``caravan_visits``,
    ``services`` and ``people_served``, counted from held activities as ``coverage()`` does."""
    held = Activity.objects.filter(status=Activity.Status.HELD, municipality=OuterRef("pk"))
    caravans = held.filter(kind__is_caravan=True)

    def total(queryset: QuerySet[Any], aggregate: Any) -> Coalesce:
        per_municipality = (
            queryset.order_by().values("municipality").annotate(n=aggregate).values("n")[:1]
        )
        return Coalesce(Subquery(per_municipality), 0)

    delivered = (
        ActivityService.objects.filter(
            activity__status=Activity.Status.HELD,
            activity__kind__is_caravan=True,
            activity__municipality=OuterRef("pk"),
        )
        .order_by()
        .values("activity__municipality")
        .annotate(n=Sum("count"))
        .values("n")[:1]
    )
    return Municipality.objects.annotate(
        activities_held=total(held, Count("id")),
        caravan_visits=total(caravans, Count("id")),
        services=Coalesce(Subquery(delivered), 0),
        people_served=total(caravans, Sum("people_served")),
    ).order_by("code")
