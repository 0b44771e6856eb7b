from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpsConfig(AppConfig):
    """Running the platform: health, metrics, request ids, background jobs, database routing."""

    name = "abierto.ops"
    verbose_name = _("Operación de la plataforma")

    def ready(self) -> None:
        from prometheus_client import REGISTRY

        from .metrics import TaskQueueCollector

        # Registered once per process; a test runner may call ready() again.
        if not getattr(REGISTRY, "_abierto_queue_collector", False):
            REGISTRY.register(TaskQueueCollector())
            REGISTRY._abierto_queue_collector = True  # type: ignore[attr-defined]
