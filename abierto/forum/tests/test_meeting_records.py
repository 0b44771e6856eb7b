"""Drafting the record from the meeting's own files (issue 21): the roll call from Zoom's
participants report, the items' times and narratives from the transcript, with nothing
saved before the facilitator confirms."""

from __future__ import annotations

import datetime

import pytest

from abierto.directory.models import AuditEvent
from abierto.directory.tests.factories import PersonFactory
from abierto.forum.models import AgendaItem, Attendance, MeetingRecord, Session
from abierto.forum.selectors_meeting import GUEST, IGNORE, participants_proposal, session_named
from abierto.forum.selectors_transcript import (
    announced_item,
    excerpts_by_item,
    proposed_votes,
    read_transcript,
)
from abierto.forum.services import ForumError
from abierto.forum.services.meeting_records import (
    ParticipantChoice,
    agenda_item_mark_start,
    participants_confirm,
    report_data,
    transcript_confirm,
)
from abierto.lib.meeting_records import parse_participants, parse_webvtt

from .factories import AgendaItemFactory, SeatFactory, SessionFactory
from .meeting_helpers import (
    REAL_ATTENDANCE,
    STL_CSV,
    STL_VTT,
    attendance_of,
    load_stl,
    rehearsal,
)

T = datetime.time


def proposed_choices(session: Session, report: dict) -> list[ParticipantChoice]:
    """What the confirmation screen proposes: the match, or ignore for the unmatched."""
    return [
        ParticipantChoice(
            name=row.name,
            choice=row.candidate.key if row.candidate else IGNORE,
            role=row.candidate.role if row.candidate else "",
        )
        for row in participants_proposal(session, report).rows
    ]


@pytest.mark.django_db
def test_the_fifteenth_sessions_records_draft_its_roll_call_items_and_votes(facilitator):
    session = rehearsal(load_stl())
    report = report_data(parse_participants(STL_CSV.read_bytes()))
    proposal = participants_proposal(session, report)
    assert {row.name for row in proposal.unmatched} == {"Relatoría STL", "+52 722 000 0000"}
    assert (proposal.start, proposal.end) == (T(11, 4), T(12, 40))
    # The topic names the 15th session, not this one: imported only when confirmed.
    assert proposal.warnings == [
        "El tema de la reunión («Décimo Quinta Sesión Ordinaria del STL») nombra otra sesión "
        "que «Primera Sesión Extraordinaria»."
    ]
    assert not session.attendance.exists()  # reading saves nothing

    participants_confirm(
        actor=facilitator,
        session=session,
        filename=STL_CSV.name,
        sha256="0" * 64,
        report=report,
        choices=proposed_choices(session, report),
        start_time=proposal.start,
        other_meeting_confirmed=True,
    )
    session.refresh_from_db()
    assert attendance_of(session) == REAL_ATTENDANCE
    assert session.start_time == T(11, 4)
    assert session.roll_call_at is not None
    assert AuditEvent.objects.filter(action="session.participants_imported").count() == 1
    assert MeetingRecord.objects.get(session=session, kind="participants").data["topic"]

    cues = parse_webvtt(STL_VTT.read_bytes())
    items = {item.number: item for item in session.agenda.all()}
    AgendaItem.objects.filter(pk=items[4].pk).update(
        narrative="Lo que ya escribió la facilitación."
    )
    transcript_confirm(
        actor=facilitator, session=session, filename=STL_VTT.name, sha256="1" * 64, cues=cues
    )
    items = {item.number: item for item in session.agenda.all()}
    excerpts = excerpts_by_item(session)
    assert set(excerpts) == set(range(1, 12))
    for number, item in items.items():
        assert excerpts[number]["turns"], number
        assert item.started_at is not None
    assert items[1].started_at == T(11, 4)
    assert items[5].started_at == T(11, 20)
    assert items[11].started_at == T(12, 38)
    assert set(excerpts[6]["speakers"]) == {
        "Horacio Rodríguez Jiménez",
        "José Edgar Marín Pérez",
        "Carlos de la Peña Jiménez O´Farril",  # noqa: RUF001 - as the acta spells it
        "Luis Gustavo Parra Noriega",
    }
    assert items[4].narrative == "Lo que ya escribió la facilitación."  # never overwritten
    assert items[5].narrative.startswith(
        "En uso de la voz, el Facilitador del Secretariado Técnico Local, Horacio Rodríguez "
        "Jiménez, …\n\nEn uso de la voz, el Subsecretario de Justicia"
    )
    assert "Enrique Serrano Arenas, Representante suplente de la Sociedad Civil, …" in (
        items[5].narrative
    )
    # Votes heard are proposals: five voting seats present, nothing recorded.
    assert proposed_votes(session) == {
        n: {"votes_for": 5, "votes_against": 0, "abstentions": 0} for n in (2, 3, 8)
    }
    assert not session.agenda.filter(votes__isnull=False).exists()


@pytest.fixture
def small_forum():
    session = SessionFactory(status=Session.Status.CONVENED, start_time=T(11, 0))
    SeatFactory(forum=session.forum, holder=PersonFactory(name="Ana Torres Vega"), alternate=None)
    SeatFactory(
        forum=session.forum,
        holder=PersonFactory(name="Roberto Gómez Luna"),
        alternate=PersonFactory(name="Marta Ruiz Soto"),
    )
    for number in (1, 2, 3):
        AgendaItemFactory(session=session, number=number, title=f"Punto {number}.")
    return session


def _report(*rows: tuple[str, str, str], day: str = "12/16/2022") -> dict:
    lines = ["Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest"]
    lines += [f"{name},,{day} {join},{day} {leave},1,No" for name, join, leave in rows]
    return report_data(parse_participants("\n".join(lines).encode()))


@pytest.mark.django_db
def test_another_meetings_date_is_refused_unless_confirmed(small_forum, facilitator):
    report = _report(("Ana Torres (Host)", "11:00 AM", "12:00 PM"), day="01/20/2023")
    proposal = participants_proposal(small_forum, report)
    assert "20/01/2023" in proposal.warnings[0]
    choices = proposed_choices(small_forum, report)
    with pytest.raises(ForumError, match="otra reunión"):
        participants_confirm(
            actor=facilitator,
            session=small_forum,
            filename="x.csv",
            sha256="0" * 64,
            report=report,
            choices=choices,
            start_time=T(11, 0),
        )
    assert not small_forum.attendance.exists()
    participants_confirm(
        actor=facilitator,
        session=small_forum,
        filename="x.csv",
        sha256="0" * 64,
        report=report,
        choices=choices,
        start_time=T(11, 0),
        other_meeting_confirmed=True,
    )
    assert small_forum.attendance.get().name == "Ana Torres Vega"


@pytest.mark.django_db
def test_a_report_where_nobody_is_of_the_forum_is_refused(small_forum, facilitator):
    report = _report(("Juan Nadie Conocido", "11:00 AM", "12:00 PM"))
    with pytest.raises(ForumError, match="Nadie del reporte"):
        participants_confirm(
            actor=facilitator,
            session=small_forum,
            filename="x.csv",
            sha256="0" * 64,
            report=report,
            choices=[ParticipantChoice("Juan Nadie Conocido", GUEST)],
            start_time=None,
        )
    assert not small_forum.attendance.exists()
    assert not MeetingRecord.objects.exists()


@pytest.mark.django_db
def test_unmatched_names_are_resolved_by_hand_as_guest_or_on_behalf_of_a_seat(
    small_forum, facilitator
):
    report = _report(
        ("Ana Torres (Host)", "11:00 AM", "12:00 PM"),
        ("Pepe Suplente Nuevo", "11:01 AM", "12:00 PM"),
        ("Lucía Invitada Pérez", "11:02 AM", "12:00 PM"),
        ("iPhone", "11:02 AM", "11:03 AM"),
    )
    seat = small_forum.forum.seats.get(holder__name="Roberto Gómez Luna")
    participants_confirm(
        actor=facilitator,
        session=small_forum,
        filename="x.csv",
        sha256="0" * 64,
        report=report,
        choices=[
            ParticipantChoice("Ana Torres", f"h:{small_forum.forum.seats.first().pk}"),
            ParticipantChoice("Pepe Suplente Nuevo", f"ds:{seat.pk}", "Enlace"),
            ParticipantChoice("Lucía Invitada Pérez", GUEST, "Ponente"),
            ParticipantChoice("iPhone", IGNORE),
        ],
        start_time=None,
    )
    assert attendance_of(small_forum) == {
        ("Ana Torres Vega", small_forum.forum.seats.first().label, "holder"),
        ("Pepe Suplente Nuevo", seat.label, "delegate"),
        ("Lucía Invitada Pérez", None, "guest"),
    }


@pytest.mark.django_db
def test_two_names_for_one_person_are_refused(small_forum, facilitator):
    report = _report(("Ana Torres", "11:00 AM", "12:00 PM"), ("A. Torres", "11:00 AM", "12:00 PM"))
    key = f"h:{small_forum.forum.seats.first().pk}"
    with pytest.raises(ForumError, match="misma persona"):
        participants_confirm(
            actor=facilitator,
            session=small_forum,
            filename="x.csv",
            sha256="0" * 64,
            report=report,
            choices=[ParticipantChoice("Ana Torres", key), ParticipantChoice("A. Torres", key)],
            start_time=None,
        )
    assert not Attendance.objects.exists()


VTT_WITHOUT_SPEAKERS = b"""WEBVTT

00:00:01.000 --> 00:00:05.000
Buenos dias, pasamos al punto numero dos del orden del dia.

00:00:06.000 --> 00:00:09.000
Gracias, presento el informe.
"""


@pytest.mark.django_db
def test_a_transcript_without_speakers_is_accepted_with_unknown_speakers(small_forum, facilitator):
    cues = parse_webvtt(VTT_WITHOUT_SPEAKERS)
    reading = read_transcript(small_forum, cues)
    assert reading.anonymous
    transcript_confirm(
        actor=facilitator, session=small_forum, filename="t.vtt", sha256="0" * 64, cues=cues
    )
    item = small_forum.agenda.get(number=2)
    assert item.narrative == "En uso de la voz, Persona no identificada, …"
    assert item.started_at == T(11, 0, 1)
    assert excerpts_by_item(small_forum)[2]["turns"][0]["name"] == "Persona no identificada"


@pytest.mark.django_db
def test_another_meetings_transcript_is_refused(small_forum, facilitator):
    cues = parse_webvtt(b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nJuan Nadie Conocido: Hola.\n")
    with pytest.raises(ForumError, match="otra reunión"):
        transcript_confirm(
            actor=facilitator, session=small_forum, filename="t.vtt", sha256="0" * 64, cues=cues
        )
    assert not MeetingRecord.objects.exists()


@pytest.mark.django_db
def test_marked_item_times_split_the_transcript(small_forum, facilitator):
    items = list(small_forum.agenda.order_by("number"))
    agenda_item_mark_start(actor=facilitator, item=items[0], at=T(11, 0))
    agenda_item_mark_start(actor=facilitator, item=items[2], at=T(11, 1))
    cues = parse_webvtt(
        b"WEBVTT\n\n00:00:10.000 --> 00:00:12.000\nAna Torres: Punto dos dicho en el uno.\n\n"
        b"00:01:10.000 --> 00:01:12.000\nRoberto Gomez: Ya en el tres.\n"
    )
    reading = read_transcript(small_forum, cues)
    assert reading.by == "times"
    assert [len(e.turns) for e in reading.items] == [1, 0, 1]
    assert AuditEvent.objects.filter(action="agenda.item_started").count() == 2


@pytest.mark.django_db
def test_marking_an_item_is_refused_once_the_session_is_closed(small_forum, facilitator):
    Session.objects.filter(pk=small_forum.pk).update(status=Session.Status.HELD)
    item = small_forum.agenda.first()
    with pytest.raises(ForumError, match="clausurada"):
        agenda_item_mark_start(actor=facilitator, item=item)
    item.refresh_from_db()
    assert item.started_at is None


@pytest.mark.parametrize(
    ("text", "current", "expected"),
    [
        ("Pasamos al segundo punto del orden del día", 1, 2),
        ("pasamos al punto número tres", 2, 3),
        ("Décimo punto del orden del día, Asuntos Generales", 9, 10),
        ("Para el desahogo del quinto punto del orden del día", 4, 5),
        ("Pasamos al punto once, clausura", 10, 11),
        ("continuamos con el siguiente punto", 6, 7),
        ("Punto VII del orden del día", 6, 7),
        ("desde este punto de vista", 3, None),
        ("en el punto de Asuntos Generales", 2, None),
    ],
)
def test_facilitators_phrases_announce_items(text, current, expected):
    assert announced_item(text, current) == expected


@pytest.mark.parametrize(
    ("topic", "named"),
    [
        ("Décimo Quinta Sesión Ordinaria del STL", (15, "ordinary")),
        ("STL - 15a sesión ordinaria", (15, "ordinary")),
        ("Primera Sesión Extraordinaria", (1, "extraordinary")),
        ("Reunión de Zoom de Horacio", None),
        ("Sesión ordinaria", None),
    ],
)
def test_the_session_a_topic_names(topic, named):
    assert session_named(topic) == named
