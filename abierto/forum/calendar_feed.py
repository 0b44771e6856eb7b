"""The forum's sessions as iCalendar (RFC 5545): the public feed and the convocation's invitation.

An event's UID is built from the session's public id, so a calendar updates the same event
when the session moves; its SEQUENCE is the session's ``ical_sequence``, which the services
raise on every change a calendar must notice (date, times, place, status).
"""

from __future__ import annotations

import datetime
import functools
import hashlib
import re
from collections.abc import Iterable, Sequence
from email.utils import parseaddr
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, Timezone, vCalAddress

from abierto.lib.roman import to_roman

from .models import Session
from .selectors import convocation_of, public_place

TZID = "America/Mexico_City"
ZONE = ZoneInfo(TZID)
DEFAULT_DURATION = datetime.timedelta(hours=2)
PRODID = "-//Secretariado Tecnico Local del Estado de Mexico//abierto//ES"
REFRESH_INTERVAL = datetime.timedelta(hours=1)
CONTENT_TYPE = "text/calendar; charset=utf-8"

_STATUS: dict[str, str] = {
    Session.Status.PLANNED: "TENTATIVE",
    Session.Status.CANCELLED: "CANCELLED",
}


def session_uid(session: Session) -> str:
    """Stable across edits and never the primary key."""
    return f"{session.public_id}@abierto"


def session_url(session: Session) -> str:
    return settings.SITE_URL + session.get_absolute_url()


def session_summary(session: Session) -> str:
    """«Décimo Quinta Sesión Ordinaria del STL»."""
    return f"{session.title} del {session.forum.acronym}"


def session_span(
    session: Session,
) -> tuple[datetime.datetime, datetime.datetime] | tuple[datetime.date, datetime.date]:
    """Start and end in Mexico City time; a whole day when the start time is not known."""
    if session.start_time is None:
        return session.date, session.date + datetime.timedelta(days=1)
    start = datetime.datetime.combine(session.date, session.start_time, tzinfo=ZONE)
    if session.end_time is not None and session.end_time > session.start_time:
        return start, datetime.datetime.combine(session.date, session.end_time, tzinfo=ZONE)
    return start, start + DEFAULT_DURATION


def session_method(session: Session) -> str:
    """The iTIP method of a session's e-mailed event: a request, or its cancellation."""
    return "CANCEL" if session.status == Session.Status.CANCELLED else "REQUEST"


def itip_content_type(session: Session) -> str:
    """The MIME type to attach ``session_ics`` with: mail clients read ``method`` from it."""
    return f"text/calendar; charset=utf-8; method={session_method(session)}"


def session_ics(session: Session, *, attendees: Sequence[str] = ()) -> bytes:
    """One session as an iTIP message (RFC 5546) to attach to the forum's e-mails.

    METHOD:REQUEST invites to the session or updates it; once cancelled it is METHOD:CANCEL,
    which is what removes the event from the recipients' calendars. ``attendees`` are e-mail
    addresses written as ATTENDEE lines: pass the recipient when sending one message each.
    """
    calendar = _calendar(session_method(session), [session.date.year])
    with translation.override(settings.LANGUAGE_CODE):
        event = _event(session, stamp=timezone.now())
    for address in attendees:
        attendee = vCalAddress(f"mailto:{address}")
        attendee.params["CUTYPE"] = "INDIVIDUAL"
        attendee.params["ROLE"] = "REQ-PARTICIPANT"
        attendee.params["PARTSTAT"] = "NEEDS-ACTION"
        attendee.params["RSVP"] = "FALSE"
        event.add("attendee", attendee)
    calendar.add_component(event)
    return calendar.to_ical()


def sessions_ics(sessions: Iterable[Session], *, name: str = "") -> bytes:
    """Every given session as a published calendar that anyone can subscribe to.

    Written in the site's language whatever the visitor's: a calendar app fetches it alone,
    and one URL should give one calendar.
    """
    with translation.override(settings.LANGUAGE_CODE):
        return _published(list(sessions), name=name)


def _published(sessions: list[Session], *, name: str) -> bytes:
    calendar = _calendar("PUBLISH", [session.date.year for session in sessions])
    acronym = sessions[0].forum.acronym if sessions else "STL"
    calendar.calendar_name = name or _("Sesiones del %(forum)s") % {"forum": acronym}
    calendar.add(
        "x-wr-caldesc",
        _("Sesiones ordinarias y extraordinarias del %(forum)s, con su orden del día.")
        % {"forum": acronym},
    )
    calendar.add("x-wr-timezone", TZID)
    calendar.refresh_interval = REFRESH_INTERVAL
    # RFC 7986 §5.7 requires the VALUE parameter here, which icalendar leaves out.
    calendar["REFRESH-INTERVAL"].params["VALUE"] = "DURATION"
    stamp = timezone.now()
    for session in sessions:
        calendar.add_component(_event(session, stamp=stamp))
    return calendar.to_ical()


_DTSTAMP_LINE = re.compile(rb"^DTSTAMP:[^\r\n]*\r\n", re.MULTILINE)


def feed_etag(body: bytes) -> str:
    """A weak ETag for a feed: its bytes but the DTSTAMP lines, which say when it was written."""
    digest = hashlib.sha256(_DTSTAMP_LINE.sub(b"", body)).hexdigest()
    return f'W/"{digest[:32]}"'


def feed_last_modified(sessions: Iterable[Session]) -> datetime.datetime | None:
    """The latest change to a session or its agenda (the agenda must be prefetched)."""
    stamps = []
    for session in sessions:
        stamps.append(session.updated_at)
        stamps.extend(item.updated_at for item in session.agenda.all())
    return max(stamps, default=None)


@functools.lru_cache(maxsize=32)
def _vtimezone(first_year: int, last_year: int) -> bytes:
    """The zone's rules over the calendar's years; slow to compute, so kept."""
    zone = Timezone.from_tzid(
        TZID,
        first_date=datetime.date(first_year, 1, 1),
        last_date=datetime.date(last_year + 1, 1, 1),
    )
    return zone.to_ical()


def _calendar(method: str, years: list[int]) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", method)
    # Always present: DTSTART;TZID= needs it, and a VCALENDAR must hold one component at least.
    today = timezone.localdate().year
    calendar.add_component(
        Timezone.from_ical(_vtimezone(min(years, default=today), max(years, default=today)))
    )
    return calendar


def _organizer(session: Session) -> vCalAddress:
    display, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    organizer = vCalAddress(f"mailto:{address or settings.DEFAULT_FROM_EMAIL}")
    organizer.params["CN"] = session.forum.name or display
    return organizer


def _event(session: Session, *, stamp: datetime.datetime) -> Event:
    url = session_url(session)
    start, end = session_span(session)
    event = Event()
    event.add("uid", session_uid(session))
    event.add("dtstamp", stamp.astimezone(datetime.UTC))
    event.add("sequence", session.ical_sequence)
    event.add("created", session.created_at.astimezone(datetime.UTC))
    event.add("last-modified", session.updated_at.astimezone(datetime.UTC))
    event.add("dtstart", start)
    event.add("dtend", end)
    event.add("summary", session_summary(session))
    event.add("description", _description(session, url))
    event.add("location", public_place(session))
    event.add("url", url)
    event.add("status", _STATUS.get(session.status, "CONFIRMED"))
    event.add("class", "PUBLIC")
    event.add("transp", "OPAQUE")
    event.add("organizer", _organizer(session))
    return event


def _description(session: Session, url: str) -> str:
    lines = [f"{session.title} del {session.forum.name}."]
    if session.status == Session.Status.CANCELLED:
        lines.append(_("Esta sesión se canceló."))
    lines.append(_("Modalidad: %(modality)s.") % {"modality": session.get_modality_display()})
    convocation = convocation_of(session)
    if convocation is not None:
        lines.append(_("Convocatoria: %(reference)s.") % {"reference": convocation.reference})
    agenda = sorted(session.agenda.all(), key=lambda item: item.number)
    if agenda:
        lines += ["", _("Orden del día:")]
        lines += [f"{to_roman(item.number)}. {item.title}" for item in agenda]
    lines += ["", _("Más información: %(url)s") % {"url": url}]
    return "\n".join(lines)
