"""How the forum's records read on a page: a session's state, a date written out."""

from __future__ import annotations

import datetime

from django import template
from django.utils import dateformat
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language, pgettext

from abierto.lib.spanish import WEEKDAYS, date_to_text

from .. import selectors
from ..models import Session

register = template.Library()


# Dates written out in each language of the site, whole: never one language's words in
# another's order ("Friday 16 de December"). Spanish writes months and weekdays in lower
# case, which Django's own Spanish month names do not.
def _spanish() -> bool:
    return (get_language() or "es").split("-")[0] != "en"


@register.filter
def date_text(value: datetime.date | None) -> str:
    """«16 de diciembre de 2022» in Spanish, «December 16, 2022» in English."""
    if not value:
        return ""
    return date_to_text(value) if _spanish() else dateformat.format(value, "F j, Y")


@register.filter
def weekday(value: datetime.date | None) -> str:
    """«viernes» in Spanish, «Friday» in English."""
    if not value:
        return ""
    return WEEKDAYS[value.weekday()] if _spanish() else dateformat.format(value, "l")


@register.filter
def long_date(value: datetime.date | None) -> str:
    """«viernes 16 de diciembre de 2022» in Spanish, «Friday, December 16, 2022» in English."""
    if not value:
        return ""
    if _spanish():
        return f"{WEEKDAYS[value.weekday()]} {date_to_text(value)}"
    return dateformat.format(value, "l, F j, Y")


@register.simple_tag
def session_badge(session: Session) -> SafeString:
    """The state of a session as a badge; «En curso» between its start and its closing."""
    if selectors.session_in_progress(session):
        return format_html(
            '<span class="badge badge-session-in-progress">{}</span>',
            pgettext("estado de una sesión", "En curso"),
        )
    return format_html(
        '<span class="badge badge-session-{}">{}</span>',
        session.status,
        session.get_status_display(),
    )
