from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from abierto.directory.models import Person

from ..models import AgendaItem, Session
from ._audit import audit_record, changes_between, snapshot
from ._state import check_running
from .agreements import agreements_renumber
from .errors import ForumError

if TYPE_CHECKING:
    from django.contrib.auth.models import User

ITEM_FIELDS = ["title", "kind", "presenter", "presenter_name", "narrative"]


def _lock_agenda(session: Session) -> Session:
    """Lock the session for an agenda change, and mark it changed (feeds use ``updated_at``)."""
    locked = Session.objects.select_for_update().get(pk=session.pk)
    check_running(locked)
    Session.objects.filter(pk=locked.pk).update(updated_at=timezone.now())
    return locked


@transaction.atomic
def agenda_item_add(
    *,
    actor: User,
    session: Session,
    title: str,
    kind: str = AgendaItem.Kind.INFORMATIVE,
    presenter: Person | None = None,
    presenter_name: str = "",
    narrative: str = "",
    before_last: bool = False,
) -> AgendaItem:
    """Append an item; ``before_last`` slots it before the closing items.

    The closing items are «Asuntos generales» and the «Clausura» after it: a new item goes
    before «Asuntos generales» (or before the last item when there is none), and the items
    after it move one place down.
    """
    session = _lock_agenda(session)
    title = " ".join(title.split())
    if not title:
        raise ForumError(_("El punto necesita un título."))
    last = session.agenda.aggregate(Max("number"))["number__max"] or 0
    number = last + 1
    if before_last and last:
        number = _closing_number(session, last)
        _shift(session, from_number=number, by=1)
    item = AgendaItem(
        session=session,
        number=number,
        title=title,
        kind=kind,
        presenter=presenter,
        presenter_name=presenter_name.strip(),
        narrative=narrative.strip(),
    )
    item.full_clean(validate_unique=False)
    item.save()
    audit_record(actor=actor, action="agenda.item_added", target=session, changes={"item": title})
    return item


def _folded(text: str) -> str:
    bare = unicodedata.normalize("NFKD", text)
    return " ".join("".join(c for c in bare if not unicodedata.combining(c)).casefold().split())


def _closing_number(session: Session, last: int) -> int:
    """Where the closing items begin: «Asuntos generales», or else the last item."""
    for item in session.agenda.order_by("number"):
        if _folded(item.title).startswith("asuntos generales"):
            return item.number
    return last


def _shift(session: Session, *, from_number: int, by: int) -> None:
    """Renumber items from ``from_number`` on, highest first so that no two collide."""
    items = session.agenda.filter(number__gte=from_number).order_by(
        "-number" if by > 0 else "number"
    )
    for item in items:
        AgendaItem.objects.filter(pk=item.pk).update(number=F("number") + by)


@transaction.atomic
def agenda_item_update(*, actor: User, item: AgendaItem, **fields: object) -> AgendaItem:
    unknown = set(fields) - set(ITEM_FIELDS)
    if unknown:
        raise TypeError(f"agenda_item_update cannot change {sorted(unknown)}")
    _lock_agenda(item.session)
    item = AgendaItem.objects.select_for_update().get(pk=item.pk)
    before = snapshot(item, ITEM_FIELDS)
    for name, value in fields.items():
        setattr(item, name, value.strip() if isinstance(value, str) else value)
    item.full_clean(validate_unique=False)
    changes = changes_between(before, snapshot(item, ITEM_FIELDS))
    if changes:
        item.save()
        audit_record(
            actor=actor,
            action="agenda.item_updated",
            target=item.session,
            changes={"item": item.number, **changes},
        )
    return item


@transaction.atomic
def agenda_item_remove(*, actor: User, item: AgendaItem) -> None:
    session = _lock_agenda(item.session)
    if item.votes.exists() or item.agreements.exists():
        raise ForumError(_("No se puede quitar un punto que ya tiene votaciones o acuerdos."))
    number, title = item.number, item.title
    item.delete()
    _shift(session, from_number=number + 1, by=-1)
    audit_record(actor=actor, action="agenda.item_removed", target=session, changes={"item": title})


@transaction.atomic
def agenda_item_move(*, actor: User, item: AgendaItem, offset: int) -> AgendaItem:
    """Move an item up (``offset=-1``) or down (``offset=1``) by swapping with its neighbour."""
    session = _lock_agenda(item.session)
    item = AgendaItem.objects.select_for_update().get(pk=item.pk)
    neighbour = session.agenda.filter(number=item.number + offset).first()
    if neighbour is None:
        return item
    old = item.number
    AgendaItem.objects.filter(pk=item.pk).update(number=0)  # free the number first
    AgendaItem.objects.filter(pk=neighbour.pk).update(number=old)
    AgendaItem.objects.filter(pk=item.pk).update(number=old + offset)
    audit_record(
        actor=actor,
        action="agenda.item_moved",
        target=session,
        changes={"item": item.title, "number": [old, old + offset]},
    )
    agreements_renumber(actor=actor, session=session)
    item.refresh_from_db()
    return item
