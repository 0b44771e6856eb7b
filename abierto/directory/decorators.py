"""View guards built on the access selectors."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.models import User
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.http.response import HttpResponseBase

from .roles import Role
from .selectors import user_has_role

View = Callable[..., HttpResponseBase]


def acting_user(request: HttpRequest) -> User:
    """The logged-in user of a request that a guard has already let through."""
    if not isinstance(request.user, User):
        raise PermissionDenied
    return request.user


def role_required(
    *roles: Role, or_if: Callable[[Any], bool] | None = None
) -> Callable[[View], View]:
    """Send anonymous users to the login page; refuse (403) users without any of ``roles``
    unless ``or_if(user)`` lets them in (another app's rule, e.g. a forum's own roles)."""

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            user = request.user
            allowed = any(user_has_role(user, role) for role in roles)
            if not allowed and not (or_if is not None and or_if(user)):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
