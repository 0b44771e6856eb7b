"""Who sees and who provides a session's materials, and the draft acta's observations."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Q, QuerySet
from django.urls import reverse

from abierto.directory.roles import Role
from abierto.directory.selectors import user_has_role
from abierto.lib.paragraphs import Paragraph, paragraphs

from . import access
from .models import AgendaItem, Minutes, MinutesObservation, Session, SessionMaterial

if TYPE_CHECKING:
    from abierto.directory.selectors import AnyUser

# After the session its public materials are part of the public record.
PUBLISHED_STATUSES = [Session.Status.HELD, Session.Status.MINUTES_APPROVED]


def _institution_id(user: AnyUser) -> int | None:
    person = getattr(user, "person", None)
    return person.institution_id if person is not None else None


def is_forum_member(user: AnyUser) -> bool:
    """The facilitator and the members: they receive every material with the convocation."""
    return user_has_role(user, Role.FACILITATOR) or user_has_role(user, Role.MEMBER)


def can_provide_material(user: AnyUser, item: AgendaItem) -> bool:
    """The forum's facilitator, or a member or agency clerk of the institution presenting the
    item."""
    if access.can_manage(user, item.session.forum):
        return True
    if not (user_has_role(user, Role.MEMBER) or user_has_role(user, Role.AGENCY_CLERK)):
        return False
    institution = _institution_id(user)
    presenter = item.presenter
    return (
        institution is not None
        and presenter is not None
        and presenter.institution_id == institution
    )


def items_user_provides(user: AnyUser, session: Session) -> list[AgendaItem]:
    items = session.agenda.select_related("presenter").order_by("number")
    return [item for item in items if can_provide_material(user, item)]


def can_remove_material(user: AnyUser, material: SessionMaterial) -> bool:
    if material.kind == SessionMaterial.Kind.DRAFT_MINUTES:
        return False
    if access.can_manage(user, material.session.forum):
        return True
    return material.agenda_item is not None and can_provide_material(user, material.agenda_item)


def materials_for(user: AnyUser, session: Session) -> QuerySet[SessionMaterial]:
    """Everything for the forum's members; for anyone else the public ones after the session,
    and a presenter's institution its own."""
    materials = SessionMaterial.objects.filter(session=session).select_related(
        "agenda_item", "minutes__session"
    )
    if access.is_member_of(user, session.forum):
        return materials
    visible = Q(pk__in=public_materials(session).values("pk"))
    institution = _institution_id(user)
    if institution is not None and user_has_role(user, Role.AGENCY_CLERK):
        visible |= Q(provider_id=institution)
    return materials.filter(visible)


def public_materials(session: Session) -> QuerySet[SessionMaterial]:
    if session.status not in PUBLISHED_STATUSES:
        return SessionMaterial.objects.none()
    return opendata_materials().filter(session=session)


def material_visible(user: AnyUser, material: SessionMaterial) -> bool:
    return materials_for(user, material.session).filter(pk=material.pk).exists()


def opendata_materials() -> QuerySet[SessionMaterial]:
    """Public materials of held sessions: what the open data, search and feeds publish."""
    return (
        SessionMaterial.objects.filter(
            is_public=True,
            session__status__in=PUBLISHED_STATUSES,
            kind__in=[SessionMaterial.Kind.FILE, SessionMaterial.Kind.LINK],
        )
        .select_related("session__forum", "agenda_item")
        .order_by("-session__date", "session_id", "agenda_item__number", "id")
    )


def material_public_url(material: SessionMaterial) -> str:
    return reverse("forum:material_file", args=[material.session.public_id, material.public_id])


# The draft acta's review --------------------------------------------------------------------


def draft_paragraphs(minutes: Minutes) -> list[Paragraph]:
    return paragraphs(minutes.text)


def observations_of(minutes: Minutes) -> QuerySet[MinutesObservation]:
    return minutes.observations.select_related("author", "attended_by")


def open_observations(minutes: Minutes) -> QuerySet[MinutesObservation]:
    return minutes.observations.filter(status=MinutesObservation.Status.OPEN)


def drafts_for_review(user: AnyUser) -> QuerySet[Minutes]:
    """Drafts sent with a convocation, which the members may observe until approved."""
    if not is_forum_member(user):
        return Minutes.objects.none()
    return (
        Minutes.objects.filter(status=Minutes.Status.DRAFT, sent_with__isnull=False)
        .select_related("session")
        .distinct()
    )
