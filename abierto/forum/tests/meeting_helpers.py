"""A new session of the STL with the 15th session's agenda, to import its Zoom records into."""

from __future__ import annotations

import datetime
import io
from pathlib import Path

from abierto.directory import demo as directory_demo
from abierto.forum import demo, services
from abierto.forum.models import Forum, Session

SAMPLES = Path(__file__).resolve().parents[3] / "tests" / "data" / "meetings"
STL_CSV = SAMPLES / "stl-15-ordinaria-2022-12-16.participants.csv"
STL_VTT = SAMPLES / "stl-15-ordinaria-2022-12-16.transcript.vtt"

# The attendance of the 15th session as its acta records it: (name, seat, capacity).
REAL_ATTENDANCE = {
    ("Carlos de la Peña Jiménez O´Farril", "Sociedad Civil", "holder"),  # noqa: RUF001 - as the acta spells it
    ("Enrique Serrano Arenas", "Sociedad Civil", "alternate"),
    ("José Martínez Vilchis", "Órgano Garante", "holder"),
    ("Luis Gustavo Parra Noriega", "Órgano Garante", "alternate"),
    ("Marco Antonio Becerril Garcés", "Entes Públicos", "delegate"),
    ("Lilibeth Álvarez Rodríguez", "Entes Públicos", "delegate"),
    ("José Edgar Marín Pérez", "Poder Judicial", "delegate"),
    ("Horacio Rodríguez Jiménez", "Facilitación", "holder"),
    ("Iván Barrera Pineda", None, "guest"),
}


def load_stl() -> Session:
    """The demo's STL with its 14th and 15th sessions; returns the 15th."""
    directory_demo.load(stdout=io.StringIO(), with_logins=False)
    demo.load(stdout=io.StringIO(), with_logins=False)
    return Session.objects.get(forum__acronym="STL", kind="ordinary", number=15)


def rehearsal(fifteenth: Session, *, day: datetime.date | None = None) -> Session:
    """A new extraordinary session of the same forum with the 15th's agenda, convened."""
    forum: Forum = fifteenth.forum
    session = services.session_create(
        actor=None,  # type: ignore[arg-type]
        forum=forum,
        number=None,
        kind=Session.Kind.EXTRAORDINARY,
        date=day or fifteenth.date,
        start_time=datetime.time(11, 0),
        modality=Session.Modality.VIRTUAL,
        place="Plataforma Zoom",
        standard_agenda=False,
    )
    for item in fifteenth.agenda.order_by("number"):
        services.agenda_item_add(
            actor=None,  # type: ignore[arg-type]
            session=session,
            title=item.title,
            kind=item.kind,
            presenter=item.presenter,
            presenter_name=item.presenter_name,
        )
    services.session_convene(actor=None, session=session, date=fifteenth.date)  # type: ignore[arg-type]
    return session


def attendance_of(session: Session) -> set[tuple[str, str | None, str]]:
    return {
        (row.name, row.seat.label if row.seat else None, row.capacity)
        for row in session.attendance.select_related("seat")
    }
