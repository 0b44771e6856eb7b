"""The public agenda of activities as an iCalendar feed (RFC 5545).

The forum's feed sets the conventions (``forum.calendar_feed``): the UID is the public id
``<public_id>@abierto``, so an activity that moves stays the same event; times are written
in America/Mexico_City with its VTIMEZONE; the feed's ETag leaves out the DTSTAMP lines,
which change at every request. An activity without a start time is a whole-day event.
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Iterable

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, Timezone

from abierto.forum.calendar_feed import (
    CONTENT_TYPE,
    PRODID,
    REFRESH_INTERVAL,
    TZID,
    ZONE,
    feed_etag,
)
from abierto.lib.event_span import Span, event_span

from .models import Activity

__all__ = ["CONTENT_TYPE", "activities_ics", "activity_uid", "feed_etag", "feed_last_modified"]

_STATUS: dict[str, str] = {
    Activity.Status.SCHEDULED: "CONFIRMED",
    Activity.Status.HELD: "CONFIRMED",
    Activity.Status.CANCELLED: "CANCELLED",
}


def activity_uid(activity: Activity) -> str:
    """Stable across edits and never the primary key."""
    return f"{activity.public_id}@abierto"


def activity_url(activity: Activity) -> str:
    return settings.SITE_URL + reverse("plan:activity_detail", args=[activity.public_id])


def activity_location(activity: Activity) -> str:
    """«Plaza Cívica, Toluca»: the place and the municipality, each when known."""
    parts = [activity.place.strip()] if activity.place.strip() else []
    if activity.municipality is not None and activity.municipality.name not in parts:
        parts.append(activity.municipality.name)
    return ", ".join(parts) or _("En línea")


def activity_span(activity: Activity) -> Span:
    """Start and end in Mexico City time; the whole day when the start time is not known."""
    return event_span(activity.date, activity.start_time, activity.end_time, zone=ZONE)


def activities_ics(activities: Iterable[Activity], *, name: str = "") -> bytes:
    """The activities as a published calendar, in the site's language whatever the visitor's
    (a calendar app fetches it alone, and one URL should give one calendar)."""
    activities = list(activities)
    with translation.override(settings.LANGUAGE_CODE):
        calendar = Calendar()
        calendar.add("prodid", PRODID)
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        calendar.add("method", "PUBLISH")
        calendar.calendar_name = name or _("Agenda del Plan de Acción Local")
        calendar.add(
            "x-wr-caldesc",
            _(
                "Actividades públicas del Plan de Acción Local de Gobierno Abierto del Estado "
                "de México: caravanas, pláticas, capacitaciones y círculos restaurativos."
            ),
        )
        calendar.add("x-wr-timezone", TZID)
        calendar.refresh_interval = REFRESH_INTERVAL
        # RFC 7986 §5.7 requires the VALUE parameter here, which icalendar leaves out.
        calendar["REFRESH-INTERVAL"].params["VALUE"] = "DURATION"
        years = [activity.date.year for activity in activities] or [timezone.localdate().year]
        calendar.add_component(Timezone.from_ical(_vtimezone(min(years), max(years))))
        stamp = timezone.now()
        for activity in activities:
            calendar.add_component(_event(activity, stamp=stamp))
        return calendar.to_ical()


@functools.lru_cache(maxsize=32)
def _vtimezone(first_year: int, last_year: int) -> bytes:
    """The zone's rules over the calendar's years; slow to compute, so kept."""
    zone = Timezone.from_tzid(
        TZID,
        first_date=datetime.date(first_year, 1, 1),
        last_date=datetime.date(last_year + 1, 1, 1),
    )
    return zone.to_ical()


def feed_last_modified(activities: Iterable[Activity]) -> datetime.datetime | None:
    return max((activity.updated_at for activity in activities), default=None)


def _event(activity: Activity, *, stamp: datetime.datetime) -> Event:
    url = activity_url(activity)
    start, end = activity_span(activity)
    event = Event()
    event.add("uid", activity_uid(activity))
    event.add("dtstamp", stamp.astimezone(datetime.UTC))
    # The model keeps no revision counter; a counter added later belongs here.
    sequence = getattr(activity, "ical_sequence", None)
    if sequence is not None:
        event.add("sequence", sequence)
    event.add("created", activity.created_at.astimezone(datetime.UTC))
    event.add("last-modified", activity.updated_at.astimezone(datetime.UTC))
    event.add("dtstart", start)
    event.add("dtend", end)
    event.add("summary", activity.title)
    event.add("description", _description(activity, url))
    event.add("location", activity_location(activity))
    event.add("categories", [activity.kind.name])
    event.add("url", url)
    event.add("status", _STATUS.get(activity.status, "CONFIRMED"))
    event.add("class", "PUBLIC")
    event.add("transp", "OPAQUE")
    return event


def _description(activity: Activity, url: str) -> str:
    lines = [f"{activity.kind.name}."]
    if activity.status == Activity.Status.CANCELLED:
        lines.append(_("Esta actividad se canceló."))
    if activity.description.strip():
        lines += ["", activity.description.strip()]
    institutions = [str(institution) for institution in activity.institutions.all()]
    if institutions:
        lines += ["", _("Participan: %(names)s.") % {"names": "; ".join(institutions)}]
    if activity.commitment is not None:
        lines.append(
            _("Compromiso %(code)s: %(title)s.")
            % {"code": activity.commitment.code, "title": activity.commitment.title}
        )
    lines += ["", _("Más información: %(url)s") % {"url": url}]
    return "\n".join(lines)
