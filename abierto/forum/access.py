"""Who acts in which forum: the access checks every management page and selector relies on.

The platform-wide facilitator group, and anyone facilitating the state STL, oversees every
forum. A municipal forum's facilitation (a ``ForumRole``) acts only in its own forum, and so
does a municipal member. A member of the platform-wide group is a member of the state STL.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet

from abierto.directory.roles import Role
from abierto.directory.selectors import user_has_role

from .models import Forum, ForumKind, ForumRole

if TYPE_CHECKING:
    from abierto.directory.selectors import AnyUser


def _roles(user: AnyUser) -> frozenset[tuple[int, str, str]]:
    """(forum id, forum kind, role) of each of the user's forum roles, cached per request."""
    if not user.is_authenticated or not user.is_active:
        return frozenset()
    cached: frozenset[tuple[int, str, str]] | None = getattr(user, "_abierto_forum_roles", None)
    if cached is None:
        cached = frozenset(
            ForumRole.objects.filter(user=user).values_list("forum_id", "forum__kind", "role")
        )
        setattr(user, "_abierto_forum_roles", cached)  # noqa: B010 - per-request cache
    return cached


def oversees_all_forums(user: AnyUser) -> bool:
    """The state facilitation: the platform-wide group or a facilitator role in a state forum."""
    if user_has_role(user, Role.FACILITATOR):
        return True
    return any(
        kind == ForumKind.STATE and role == ForumRole.Role.FACILITATOR
        for _forum, kind, role in _roles(user)
    )


def forums_managed_by(user: AnyUser) -> QuerySet[Forum]:
    if oversees_all_forums(user):
        return Forum.objects.order_by("kind", "name")
    ids = [f for f, _kind, role in _roles(user) if role == ForumRole.Role.FACILITATOR]
    return Forum.objects.filter(pk__in=ids).order_by("name")


def manages_any_forum(user: AnyUser) -> bool:
    return oversees_all_forums(user) or any(
        role == ForumRole.Role.FACILITATOR for _f, _k, role in _roles(user)
    )


def can_manage(user: AnyUser, forum: Forum) -> bool:
    if oversees_all_forums(user):
        return True
    return (forum.pk, forum.kind, ForumRole.Role.FACILITATOR) in _roles(user)


def is_member_of(user: AnyUser, forum: Forum) -> bool:
    """Sits in the forum (or facilitates it): may read its members-only papers."""
    if can_manage(user, forum):
        return True
    if forum.kind == ForumKind.STATE and user_has_role(user, Role.MEMBER):
        return True
    return (forum.pk, forum.kind, ForumRole.Role.MEMBER) in _roles(user)


def holds_forum_role(user: AnyUser) -> bool:
    """Holds a role (facilitator or member) in some forum: such an account logs in with the
    staff second factor, like the platform's facilitators."""
    return bool(_roles(user))


def is_in_any_forum(user: AnyUser) -> bool:
    return manages_any_forum(user) or user_has_role(user, Role.MEMBER) or bool(_roles(user))


def forum_to_manage(user: AnyUser, forum: Forum) -> Forum:
    """The forum, if the user may manage it; refused (403) otherwise."""
    if not can_manage(user, forum):
        raise PermissionDenied
    return forum
