"""Reads of the open-data portal's own records."""

from django.db.models import QuerySet

from .models import AccessPlatform


def access_platforms() -> QuerySet[AccessPlatform]:
    return AccessPlatform.objects.select_related("operator").order_by("kind", "name")
