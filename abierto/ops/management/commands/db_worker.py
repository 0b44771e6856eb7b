"""`manage.py db_worker`: django-tasks-db's worker, which also reclaims the jobs of dead ones.

A worker killed mid-job (``kill -9``, a lost machine) leaves its job running with a lease
nobody renews. This worker looks for expired leases when it starts and then every half lease,
from a thread of its own, so no other process is needed (see ``ops.background``).
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from django.conf import settings
from django.db import DatabaseError, connection
from django_tasks_db.management.commands import db_worker

from abierto.ops.background import jobs_reclaim_expired

logger = logging.getLogger(__name__)


def _reclaim() -> None:
    try:
        reclaimed = jobs_reclaim_expired()
    except DatabaseError:  # a locked or briefly absent database: the next sweep retries
        logger.warning("Could not reclaim expired jobs", exc_info=True)
        return
    if reclaimed:
        logger.warning("Reclaimed %s jobs whose worker had died", reclaimed)


def _sweep_forever(stopped: threading.Event) -> None:
    try:
        while not stopped.wait(settings.JOB_LEASE_SECONDS / 2):
            _reclaim()
    finally:
        connection.close()  # this thread's own connection


class Command(db_worker.Command):
    help = (
        "Ejecuta las tareas en segundo plano guardadas en la base de datos y reanuda o da por "
        "fallidas las de procesos que murieron."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        _reclaim()
        stopped = threading.Event()
        if not options.get("batch"):
            threading.Thread(
                target=_sweep_forever, args=(stopped,), daemon=True, name="job-lease-sweep"
            ).start()
        try:
            super().handle(*args, **options)
        finally:
            stopped.set()
