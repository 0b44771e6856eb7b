"""What every facilitator page shares: the role check, finding the session, running a service."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404

from abierto.directory.decorators import role_required
from abierto.directory.roles import Role

from ..models import Session

facilitator_only = role_required(Role.FACILITATOR)


def _session(public_id: str) -> Session:
    try:
        return Session.objects.select_related("forum").get(public_id=public_id)
    except Session.DoesNotExist as exc:
        raise Http404 from exc


def _attempt(form: Any, action: Callable[[], Any]) -> bool:
    """Run a service; put its refusal on the form. True when it went through."""
    try:
        action()
    except ValidationError as exc:
        for message in exc.messages:
            form.add_error(None, message)
        return False
    return True
