"""Running a service from a view: its refusal (a ``ValidationError``) as messages to show."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from django.core.exceptions import ValidationError


class FormLike(Protocol):
    def add_error(self, field: str | None, error: Any) -> None: ...


def refusals(action: Callable[[], Any]) -> list[str]:
    """Run ``action``; the messages of its refusal, or an empty list when it went through."""
    try:
        action()
    except ValidationError as exc:
        return list(exc.messages)
    return []


def attempt(form: FormLike, action: Callable[[], Any]) -> bool:
    """Run a service; put its refusal on the form. True when it went through."""
    errors = refusals(action)
    for message in errors:
        form.add_error(None, message)
    return not errors
