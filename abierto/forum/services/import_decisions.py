"""The decisions an imported acta records: agreements with their votes, the earlier acta
they approve, progress on earlier agreements, the calendar, and the acta itself.

Part of ``import_commit``; see its docstring for the reviewed reading's shape.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from abierto.lib.spanish import ordinal_words_to_number

from ..minutes_text import compose_minutes
from ..models import (
    ActaImport,
    AgendaItem,
    Agreement,
    AgreementStatus,
    Forum,
    Minutes,
    Session,
    Vote,
)
from .agreements import agreement_code, follow_up_write
from .errors import ForumError
from .import_reading import KINDS, _date, _folded, _line
from .minutes import content_hash, minutes_freeze

if TYPE_CHECKING:
    from django.contrib.auth.models import User

_ORDINAL_TITLE_RE = re.compile(r"^\s*(\d{1,3})\s*(?:a|ª|º|o|°|\.)?\s+(?:sesi)", re.IGNORECASE)


def _present_voting_seats(session: Session) -> int:
    return (
        session.attendance.filter(seat__has_vote=True, seat__isnull=False)
        .values("seat")
        .distinct()
        .count()
    )


def _agreements(
    actor: User | None, session: Session, items: dict[int, AgendaItem], reviewed: dict[str, Any]
) -> Agreement | None:
    """The session's agreements, each with its unanimous vote when the acta says so."""
    follow_up = {str(code) for code in reviewed.get("follow_up_codes") or []}
    present = _present_voting_seats(session)
    calendar_agreement = None
    for number_in_session, entry in enumerate(reviewed.get("agreements") or [], start=1):
        written = _line(entry.get("code"), 40)
        code = written if written.count("/") >= 2 else ""  # a full code as written
        if not code or Agreement.objects.filter(code=code).exists():
            code = agreement_code(session, number_in_session)
        item_number = entry.get("agenda_item")
        item = items.get(int(item_number)) if item_number else None
        vote = None
        if item is not None and entry.get("vote") == "unanimidad" and present:
            vote = Vote.objects.create(
                agenda_item=item,
                motion=_line(entry.get("text"), 2000) or item.title,
                votes_for=present,
                present_seats=present,
                result=Vote.Result.APPROVED,
            )
        pending = written in follow_up or code in follow_up
        agreement = Agreement.objects.create(
            session=session,
            agenda_item=item,
            vote=vote,
            number=number_in_session,
            code=code,
            text=str(entry.get("text") or "").strip() or _("(sin texto)"),
            requires_follow_up=pending,
            status=AgreementStatus.PENDING if pending else AgreementStatus.DONE,
        )
        if "calendario" in _folded(agreement.text):
            calendar_agreement = agreement
        _approve_earlier_minutes(actor, session, agreement, entry.get("approves_minutes_of"))
    return calendar_agreement


def _approve_earlier_minutes(
    actor: User | None, session: Session, agreement: Agreement, earlier: dict[str, Any] | None
) -> None:
    """Freeze the earlier session's draft acta with this agreement, as a vote on it would."""
    if not earlier or not str(earlier.get("number") or "").isdigit():
        return
    number = int(earlier["number"])
    kind = KINDS.get(str(earlier.get("kind") or "ordinaria"), Session.Kind.ORDINARY)
    minutes = (
        Minutes.objects.select_for_update()
        .filter(
            session__forum=session.forum,
            session__kind=kind,
            session__number=number,
            session__date__lt=session.date,
            status=Minutes.Status.DRAFT,
        )
        .first()
    )
    if minutes is None:
        return
    minutes_freeze(actor=actor, minutes=minutes, agreement=agreement)


def _follow_ups(actor: User | None, session: Session, reports: list[dict[str, Any]]) -> None:
    """Progress reported at the imported session on agreements of earlier sessions.

    Written here rather than through ``agreement_follow_up``, which takes reports only while
    a session runs: an imported session is a past one, held already.
    """
    for report in reports:
        code = _line(report.get("code"), 40)
        agreement = (
            Agreement.objects.select_for_update()
            .select_related("session")
            .filter(session__forum=session.forum, code=code)
            .first()
        )
        if agreement is None:
            raise ForumError(
                _("El seguimiento cita el acuerdo %(code)s, que no está registrado en el foro.")
                % {"code": code}
            )
        status = str(report.get("status") or AgreementStatus.PENDING)
        note = str(report.get("note") or "").strip()
        if status not in AgreementStatus.values or not note:
            raise ForumError(
                _("El seguimiento del acuerdo %(code)s necesita un estado válido y una nota.")
                % {"code": code}
            )
        if not agreement.requires_follow_up or agreement.session.date >= session.date:
            raise ForumError(
                _("El acuerdo %(code)s no es un acuerdo en seguimiento de una sesión anterior.")
                % {"code": code}
            )
        follow_up_write(
            actor=actor,
            agreement=agreement,
            status=status,
            note=note,
            reported_on=session.date,
            session=session,
        )


def _scheduled_number(title: str) -> int | None:
    """ "16a Sesión Ordinaria" or "Décimo Sexta Sesión Ordinaria" → 16."""
    match = _ORDINAL_TITLE_RE.match(title)
    if match:
        return int(match.group(1))
    words = _folded(title).split(" sesion")[0]
    try:
        return ordinal_words_to_number(words)
    except ValueError:
        return None


def _scheduled(
    forum: Forum, scheduled: list[dict[str, Any]], calendar_agreement: Agreement | None
) -> None:
    """The sessions of the approved calendar, numbered as the calendar numbers them."""
    last = forum.sessions.filter(kind=Session.Kind.ORDINARY).aggregate(Max("number"))
    next_number = (last["number__max"] or 0) + 1
    for entry in sorted(scheduled, key=lambda e: str(e.get("date"))):
        planned_day = _date(entry.get("date"), _("una sesión del calendario"))
        title = _line(entry.get("title"), 250)
        kind = (
            Session.Kind.EXTRAORDINARY
            if "extraordinaria" in _folded(title)
            else Session.Kind.ORDINARY
        )
        number = _scheduled_number(title) or next_number
        taken = forum.sessions.filter(kind=kind, number=number).exists()
        if taken or forum.sessions.filter(date=planned_day).exists():
            continue
        Session.objects.create(
            forum=forum,
            kind=kind,
            number=number,
            date=planned_day,
            calendar_agreement=calendar_agreement,
        )
        if kind == Session.Kind.ORDINARY:
            next_number = max(next_number, number + 1)


def _minutes(session: Session, acta_import: ActaImport, *, approved: bool) -> Minutes:
    """The acta written from the record; a historical one is published as approved."""
    text = compose_minutes(session)
    minutes = Minutes(session=session, text=text)
    if approved:
        now = timezone.now()
        minutes.status = Minutes.Status.PUBLISHED
        minutes.approved_at = now
        minutes.published_at = now
        minutes.content_hash = content_hash(text)
        minutes.original_sha256 = acta_import.source_sha256
        minutes.original_name = acta_import.source_name
        if acta_import.source_file:
            minutes.original = acta_import.source_file.name
        Session.objects.filter(pk=session.pk).update(status=Session.Status.MINUTES_APPROVED)
        session.status = Session.Status.MINUTES_APPROVED
    minutes.save()
    return minutes
