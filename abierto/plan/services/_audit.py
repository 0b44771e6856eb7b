"""Audit helpers shared by the plan's services."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.db import models

from abierto.directory.services import audit_record


def jsonable(value: Any) -> Any:
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


__all__ = ["audit_record", "changes_between", "jsonable"]
