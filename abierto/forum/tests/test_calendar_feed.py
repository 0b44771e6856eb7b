"""The sessions as iCalendar: RFC 5545 to the letter, read back by two independent parsers."""

import datetime
import re
import zoneinfo

import icalendar
import pytest
import time_machine
import vobject
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from abierto.forum import services
from abierto.forum.calendar_feed import (
    _event,
    feed_etag,
    itip_content_type,
    session_ics,
    session_uid,
    sessions_ics,
)
from abierto.forum.models import Session

from .factories import AgendaItemFactory, ForumFactory, SessionFactory

MEXICO = zoneinfo.ZoneInfo("America/Mexico_City")
MEETING_URL = "https://us02web.zoom.us/j/81234567890?pwd=EnlaceQueNoSePublica"


def planned(facilitator, **fields):
    values = {
        "forum": ForumFactory(),
        "number": 15,
        "date": datetime.date(2022, 12, 16),
        "start_time": datetime.time(11, 0),
        "modality": Session.Modality.VIRTUAL,
        "place": "Plataforma Zoom",
        "meeting_url": MEETING_URL,
    }
    values.update(fields)
    return services.session_create(actor=facilitator, **values)


def events(body):
    return icalendar.Calendar.from_ical(body).walk("VEVENT")


def only_event(body):
    (event,) = events(body)
    return event


def unfolded_lines(body):
    return body.decode("utf-8").replace("\r\n ", "").replace("\r\n\t", "").split("\r\n")[:-1]


def assert_rfc5545(body):
    """The content-line rules of RFC 5545 §3.1 and the calendar's required properties."""
    assert body.endswith(b"\r\n")
    assert b"\n" not in body.replace(b"\r\n", b"")
    assert b"\r" not in body.replace(b"\r\n", b"")
    for line in body.split(b"\r\n")[:-1]:
        assert len(line) <= 75, line  # octets, not characters
        line.decode("utf-8")  # folding never splits a multi-octet character
    content_line = re.compile(r"^[A-Z0-9-]+(;[A-Z0-9-]+=(\"[^\"]*\"|[^;:,\"]*)(,[^;:]*)*)*:.*$")
    for line in unfolded_lines(body):
        assert content_line.match(line), line
    calendar = icalendar.Calendar.from_ical(body)
    names = [k for k, _v in calendar.property_items(recursive=False)]
    assert names.count("PRODID") == names.count("VERSION") == 1
    assert calendar["VERSION"] == "2.0"
    assert calendar.get_missing_tzids() == set()
    for event in calendar.walk("VEVENT"):
        for name in ("UID", "DTSTAMP", "DTSTART"):
            assert name in event, name
        assert not ("DTEND" in event and "DURATION" in event)
        assert event.end > event.start
    lines = unfolded_lines(body)
    stamps = [line for line in lines if line.startswith(("DTSTAMP", "CREATED", "LAST-MODIFIED"))]
    assert len(stamps) == 3 * len(calendar.walk("VEVENT"))
    for line in stamps:  # these are always written in UTC (§3.8.7)
        assert re.fullmatch(r"[A-Z-]+:\d{8}T\d{6}Z", line), line
    assert lines[0] == "BEGIN:VCALENDAR"
    assert lines[-1] == "END:VCALENDAR"


# The event ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_one_session_is_one_request_event_with_its_times_in_mexico_city(facilitator):
    session = planned(facilitator, end_time=datetime.time(12, 40))
    body = session_ics(session)
    assert_rfc5545(body)
    calendar = icalendar.Calendar.from_ical(body)
    assert calendar["METHOD"] == "REQUEST"
    event = only_event(body)
    assert event["UID"] == f"{session.public_id}@abierto"
    assert event["SEQUENCE"] == 0
    assert event["SUMMARY"] == "Décimo Quinta Sesión Ordinaria del STL"
    assert event.start == datetime.datetime(2022, 12, 16, 11, 0, tzinfo=MEXICO)
    assert event.end == datetime.datetime(2022, 12, 16, 12, 40, tzinfo=MEXICO)
    assert "DTSTART;TZID=America/Mexico_City:20221216T110000" in unfolded_lines(body)
    assert event["STATUS"] == "TENTATIVE"
    assert event["LOCATION"] == "Plataforma Zoom"
    assert event["URL"] == f"http://testserver/sesiones/{session.public_id}/"
    assert event["ORGANIZER"].startswith("mailto:")


@pytest.mark.django_db
def test_the_description_carries_the_agenda_in_roman_numerals_and_the_page(facilitator):
    session = planned(facilitator)
    description = only_event(session_ics(session))["DESCRIPTION"]
    assert "I. Lista de asistencia y declaratoria de quórum." in description
    assert "II. Lectura y, en su caso, aprobación del orden del día." in description
    assert "VI. Clausura de la sesión." in description
    assert f"http://testserver/sesiones/{session.public_id}/" in description


@pytest.mark.django_db
def test_without_an_end_time_the_event_lasts_two_hours(facilitator):
    event = only_event(session_ics(planned(facilitator)))
    assert event.end - event.start == datetime.timedelta(hours=2)


@pytest.mark.django_db
def test_without_a_start_time_it_is_an_all_day_event(facilitator):
    body = session_ics(planned(facilitator, start_time=None))
    assert_rfc5545(body)
    event = only_event(body)
    assert event.start == datetime.date(2022, 12, 16)
    assert event.end == datetime.date(2022, 12, 17)
    assert "DTSTART;VALUE=DATE:20221216" in unfolded_lines(body)


@pytest.mark.django_db
def test_the_uid_is_stable_and_the_sequence_rises_when_the_date_changes(facilitator):
    session = planned(facilitator)
    before = only_event(session_ics(session))
    services.session_update(actor=facilitator, session=session, date=datetime.date(2022, 12, 19))
    session.refresh_from_db()
    after = only_event(session_ics(session))
    assert after["UID"] == before["UID"] == session_uid(session)
    assert after["SEQUENCE"] > before["SEQUENCE"]
    assert after.start.date() == datetime.date(2022, 12, 19)
    # An edit that a calendar does not show (the join link) leaves the sequence alone.
    services.session_update(actor=facilitator, session=session, meeting_url=MEETING_URL + "x")
    session.refresh_from_db()
    assert only_event(session_ics(session))["SEQUENCE"] == after["SEQUENCE"]


@pytest.mark.django_db
def test_the_status_follows_the_session(facilitator):
    session = planned(facilitator)
    assert only_event(session_ics(session))["STATUS"] == "TENTATIVE"
    services.session_convene(actor=facilitator, session=session, date=datetime.date(2022, 12, 9))
    session.refresh_from_db()
    convened = only_event(session_ics(session))
    assert convened["STATUS"] == "CONFIRMED"
    services.session_cancel(actor=facilitator, session=session, reason="Falta de quórum previsto.")
    session.refresh_from_db()
    body = session_ics(session)
    assert_rfc5545(body)
    cancelled = only_event(body)
    assert cancelled["STATUS"] == "CANCELLED"
    assert cancelled["SEQUENCE"] > convened["SEQUENCE"]
    # iTIP (RFC 5546 §3.2.5): a cancellation is sent as METHOD:CANCEL, same UID.
    assert icalendar.Calendar.from_ical(body)["METHOD"] == "CANCEL"
    assert itip_content_type(session) == "text/calendar; charset=utf-8; method=CANCEL"
    assert cancelled["UID"] == convened["UID"]
    published = only_event(sessions_ics([session]))
    assert published["STATUS"] == "CANCELLED"


@pytest.mark.django_db
def test_attendees_are_written_when_given(facilitator):
    session = planned(facilitator)
    event = only_event(session_ics(session, attendees=["persona@example.org"]))
    assert event["ATTENDEE"] == "mailto:persona@example.org"
    assert event["ATTENDEE"].params["ROLE"] == "REQ-PARTICIPANT"


@pytest.mark.django_db
def test_the_location_is_the_place_and_never_the_join_link(facilitator):
    forum = ForumFactory()
    by_place = planned(facilitator, forum=forum, number=1)
    no_place = planned(facilitator, forum=forum, number=2, place="")
    link_as_place = planned(facilitator, forum=forum, number=3)
    # The services refuse a link as the place; records from before that rule may hold one.
    Session.objects.filter(pk=link_as_place.pk).update(place=MEETING_URL)
    link_as_place.refresh_from_db()
    in_person = planned(
        facilitator,
        forum=forum,
        number=4,
        modality=Session.Modality.IN_PERSON,
        place="Palacio de Gobierno, Toluca",
        meeting_url="",
    )
    body = sessions_ics([by_place, no_place, link_as_place, in_person])
    locations = {str(e["UID"]): str(e["LOCATION"]) for e in events(body)}
    assert locations == {
        session_uid(by_place): "Plataforma Zoom",
        session_uid(no_place): "Virtual",
        session_uid(link_as_place): "Virtual",
        session_uid(in_person): "Palacio de Gobierno, Toluca",
    }
    for ics in (body, session_ics(link_as_place)):
        assert b"EnlaceQueNoSePublica" not in ics
        assert b"zoom.us/j" not in ics.replace(b"\r\n ", b"")


# The feed -----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_feed_is_a_published_calendar_of_the_stl(facilitator):
    forum = ForumFactory()
    sessions = [
        planned(facilitator, forum=forum, number=14, date=datetime.date(2022, 9, 30)),
        planned(facilitator, forum=forum, number=15),
        planned(facilitator, forum=forum, number=16, date=datetime.date(2023, 2, 24)),
    ]
    body = sessions_ics(sessions)
    assert_rfc5545(body)
    calendar = icalendar.Calendar.from_ical(body)
    assert calendar["METHOD"] == "PUBLISH"
    assert calendar["PRODID"].startswith("-//")
    assert calendar["X-WR-CALNAME"] == "Sesiones del STL"
    assert calendar["NAME"] == "Sesiones del STL"
    assert "REFRESH-INTERVAL;VALUE=DURATION:PT1H" in unfolded_lines(body)  # RFC 7986 §5.7
    (zone,) = calendar.walk("VTIMEZONE")
    assert zone["TZID"] == "America/Mexico_City"
    assert {str(e["UID"]) for e in calendar.walk("VEVENT")} == {session_uid(s) for s in sessions}
    # September 2022 was still daylight time in Mexico City; December was not.
    september = next(e for e in calendar.walk("VEVENT") if e.start.month == 9)
    assert september.start.utcoffset() == datetime.timedelta(hours=-5)
    december = next(e for e in calendar.walk("VEVENT") if e.start.month == 12)
    assert december.start.utcoffset() == datetime.timedelta(hours=-6)


@pytest.mark.django_db
def test_a_second_parser_reads_the_feed_the_same_way(facilitator):
    forum = ForumFactory()
    timed = planned(facilitator, forum=forum, number=14, date=datetime.date(2022, 9, 30))
    all_day = planned(facilitator, forum=forum, number=15, start_time=None)
    body = sessions_ics([timed, all_day])
    calendar = vobject.readOne(body.decode("utf-8"))
    assert calendar.validate()
    assert calendar.method.value == "PUBLISH"
    read = {event.uid.value: event for event in calendar.vevent_list}
    assert set(read) == {session_uid(timed), session_uid(all_day)}
    event = read[session_uid(timed)]
    # vobject applies the VTIMEZONE it read from the file: the instant must be the same.
    assert event.dtstart.value == datetime.datetime(2022, 9, 30, 11, 0, tzinfo=MEXICO)
    assert event.dtstart.value.utcoffset() == datetime.timedelta(hours=-5)
    assert event.dtend.value - event.dtstart.value == datetime.timedelta(hours=2)
    assert event.summary.value == "Décimo Cuarta Sesión Ordinaria del STL"
    assert event.sequence.value == "0"
    assert "I. Lista de asistencia" in event.description.value
    assert read[session_uid(all_day)].dtstart.value == datetime.date(2022, 12, 16)
    single = vobject.readOne(session_ics(timed).decode("utf-8"))
    assert single.method.value == "REQUEST"
    assert single.vevent.uid.value == session_uid(timed)


@pytest.mark.django_db
def test_an_empty_feed_is_still_a_valid_calendar():
    body = sessions_ics([])
    assert_rfc5545(body)
    assert icalendar.Calendar.from_ical(body).walk("VEVENT") == []
    assert vobject.readOne(body.decode("utf-8")).validate()


@pytest.mark.django_db
def test_the_feed_etag_ignores_when_the_feed_was_written(facilitator):
    session = SessionFactory()
    AgendaItemFactory(session=session, number=1)
    with time_machine.travel(datetime.datetime(2023, 1, 1, 12, tzinfo=datetime.UTC), tick=False):
        first = sessions_ics([session])
    with time_machine.travel(datetime.datetime(2023, 1, 2, 12, tzinfo=datetime.UTC), tick=False):
        second = sessions_ics([session])
    assert first != second  # DTSTAMP says when each was written
    assert feed_etag(first) == feed_etag(second)
    session.place = "Palacio de Gobierno"
    assert feed_etag(sessions_ics([session])) != feed_etag(first)


# The feed at scale --------------------------------------------------------------------------

# Texts that put escapes, multi-octet characters and line ends where the folding falls.
AWKWARD = [
    "Informe, avances; y acuerdos \\ pendientes: C:\\Nuevo\\Nada",
    "x" * 60 + ",;" * 30,
    "xy" * 30 + ",;" * 30 + "^" * 40,
    "Año de la región Toluca-Atlacomulco " + "ñáéíóú" * 20,
    "😀" * 30 + "a" + "😀" * 30,
    "Primera línea\r\nsegunda\rtercera\ncuarta",
]


def varied_sessions(facilitator, forum, count, *, first=1):
    """Timed, all-day, convened (with a letter) and cancelled sessions, each with an agenda."""
    sessions = []
    for n in range(first, first + count):
        session = SessionFactory(
            forum=forum,
            number=n,
            date=datetime.date(2016 + n % 9, 1 + n % 12, 1 + n % 28),
            start_time=None if n % 4 == 1 else datetime.time(9 + n % 8, 30, 15),
            end_time=datetime.time(18, 0) if n % 3 == 0 else None,
            place=AWKWARD[n % len(AWKWARD)][:250],
            status=Session.Status.PLANNED,
            modality=Session.Modality.HYBRID if n % 2 else Session.Modality.IN_PERSON,
        )
        for number in range(1, 4):
            AgendaItemFactory(
                session=session,
                number=number,
                title=AWKWARD[(n + number) % len(AWKWARD)],
                narrative="Lo que se dijo. " * 50,
            )
        if n % 3 == 0 and session.start_time is not None:
            letter = session.date - datetime.timedelta(days=10)
            services.session_convene(
                actor=facilitator, session=session, date=letter, body="Oficio " * 100
            )
        if n % 5 == 0:
            services.session_cancel(actor=facilitator, session=session, reason="Sin quórum.")
        session.refresh_from_db()
        sessions.append(session)
    return sessions


@pytest.mark.django_db
def test_the_feed_writes_each_event_byte_for_byte_as_icalendar_would(facilitator):
    forum = ForumFactory()
    other = ForumFactory(acronym="CTA", name='Comité "de prueba"; con comas, dos puntos: y ^ ñ')
    sessions = varied_sessions(facilitator, forum, 8) + varied_sessions(facilitator, other, 4)
    moment = datetime.datetime(2024, 3, 5, 6, 7, 8, 999, tzinfo=datetime.UTC)
    with time_machine.travel(moment, tick=False):
        body = sessions_ics(sessions)
        with translation.override(settings.LANGUAGE_CODE):
            stamp = timezone.now()
            expected = [_event(session, stamp=stamp).to_ical() for session in sessions]
    assert_rfc5545(body)
    start = body.index(b"BEGIN:VEVENT")
    assert body[start:] == b"".join(expected) + b"END:VCALENDAR\r\n"
    # The calendar's properties and its VTIMEZONE are icalendar's own, written once.
    calendar = icalendar.Calendar.from_ical(body)
    calendar.subcomponents = [c for c in calendar.subcomponents if c.name != "VEVENT"]
    assert calendar.to_ical() == body[:start] + b"END:VCALENDAR\r\n"
    assert len(calendar.walk("VTIMEZONE")) == 1


def feed_queries(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("forum:calendar_ics"))
    assert response.status_code == 200
    return [query["sql"] for query in queries.captured_queries], response.content


@pytest.mark.django_db
def test_the_feed_costs_the_same_queries_for_3_sessions_as_for_30(client, facilitator):
    forum = ForumFactory()
    varied_sessions(facilitator, forum, 3)
    few, body = feed_queries(client)
    assert body.count(b"BEGIN:VEVENT") == 3
    varied_sessions(facilitator, forum, 17, first=4)
    # Another forum's sessions are in its own feed (/foros/cta/calendario.ics), not this one.
    varied_sessions(facilitator, ForumFactory(acronym="CTA", name="Comité"), 10, first=21)
    many, body = feed_queries(client)
    assert body.count(b"BEGIN:VEVENT") == 20
    assert b"Convocatoria: " in body
    assert b"STATUS:CANCELLED" in body
    # One more than before several forums: finding the state STL that today's URL shows.
    assert len(many) == len(few) <= 4
    # Nor does it read the longest texts, which it never writes: the letter, the minutes.
    assert not any('"narrative"' in sql or '"body"' in sql for sql in many)
