from __future__ import annotations

from django.http import HttpRequest

from .roles import Role
from .selectors import user_has_role


def roles(request: HttpRequest) -> dict[str, object]:
    """Expose ``is_facilitator`` and friends to templates, for navigation only."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {
            "is_facilitator": False,
            "is_member": False,
            "is_agency_clerk": False,
            "is_citizen": False,
        }
    return {
        "is_facilitator": user_has_role(user, Role.FACILITATOR),
        "is_member": user_has_role(user, Role.MEMBER),
        "is_agency_clerk": user_has_role(user, Role.AGENCY_CLERK),
        "is_citizen": user_has_role(user, Role.CITIZEN),
    }
