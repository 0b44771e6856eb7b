"""The public agenda of activities and the caravans' coverage by municipality."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal

from django.db.models import Count, Prefetch, QuerySet, Sum

from abierto.directory.models import Municipality

from ..models import (
    Activity,
    ActivityKind,
    ActivityService,
    ServiceType,
)
from .progress import HUNDRED, ONE_DECIMAL

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
