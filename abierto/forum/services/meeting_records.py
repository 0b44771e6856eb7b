"""Saving what the facilitator confirmed from the meeting's own records: the roll call from
the participants report (through ``roll_call_record`` and ``guest_add``), the start time, the
items' start times and the narratives' skeletons from the transcript. Nothing is saved from
a file before its confirmation screen was accepted."""

from __future__ import annotations

import datetime
import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from abierto.lib.meeting_records import Cue, ParticipantsReport, fold

from ..models import AgendaItem, Attendance, MeetingRecord, Seat, Session
from ..selectors import seats_on
from ..selectors_meeting import GUEST, IGNORE, meeting_candidates, participants_proposal
from ..selectors_transcript import narrative_skeleton, read_transcript, transcript_warnings
from ._audit import audit_record
from ._state import check_running
from .agenda import agenda_item_update
from .errors import ForumError
from .roll_call import RollCallEntry, guest_add, roll_call_record
from .sessions import session_open

if TYPE_CHECKING:
    from django.contrib.auth.models import User


MAX_PEOPLE = 900


def sha256_of(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def report_data(report: ParticipantsReport) -> dict[str, Any]:
    """The report as the confirmation screen carries it (JSON)."""
    return {
        "topic": report.topic,
        "meeting_id": report.meeting_id,
        "start": report.start.isoformat() if report.start else None,
        "end": report.end.isoformat() if report.end else None,
        "participants": [
            {
                "name": p.name,
                "email": p.email,
                "join": p.join.isoformat(),
                "leave": p.leave.isoformat(),
                "connections": p.connections,
                "other_names": list(p.other_names),
            }
            for p in report.participants
        ],
    }


def check_participants(session: Session, report: dict[str, Any]) -> None:
    """Refuse a report in which nobody is one of the forum's people: another meeting's.

    More than ``MAX_PEOPLE`` would not fit the confirmation form (two fields each, under
    ``DATA_UPLOAD_MAX_NUMBER_FIELDS``)."""
    if len(report["participants"]) > MAX_PEOPLE:
        raise ForumError(
            _("El reporte tiene más de %(count)s personas: no parece una sesión del foro.")
            % {"count": MAX_PEOPLE}
        )
    proposal = participants_proposal(session, report)
    if not proposal.matched:
        raise ForumError(
            _(
                "Nadie del reporte coincide con los integrantes del foro: parece el reporte de "
                "otra reunión. No se guardó nada."
            )
        )


@dataclass(frozen=True)
class ParticipantChoice:
    """What the facilitator decided for one participant: a candidate's key, ``ds:<seat>`` (on
    behalf of a seat), ``guest`` or ``ignore``."""

    name: str
    choice: str
    role: str = ""


def _seat_of(key: str, seats: dict[int, Seat]) -> Seat:
    try:
        return seats[int(key.split(":")[1])]
    except (IndexError, KeyError, ValueError) as exc:
        raise ForumError(_("Una de las opciones elegidas ya no es válida.")) from exc


@transaction.atomic
def participants_confirm(
    *,
    actor: User,
    session: Session,
    filename: str,
    sha256: str,
    report: dict[str, Any],
    choices: list[ParticipantChoice],
    start_time: datetime.time | None,
    other_meeting_confirmed: bool = False,
) -> list[Attendance]:
    """Record the roll call the facilitator confirmed from a participants report."""
    session = Session.objects.select_for_update().get(pk=session.pk)
    check_running(session)
    proposal = participants_proposal(session, report)
    if proposal.warnings and not other_meeting_confirmed:
        raise ForumError(" ".join(proposal.warnings))
    check_participants(session, report)
    candidates = {c.key: c for c in meeting_candidates(session)}
    seats = {seat.pk: seat for seat in seats_on(session.forum, session.date)}
    holders: dict[int, RollCallEntry] = {}
    delegates: list[RollCallEntry] = []
    guests: list[tuple[str, str]] = []
    taken: dict[str, str] = {}
    for decision in choices:
        choice = decision.choice
        if choice == IGNORE:
            continue
        if choice == GUEST:
            guests.append((decision.name, decision.role))
            continue
        if choice.startswith("ds:"):
            seat = _seat_of(choice, seats)
            delegates.append(
                RollCallEntry(seat=seat, delegate_name=decision.name, delegate_role=decision.role)
            )
            continue
        candidate = candidates.get(choice)
        if candidate is None:
            raise ForumError(_("Una de las opciones elegidas ya no es válida."))
        if choice in taken:
            raise ForumError(
                _("«%(a)s» y «%(b)s» se asignaron a la misma persona: %(who)s.")
                % {"a": taken[choice], "b": decision.name, "who": candidate.name}
            )
        taken[choice] = decision.name
        if candidate.capacity == GUEST:
            guests.append((candidate.name, decision.role or candidate.role))
        elif candidate.capacity in {"holder", "alternate"} and candidate.seat is not None:
            entry = holders.get(candidate.seat.pk) or RollCallEntry(seat=candidate.seat)
            holders[candidate.seat.pk] = RollCallEntry(
                seat=entry.seat,
                holder=entry.holder or candidate.capacity == "holder",
                alternate=entry.alternate or candidate.capacity == "alternate",
            )
        elif candidate.seat is not None:
            delegates.append(
                RollCallEntry(
                    seat=candidate.seat,
                    delegate_name=candidate.name,
                    delegate_role=decision.role or candidate.role,
                )
            )
    rows = roll_call_record(actor=actor, session=session, entries=[*holders.values(), *delegates])
    known = {fold(row.name) for row in session.attendance.filter(capacity="guest")}
    for name, role in guests:
        if fold(name) not in known:
            rows.append(guest_add(actor=actor, session=session, name=name, role=role))
            known.add(fold(name))
    if start_time is not None:
        session_open(actor=actor, session=session, start_time=start_time)
    MeetingRecord.objects.update_or_create(
        session=session,
        kind=MeetingRecord.Kind.PARTICIPANTS,
        defaults={
            "filename": filename[:255],
            "sha256": sha256,
            "data": {**report, "choices": {c.name: c.choice for c in choices}},
            "recorded_by": actor,
        },
    )
    audit_record(
        actor=actor,
        action="session.participants_imported",
        target=session,
        changes={
            "file": filename,
            "sha256": sha256,
            "present": len(rows),
            "unresolved_ignored": sorted(c.name for c in choices if c.choice == IGNORE),
        },
    )
    return rows


def cues_data(cues: list[Cue]) -> list[dict[str, Any]]:
    return [{"s": c.start, "e": c.end, "t": c.text, "v": c.speaker} for c in cues]


def cues_from(data: list[dict[str, Any]]) -> list[Cue]:
    return [
        Cue(start=float(c["s"]), end=float(c["e"]), text=str(c["t"]), speaker=str(c["v"]))
        for c in data
    ]


def check_transcript(session: Session, cues: list[Cue]) -> None:
    """Refuse a transcript none of whose speakers is someone of the session or the forum."""
    reading = read_transcript(session, cues)
    if reading.speakers and len(reading.unknown) == len(reading.speakers):
        raise ForumError(
            _(
                "Ninguna de las personas que hablan en la transcripción coincide con la "
                "asistencia ni con los integrantes del foro: parece la de otra reunión. No se "
                "guardó nada."
            )
        )


def _at(session: Session, offset: float) -> datetime.time | None:
    if session.start_time is None:
        return None
    start = datetime.datetime.combine(session.date, session.start_time)
    moment = start + datetime.timedelta(seconds=int(offset))
    return moment.time() if moment.date() == session.date else None


@transaction.atomic
def transcript_confirm(
    *,
    actor: User,
    session: Session,
    filename: str,
    sha256: str,
    cues: list[Cue],
    set_item_times: bool = True,
    fill_narratives: bool = True,
    other_meeting_confirmed: bool = False,
) -> MeetingRecord:
    """Keep the transcript split by item; set the items' start times the facilitator did not
    mark; pre-fill the narratives that are still empty (never overwriting one)."""
    session = Session.objects.select_for_update().get(pk=session.pk)
    check_running(session)
    warnings = transcript_warnings(session, filename)
    if warnings and not other_meeting_confirmed:
        raise ForumError(" ".join(warnings))
    check_transcript(session, cues)
    reading = read_transcript(session, cues)
    filled, timed = [], []
    items = {item.number: item for item in session.agenda.all()}
    for excerpt in reading.items:
        item = items[excerpt.number]
        if (
            set_item_times
            and reading.by == "phrases"
            and item.started_at is None
            and excerpt.start is not None
            and (at := _at(session, excerpt.start)) is not None
        ):
            AgendaItem.objects.filter(pk=item.pk).update(started_at=at, updated_at=timezone.now())
            timed.append(excerpt.number)
        if fill_narratives and excerpt.turns and not item.narrative.strip():
            agenda_item_update(actor=actor, item=item, narrative=narrative_skeleton(excerpt))
            filled.append(excerpt.number)
    record, _created = MeetingRecord.objects.update_or_create(
        session=session,
        kind=MeetingRecord.Kind.TRANSCRIPT,
        defaults={
            "filename": filename[:255],
            "sha256": sha256,
            "data": {
                "by": reading.by,
                "anonymous": reading.anonymous,
                "unknown": reading.unknown,
                "items": {
                    str(e.number): {
                        "title": e.title,
                        "start": e.start,
                        "speakers": e.speakers,
                        "turns": [turn.as_dict() for turn in e.turns],
                        "votes": e.votes,
                    }
                    for e in reading.items
                },
            },
            "recorded_by": actor,
        },
    )
    audit_record(
        actor=actor,
        action="session.transcript_imported",
        target=session,
        changes={
            "file": filename,
            "sha256": sha256,
            "cues": len(cues),
            "narratives_prefilled": filled,
            "items_timed": timed,
        },
    )
    return record


@transaction.atomic
def agenda_item_mark_start(
    *, actor: User, item: AgendaItem, at: datetime.time | None = None
) -> AgendaItem:
    """The facilitator's one tap: the item starts now (or at ``at``)."""
    session = Session.objects.select_for_update().get(pk=item.session_id)
    check_running(session)
    item = AgendaItem.objects.select_for_update().get(pk=item.pk)
    before = item.started_at
    item.started_at = at or timezone.localtime().time().replace(microsecond=0)
    item.save(update_fields=["started_at", "updated_at"])
    audit_record(
        actor=actor,
        action="agenda.item_started",
        target=session,
        changes={
            "item": item.number,
            "started_at": [
                before.isoformat() if before else None,
                item.started_at.isoformat(),
            ],
        },
    )
    return item
