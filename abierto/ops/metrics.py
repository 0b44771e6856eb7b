"""What ``/metrics`` exposes: the process's (or all workers') metrics, and the task queue.

The queue depth is read from the task table when Prometheus scrapes, so it is right whichever
process enqueued or ran the tasks.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator

from django.apps import apps
from django.db import DatabaseError
from prometheus_client import REGISTRY, CollectorRegistry, generate_latest
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

logger = logging.getLogger(__name__)


def task_queue_depth() -> dict[tuple[str, str], int]:
    """Tasks waiting or running per (queue, status), from the database backend's table."""
    if not apps.is_installed("django_tasks_db"):
        return {}
    from django.db.models import Count
    from django_tasks_db.models import DBTaskResult

    rows = (
        DBTaskResult.objects.filter(status__in=["READY", "RUNNING"])
        .values("queue_name", "status")
        .annotate(n=Count("id"))
        .order_by()
    )
    return {(row["queue_name"], row["status"].lower()): row["n"] for row in rows}


def _queue_gauge() -> GaugeMetricFamily:
    return GaugeMetricFamily(
        "abierto_task_queue_depth",
        "Background tasks waiting (ready) or running, per queue.",
        labels=["queue", "status"],
    )


class TaskQueueCollector(Collector):
    def describe(self) -> Iterator[GaugeMetricFamily]:
        # Registering calls describe(), not collect(): no query before the database is ready.
        yield _queue_gauge()

    def collect(self) -> Iterator[GaugeMetricFamily]:
        gauge = _queue_gauge()
        try:
            depth = task_queue_depth()
        except DatabaseError:
            logger.warning("Task queue depth could not be read", exc_info=True)
            depth = {}
        for (queue, status), count in sorted(depth.items()):
            gauge.add_metric([queue, status], count)
        yield gauge


def exposition() -> bytes:
    """The metrics in Prometheus' text format, summed over gunicorn workers if there are many."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        registry.register(TaskQueueCollector())
        return generate_latest(registry)
    return generate_latest(REGISTRY)
