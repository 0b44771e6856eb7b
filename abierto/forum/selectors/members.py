"""Reads of a member's own page: their convocations and the agreements they owe."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Q, QuerySet
from django.utils import timezone

from ..models import (
    Agreement,
    AgreementStatus,
    Seat,
    Session,
)

if TYPE_CHECKING:
    from abierto.directory.selectors import AnyUser


def member_pending_agreements(user: AnyUser) -> QuerySet[Agreement]:
    """Open agreements whose responsible institution is the member's own."""
    person = getattr(user, "person", None)
    if person is None or person.institution_id is None:
        return Agreement.objects.none()
    return Agreement.objects.filter(
        responsible_id=person.institution_id,
        status__in=[AgreementStatus.PENDING, AgreementStatus.IN_PROGRESS],
    ).select_related("session")


def member_convocations(user: AnyUser) -> QuerySet[Session]:
    """Upcoming convened sessions for someone who holds (or is alternate in) a seat."""
    person = getattr(user, "person", None)
    if person is None:
        return Session.objects.none()
    today = timezone.localdate()
    forums = Seat.objects.filter(Q(holder=person) | Q(alternate=person)).active_on(today)
    return (
        Session.objects.filter(
            forum__in=forums.values("forum"),
            status=Session.Status.CONVENED,
            date__gte=today,
        )
        .select_related("convocation")
        .order_by("date")
    )
