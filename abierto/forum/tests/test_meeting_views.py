"""The facilitator's pages of the meeting-record import: upload, confirmation screen,
refusals with status 400 and nothing saved, the one-tap item start."""

from __future__ import annotations

import datetime
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from abierto.directory.tests.factories import PersonFactory
from abierto.forum.models import AgendaItem, Attendance, MeetingRecord, Minutes, Session

from .factories import AgendaItemFactory, SeatFactory, SessionFactory

T = datetime.time
HEADER = "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest\n"


@pytest.fixture
def session():
    session = SessionFactory(status=Session.Status.CONVENED, start_time=T(11, 0))
    SeatFactory(forum=session.forum, holder=PersonFactory(name="Ana Torres Vega"), alternate=None)
    SeatFactory(
        forum=session.forum,
        holder=PersonFactory(name="Roberto Gómez Luna", public_role="Comisionado"),
        alternate=None,
    )
    AgendaItemFactory(session=session, number=1, title="Lista de asistencia.", kind="informative")
    AgendaItemFactory(session=session, number=2, title="Orden del día.")
    return session


def url(name, session, *args):
    return reverse(f"forum_manage:{name}", args=[session.public_id, *args])


def csv_file(text: str, *, name: str = "participantes.csv", encoding: str = "utf-8"):
    return SimpleUploadedFile(name, text.encode(encoding), content_type="text/csv")


REPORT = (
    HEADER
    + "Ana Torres (Host),a@x.mx,12/16/2022 11:00:05 AM,12/16/2022 12:30:00 PM,90,No\n"
    + "Roberto Gómez,r@x.mx,12/16/2022 11:02:00 AM,12/16/2022 12:30:00 PM,88,No\n"
    + "Invitada Externa Pérez,,12/16/2022 11:03:00 AM,12/16/2022 12:00:00 PM,57,Yes\n"
)


def _token(response) -> str:
    match = re.search(r'name="token" value="([^"]+)"', response.content.decode())
    assert match is not None
    return match.group(1)


@pytest.mark.django_db
def test_outsiders_cannot_import(client_as, outsider, session):
    client = client_as(outsider)
    assert client.get(url("meeting_participants", session)).status_code == 403
    assert client.get(url("meeting_transcript", session)).status_code == 403
    assert client.post(url("live_item_start", session, 1)).status_code == 403


@pytest.mark.django_db
def test_the_report_is_shown_for_confirmation_and_saved_only_when_confirmed(
    client_as, facilitator, session
):
    client = client_as(facilitator)
    assert client.get(url("meeting_participants", session)).status_code == 200
    response = client.post(url("meeting_participants", session), {"file": csv_file(REPORT)})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Todavía no se ha guardado nada" in page
    assert "Invitada Externa Pérez" in page
    assert "sin identificar" in page
    assert not Attendance.objects.exists()
    assert not MeetingRecord.objects.exists()

    seats = list(session.forum.seats.order_by("order"))
    response = client.post(
        url("meeting_participants", session),
        {
            "token": _token(response),
            "p0_choice": f"h:{seats[0].pk}",
            "p1_choice": f"h:{seats[1].pk}",
            "p2_choice": "guest",
            "p2_role": "Ponente",
            "start_time": "11:02",
        },
    )
    assert response.status_code == 302
    assert {(a.name, a.capacity) for a in session.attendance.all()} == {
        ("Ana Torres Vega", "holder"),
        ("Roberto Gómez Luna", "holder"),
        ("Invitada Externa Pérez", "guest"),
    }
    session.refresh_from_db()
    assert session.start_time == T(11, 2)
    assert MeetingRecord.objects.filter(session=session, kind="participants").exists()
    live = client.get(url("session_live", session)).content.decode()
    assert 'name="close-time" value="12:30"' in live  # the report's last leave


@pytest.mark.django_db
@pytest.mark.parametrize("encoding", ["utf-8-sig", "cp1252"])
def test_bom_and_latin1_reports_reach_the_confirmation_screen(
    client_as, facilitator, session, encoding
):
    response = client_as(facilitator).post(
        url("meeting_participants", session), {"file": csv_file(REPORT, encoding=encoding)}
    )
    assert response.status_code == 200
    assert "Roberto Gómez" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (csv_file("hola,mundo\n1,2\n"), "tabla de participantes"),
        (csv_file(REPORT, name="participantes.xlsx"), "Formato no admitido"),
        (csv_file(HEADER + "x" * (2 * 1024 * 1024)), "el máximo es"),
        (
            csv_file(HEADER + "Juan Nadie,,12/16/2022 11:00 AM,12/16/2022 12:00 PM,60,No\n"),
            "Nadie del reporte coincide",
        ),
        (
            csv_file("First name,Last name,Time joined,Time exited\nAna,Torres,25:99,12:00 PM\n"),
            "no se entiende",
        ),
    ],
)
def test_bad_reports_are_refused_with_400_and_nothing_saved(
    client_as, facilitator, session, upload, message
):
    response = client_as(facilitator).post(url("meeting_participants", session), {"file": upload})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Attendance.objects.exists()
    assert not MeetingRecord.objects.exists()


@pytest.mark.django_db
def test_a_tampered_confirmation_is_refused(client_as, facilitator, session):
    response = client_as(facilitator).post(
        url("meeting_participants", session), {"token": "forged:token", "start_time": "11:00"}
    )
    assert response.status_code == 400
    assert "suba el archivo de nuevo" in response.content.decode()
    assert not Attendance.objects.exists()


@pytest.mark.django_db
def test_another_days_report_needs_the_box_ticked(client_as, facilitator, session):
    client = client_as(facilitator)
    report = REPORT.replace("12/16/2022", "01/20/2023")
    response = client.post(url("meeting_participants", session), {"file": csv_file(report)})
    assert "20/01/2023" in response.content.decode()
    seat = session.forum.seats.order_by("order").first()
    data = {"token": _token(response), "p0_choice": f"h:{seat.pk}", "p1_choice": "ignore"}
    data["p2_choice"] = "ignore"
    refused = client.post(url("meeting_participants", session), data)
    assert refused.status_code == 400
    assert not Attendance.objects.exists()
    data["other_meeting_confirmed"] = "on"
    assert client.post(url("meeting_participants", session), data).status_code == 302
    assert Attendance.objects.count() == 1


VTT = """WEBVTT

1
00:00:05.000 --> 00:00:09.000
Ana Torres: Buenos días, pasamos al segundo punto del orden del día.
Quienes estén a favor sírvanse manifestarlo.

2
00:00:10.000 --> 00:00:11.000
Roberto Gómez: A favor.

3
00:00:12.000 --> 00:00:14.000
Ana Torres: Se aprueba por unanimidad.
"""


@pytest.mark.django_db
def test_the_transcript_fills_narratives_and_proposes_the_vote(client_as, facilitator, session):
    client = client_as(facilitator)
    for seat in session.forum.seats.all():
        Attendance.objects.create(
            session=session, seat=seat, person=seat.holder, name=seat.holder.name, capacity="holder"
        )
    upload = SimpleUploadedFile("GMT20221216-170000_Recording.transcript.vtt", VTT.encode())
    response = client.post(url("meeting_transcript", session), {"file": upload})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Intervienen:" in page
    assert "se propone, no se registra" in page
    assert not MeetingRecord.objects.exists()
    assert AgendaItem.objects.get(session=session, number=2).narrative == ""

    response = client.post(
        url("meeting_transcript", session),
        {"token": _token(response), "set_item_times": "on", "fill_narratives": "on"},
    )
    assert response.status_code == 302
    item = AgendaItem.objects.get(session=session, number=2)
    assert item.narrative.startswith("En uso de la voz, Ana Torres Vega, Integrante, …")
    assert "el Comisionado, Roberto Gómez Luna, …" in item.narrative
    assert item.started_at == T(11, 0, 5)
    assert not item.votes.exists()

    live = client.get(url("session_live", session)).content.decode()
    assert "Votación escuchada en la transcripción: 2 a favor" in live
    assert 'name="i2-votes_for" value="2"' in live
    assert "Transcripción del punto — intervienen: Ana Torres Vega; Roberto Gómez Luna" in live


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("t.vtt", b"no es webvtt", "WEBVTT"),
        ("t.txt", VTT.encode(), "Formato no admitido"),
        ("t.vtt", b"WEBVTT\n\n" + b"x" * (3 * 1024 * 1024), "el máximo es"),
        (
            "t.vtt",
            b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nJuan Nadie Conocido: Hola.\n",
            "otra reuni",
        ),
    ],
)
def test_bad_transcripts_are_refused_with_400(
    client_as, facilitator, session, name, content, message
):
    response = client_as(facilitator).post(
        url("meeting_transcript", session), {"file": SimpleUploadedFile(name, content)}
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not MeetingRecord.objects.exists()


@pytest.mark.django_db
def test_one_tap_marks_the_item_start(client_as, facilitator, session):
    client = client_as(facilitator)
    response = client.post(url("live_item_start", session, 2))
    assert response.status_code == 302
    assert AgendaItem.objects.get(session=session, number=2).started_at is not None
    assert "Inicio del punto:" in client.get(url("session_live", session)).content.decode()
    Session.objects.filter(pk=session.pk).update(status=Session.Status.HELD)
    refused = client.post(url("live_item_start", session, 1))
    assert refused.status_code == 400
    assert AgendaItem.objects.get(session=session, number=1).started_at is None


@pytest.mark.django_db
def test_the_acta_editor_shows_each_items_excerpt_beside_its_narrative(
    client_as, facilitator, session
):
    MeetingRecord.objects.create(
        session=session,
        kind="transcript",
        filename="t.vtt",
        sha256="0" * 64,
        data={
            "items": {
                "2": {
                    "speakers": ["Ana Torres Vega"],
                    "turns": [{"name": "Ana Torres Vega", "role": "", "text": "Buenos días."}],
                }
            }
        },
    )
    AgendaItem.objects.filter(session=session, number=2).update(narrative="Se saludó.")
    Minutes.objects.create(session=session, text="# ACTA")
    page = client_as(facilitator).get(url("minutes_edit", session)).content.decode()
    assert "Transcripción por punto" in page
    assert "Se saludó." in page
    assert "intervienen: Ana Torres Vega" in page


@pytest.mark.django_db
def test_a_zoom_transcript_of_another_day_needs_the_box_ticked(client_as, facilitator, session):
    client = client_as(facilitator)
    Attendance.objects.create(
        session=session,
        seat=session.forum.seats.first(),
        person=session.forum.seats.first().holder,
        name="Ana Torres Vega",
        capacity="holder",
    )
    upload = SimpleUploadedFile("GMT20230120-170000_Recording.transcript.vtt", VTT.encode())
    response = client.post(url("meeting_transcript", session), {"file": upload})
    assert "20/01/2023" in response.content.decode()
    data = {"token": _token(response), "fill_narratives": "on"}
    refused = client.post(url("meeting_transcript", session), data)
    assert refused.status_code == 400
    assert not MeetingRecord.objects.exists()
    data["other_meeting_confirmed"] = "on"
    assert client.post(url("meeting_transcript", session), data).status_code == 302
    assert MeetingRecord.objects.filter(kind="transcript").exists()


@pytest.mark.django_db
def test_a_report_of_more_people_than_the_form_holds_is_refused(client_as, facilitator, session):
    rows = "".join(
        f"Persona {i} Apellido,,12/16/2022 11:00 AM,12/16/2022 12:00 PM,60,No\n" for i in range(901)
    )
    response = client_as(facilitator).post(
        url("meeting_participants", session),
        {
            "file": csv_file(
                HEADER + "Ana Torres,,12/16/2022 11:00 AM,12/16/2022 12:00 PM,60,No\n" + rows
            )
        },
    )
    assert response.status_code == 400
    assert "más de 900 personas" in response.content.decode()
    assert not Attendance.objects.exists()


MEET_SHEET = (
    "First name,Last name,Email,Duration,Time joined,Time exited\n"
    "Ana,Torres Vega,a@x.mx,1 hr 28 min,11:02 AM,12:30 PM\n"
    "Roberto,Gómez Luna,r@x.mx,1 hr 25 min,11:05 AM,12:30 PM\n"
)


@pytest.mark.django_db
def test_a_google_meet_sheet_is_read_on_the_sessions_date(client_as, facilitator, session):
    client = client_as(facilitator)
    response = client.post(url("meeting_participants", session), {"file": csv_file(MEET_SHEET)})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Roberto Gómez Luna" in page
    assert "other_meeting_confirmed" not in page  # read on the session's own day
    seats = list(session.forum.seats.order_by("order"))
    data = {
        "token": _token(response),
        "p0_choice": f"h:{seats[0].pk}",
        "p1_choice": f"h:{seats[1].pk}",
        "start_time": "11:02",
    }
    assert client.post(url("meeting_participants", session), data).status_code == 302
    assert session.attendance.count() == 2
    session.refresh_from_db()
    assert session.start_time == T(11, 2)
