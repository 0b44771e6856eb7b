"""Which forum pages the menu offers: a municipal forum's people have no platform-wide role."""

from __future__ import annotations

from typing import Any

from django import template

from abierto.forum import access

register = template.Library()


@register.simple_tag
def manages_a_forum(user: Any) -> bool:
    return bool(user is not None and user.is_authenticated and access.manages_any_forum(user))


@register.simple_tag
def sits_in_a_forum(user: Any) -> bool:
    return bool(user is not None and user.is_authenticated and access.is_in_any_forum(user))
