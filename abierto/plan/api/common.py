"""Helpers shared by the plan API's schemas."""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter
from typing import Any

from django.conf import settings


def absolute(path: str) -> str:
    return settings.SITE_URL + path


def number(value: Any) -> float | None:
    return None if value is None else float(value)


def reading(
    path: str,
    *,
    start: Callable[[Any], Any] | None = None,
    then: Callable[[Any], Any] | None = None,
) -> staticmethod[[Any], Any]:
    """A schema resolver that follows the dotted attribute ``path`` from the object (or from
    ``start(obj)``) and passes the value through ``then``: ``resolve_code =
    reading("indicator.code")`` instead of a static method a field that only reads through."""
    get = attrgetter(path)

    def resolve(obj: Any) -> Any:
        value = get(start(obj) if start else obj)
        return then(value) if then else value

    return staticmethod(resolve)
