"""Open data: what the plan publishes (and lets the search index), decided here."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, OuterRef, Prefetch, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce

from abierto.directory.models import Municipality

from ..models import (
    ActionLine,
    Activity,
    ActivityService,
    Commitment,
    Indicator,
    IndicatorValue,
    Milestone,
    ProgressReport,
)

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
