"""Reading a transcript against the session: which agenda item each cue belongs to, who
speaks (the same matcher as the roll call), what votes were spoken, and the third-person
skeleton of each item's narrative. Nothing here writes."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from abierto.lib.meeting_records import Cue, fold, recording_start
from abierto.lib.roman import from_roman
from abierto.lib.spanish import ordinal_words_to_number, words_to_number

from .models import MeetingRecord, Seat, Sector, Session
from .selectors import roll_call
from .selectors_meeting import Candidate, match_name, meeting_candidates

_ORDINALS = {
    "primer": 1, "primero": 1, "segundo": 2, "tercer": 3, "tercero": 3, "cuarto": 4,
    "quinto": 5, "sexto": 6, "septimo": 7, "setimo": 7, "octavo": 8, "noveno": 9,
    "decimo": 10, "undecimo": 11, "duodecimo": 12,
}  # fmt: skip
_ITEM_PHRASE = re.compile(
    r"\b(?:pasamos|pasaremos|continuamos|procedemos|vamos|damos paso|seguimos)?\s*"
    r"(?:al|el|del|en el)?\s*punto\s+(?:numero\s+)?(?P<which>[a-z0-9]+(?:\s+[a-z]+)?)"
    r"(?:\s+del\s+orden\s+del\s+dia)?"
)
_ORDER_OF_DAY = re.compile(r"\b(?P<ord>[a-z]+(?:\s+[a-z]+)?)\s+punto\s+del\s+orden\s+del\s+dia")
_NEXT_ITEM = re.compile(r"\bsiguiente punto\b")
_VOTE_CALL = re.compile(
    r"votacion|sirvanse|levantar la mano|quienes esten a favor|manifestarlo|su voto|"
    r"someto a (?:su )?consideracion|recabar"
)
_FOR = re.compile(r"\ba favor\b|\bde acuerdo\b|\bapruebo\b|\bsi,? a favor\b")
_AGAINST = re.compile(r"\ben contra\b")
_ABSTAIN = re.compile(r"\babstencion\b|\bme abstengo\b")
_ROMAN = re.compile(r"^[ivxl]+$")


def _number_in(words: str) -> int | None:
    """The number ``words`` say: «5», «v», «quinto», «decimo primero», «numero cinco»."""
    if words.isdigit():
        return int(words)
    if _ROMAN.match(words):
        try:
            return from_roman(words)
        except ValueError:
            return None
    if words in _ORDINALS:
        return _ORDINALS[words]
    for reader in (ordinal_words_to_number, words_to_number):
        try:
            return reader(words)
        except ValueError:
            continue
    return None


def _item_number(words: str) -> int | None:
    """The number in a short run of words, tried whole, then by its last and first words."""
    parts = words.split()
    for attempt in (words, " ".join(parts[-2:]), " ".join(parts[-1:]), " ".join(parts[:1])):
        number = _number_in(attempt.strip()) if attempt.strip() else None
        if number is not None:
            return number
    return None


def announced_item(text: str, current: int) -> int | None:
    """The item a facilitator's words move to, or None when they announce none."""
    folded = fold(text)
    for pattern in (_ORDER_OF_DAY, _ITEM_PHRASE):
        for match in pattern.finditer(folded):
            number = _item_number(match.group("ord" if pattern is _ORDER_OF_DAY else "which"))
            if number is not None and number > 0:
                return number
    if _NEXT_ITEM.search(folded):
        return current + 1
    return None


@dataclass
class Turn:
    speaker: str
    name: str
    role: str
    start: float
    texts: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(self.texts)

    def as_dict(self) -> dict[str, Any]:
        return {
            "speaker": self.speaker,
            "name": self.name,
            "role": self.role,
            "start": self.start,
            "text": self.text,
        }


@dataclass
class ItemExcerpt:
    number: int
    title: str
    turns: list[Turn] = field(default_factory=list)
    start: float | None = None
    votes: dict[str, int] | None = None

    @property
    def speakers(self) -> list[str]:
        return list(dict.fromkeys(turn.name for turn in self.turns))


@dataclass
class TranscriptReading:
    items: list[ItemExcerpt]
    speakers: dict[str, tuple[str, str]]
    unknown: list[str]
    anonymous: bool
    by: str  # "times" or "phrases"


def resolve_speakers(
    session: Session, cues: list[Cue]
) -> tuple[dict[str, tuple[str, str]], list[str]]:
    """Each speaker label → (name, role) as the forum knows them; the labels left unknown."""
    candidates = meeting_candidates(session)
    present = [
        Candidate(
            f"s:{row.pk}",
            row.name,
            row.role or (row.person.public_role if row.person else ""),
            row.capacity,
        )
        for row in session.attendance.select_related("person")
    ]
    resolved: dict[str, tuple[str, str]] = {}
    unknown: list[str] = []
    for label in dict.fromkeys(cue.speaker for cue in cues if cue.speaker):
        found = match_name(label, present) or match_name(label, candidates)
        if found is None:
            unknown.append(label)
            resolved[label] = (label, "")
        else:
            resolved[label] = (found.name, found.role)
    return resolved, unknown


def _offset_of(session: Session, at: datetime.time | None) -> float | None:
    if at is None or session.start_time is None:
        return None
    start = datetime.datetime.combine(session.date, session.start_time)
    return (datetime.datetime.combine(session.date, at) - start).total_seconds()


def read_transcript(session: Session, cues: list[Cue]) -> TranscriptReading:
    """Split the cues by agenda item (the items' start times, else the facilitator's phrases),
    merge consecutive cues of one speaker into turns, and read the votes spoken."""
    items = list(session.agenda.order_by("number"))
    speakers, unknown = resolve_speakers(session, cues)
    starts = {item.number: _offset_of(session, item.started_at) for item in items}
    by_times = any(value is not None for value in starts.values())
    excerpts = {item.number: ItemExcerpt(item.number, item.title) for item in items}
    if not excerpts:
        return TranscriptReading([], speakers, unknown, not speakers, "phrases")
    numbers = sorted(excerpts)
    current = numbers[0]
    chair = _facilitator_name(session)
    chair_speaks = any(speakers.get(cue.speaker, ("", ""))[0] == chair for cue in cues)
    for cue in cues:
        if by_times:
            current = max(
                (n for n, at in starts.items() if at is not None and at <= cue.start),
                key=lambda n: starts[n] or 0,
                default=current,
            )
        elif not chair_speaks or speakers.get(cue.speaker, ("", ""))[0] == chair:
            moved = announced_item(cue.text, current)
            if moved is not None and moved in excerpts and moved >= current:
                current = moved
        excerpt = excerpts[current]
        if excerpt.start is None:
            excerpt.start = cue.start
        name, role = speakers.get(cue.speaker, ("", ""))
        if not name:
            name = _("Persona no identificada")
        if excerpt.turns and excerpt.turns[-1].speaker == cue.speaker:
            excerpt.turns[-1].texts.append(cue.text)
        else:
            excerpt.turns.append(Turn(cue.speaker, name, role, cue.start, [cue.text]))
    for excerpt in excerpts.values():
        excerpt.votes = spoken_votes(excerpt.turns)
    return TranscriptReading(
        list(excerpts.values()), speakers, unknown, not speakers, "times" if by_times else "phrases"
    )


def _facilitator_name(session: Session) -> str:
    seat = (
        Seat.objects.filter(forum=session.forum, sector=Sector.FACILITATION)
        .active_on(session.date)
        .select_related("holder")
        .first()
    )
    return seat.holder.name if seat else ""


def spoken_votes(turns: list[Turn]) -> dict[str, int] | None:
    """After a call to vote, each other speaker's «a favor», «en contra» or «abstención»:
    counted once per person (their last word). None when no vote was called."""
    called = False
    caller = ""
    unanimous = False
    said: dict[str, str] = {}
    for turn in turns:
        text = fold(turn.text)
        if not called:
            if _VOTE_CALL.search(text):
                called, caller = True, turn.speaker
            continue
        if turn.speaker == caller:
            unanimous = unanimous or "unanimidad" in text
            continue
        for answer, pattern in (("abstentions", _ABSTAIN), ("against", _AGAINST), ("for", _FOR)):
            if pattern.search(text):
                said[turn.name] = answer
                break
    if not called or not (said or unanimous):
        return None
    values = list(said.values())
    return {
        "votes_for": values.count("for"),
        "votes_against": values.count("against"),
        "abstentions": values.count("abstentions"),
        "unanimous": int(unanimous and not values.count("against")),
    }


def _article(role: str) -> str:
    first = role.split()[0].casefold() if role.split() else ""
    if first.endswith("a"):
        return "la "
    if first.endswith(("o", "or", "dor")):
        return "el "
    return ""


def narrative_skeleton(excerpt: ItemExcerpt) -> str:
    """One third-person paragraph per group of turns of one speaker, to be completed:
    «En uso de la voz, el Comisionado Presidente del Infoem, José Martínez Vilchis, …»."""
    paragraphs: list[str] = []
    previous = None
    for turn in excerpt.turns:
        if turn.name == previous:
            continue
        previous = turn.name
        article = _article(turn.role)
        if turn.role and article:
            who = f"{article}{turn.role}, {turn.name},"
        elif turn.role:
            who = f"{turn.name}, {turn.role},"
        else:
            who = f"{turn.name},"
        paragraphs.append(f"En uso de la voz, {who} …")
    return "\n\n".join(paragraphs)


def transcript_record(session: Session) -> MeetingRecord | None:
    return session.meeting_records.filter(kind=MeetingRecord.Kind.TRANSCRIPT).first()


def participants_record(session: Session) -> MeetingRecord | None:
    return session.meeting_records.filter(kind=MeetingRecord.Kind.PARTICIPANTS).first()


def excerpts_by_item(session: Session) -> dict[int, dict[str, Any]]:
    """The confirmed transcript's excerpt of each item: ``{number: {"turns": [...], ...}}``."""
    record = transcript_record(session)
    if record is None:
        return {}
    return {int(number): value for number, value in record.data.get("items", {}).items()}


def proposed_votes(session: Session) -> dict[int, dict[str, int]]:
    """Votes heard in the confirmed transcript, by item: proposals for the vote screen.

    When the facilitator declared the vote unanimous, every voting seat present is for."""
    present = sum(1 for p in roll_call(session) if p.present and p.seat.has_vote)
    proposals = {}
    for number, value in excerpts_by_item(session).items():
        votes = value.get("votes")
        if not votes:
            continue
        counts = {k: int(votes.get(k, 0)) for k in ("votes_for", "votes_against", "abstentions")}
        if votes.get("unanimous") and present:
            counts = {"votes_for": present, "votes_against": 0, "abstentions": 0}
        proposals[number] = counts
    return proposals


def transcript_warnings(session: Session, filename: str) -> list[str]:
    """A Zoom transcript whose file name dates it on another day than the session."""
    started = recording_start(filename)
    if started is None:
        return []
    day = timezone.localtime(started).date()
    if day == session.date:
        return []
    return [
        _(
            "La transcripción es de una grabación del %(file)s y la sesión es del %(session)s: "
            "¿es el archivo de otra reunión?"
        )
        % {"file": f"{day:%d/%m/%Y}", "session": f"{session.date:%d/%m/%Y}"}
    ]
