"""The project's authentication backend: Django's, refusing the demo logins without DEBUG."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import ModelBackend

from .demo_accounts import demo_logins_allowed, is_demo_account


class AccountBackend(ModelBackend):
    """``ModelBackend`` that neither authenticates a demo account nor keeps its session open
    (``get_user`` asks ``user_can_authenticate`` too) unless ``DEBUG`` is on."""

    def user_can_authenticate(self, user: Any) -> bool:
        if is_demo_account(user) and not demo_logins_allowed():
            return False
        return super().user_can_authenticate(user)
