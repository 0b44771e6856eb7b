"""Reading helpers shared by the import: folding, bounded lines, dates and times."""

from __future__ import annotations

import datetime
import unicodedata
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext as _

from ..models import (
    Attendance,
    Session,
)
from .errors import ForumError

if TYPE_CHECKING:
    pass

KINDS = {
    "ordinaria": Session.Kind.ORDINARY,
    "extraordinaria": Session.Kind.EXTRAORDINARY,
    "solemne": Session.Kind.EXTRAORDINARY,  # the platform has two kinds; solemn ones are rare
}
MODALITIES = {
    "presencial": Session.Modality.IN_PERSON,
    "virtual": Session.Modality.VIRTUAL,
    "híbrida": Session.Modality.HYBRID,
}
CAPACITIES = {choice.value for choice in Attendance.Capacity}


def _folded(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def _line(value: Any, limit: int) -> str:
    return " ".join(str(value or "").split())[:limit]


def _required(reviewed: dict[str, Any], key: str) -> Any:
    value = reviewed.get(key)
    if value in (None, ""):
        raise ForumError(_("Falta un dato obligatorio de la sesión: %(field)s.") % {"field": key})
    return value


def _date(value: Any, what: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        raise ForumError(
            _("La fecha de %(what)s no es válida (AAAA-MM-DD): %(value)s.")
            % {"what": what, "value": str(value)[:40]}
        ) from None


def _time(value: Any) -> datetime.time | None:
    if not value:
        return None
    try:
        return datetime.time.fromisoformat(str(value))
    except ValueError:
        raise ForumError(
            _("La hora no es válida (HH:MM): %(value)s.") % {"value": str(value)[:20]}
        ) from None
