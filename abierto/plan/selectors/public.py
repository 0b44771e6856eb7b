"""The plan in public: overview, commitments with their details, and indicator series."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from django.db.models import F, Q, QuerySet, Sum

from abierto.directory.models import Institution, Municipality

from ..models import (
    ActionLine,
    ActionPlan,
    Activity,
    ActivityService,
    Commitment,
    Completion,
    Evidence,
    Indicator,
    Milestone,
    ProgressReport,
    ThematicAxis,
)
from .editing import action_lines_of, reports_of
from .progress import (
    HUNDRED,
    ONE_DECIMAL,
    CommitmentSummary,
    _summaries,
    commitment_summary,
    progress_of,
)

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
