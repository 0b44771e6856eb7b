"""Dates of the folder's pages that never fail on a year-1 or year-9999 value (lib/safe_time).

Use ``{{ value|moment }}``, ``{{ value|moment:"DATE_FORMAT" }}`` and ``{{ value|iso_moment }}``
instead of Django's ``date`` filter, which localises the value before it formats it.
"""

from __future__ import annotations

import datetime

from django import template

from abierto.lib import safe_time

register = template.Library()


@register.filter(expects_localtime=False)
def moment(value: datetime.datetime | None, format_name: str = "DATETIME_FORMAT") -> str:
    return safe_time.format_moment(value, format_name) if value else ""


@register.filter(name="iso_moment", expects_localtime=False)
def iso_moment(value: datetime.datetime | None) -> str:
    return safe_time.iso_moment(value) if value else ""
