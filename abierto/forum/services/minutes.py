from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from abierto.lib.spanish import date_to_words

from .. import tasks
from ..minutes_text import compose_minutes
from ..models import AgendaItem, Agreement, Minutes, Session
from ._audit import audit_record
from .agreements import agreement_create
from .errors import ForumError
from .observations import observations_check_attended
from .votes import vote_record

if TYPE_CHECKING:
    from django.contrib.auth.models import User


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _refuse_if_frozen(minutes: Minutes) -> None:
    if minutes.frozen:
        raise ForumError(
            _("El acta ya fue aprobada y está congelada (SHA-256 %(hash)s); no se puede modificar.")
            % {"hash": minutes.content_hash[:16] + "…"}
        )


@transaction.atomic
def minutes_generate(*, actor: User, session: Session) -> Minutes:
    """Write (or rewrite) the draft minutes from the session's structured record."""
    session = Session.objects.select_for_update().get(pk=session.pk)
    if session.status not in {Session.Status.HELD, Session.Status.MINUTES_APPROVED}:
        raise ForumError(_("El acta se redacta cuando la sesión se ha celebrado."))
    minutes = Minutes.objects.select_for_update().filter(session=session).first()
    if minutes is not None:
        _refuse_if_frozen(minutes)
    text = compose_minutes(session)
    if minutes is None:
        minutes = Minutes.objects.create(session=session, text=text)
        action = "minutes.drafted"
    else:
        minutes.text = text
        minutes.save(update_fields=["text", "updated_at"])
        action = "minutes.regenerated"
    audit_record(actor=actor, action=action, target=minutes, changes={"sha256": content_hash(text)})
    return minutes


@transaction.atomic
def minutes_update(*, actor: User, minutes: Minutes, text: str) -> Minutes:
    minutes = Minutes.objects.select_for_update().get(pk=minutes.pk)
    _refuse_if_frozen(minutes)
    text = text.replace("\r\n", "\n").strip() + "\n"
    if len(text.strip()) < 20:
        raise ForumError(_("El acta no puede quedar vacía."))
    if text == minutes.text:
        return minutes
    before = content_hash(minutes.text)
    minutes.text = text
    minutes.save(update_fields=["text", "updated_at"])
    audit_record(
        actor=actor,
        action="minutes.edited",
        target=minutes,
        changes={"sha256": [before, content_hash(text)]},
    )
    return minutes


@transaction.atomic
def minutes_approve(
    *,
    actor: User,
    minutes: Minutes,
    agenda_item: AgendaItem,
    votes_for: int,
    votes_against: int = 0,
    abstentions: int = 0,
) -> Agreement | None:
    """Vote the minutes at a later session; if approved they are frozen with their hash."""
    minutes = (
        Minutes.objects.select_for_update().select_related("session__forum").get(pk=minutes.pk)
    )
    _refuse_if_frozen(minutes)
    attended = observations_check_attended(minutes)
    approving = agenda_item.session
    earlier = minutes.session
    if approving.forum_id != earlier.forum_id or approving.date <= earlier.date:
        raise ForumError(_("El acta se aprueba en una sesión posterior del mismo foro."))
    name = f"Acta de la {earlier.title} del {earlier.forum.name}"
    vote, _none = vote_record(
        actor=actor,
        agenda_item=agenda_item,
        motion=_("Aprobación del %(name)s.") % {"name": name},
        votes_for=votes_for,
        votes_against=votes_against,
        abstentions=abstentions,
    )
    if vote.result != vote.Result.APPROVED:
        return None
    agreement = agreement_create(
        actor=actor,
        session=approving,
        agenda_item=agenda_item,
        vote=vote,
        text=(
            f"Se aprueba {vote.result_phrase} el {name}, celebrada el día "
            f"{date_to_words(earlier.date)}, en sus términos."
        ),
    )
    minutes_freeze(actor=actor, minutes=minutes, agreement=agreement)
    audit_record(
        actor=actor, action="minutes.observations_attended", target=minutes, changes=attended
    )
    audit_record(
        actor=actor,
        action="session.minutes_approved",
        target=earlier,
        changes={"status": [earlier.status, Session.Status.MINUTES_APPROVED]},
    )
    return agreement


def minutes_freeze(*, actor: User | None, minutes: Minutes, agreement: Agreement) -> None:
    """Approve a locked draft with ``agreement``: frozen with its hash, its session marked.

    Shared by the vote at a later session and by an imported acta that records that vote.
    """
    minutes.status = Minutes.Status.APPROVED
    minutes.approval_agreement = agreement
    minutes.approved_at = timezone.now()
    minutes.content_hash = content_hash(minutes.text)
    minutes.save()
    Session.objects.filter(pk=minutes.session_id).update(
        status=Session.Status.MINUTES_APPROVED, updated_at=timezone.now()
    )
    audit_record(
        actor=actor,
        action="minutes.approved",
        target=minutes,
        changes={"agreement": agreement.code, "sha256": minutes.content_hash},
    )


@transaction.atomic
def minutes_publish(*, actor: User, minutes: Minutes) -> Minutes:
    minutes = Minutes.objects.select_for_update().get(pk=minutes.pk)
    if minutes.status == Minutes.Status.DRAFT:
        raise ForumError(_("Solo se publica un acta aprobada."))
    if minutes.status == Minutes.Status.PUBLISHED:
        return minutes
    if content_hash(minutes.text) != minutes.content_hash:
        raise ForumError(_("El texto del acta no coincide con su huella: no se publica."))
    minutes.status = Minutes.Status.PUBLISHED
    minutes.published_at = timezone.now()
    minutes.save(update_fields=["status", "published_at", "updated_at"])
    audit_record(actor=actor, action="minutes.published", target=minutes, changes={})
    # The published text is frozen: its PDF and DOCX are rendered once, in a worker.
    transaction.on_commit(lambda: tasks.minutes_render_later(minutes, actor=actor))
    return minutes
