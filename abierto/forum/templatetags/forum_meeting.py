"""The meeting records beside the live screen's items and the acta editor."""

from __future__ import annotations

from typing import Any

from django import template

from ..models import AgendaItem, Session
from ..selectors_transcript import excerpts_by_item, proposed_votes

register = template.Library()


@register.inclusion_tag("forum/manage/_meeting_item.html")
def meeting_item(session: Session, item: AgendaItem, editable: bool) -> dict[str, Any]:
    """The «item starts» button, the item's transcript excerpt and the vote it heard."""
    return {
        "session": session,
        "item": item,
        "editable": editable,
        "excerpt": excerpts_by_item(session).get(item.number),
        "proposal": proposed_votes(session).get(item.number) if editable else None,
    }


@register.inclusion_tag("forum/manage/_meeting_excerpts.html")
def meeting_excerpts(session: Session) -> dict[str, Any]:
    """Each item's narrative beside its transcript excerpt, for the acta editor."""
    excerpts = excerpts_by_item(session)
    if not excerpts:
        return {"items": []}
    return {
        "items": [
            {"item": item, "excerpt": excerpts.get(item.number)}
            for item in session.agenda.order_by("number")
        ]
    }
