"""The forum's sessions as iCalendar (RFC 5545): the public feed and the convocation's invitation.

An event's UID is built from the session's public id, so a calendar updates the same event
when the session moves; its SEQUENCE is the session's ``ical_sequence``, which the services
raise on every change a calendar must notice (date, times, place, status).

The published feed writes its events itself (``_vevent``) rather than through icalendar's
components: one string per event, escaped and folded exactly as icalendar does, so a feed of
ten years costs ten times a feed of one and holds no thousands of objects for the garbage
collector to walk. The iTIP message keeps icalendar's ``Event`` (``_event``), and the tests
check that both write the same bytes.
"""

from __future__ import annotations

import datetime
import functools
import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from email.utils import parseaddr
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, Timezone, vCalAddress

from abierto.lib.event_span import Span, event_span
from abierto.lib.roman import to_roman

from .models import AgendaItem, Forum, Session
from .selectors import FEED_AGENDA, convocation_of, public_place

TZID = "America/Mexico_City"
ZONE = ZoneInfo(TZID)
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


def session_span(session: Session) -> Span:
    """Start and end in Mexico City time; a whole day when the start time is not known."""
    return event_span(session.date, session.start_time, session.end_time, zone=ZONE)


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


def sessions_ics(
    sessions: Iterable[Session], *, forum: Forum | None = None, name: str = ""
) -> bytes:
    """Every given session as a published calendar that anyone can subscribe to.

    The calendar is named after ``forum`` (each forum's feed carries its own name, even
    before its first session); without it, after the sessions' forum.

    Written in the site's language whatever the visitor's: a calendar app fetches it alone,
    and one URL should give one calendar.
    """
    with translation.override(settings.LANGUAGE_CODE):
        return _published(list(sessions), forum=forum, name=name)


def _published(sessions: list[Session], *, forum: Forum | None, name: str) -> bytes:
    calendar = _calendar_head("PUBLISH")
    if forum is None and sessions:
        forum = sessions[0].forum
    acronym = forum.acronym if forum is not None else "STL"  # no forum recorded at all
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
    head = calendar.to_ical().removesuffix(_END)
    stamp = f"DTSTAMP:{_utc(timezone.now())}"
    organizers: dict[str, str] = {}
    phrases = _Phrases.translated()
    parts = [head, _vtimezone_for([session.date.year for session in sessions])]
    for session in sessions:
        organizer = organizers.get(session.forum.name)
        if organizer is None:
            organizer = organizers[session.forum.name] = _organizer_line(session)
        parts.append(_vevent(session, stamp=stamp, organizer=organizer, phrases=phrases))
    parts.append(_END)
    return b"".join(parts)


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
        stamps.extend(item.updated_at for item in _agenda(session))
    return max(stamps, default=None)


def _agenda(session: Session) -> list[AgendaItem]:
    """The session's agenda items: as ``selectors.sessions_for_feed`` fetched them, or now."""
    items: list[AgendaItem] | None = getattr(session, FEED_AGENDA, None)
    return list(session.agenda.all()) if items is None else items


@functools.lru_cache(maxsize=32)
def _vtimezone(first_year: int, last_year: int) -> bytes:
    """The zone's rules over the calendar's years; slow to compute, so kept."""
    zone = Timezone.from_tzid(
        TZID,
        first_date=datetime.date(first_year, 1, 1),
        last_date=datetime.date(last_year + 1, 1, 1),
    )
    return zone.to_ical()


def _vtimezone_for(years: list[int]) -> bytes:
    # Always present: DTSTART;TZID= needs it, and a VCALENDAR must hold one component at least.
    today = timezone.localdate().year
    return _vtimezone(min(years, default=today), max(years, default=today))


def _calendar_head(method: str) -> Calendar:
    """The calendar's own properties, without components."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", method)
    return calendar


def _calendar(method: str, years: list[int]) -> Calendar:
    calendar = _calendar_head(method)
    calendar.add_component(Timezone.from_ical(_vtimezone_for(years)))
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
    event.add("description", _description(session, url, _Phrases.translated()))
    event.add("location", public_place(session))
    event.add("url", url)
    event.add("status", _STATUS.get(session.status, "CONFIRMED"))
    event.add("class", "PUBLIC")
    event.add("transp", "OPAQUE")
    event.add("organizer", _organizer(session))
    return event


# The published events, written directly -------------------------------------------------

_END = b"END:VCALENDAR\r\n"
# The octets a folded line holds, as icalendar folds them (RFC 5545 §3.1 allows 75).
_FOLD = 74


def _vevent(session: Session, *, stamp: str, organizer: str, phrases: _Phrases) -> bytes:
    """What ``_event(session).to_ical()`` writes, in the same order, at a fraction of its cost.

    ``stamp`` is the whole DTSTAMP line and ``organizer`` the whole ORGANIZER line: like
    ``phrases``, they are the same for every event of a feed.
    """
    url = session_url(session)
    start, end = session_span(session)
    lines = (
        "BEGIN:VEVENT",
        f"SUMMARY:{_text(session_summary(session))}",
        _date_line("DTSTART", start),
        _date_line("DTEND", end),
        stamp,
        f"UID:{_text(session_uid(session))}",
        f"SEQUENCE:{int(session.ical_sequence)}",
        "CLASS:PUBLIC",
        f"CREATED:{_utc(session.created_at)}",
        f"DESCRIPTION:{_text(_description(session, url, phrases))}",
        f"LAST-MODIFIED:{_utc(session.updated_at)}",
        f"LOCATION:{_text(public_place(session))}",
        organizer,
        f"STATUS:{_STATUS.get(session.status, 'CONFIRMED')}",
        "TRANSP:OPAQUE",
        f"URL:{url}",
        "END:VEVENT",
    )
    return b"".join([_fold(line) for line in lines])


def _organizer_line(session: Session) -> str:
    organizer = _organizer(session)
    params = organizer.params.to_ical().decode()
    return f"ORGANIZER;{params}:{organizer.to_ical().decode()}"


def _text(value: str) -> str:
    """A TEXT value (RFC 5545 §3.3.11), escaped as icalendar escapes it."""
    return (
        value.replace("\\N", "\n")
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def _stamp(moment: datetime.datetime | datetime.date) -> str:
    text = f"{moment.year:04}{moment.month:02}{moment.day:02}"
    if isinstance(moment, datetime.datetime):
        text += f"T{moment.hour:02}{moment.minute:02}{moment.second:02}"
    return text


def _utc(moment: datetime.datetime) -> str:
    return _stamp(moment.astimezone(datetime.UTC)) + "Z"


def _date_line(name: str, moment: datetime.datetime | datetime.date) -> str:
    if isinstance(moment, datetime.datetime):
        return f"{name};TZID={TZID}:{_stamp(moment)}"
    return f"{name};VALUE=DATE:{_stamp(moment)}"


def _fold(line: str) -> bytes:
    """A content line in UTF-8, folded and ended (RFC 5545 §3.1) as icalendar does it.

    Each piece holds at most 74 octets, never splits a multi-octet character, and never
    ends with a backslash or caret that escapes the next character (icalendar issue #1501).
    """
    data = line.encode()
    if len(data) <= _FOLD:
        return data + b"\r\n"
    pieces = []
    start = 0
    while len(data) - start > _FOLD:
        end = start + _FOLD
        while data[end] & 0xC0 == 0x80:  # a continuation octet: back to the character's start
            end -= 1
        if end - start > 1 and data[end - 1] in b"\\^":
            end -= 1
        pieces.append(data[start:end])
        start = end
    pieces.append(data[start:])
    return b"\r\n ".join(pieces) + b"\r\n"


@dataclass(frozen=True)
class _Phrases:
    """The description's words in the active language, translated once for a whole feed."""

    cancelled: str
    modality: str
    convocation: str
    agenda: str
    more: str
    modalities: dict[str, str]

    @classmethod
    def translated(cls) -> _Phrases:
        return cls(
            cancelled=_("Esta sesión se canceló."),
            modality=_("Modalidad: %(modality)s."),
            convocation=_("Convocatoria: %(reference)s."),
            agenda=_("Orden del día:"),
            more=_("Más información: %(url)s"),
            modalities={value: str(label) for value, label in Session.Modality.choices},
        )


@functools.lru_cache(maxsize=512)
def _roman(number: int) -> str:
    return to_roman(number)


def _description(session: Session, url: str, phrases: _Phrases) -> str:
    lines = [f"{session.title} del {session.forum.name}."]
    if session.status == Session.Status.CANCELLED:
        lines.append(phrases.cancelled)
    modality = phrases.modalities.get(session.modality, session.modality)
    lines.append(phrases.modality % {"modality": modality})
    convocation = convocation_of(session)
    if convocation is not None:
        lines.append(phrases.convocation % {"reference": convocation.reference})
    agenda = sorted(_agenda(session), key=lambda item: item.number)
    if agenda:
        lines += ["", phrases.agenda]
        lines += [f"{_roman(item.number)}. {item.title}" for item in agenda]
    lines += ["", phrases.more % {"url": url}]
    return "\n".join(lines)
