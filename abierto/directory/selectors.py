"""Reads of the directory, and the access checks every other app relies on."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet

from .models import (
    AuditEvent,
    Institution,
    MembershipApplication,
    Municipality,
    StaffSecondFactor,
)
from .roles import Role

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser, User
    from django.db.models import Model

    AnyUser = User | AnonymousUser


def user_roles(user: AnyUser) -> frozenset[str]:
    """The role names a user holds (cached on the user object for the request)."""
    if not user.is_authenticated:
        return frozenset()
    cached: frozenset[str] | None = getattr(user, "_abierto_roles", None)
    if cached is None:
        names = user.groups.values_list("name", flat=True)
        cached = frozenset(names) & frozenset(Role.values)
        setattr(user, "_abierto_roles", cached)  # noqa: B010 - a per-request cache on the user
    return cached


def user_has_role(user: AnyUser, role: Role) -> bool:
    if not user.is_active:
        return False
    return role.value in user_roles(user) or bool(getattr(user, "is_superuser", False))


def access_applications_for_review(user: AnyUser) -> QuerySet[MembershipApplication]:
    """Applications the user may review: all of them for facilitators, none otherwise."""
    if not user_has_role(user, Role.FACILITATOR):
        raise PermissionDenied
    return MembershipApplication.objects.select_related("reviewed_by", "municipality", "person")


def application_for_review(user: AnyUser, public_id: str) -> MembershipApplication:
    return access_applications_for_review(user).get(public_id=public_id)


def municipality_list(*, search: str = "") -> QuerySet[Municipality]:
    municipalities = Municipality.objects.all()
    if search:
        municipalities = municipalities.filter(name__icontains=search)
    return municipalities.order_by("code")


def institution_by_acronym(acronym: str) -> Institution | None:
    """The institution with this acronym (``SESAEMM``), or None when there is none."""
    return Institution.objects.filter(acronym=acronym).first()


def audit_events_for(target: Model) -> QuerySet[AuditEvent]:
    """The history of one record, newest first."""
    return AuditEvent.objects.filter(
        target_type=ContentType.objects.get_for_model(type(target)),
        target_id=str(target.pk),
    ).select_related("actor")


# The staff second factor ----------------------------------------------------------------------

SECOND_FACTOR_ROLES = (Role.FACILITATOR, Role.AGENCY_CLERK, Role.MEDIATION_STAFF)

# Other apps' roles that need the second factor too (a municipal forum's facilitation, say):
# each app registers its check when it starts, since the directory cannot import them.
SECOND_FACTOR_CHECKS: list[Callable[[Any], bool]] = []


def register_second_factor_check(check: Callable[[Any], bool]) -> None:
    if check not in SECOND_FACTOR_CHECKS:
        SECOND_FACTOR_CHECKS.append(check)


def second_factor_required(user: AnyUser) -> bool:
    """Facilitators, agency clerks, the mediation centre's staff (who see the restorative
    circles' participants) and the back office (``is_staff``) need a second factor.

    STL members and citizens do not: members see drafts, not the back office nor anyone's
    personal data, and citizens have the folder's own second factor. Other apps add their
    own roles with ``register_second_factor_check`` (the forum: anyone holding a role in a
    forum, since those roles are granted one by one for a forum's management).
    """
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_staff or user.is_superuser:
        return True
    if any(user_has_role(user, role) for role in SECOND_FACTOR_ROLES):
        return True
    return any(check(user) for check in SECOND_FACTOR_CHECKS)


def second_factor_of(user: AnyUser) -> StaffSecondFactor | None:
    """The account's factor, confirmed or not, or ``None``."""
    if not user.is_authenticated:
        return None
    return StaffSecondFactor.objects.filter(user_id=user.pk).first()


def recovery_codes_left(factor: StaffSecondFactor) -> int:
    return factor.recovery_codes.filter(used_at__isnull=True).count()
