from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from abierto.directory.models import Institution
from abierto.lib.roman import to_roman

from ..models import AgendaItem, Agreement, AgreementFollowUp, AgreementStatus, Session, Vote
from ._audit import audit_record
from ._state import RUNNING_STATUSES, check_running, is_imported
from .errors import ForumError

if TYPE_CHECKING:
    from django.contrib.auth.models import User

OPEN_STATUSES = {AgreementStatus.PENDING, AgreementStatus.IN_PROGRESS}


def agreement_code(session: Session, number: int) -> str:
    """``STL/XV/1/2022``; extraordinary sessions are marked ``STL/EXT-I/1/2023``."""
    roman = to_roman(session.number)
    if session.kind == Session.Kind.EXTRAORDINARY:
        roman = f"EXT-{roman}"
    return f"{session.forum.acronym}/{roman}/{number}/{session.date.year}"


def agreement_create(
    *,
    actor: User,
    session: Session,
    text: str,
    agenda_item: AgendaItem | None = None,
    vote: Vote | None = None,
    responsible: Institution | None = None,
    due_date: datetime.date | None = None,
    requires_follow_up: bool = False,
) -> Agreement:
    """Record an agreement with a provisional code of its session.

    The session row is locked while the number is chosen, so two facilitators' devices
    recording at once still get consecutive, distinct codes (the unique constraint on
    ``code`` is the last line of defence). The codes then follow the agenda's order
    (``agreements_renumber``), whatever the order in which the votes were typed.
    """
    text = text.strip()
    if not text:
        raise ForumError(_("El acuerdo necesita un texto."))
    if agenda_item is not None and agenda_item.session_id != session.pk:
        raise ForumError(_("El punto no pertenece a esta sesión."))
    if due_date is not None and due_date < session.date:
        raise ForumError(_("La fecha compromiso no puede ser anterior a la sesión."))
    with transaction.atomic():
        locked = Session.objects.select_for_update().select_related("forum").get(pk=session.pk)
        check_running(locked)
        number = (locked.agreements.aggregate(Max("number"))["number__max"] or 0) + 1
        agreement = Agreement(
            session=locked,
            agenda_item=agenda_item,
            vote=vote,
            number=number,
            code=agreement_code(locked, number),
            text=text,
            responsible=responsible,
            due_date=due_date,
            requires_follow_up=requires_follow_up,
            status=AgreementStatus.PENDING if requires_follow_up else AgreementStatus.DONE,
        )
        try:
            with transaction.atomic():
                agreement.save()
        except IntegrityError as exc:
            raise ForumError(
                _("La clave %(code)s ya existe; vuelva a intentarlo.") % {"code": agreement.code}
            ) from exc
        audit_record(
            actor=actor,
            action="agreement.created",
            target=agreement,
            changes={"code": agreement.code, "text": text, "status": agreement.status},
        )
        agreements_renumber(actor=actor, session=locked)
        agreement.refresh_from_db()
    return agreement


def _agenda_order(agreement: Agreement) -> tuple[int, int]:
    """Agreements of an agenda item in its place; those of no item after the whole agenda."""
    item_number = agreement.agenda_item.number if agreement.agenda_item else 10**6
    return (item_number, agreement.pk)


# Codes and numbers an agreement holds for a moment while the codes of its session change
# places: codes cannot swap in one UPDATE under the unique constraints.
_PARKED_NUMBER = 32767


def agreements_renumber(*, actor: User | None, session: Session) -> dict[str, str]:
    """Number the agreements of a running session in the order of its agenda.

    While the session runs the codes are provisional; ``session_close`` fixes them. The
    agreements of a closed or imported session are never renumbered: their codes are
    already cited. Returns ``{old code: new code}`` of what changed, audited.
    """
    with transaction.atomic():
        locked = Session.objects.select_for_update().select_related("forum").get(pk=session.pk)
        if locked.status not in RUNNING_STATUSES or is_imported(locked):
            return {}
        # The session's lock serialises every change to its agreements.
        agreements = sorted(locked.agreements.select_related("agenda_item"), key=_agenda_order)
        wanted = {
            agreement.pk: (n, agreement_code(locked, n))
            for n, agreement in enumerate(agreements, start=1)
        }
        moving = [a for a in agreements if (a.number, a.code) != wanted[a.pk]]
        if not moving:
            return {}
        for offset, agreement in enumerate(moving):
            Agreement.objects.filter(pk=agreement.pk).update(
                number=_PARKED_NUMBER - offset, code=f"~{agreement.public_id}"
            )
        renumbered = {}
        for agreement in moving:
            number, code = wanted[agreement.pk]
            Agreement.objects.filter(pk=agreement.pk).update(
                number=number, code=code, updated_at=timezone.now()
            )
            audit_record(
                actor=actor,
                action="agreement.renumbered",
                target=agreement,
                changes={"code": [agreement.code, code]},
            )
            renumbered[agreement.code] = code
        audit_record(
            actor=actor,
            action="agreement.renumbered",
            target=locked,
            changes={"codes": renumbered},
        )
    return renumbered


@transaction.atomic
def agreement_follow_up(
    *,
    actor: User,
    agreement: Agreement,
    status: str,
    note: str,
    reported_on: datetime.date | None = None,
    session: Session | None = None,
) -> AgreementFollowUp:
    """Report progress on an agreement; the report sets its status."""
    agreement = Agreement.objects.select_for_update().select_related("session").get(pk=agreement.pk)
    note = note.strip()
    if not agreement.requires_follow_up:
        raise ForumError(_("Este acuerdo no requiere seguimiento."))
    if status not in AgreementStatus.values:
        raise ForumError(_("Estado no válido."))
    if not note:
        raise ForumError(_("Escriba lo que se informó del avance."))
    reported_on = reported_on or (session.date if session else timezone.localdate())
    if reported_on < agreement.session.date:
        raise ForumError(_("El seguimiento no puede ser anterior a la sesión del acuerdo."))
    if session is not None:
        check_running(session)
        if session.forum_id != agreement.session.forum_id:
            raise ForumError(_("La sesión del seguimiento es de otro foro."))
        if session.date < agreement.session.date:
            raise ForumError(_("El avance se reporta en una sesión posterior al acuerdo."))
    return follow_up_write(
        actor=actor,
        agreement=agreement,
        status=status,
        note=note,
        reported_on=reported_on,
        session=session,
    )


def follow_up_write(
    *,
    actor: User | None,
    agreement: Agreement,
    status: str,
    note: str,
    reported_on: datetime.date,
    session: Session | None,
) -> AgreementFollowUp:
    """Store a checked report and the agreement's new status, with the audit row.

    The callers check first: ``agreement_follow_up`` for a report made while a session runs,
    the acta import for one recorded at a past session. ``agreement`` is locked by them.
    """
    follow_up = AgreementFollowUp.objects.create(
        agreement=agreement,
        reported_on=reported_on,
        session=session,
        status=status,
        note=note,
        author=actor,
    )
    previous = agreement.status
    agreement.status = status
    agreement.save(update_fields=["status", "updated_at"])
    audit_record(
        actor=actor,
        action="agreement.followed_up",
        target=agreement,
        changes={
            "status": [previous, status],
            "note": note,
            "reported_on": reported_on.isoformat(),
        },
    )
    return follow_up
