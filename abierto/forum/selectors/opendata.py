"""Open data and search: what the forum publishes, decided here."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from ..models import (
    AgendaItem,
    Agreement,
    AgreementFollowUp,
    Attendance,
    Minutes,
    Session,
)

# Open data: what the forum publishes, decided here -----------------------------------------


def opendata_sessions() -> QuerySet[Session]:
    """Every public session (all of them: a session's existence is public)."""
    return Session.objects.select_related("forum").order_by("date", "kind", "number")


def search_sessions() -> QuerySet[Session]:
    """Every public session with its agenda (titles and who presents), for the site search."""
    return opendata_sessions().prefetch_related(
        Prefetch(
            "agenda",
            queryset=AgendaItem.objects.select_related("presenter").order_by("number"),
        )
    )


def opendata_attendance() -> QuerySet[Attendance]:
    """Who attended each session, in which capacity; no contact data."""
    return Attendance.objects.select_related("session__forum", "seat", "person").order_by(
        "session__date", "session__number", "id"
    )


def opendata_agenda_items() -> QuerySet[AgendaItem]:
    return AgendaItem.objects.select_related("session__forum", "presenter").order_by(
        "session__date", "session__number", "number"
    )


def opendata_agreements() -> QuerySet[Agreement]:
    return Agreement.objects.select_related(
        "session__forum", "responsible", "agenda_item", "vote"
    ).order_by("session__date", "session__number", "number")


def opendata_follow_ups() -> QuerySet[AgreementFollowUp]:
    return AgreementFollowUp.objects.select_related(
        "agreement__session__forum", "session"
    ).order_by("reported_on", "id")


def opendata_published_minutes() -> QuerySet[Minutes]:
    return (
        Minutes.objects.filter(status=Minutes.Status.PUBLISHED)
        .select_related("session__forum", "approval_agreement")
        .order_by("-published_at")
    )
