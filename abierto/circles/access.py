"""Who may see the circles' individual records: the mediation centre's staff assigned to
the cohort, nobody else. The role itself is required (``user_roles``, not ``user_has_role``,
which lets every superuser through): not the facilitation, not another agency's clerk, not an
administrator who is not assigned to the cohort."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied

from abierto.directory.roles import Role
from abierto.directory.selectors import user_roles

from .models import Cohort

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser, User


def is_mediation_staff(user: User | AnonymousUser) -> bool:
    return bool(
        user.is_authenticated and user.is_active and Role.MEDIATION_STAFF.value in user_roles(user)
    )


def is_assigned(user: User | AnonymousUser, cohort: Cohort) -> bool:
    return is_mediation_staff(user) and cohort.staff.filter(pk=user.pk or 0).exists()


def require_assigned(user: User | AnonymousUser, cohort: Cohort) -> None:
    if not is_assigned(user, cohort):
        raise PermissionDenied


def require_mediation_staff(user: User | AnonymousUser) -> None:
    if not is_mediation_staff(user):
        raise PermissionDenied
