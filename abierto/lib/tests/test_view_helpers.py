import datetime
from zoneinfo import ZoneInfo

from django import forms
from django.core.exceptions import ValidationError

from abierto.lib.event_span import event_span
from abierto.lib.refusals import attempt, refusals

MEXICO = ZoneInfo("America/Mexico_City")
DAY = datetime.date(2024, 3, 14)


def test_an_event_without_a_start_lasts_the_whole_day():
    assert event_span(DAY, None, None, zone=MEXICO) == (DAY, datetime.date(2024, 3, 15))


def test_an_event_with_start_and_end_keeps_both_in_its_zone():
    start, end = event_span(DAY, datetime.time(11), datetime.time(13, 30), zone=MEXICO)
    assert start == datetime.datetime(2024, 3, 14, 11, tzinfo=MEXICO)
    assert end == datetime.datetime(2024, 3, 14, 13, 30, tzinfo=MEXICO)


def test_an_end_not_after_the_start_gives_the_default_length():
    start, end = event_span(DAY, datetime.time(11), datetime.time(10), zone=MEXICO)
    assert end - start == datetime.timedelta(hours=2)


def _refuse() -> None:
    raise ValidationError(["No hay quórum.", "Falta la hora."])


def test_refusals_are_the_services_messages():
    assert refusals(lambda: None) == []
    assert refusals(_refuse) == ["No hay quórum.", "Falta la hora."]


def test_attempt_puts_the_refusal_on_the_form():
    form = forms.Form(data={})
    form.is_valid()
    assert attempt(form, lambda: None)
    assert not attempt(form, _refuse)
    assert form.non_field_errors() == ["No hay quórum.", "Falta la hora."]
