"""Moments shown in local time without ever failing on an extreme one.

A date stored by an issuer as year 1 (the minimum date of .NET and Java) or year 9999 is a
valid UTC value that cannot be moved to Mexico City's time: ``astimezone`` overflows, and
Django's ``date`` filter, ``localtime`` and the admin raise ``OverflowError`` (a 500). Here
such a moment stays in UTC, marked as such, so a page that shows it still renders.
"""

from __future__ import annotations

import datetime

from django.utils import formats, timezone


def local(moment: datetime.datetime) -> tuple[datetime.datetime, bool]:
    """``(moment in local time, True)``, or ``(moment in UTC, False)`` when it cannot be
    moved there. Naive moments are returned as they are."""
    if timezone.is_naive(moment):
        return moment, True
    try:
        return timezone.localtime(moment), True
    except (OverflowError, ValueError):
        return moment.astimezone(datetime.UTC), False


def format_moment(moment: datetime.datetime | None, format_name: str = "DATETIME_FORMAT") -> str:
    """``moment`` in a Django format (``DATETIME_FORMAT``, ``DATE_FORMAT`` or a format string)
    of the active language, in local time when it can be; "" for ``None``."""
    if moment is None:
        return ""
    shown, is_local = local(moment)
    if isinstance(shown, datetime.datetime) and not is_local:
        # Naive, so that the formatter does not try to localise it again.
        return formats.date_format(shown.replace(tzinfo=None), format_name) + " (UTC)"
    return formats.date_format(shown, format_name)


def iso_moment(moment: datetime.datetime | None) -> str:
    """``moment`` as ISO 8601 with its offset (for ``<time datetime>``), local when it can be."""
    if moment is None:
        return ""
    shown, _is_local = local(moment)
    return shown.isoformat()
