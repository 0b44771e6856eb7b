"""Activities of the public agenda, and what a caravan visit delivered."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from abierto.directory.models import Institution, Municipality

from ..models import Activity, ActivityKind, ActivityService, Commitment, ServiceType
from ._audit import audit_record
from .errors import PlanError

if TYPE_CHECKING:
    from django.contrib.auth.models import User


def caravan_visit_exists(municipality: Municipality, date: datetime.date) -> bool:
    return Activity.objects.filter(
        kind__is_caravan=True,
        municipality=municipality,
        date=date,
        status=Activity.Status.HELD,
    ).exists()


@transaction.atomic
def activity_create(
    *,
    actor: User | None,
    kind: ActivityKind,
    title: str,
    date: datetime.date,
    status: str = Activity.Status.SCHEDULED,
    municipality: Municipality | None = None,
    place: str = "",
    description: str = "",
    start_time: datetime.time | None = None,
    end_time: datetime.time | None = None,
    commitment: Commitment | None = None,
    institutions: Iterable[Institution] = (),
    people_served: int | None = None,
    services: Mapping[ServiceType, int] | None = None,
) -> Activity:
    """Put an activity on the public agenda; a held caravan visit may carry the people it
    served and the procedures and services it delivered, by type."""
    services = {t: n for t, n in (services or {}).items() if n}
    if status == Activity.Status.HELD and date > timezone.localdate():
        raise PlanError(_("Una actividad realizada no puede tener fecha posterior a hoy."))
    if status != Activity.Status.HELD and (people_served is not None or services):
        raise PlanError(_("Solo las actividades realizadas registran personas y servicios."))
    if services and not kind.is_caravan:
        raise PlanError(_("Solo las caravanas registran trámites y servicios otorgados."))
    if (
        kind.is_caravan
        and status == Activity.Status.HELD
        and municipality is not None
        and caravan_visit_exists(municipality, date)
    ):
        raise PlanError(
            _("Ya hay una visita de caravana registrada en %(municipality)s el %(date)s.")
            % {"municipality": municipality.name, "date": date.strftime("%d/%m/%Y")}
        )
    if any(n < 0 for n in services.values()):
        raise PlanError(_("Las cantidades no pueden ser negativas."))
    activity = Activity(
        kind=kind,
        title=title.strip(),
        description=description.strip(),
        date=date,
        start_time=start_time,
        end_time=end_time,
        municipality=municipality,
        place=place.strip(),
        commitment=commitment,
        status=status,
        people_served=people_served,
    )
    activity.full_clean()
    activity.save()
    activity.institutions.set(list(institutions))
    ActivityService.objects.bulk_create(
        ActivityService(activity=activity, service_type=service_type, count=count)
        for service_type, count in services.items()
    )
    audit_record(
        actor=actor,
        action="activity.created",
        target=activity,
        changes={
            "kind": kind.slug,
            "date": date.isoformat(),
            "municipality": municipality.code if municipality else None,
            "status": status,
            "people_served": people_served,
            "services": {t.slug: n for t, n in services.items()},
        },
    )
    return activity


@transaction.atomic
def activity_set_status(*, actor: User | None, activity: Activity, status: str) -> Activity:
    """Mark a scheduled activity held or cancelled."""
    locked = Activity.objects.select_for_update().get(pk=activity.pk)
    if status not in Activity.Status.values:
        raise PlanError(_("Estado desconocido."))
    if status == Activity.Status.HELD and locked.date > timezone.localdate():
        raise PlanError(_("Una actividad realizada no puede tener fecha posterior a hoy."))
    if status != Activity.Status.HELD and (locked.people_served is not None):
        raise PlanError(_("Esta actividad ya registró personas atendidas."))
    if locked.status == status:
        return locked
    old = locked.status
    locked.status = status
    locked.save(update_fields=["status", "updated_at"])
    audit_record(
        actor=actor,
        action="activity.status_changed",
        target=locked,
        changes={"status": [old, status]},
    )
    return locked
