"""Demo data of the forum: the STL of the Estado de México and its 14th and 15th sessions.

The 15th ordinary session (16 Dec 2022) is the STL's own acta (``data/``), brought in
through the import path a facilitator uses: the file is read and parsed, the reading is
corrected as a facilitator corrects it in the review (``data/acta-stl-15-revision.json``:
who sat for which seat and in what capacity, presenters, the earlier agreement reviewed),
and committed. The acta was approved in its original, so it is published as the approved
record with the original file beside the generated PDF and DOCX.

The 14th ordinary session (8 Nov 2022) is known only through the 15th: its date, its acta
approved by STL/XV/2/2022, and the agreement on a sensitisation session for the Secretaría
de la Contraloría still pending; it is loaded with just that.
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO, cast

from django.contrib.auth import get_user_model
from django.db import transaction

from abierto.directory.models import Institution, Person

from . import demo_materials, demo_municipal, services
from .models import Forum, Minutes, Seat, Sector, Session

if TYPE_CHECKING:
    from django.contrib.auth.models import User

SYSTEM = cast("User", None)  # demo writes are audited without a user
FORUM_NAME = "Secretariado Técnico Local de Gobierno Abierto del Estado de México"
SEATS_FROM = datetime.date(2022, 1, 1)
DATA = Path(__file__).resolve().parent / "data"
ACTA_15 = DATA / "acta-stl-15-ordinaria-2022-12-16.txt"
REVISION_15 = DATA / "acta-stl-15-revision.json"
D = datetime.date
T = datetime.time

SEATS = [
    # key, sector, label, institution, holder, alternate: as the 15th acta names them, in
    # the order it lists them (the facilitator last).
    ("osc", Sector.CIVIL_SOCIETY, "Sociedad Civil", None,
     "Carlos de la Peña Jiménez O´Farril", "Enrique Serrano Arenas"),  # noqa: RUF001 - as the acta spells it
    ("garante", Sector.GUARANTOR, "Órgano Garante", "Infoem",
     "José Martínez Vilchis", "Luis Gustavo Parra Noriega"),
    ("entes", Sector.PUBLIC_BODIES, "Entes Públicos", "SECOGEM",
     "Javier Vargas Zempoatecatl", None),
    ("pj", Sector.JUDICIARY, "Poder Judicial", "PJEdomex",
     "Ricardo Alfredo Sodi Cuéllar", None),
    ("facilitacion", Sector.FACILITATION, "Facilitación", None,
     "Horacio Rodríguez Jiménez", None),
]  # fmt: skip


def _seats(forum: Forum) -> dict[str, Seat]:
    by_acronym = {i.acronym: i for i in Institution.objects.all()}
    seats = {}
    for order, (key, sector, label, acronym, holder, alternate) in enumerate(SEATS, start=1):
        seats[key], _created = Seat.objects.get_or_create(
            forum=forum,
            label=label,
            starts_on=SEATS_FROM,
            defaults={
                "sector": sector,
                "order": order,
                "institution": by_acronym.get(acronym) if acronym else None,
                "holder": Person.objects.get(name=holder),
                "alternate": Person.objects.get(name=alternate) if alternate else None,
            },
        )
    return seats


@transaction.atomic
def load(*, stdout: TextIO, with_logins: bool) -> None:
    forum, _created = Forum.objects.get_or_create(acronym="STL", defaults={"name": FORUM_NAME})
    seats = _seats(forum)
    demo_municipal.load(stdout=stdout)
    if with_logins:
        _link_member_login(seats["osc"])
    if forum.sessions.filter(kind=Session.Kind.ORDINARY, number=15).exists():
        stdout.write("Foro: el STL y sus sesiones ya estaban cargados.\n")
        demo_materials.load(stdout=stdout)
        return
    fourteenth = _fourteenth_session(forum)
    fifteenth = _fifteenth_session(forum, fourteenth)
    stdout.write(
        f"Foro: {forum.acronym} con {len(seats)} asientos; sesiones 14 y 15 (importada de su "
        f"acta), {fifteenth.agreements.count()} acuerdos en la 15ª y el calendario 2023.\n"
    )
    demo_materials.load(stdout=stdout)


def _link_member_login(seat: Seat) -> None:
    """The demo member login holds the civil-society seat (whose real holder's name is still
    pending): "Mis sesiones" then shows its convocations and its institution's agreements,
    and convocations reach its (undeliverable, .invalid) address."""
    user = get_user_model().objects.filter(username="integrante").first()
    person = seat.holder
    if user is None or person is None or (person.user_id and person.user_id != user.pk):
        return
    person.user = user
    person.email = person.email or user.email
    person.save(update_fields=["user", "email", "updated_at"])


def _fourteenth_session(forum: Forum) -> Session:
    """What the 15th session's acta tells of the 14th: its date and its pending agreement."""
    session = services.session_create(
        actor=SYSTEM,
        forum=forum,
        number=14,
        date=D(2022, 11, 8),
        modality=Session.Modality.VIRTUAL,
        place="Plataforma Zoom",
        standard_agenda=False,
    )
    services.agreement_create(
        actor=SYSTEM,
        session=session,
        text=(
            "Llevar a cabo una sesión de sensibilización para la Secretaría de la Contraloría, "
            "relativa al compromiso que desarrolla en materia de integridad pública de los "
            "municipios."
        ),
        responsible=Institution.objects.get(acronym="SECOGEM"),
        requires_follow_up=True,
    )
    services.session_record_held(actor=SYSTEM, session=session)
    return session


def reviewed_reading(parsed: dict[str, Any], revision: dict[str, Any]) -> dict[str, Any]:
    """The parser's reading with the review's corrections: each top-level key of the
    revision replaces the parser's, except ``agenda``, corrected item by item."""
    reviewed = {**parsed, **{k: v for k, v in revision.items() if k != "agenda"}}
    corrections = revision.get("agenda") or {}
    reviewed["agenda"] = [
        {**item, **corrections.get(str(item["number"]), {})} for item in parsed["agenda"]
    ]
    return reviewed


def _fifteenth_session(forum: Forum, fourteenth: Session) -> Session:
    acta_import, _created = services.acta_read(
        actor=SYSTEM, forum=forum, filename=ACTA_15.name, content=ACTA_15.read_bytes()
    )
    revision = json.loads(REVISION_15.read_text(encoding="utf-8"))
    pending = fourteenth.agreements.get(requires_follow_up=True)
    for report in revision.get("follow_ups", []):
        report["code"] = pending.code  # the 14th's agreement, as numbered here
    session = services.acta_import_commit(
        actor=SYSTEM,
        acta_import=acta_import,
        reviewed=reviewed_reading(acta_import.parsed, revision),
    )
    minutes_14 = Minutes.objects.get(session=fourteenth)
    services.minutes_publish(actor=SYSTEM, minutes=minutes_14)
    return session
