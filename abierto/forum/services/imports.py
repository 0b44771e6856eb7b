"""Existing actas into the record: read a file, let the facilitator review, then save.

The parser (``abierto.lib.acta``) proposes; nothing reaches the forum's record until the
facilitator has seen the reading beside the source text and corrected it.
"""

from __future__ import annotations

import datetime
import hashlib
import tempfile
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from abierto.directory.models import Person
from abierto.lib.acta import ActaReadError, extract_text, parse_acta_text

from ..models import (
    ActaImport,
    AgendaItem,
    Agreement,
    AgreementStatus,
    Attendance,
    Forum,
    Minutes,
    Seat,
    Session,
)
from ._audit import audit_record
from .agreements import agreement_code
from .errors import ForumError

if TYPE_CHECKING:
    from django.contrib.auth.models import User

MAX_ACTA_BYTES = 20 * 1024 * 1024
SUFFIXES = {".txt", ".md", ".docx", ".pdf"}
KINDS = {
    "ordinaria": Session.Kind.ORDINARY,
    "extraordinaria": Session.Kind.EXTRAORDINARY,
    "solemne": Session.Kind.EXTRAORDINARY,  # the platform has two kinds; solemn ones are rare
}
MODALITIES = {
    "presencial": Session.Modality.IN_PERSON,
    "virtual": Session.Modality.VIRTUAL,
    "híbrida": Session.Modality.HYBRID,
}


def acta_read(
    *, actor: User | None, forum: Forum, filename: str, content: bytes
) -> tuple[ActaImport, bool]:
    """Read an acta file into a pending import; the same file again returns the first one."""
    suffix = Path(filename).suffix.lower()
    if suffix not in SUFFIXES:
        raise ForumError(
            _("Formato no admitido (%(suffix)s): suba un archivo .txt, .md, .docx o .pdf.")
            % {"suffix": suffix or _("sin extensión")}
        )
    if len(content) > MAX_ACTA_BYTES:
        raise ForumError(_("El archivo pesa más de 20 MB; no se leyó."))
    digest = hashlib.sha256(content).hexdigest()
    existing = ActaImport.objects.filter(forum=forum, source_sha256=digest).first()
    if existing is not None:
        return existing, False
    with tempfile.NamedTemporaryFile(suffix=suffix) as handle:
        handle.write(content)
        handle.flush()
        try:
            text = extract_text(handle.name, max_bytes=MAX_ACTA_BYTES)
        except ActaReadError as exc:
            raise ForumError(str(exc)) from exc
    parsed = parse_acta_text(text)
    with transaction.atomic():
        acta_import, created = ActaImport.objects.get_or_create(
            forum=forum,
            source_sha256=digest,
            defaults={
                "source_name": Path(filename).name[:255],
                "source_text": text,
                "parsed": parsed,
                "created_by": actor,
            },
        )
        if created:
            audit_record(
                actor=actor,
                action="acta.read",
                target=acta_import,
                changes={"file": acta_import.source_name, "sha256": digest},
            )
    return acta_import, created


def _folded(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def _seat_people(forum: Forum, day: datetime.date) -> dict[str, tuple[Seat, Person, str]]:
    people: dict[str, tuple[Seat, Person, str]] = {}
    for seat in (
        Seat.objects.filter(forum=forum).active_on(day).select_related("holder", "alternate")
    ):
        people[_folded(seat.holder.name)] = (seat, seat.holder, Attendance.Capacity.HOLDER)
        if seat.alternate is not None:
            people[_folded(seat.alternate.name)] = (
                seat,
                seat.alternate,
                Attendance.Capacity.ALTERNATE,
            )
    return people


def _required(reviewed: dict[str, Any], key: str) -> Any:
    value = reviewed.get(key)
    if value in (None, ""):
        raise ForumError(_("Falta un dato obligatorio de la sesión: %(field)s.") % {"field": key})
    return value


@transaction.atomic
def acta_import_commit(
    *, actor: User | None, acta_import: ActaImport, reviewed: dict[str, Any]
) -> Session:
    """Save a reviewed reading as a held session with its agenda, attendance and agreements.

    ``reviewed`` has the parser's shape (corrected by the facilitator), plus
    ``follow_up_codes``: the agreements that commit someone and enter the follow-up.
    """
    acta_import = ActaImport.objects.select_for_update().get(pk=acta_import.pk)
    if acta_import.status != ActaImport.Status.PENDING:
        raise ForumError(_("Esta acta ya se importó o se descartó."))
    forum = acta_import.forum
    info = reviewed.get("session") or {}
    number = int(_required(info, "number"))
    kind = KINDS.get(str(info.get("kind") or "ordinaria"), Session.Kind.ORDINARY)
    day = datetime.date.fromisoformat(str(_required(info, "date")))
    if Session.objects.filter(forum=forum, kind=kind, number=number).exists():
        raise ForumError(
            _("Ya existe la sesión %(kind)s número %(number)s del %(forum)s; corrija el número.")
            % {"kind": Session.Kind(kind).label.lower(), "number": number, "forum": forum.acronym}
        )
    start = info.get("start_time") or None
    end = info.get("end_time") or None
    session = Session(
        forum=forum,
        kind=kind,
        number=number,
        date=day,
        start_time=datetime.time.fromisoformat(start) if start else None,
        end_time=datetime.time.fromisoformat(end) if end else None,
        modality=MODALITIES.get(str(info.get("modality") or ""), Session.Modality.IN_PERSON),
        place=str(info.get("place") or "")[:250],
        status=Session.Status.HELD,
        roll_call_at=timezone.now() if reviewed.get("attendees") else None,
    )
    if session.start_time and session.end_time and session.end_time <= session.start_time:
        raise ForumError(_("La hora de término debe ser posterior a la de inicio."))
    session.full_clean(exclude=["calendar_agreement"])
    session.save()

    agreements_in = list(reviewed.get("agreements") or [])
    decisive = {a.get("agenda_item") for a in agreements_in if a.get("agenda_item")}
    items: dict[int, AgendaItem] = {}
    for entry in reviewed.get("agenda") or []:
        n = int(entry["number"])
        items[n] = AgendaItem.objects.create(
            session=session,
            number=n,
            title=str(entry["title"])[:500],
            kind=AgendaItem.Kind.DECISIVE if n in decisive else AgendaItem.Kind.INFORMATIVE,
        )

    members = _seat_people(forum, day)
    seen: set[str] = set()
    for person in reviewed.get("attendees") or []:
        name = " ".join(str(person.get("name") or "").split())
        key = _folded(name)
        if not name or key in seen:
            continue
        seen.add(key)
        match = members.get(key)
        if match:
            seat, member, capacity = match
            Attendance.objects.create(
                session=session, seat=seat, person=member, name=member.display_name,
                role=person.get("role") or member.public_role, capacity=capacity,
            )  # fmt: skip
        else:
            Attendance.objects.create(
                session=session, name=name[:250], role=str(person.get("role") or "")[:250],
                capacity=Attendance.Capacity.GUEST,
            )  # fmt: skip

    follow_up = {str(code) for code in reviewed.get("follow_up_codes") or []}
    calendar_agreement = None
    for number_in_session, entry in enumerate(agreements_in, start=1):
        written = " ".join(str(entry.get("code") or "").split())[:40]
        code = written if written.count("/") >= 2 else ""  # a full code as written
        if not code or Agreement.objects.filter(code=code).exists():
            code = agreement_code(session, number_in_session)
        item_number = entry.get("agenda_item")
        agreement = Agreement.objects.create(
            session=session,
            agenda_item=items.get(int(item_number)) if item_number else None,
            number=number_in_session,
            code=code,
            text=str(entry.get("text") or "").strip() or _("(sin texto)"),
            requires_follow_up=written in follow_up or code in follow_up,
            status=AgreementStatus.PENDING
            if (written in follow_up or code in follow_up)
            else AgreementStatus.DONE,
        )
        if "calendario" in _folded(agreement.text):
            calendar_agreement = agreement

    last = forum.sessions.filter(kind=Session.Kind.ORDINARY).aggregate(Max("number"))
    next_number = (last["number__max"] or 0) + 1
    for entry in sorted(reviewed.get("scheduled_sessions") or [], key=lambda e: e["date"]):
        planned_day = datetime.date.fromisoformat(entry["date"])
        if forum.sessions.filter(date=planned_day).exists():
            continue
        Session.objects.create(
            forum=forum,
            kind=Session.Kind.ORDINARY,
            number=next_number,
            date=planned_day,
            calendar_agreement=calendar_agreement,
        )
        next_number += 1

    Minutes.objects.create(session=session, text=acta_import.source_text)
    acta_import.status = ActaImport.Status.IMPORTED
    acta_import.session = session
    acta_import.save(update_fields=["status", "session", "updated_at"])
    audit_record(
        actor=actor,
        action="session.imported",
        target=session,
        changes={"file": acta_import.source_name, "sha256": acta_import.source_sha256},
    )
    return session
