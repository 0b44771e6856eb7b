"""Audit helpers shared by every app's services: one place for what a change records.

``audit_record`` writes the row; ``snapshot`` and ``changes_between`` build the
``{field: [old, new]}`` mapping it stores, with values made JSON-safe by ``jsonable``.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.db import models

from abierto.directory.services import audit_record


def snapshot(instance: models.Model, fields: list[str]) -> dict[str, Any]:
    """The current values of ``fields`` on ``instance``, to compare after a change."""
    return {name: getattr(instance, name) for name in fields}


def jsonable(value: Any) -> Any:
    """A value the audit row's JSON field can hold: dates as ISO text, decimals as text,
    model instances as their primary key."""
    if isinstance(value, datetime.date | datetime.time | datetime.datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, models.Model):
        return str(value.pk)
    return value


def changes_between(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    """``{field: [old, new]}`` for the fields that changed."""
    return {
        name: [jsonable(before[name]), jsonable(after[name])]
        for name in before
        if before[name] != after[name]
    }


__all__ = ["audit_record", "changes_between", "jsonable", "snapshot"]
