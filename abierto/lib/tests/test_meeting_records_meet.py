"""Google Meet's attendance sheet: a name in two columns and times without a date, read on
the day the caller gives (the session's date)."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from abierto.lib.meeting_records import MeetingRecordError, parse_participants
from abierto.lib.meeting_records.clock import TimeWithoutDateError, parse_clock, parse_datetime

SAMPLES = Path(__file__).resolve().parents[3] / "tests" / "data" / "meetings"
D = datetime.datetime
DAY = datetime.date(2022, 12, 16)


def test_the_english_sheet_is_read_on_the_given_day_with_reconnections_merged():
    report = parse_participants(
        (SAMPLES / "google-meet-attendance-example.csv").read_bytes(), day=DAY
    )
    assert len(report.connections) == 4
    people = {p.name: p for p in report.participants}
    assert set(people) == {"Ana Torres Vega", "Roberto Gómez Luna", "Invitada Externa Pérez"}
    roberto = people["Roberto Gómez Luna"]
    assert (roberto.join, roberto.leave, roberto.connections) == (
        D(2022, 12, 16, 11, 5),
        D(2022, 12, 16, 12, 30),
        2,
    )
    assert report.first_join == D(2022, 12, 16, 11, 2)
    assert report.last_leave == D(2022, 12, 16, 12, 31)
    assert people["Ana Torres Vega"].email == "anfitrion@example.org"


def test_the_spanish_sheet_reads_a_m_p_m_and_a_connection_past_midnight():
    report = parse_participants((SAMPLES / "google-meet-attendance-es.csv").read_bytes(), day=DAY)
    people = {p.name: p for p in report.participants}
    assert people["Ana Torres Vega"].join == D(2022, 12, 16, 11, 2)
    assert people["Ana Torres Vega"].leave == D(2022, 12, 16, 12, 31)
    assert people["Luis Nocturno Díaz"].leave == D(2022, 12, 17, 1, 15)
    assert people["Luis Nocturno Díaz"].minutes == 90


def test_without_a_day_the_sheet_is_refused_with_a_spanish_message():
    with pytest.raises(MeetingRecordError) as refusal:
        parse_participants((SAMPLES / "google-meet-attendance-example.csv").read_bytes())
    assert "Google Meet" in refusal.value.message
    assert "fecha de la sesión" in refusal.value.message


def test_a_dated_report_keeps_its_own_dates_when_a_day_is_given():
    text = (
        "Name,Join Time,Leave Time\n"
        "Ana,12/09/2022 11:00 AM,12/09/2022 12:00 PM\n"
    )  # fmt: skip
    report = parse_participants(text.encode(), day=DAY)
    assert report.first_join == D(2022, 12, 9, 11, 0)


def test_a_dated_leave_before_its_join_is_still_refused():
    text = "Name,Join Time,Leave Time\nAna,12/09/2022 11:00 AM,12/09/2022 10:00 AM\n"
    with pytest.raises(MeetingRecordError, match="anterior a la de entrada"):
        parse_participants(text.encode(), day=DAY)


def test_a_time_alone_needs_a_day():
    with pytest.raises(TimeWithoutDateError):
        parse_datetime("11:02 AM")
    assert parse_datetime("11:02 a. m.", day=DAY) == D(2022, 12, 16, 11, 2)
    assert parse_datetime("11:02 p.m.", day=DAY) == D(2022, 12, 16, 23, 2)


@given(st.times().map(lambda t: t.replace(microsecond=0)))
def test_every_time_of_day_reads_back_in_both_clocks(moment):
    assert parse_clock(moment.strftime("%H:%M:%S")) == moment
    assert parse_clock(moment.strftime("%I:%M:%S %p")) == moment


@given(st.text(max_size=40))
def test_any_cell_either_reads_or_raises_value_error(cell):
    try:
        moment = parse_datetime(cell, day=DAY)
    except ValueError:
        return
    assert isinstance(moment, datetime.datetime)
