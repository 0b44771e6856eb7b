"""The issue dates an issuer may send: with a time zone, from ``FOLDER_ISSUED_AT_EARLIEST``
up to now (plus a little clock skew). A year-1 or 9999 date is a .NET or Java minimum or
maximum, not an issue date: refused with a clear message (a 422 at the API), never stored."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.utils import formats, timezone
from django.utils.translation import gettext as _

ISSUED_AT_LEEWAY = datetime.timedelta(minutes=5)


def issued_at_earliest() -> datetime.datetime:
    """The earliest issue date accepted (``FOLDER_ISSUED_AT_EARLIEST``, at UTC midnight)."""
    day = datetime.date.fromisoformat(str(settings.FOLDER_ISSUED_AT_EARLIEST))
    return datetime.datetime.combine(day, datetime.time(), tzinfo=datetime.UTC)


def issued_at_error(issued_at: datetime.datetime | None) -> str:
    """Why an issuer's ``issued_at`` is refused, or "" when it is fine (or absent: now)."""
    if issued_at is None:
        return ""
    if timezone.is_naive(issued_at):
        return _("La fecha de emisión debe llevar zona horaria.")
    earliest = issued_at_earliest()
    if earliest <= issued_at <= timezone.now() + ISSUED_AT_LEEWAY:
        return ""
    return _(
        "La fecha de emisión debe estar entre el %(earliest)s y el momento actual; "
        "se recibió %(received)s."
    ) % {
        "earliest": formats.date_format(earliest.date(), "DATE_FORMAT"),
        "received": issued_at.isoformat(),
    }
