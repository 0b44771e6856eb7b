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
from ._audit import audit_record, changes_between, snapshot
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
    """Record an agreement with the next code of its session.

    The session row is locked while the number is chosen, so two facilitators' devices
    recording at once still get consecutive, distinct codes (the unique constraint on
    ``code`` is the last line of defence).
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
        if locked.status in {Session.Status.MINUTES_APPROVED, Session.Status.CANCELLED}:
            raise ForumError(_("Esta sesión ya no admite acuerdos."))
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
    return agreement


AGREEMENT_FIELDS = ["text", "responsible", "due_date", "requires_follow_up"]


@transaction.atomic
def agreement_update(*, actor: User, agreement: Agreement, **fields: object) -> Agreement:
    """Correct an agreement's record, while the minutes of its session are not yet approved."""
    unknown = set(fields) - set(AGREEMENT_FIELDS)
    if unknown:
        raise TypeError(f"agreement_update cannot change {sorted(unknown)}")
    agreement = Agreement.objects.select_for_update().select_related("session").get(pk=agreement.pk)
    if agreement.session.status == Session.Status.MINUTES_APPROVED:
        raise ForumError(_("El acta de la sesión ya se aprobó: el acuerdo no se puede corregir."))
    before = snapshot(agreement, [*AGREEMENT_FIELDS, "status"])
    for name, value in fields.items():
        setattr(agreement, name, value.strip() if isinstance(value, str) else value)
    if not agreement.requires_follow_up:
        agreement.status = AgreementStatus.DONE
    elif before["requires_follow_up"] is False:
        agreement.status = AgreementStatus.PENDING
    agreement.full_clean(validate_unique=False)
    changes = changes_between(before, snapshot(agreement, [*AGREEMENT_FIELDS, "status"]))
    if changes:
        agreement.save()
        audit_record(actor=actor, action="agreement.updated", target=agreement, changes=changes)
    return agreement


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
        if session.forum_id != agreement.session.forum_id:
            raise ForumError(_("La sesión del seguimiento es de otro foro."))
        if session.date < agreement.session.date:
            raise ForumError(_("El avance se reporta en una sesión posterior al acuerdo."))
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
