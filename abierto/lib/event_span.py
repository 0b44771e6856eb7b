"""When a dated event (a forum's session, a plan's activity) starts and ends, for calendars."""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

DEFAULT_DURATION = datetime.timedelta(hours=2)

Span = tuple[datetime.datetime, datetime.datetime] | tuple[datetime.date, datetime.date]


def event_span(
    day: datetime.date,
    start: datetime.time | None,
    end: datetime.time | None,
    *,
    zone: ZoneInfo,
    default: datetime.timedelta = DEFAULT_DURATION,
) -> Span:
    """Start and end in ``zone``; the whole day when the start time is not known, and
    ``default`` long when the end is not known or not after the start."""
    if start is None:
        return day, day + datetime.timedelta(days=1)
    began = datetime.datetime.combine(day, start, tzinfo=zone)
    if end is not None and end > start:
        return began, datetime.datetime.combine(day, end, tzinfo=zone)
    return began, began + default
