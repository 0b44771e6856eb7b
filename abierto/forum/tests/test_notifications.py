import datetime

import pytest
from django.core import mail
from icalendar import Calendar

from abierto.forum import services

from .factories import SeatFactory, SessionFactory, forum_with_seats


@pytest.mark.django_db
def test_the_convocation_reaches_every_seat_with_letter_and_invitation(
    facilitator, django_capture_on_commit_callbacks
):
    forum, _seats = forum_with_seats(0)
    SeatFactory(
        forum=forum, holder__email="titular@example.org", alternate__email="suplente@example.org"
    )
    SeatFactory(forum=forum, holder__email="otra@example.org", alternate__email="")
    session = SessionFactory(forum=forum, status="planned", date=datetime.date(2030, 2, 24))
    services.agenda_item_add(actor=facilitator, session=session, title="Lista de asistencia.")
    with django_capture_on_commit_callbacks(execute=True):
        convocation = services.session_convene(
            actor=facilitator, session=session, date=datetime.date(2030, 2, 17)
        )
    assert convocation.reference == "STL/001/2030"
    assert sorted(m.to[0] for m in mail.outbox) == [
        "otra@example.org",
        "suplente@example.org",
        "titular@example.org",
    ]
    message = next(m for m in mail.outbox if m.to == ["titular@example.org"])
    assert message.subject.startswith("Convocatoria STL/001/2030")
    (ics,) = [a for a in message.attachments if a[0].endswith(".ics")]
    assert ics[2].startswith("text/calendar")
    assert "method=REQUEST" in ics[2]
    event = Calendar.from_ical(ics[1]).walk("VEVENT")[0]
    assert str(event["ATTENDEE"]).lower() == "mailto:titular@example.org"
    assert event["UID"] == f"{session.public_id}@abierto"
    (pdf,) = [a for a in message.attachments if a[0].endswith(".pdf")]
    assert pdf[1].startswith(b"%PDF")
    convocation.refresh_from_db()
    assert convocation.recipients == 3
    assert convocation.letter.name.endswith(".pdf")


@pytest.mark.django_db
def test_a_link_in_the_public_place_field_is_refused(facilitator):
    forum, _seats = forum_with_seats(1)
    with pytest.raises(services.ForumError, match="no puede llevar un enlace"):
        services.session_create(
            actor=facilitator,
            forum=forum,
            number=1,
            date=datetime.date(2030, 1, 1),
            place="https://zoom.us/j/123",
        )
