"""The agenda as iCalendar: the forum feed's conventions, read back by two parsers."""

import datetime
import zoneinfo

import icalendar
import pytest
import time_machine
import vobject
from django.urls import reverse

from abierto.forum.tests.test_calendar_feed import assert_rfc5545, unfolded_lines
from abierto.plan.agenda_feed import activities_ics, activity_location, activity_uid
from abierto.plan.models import Activity

from .test_public_pages import NOW, build_plan_record

MEXICO = zoneinfo.ZoneInfo("America/Mexico_City")


@pytest.fixture
def record(db):
    with time_machine.travel(NOW, tick=False):
        yield build_plan_record()


def events_by_uid(body):
    return {str(e["UID"]): e for e in icalendar.Calendar.from_ical(body).walk("VEVENT")}


def test_the_feed_is_rfc5545_with_one_event_per_activity(client, record):
    response = client.get(reverse("plan:agenda_ics"))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"].startswith("inline;")
    body = response.content
    assert_rfc5545(body)
    events = events_by_uid(body)
    assert len(events) == Activity.objects.count() == 7
    calendar = icalendar.Calendar.from_ical(body)
    assert calendar["METHOD"] == "PUBLISH"
    assert "BEGIN:VTIMEZONE" in unfolded_lines(body)
    assert "TZID:America/Mexico_City" in unfolded_lines(body)


def test_an_event_has_a_stable_uid_its_times_in_mexico_city_and_place(client, record):
    body = client.get(reverse("plan:agenda_ics")).content
    event = events_by_uid(body)[f"{record.upcoming.public_id}@abierto"]
    assert event["SUMMARY"] == "Caravana en Acambay"
    assert event.start == datetime.datetime(2023, 1, 20, 10, 0, tzinfo=MEXICO)
    assert event.end == datetime.datetime(2023, 1, 20, 14, 0, tzinfo=MEXICO)
    assert "DTSTART;TZID=America/Mexico_City:20230120T100000" in unfolded_lines(body)
    assert event["LOCATION"] == "Plaza principal, Acambay de Ruíz Castañeda"
    assert event["URL"] == f"http://testserver/agenda/{record.upcoming.public_id}/"
    assert event["STATUS"] == "CONFIRMED"
    assert event["CLASS"] == "PUBLIC"
    assert "SEQUENCE" not in event  # the model keeps no revision counter


def test_the_uid_survives_a_change_of_date(record):
    before = activity_uid(record.upcoming)
    record.upcoming.date = datetime.date(2023, 1, 27)
    record.upcoming.save()
    after = events_by_uid(activities_ics([record.upcoming]))
    assert list(after) == [before]
    assert after[before].start.date() == datetime.date(2023, 1, 27)


def test_activities_without_a_time_are_whole_days_and_online_ones_say_so(client, record):
    events = events_by_uid(client.get(reverse("plan:agenda_ics")).content)
    talk = events[activity_uid(record.talk)]
    assert talk.start == datetime.date(2022, 5, 1)
    assert talk.end == datetime.date(2022, 5, 2)
    online = events[activity_uid(record.online)]
    assert online["LOCATION"] == "En línea"
    assert online.end - online.start == datetime.timedelta(hours=2)


def test_a_cancelled_activity_is_a_cancelled_event(client, record):
    events = events_by_uid(client.get(reverse("plan:agenda_ics")).content)
    assert events[activity_uid(record.cancelled)]["STATUS"] == "CANCELLED"
    assert "Esta actividad se canceló." in events[activity_uid(record.cancelled)]["DESCRIPTION"]


def test_the_description_names_kind_institutions_commitment_and_page(client, record):
    events = events_by_uid(client.get(reverse("plan:agenda_ics")).content)
    description = events[activity_uid(record.toluca_visit)]["DESCRIPTION"]
    assert description.startswith("Caravana por la Justicia Cotidiana.")
    assert "Participan: Secretaría de Justicia y Derechos Humanos (SJDH)." in description
    assert "Compromiso CC1: Fortalecer y ampliar" in description
    assert f"http://testserver/agenda/{record.toluca_visit.public_id}/" in description


def test_vobject_reads_the_feed_too(client, record):
    body = client.get(reverse("plan:agenda_ics")).content.decode()
    calendar = vobject.readOne(body)
    uids = {event.uid.value for event in calendar.vevent_list}
    assert f"{record.upcoming.public_id}@abierto" in uids


def test_the_feed_takes_the_agenda_filters(client, record):
    body = client.get(reverse("plan:agenda_ics"), {"municipio": "15106"}).content
    assert set(events_by_uid(body)) == {
        activity_uid(a) for a in Activity.objects.filter(municipality__code="15106")
    }
    body = client.get(reverse("plan:agenda_ics"), {"tipo": "platica"}).content
    assert len(events_by_uid(body)) == 2


@pytest.mark.parametrize(
    "params",
    [{"municipio": "1"}, {"desde": "ayer"}, {"desde": "2023-01-02", "hasta": "2023-01-01"}],
)
def test_bad_feed_filters_are_a_400_in_spanish(client, record, params):
    response = client.get(reverse("plan:agenda_ics"), params)
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode().startswith("Filtros no válidos:")


def test_the_feed_answers_304_to_its_etag_and_last_modified(client, record):
    first = client.get(reverse("plan:agenda_ics"))
    etag = first["ETag"]
    assert etag.startswith('W/"')
    assert first["Last-Modified"]
    assert "max-age=3600" in first["Cache-Control"]
    again = client.get(reverse("plan:agenda_ics"), headers={"if-none-match": etag})
    assert again.status_code == 304
    since = client.get(
        reverse("plan:agenda_ics"), headers={"if-modified-since": first["Last-Modified"]}
    )
    assert since.status_code == 304


def test_the_etag_changes_when_an_activity_changes(client, record):
    etag = client.get(reverse("plan:agenda_ics"))["ETag"]
    record.upcoming.place = "Explanada municipal"
    record.upcoming.save()
    response = client.get(reverse("plan:agenda_ics"), headers={"if-none-match": etag})
    assert response.status_code == 200
    assert response["ETag"] != etag


def test_the_same_activities_give_the_same_etag_at_another_time(client, record):
    etag = client.get(reverse("plan:agenda_ics"))["ETag"]
    with time_machine.travel(datetime.datetime(2023, 1, 5, 9, 0, tzinfo=MEXICO), tick=False):
        assert client.get(reverse("plan:agenda_ics"))["ETag"] == etag


def test_location_joins_place_and_municipality(record):
    assert activity_location(record.toluca_visit) == "Plaza González Arratia, Toluca"
    record.talk.place = ""
    assert activity_location(record.talk) == "Ecatepec de Morelos"
