"""Reading a participants report against the forum: who each name on the call is, what the
roll call would be, which times the report proposes. Nothing here writes;
``services/meeting_records.py`` saves what the facilitator confirms. The transcript is read
in ``selectors_transcript.py``."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from abierto.directory.models import Person
from abierto.lib.meeting_records import best_match, fold
from abierto.lib.spanish import ordinal_words_to_number

from .models import Attendance, MeetingRecord, Seat, Session
from .selectors import seats_on

GUEST = "guest"
IGNORE = "ignore"


@dataclass(frozen=True)
class Candidate:
    """Someone a name on the call may be: a seat's holder or alternate, a delegate, a guest."""

    key: str
    name: str
    role: str
    capacity: str
    seat: Seat | None = None
    person: Person | None = None

    @property
    def label(self) -> str:
        capacity = dict(Attendance.Capacity.choices)[self.capacity]
        seat = f" · {self.seat.label}" if self.seat else ""
        return f"{self.name} ({capacity}{seat})"


def meeting_candidates(session: Session) -> list[Candidate]:
    """The forum's people on the session's date, then delegates and guests it has seen."""
    seats = list(seats_on(session.forum, session.date).select_related("holder", "alternate"))
    found: list[Candidate] = []
    for seat in seats:
        found.append(
            Candidate(
                f"h:{seat.pk}",
                seat.holder.name,
                seat.holder.public_role,
                "holder",
                seat,
                seat.holder,
            )
        )
        if seat.alternate:
            found.append(
                Candidate(
                    f"a:{seat.pk}",
                    seat.alternate.name,
                    seat.alternate.public_role,
                    "alternate",
                    seat,
                    seat.alternate,
                )
            )
    taken = {fold(c.name) for c in found}
    by_seat = {seat.pk: seat for seat in seats}
    past = (
        Attendance.objects.filter(session__forum=session.forum)
        .exclude(session=session)
        .filter(capacity__in=["delegate", "guest"])
        .order_by("-session__date", "id")
    )
    for row in past:
        folded = fold(row.name)
        if folded in taken or (row.capacity == "delegate" and row.seat_id not in by_seat):
            continue
        taken.add(folded)
        if row.capacity == "delegate" and row.seat_id is not None:
            key = f"d:{row.seat_id}:{row.pk}"
            found.append(Candidate(key, row.name, row.role, "delegate", by_seat[row.seat_id]))
        else:
            found.append(Candidate(f"g:{row.pk}", row.name, row.role, GUEST))
    institutions = {seat.institution_id: seat for seat in seats if seat.institution_id}
    for person in Person.objects.filter(institution_id__in=institutions).order_by("name"):
        if fold(person.name) in taken or person.institution_id is None:
            continue
        seat = institutions[person.institution_id]
        taken.add(fold(person.name))
        found.append(
            Candidate(f"p:{seat.pk}:{person.pk}", person.name, person.public_role, "delegate", seat)
        )
    return found


def match_name(name: str, candidates: list[Candidate], *others: str) -> Candidate | None:
    """The one candidate ``name`` (or one of the ``others`` it went by) denotes, if any."""
    pairs = [(c.key, c.name) for c in candidates]
    by_key = {c.key: c for c in candidates}
    for alias in (name, *others):
        key = best_match(alias, pairs)
        if key is not None:
            return by_key[key]
    return None


def delegate_choices(session: Session) -> list[tuple[str, str]]:
    """«On behalf of a seat» for a name the forum never saw."""
    return [
        (f"ds:{seat.pk}", _("En representación · %(seat)s") % {"seat": seat.label})
        for seat in seats_on(session.forum, session.date)
    ]


@dataclass
class ProposedParticipant:
    name: str
    email: str
    join: datetime.datetime
    leave: datetime.datetime
    connections: int
    other_names: list[str]
    candidate: Candidate | None

    @property
    def minutes(self) -> int:
        return int((self.leave - self.join).total_seconds() // 60)


@dataclass
class ParticipantsProposal:
    rows: list[ProposedParticipant]
    topic: str
    report_date: datetime.date | None
    start: datetime.time | None
    end: datetime.time | None
    warnings: list[str] = field(default_factory=list)

    @property
    def matched(self) -> list[ProposedParticipant]:
        return [row for row in self.rows if row.candidate and row.candidate.capacity != GUEST]

    @property
    def unmatched(self) -> list[ProposedParticipant]:
        return [row for row in self.rows if row.candidate is None]


def _when(value: str | None) -> datetime.datetime | None:
    return datetime.datetime.fromisoformat(value) if value else None


def participants_proposal(session: Session, report: dict[str, Any]) -> ParticipantsProposal:
    """Each participant of a report (as ``services.meeting_records.report_data`` stores it)
    matched to the forum's people; the times and the date the report proposes."""
    candidates = meeting_candidates(session)
    rows = []
    for person in report["participants"]:
        candidate = match_name(person["name"], candidates, *person.get("other_names", []))
        rows.append(
            ProposedParticipant(
                name=person["name"],
                email=person.get("email", ""),
                join=datetime.datetime.fromisoformat(person["join"]),
                leave=datetime.datetime.fromisoformat(person["leave"]),
                connections=person.get("connections", 1),
                other_names=list(person.get("other_names", [])),
                candidate=candidate,
            )
        )
    start = _when(report.get("start")) or min(row.join for row in rows)
    end = _when(report.get("end")) or max(row.leave for row in rows)
    proposal = ParticipantsProposal(
        rows=rows,
        topic=report.get("topic", ""),
        report_date=start.date(),
        start=start.time().replace(second=0, microsecond=0),
        end=end.time().replace(second=0, microsecond=0),
    )
    if proposal.report_date != session.date:
        proposal.warnings.append(
            _(
                "El reporte es de una reunión del %(report)s y la sesión es del %(session)s: "
                "¿es el archivo de otra reunión?"
            )
            % {"report": f"{proposal.report_date:%d/%m/%Y}", "session": f"{session.date:%d/%m/%Y}"}
        )
    named = session_named(proposal.topic)
    if named is not None and named != (session.number, session.kind):
        proposal.warnings.append(
            _("El tema de la reunión («%(topic)s») nombra otra sesión que «%(session)s».")
            % {"topic": proposal.topic, "session": session.title}
        )
    return proposal


_SESSION_IN_TOPIC = re.compile(
    r"(?:^|\s)(?P<ordinal>[a-z0-9]+(?:\s[a-z]+)?)\s+sesion\s+(?P<kind>ordinaria|extraordinaria)"
)


def session_named(topic: str) -> tuple[int, str] | None:
    """The session a meeting's topic names («Décimo Quinta Sesión Ordinaria del STL», «15a
    sesión ordinaria»): (number, kind), or None when it names none."""
    match = _SESSION_IN_TOPIC.search(fold(topic))
    if match is None:
        return None
    kind = (
        Session.Kind.ORDINARY if match.group("kind") == "ordinaria" else Session.Kind.EXTRAORDINARY
    )
    words = match.group("ordinal").split()
    for attempt in (" ".join(words), words[-1]):
        digits = re.match(r"^(\d+)[ao]?$", attempt)
        if digits:
            return int(digits.group(1)), kind
        try:
            return ordinal_words_to_number(attempt), kind
        except ValueError:
            continue
    return None


def proposed_end(session: Session) -> datetime.time | None:
    """The end time of the confirmed participants report, for the closing form."""
    record = session.meeting_records.filter(kind=MeetingRecord.Kind.PARTICIPANTS).first()
    if record is None:
        return None
    end = record.data.get("end") or max(
        (p["leave"] for p in record.data.get("participants", [])), default=None
    )
    if not end:
        return None
    moment = datetime.datetime.fromisoformat(end)
    return moment.time().replace(second=0, microsecond=0) if moment.date() == session.date else None
