from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpsConfig(AppConfig):
    """Running the platform: health, metrics, request ids, background jobs, database routing."""

    name = "abierto.ops"
    verbose_name = _("Operación de la plataforma")

    def ready(self) -> None:
        from django.contrib.admin.models import LogEntry
        from django.db.models.signals import post_save
        from prometheus_client import REGISTRY

        from abierto.directory.signals import records_changed

        from . import page_cache

        # The public pages' cache starts a new version after a write to a public record
        # (services) or any change made in Django's admin.
        records_changed.connect(page_cache.records_changed, dispatch_uid="page_cache")
        post_save.connect(page_cache.bump_version, sender=LogEntry, dispatch_uid="page_cache")

        from .metrics import TaskQueueCollector

        # Registered once per process; a test runner may call ready() again.
        if not getattr(REGISTRY, "_abierto_queue_collector", False):
            REGISTRY.register(TaskQueueCollector())
            REGISTRY._abierto_queue_collector = True  # type: ignore[attr-defined]
