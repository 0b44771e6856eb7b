"""Audit helpers shared by the forum's services."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import models

from abierto.directory.services import audit_record


def snapshot(instance: models.Model, fields: list[str]) -> dict[str, Any]:
    return {name: getattr(instance, name) for name in fields}


def jsonable(value: Any) -> Any:
    if isinstance(value, datetime.date | datetime.time | datetime.datetime):
        return value.isoformat()
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
