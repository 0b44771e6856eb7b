"""Helpers shared by the plan API's schemas."""

from typing import Any

from django.conf import settings


def absolute(path: str) -> str:
    return settings.SITE_URL + path


def number(value: Any) -> float | None:
    return None if value is None else float(value)
