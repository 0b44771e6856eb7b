"""Reads of anonymous requests to the read replica; everything else to the primary.

Installed only when ``DATABASE_REPLICA_URL`` is set. Which requests may read from the replica
is decided by :class:`~abierto.ops.middleware.ReplicaReadsMiddleware`; background workers,
management commands and signed-in people always read from the primary.
"""

from __future__ import annotations

from typing import Any

from django.db import models, transaction

from . import context

REPLICA = "replica"


class PrimaryReplicaRouter:
    def db_for_read(self, model: type[models.Model], **hints: Any) -> str:
        # Inside a transaction, read what it has written.
        if (
            context.replica_reads.get()
            and not transaction.get_connection("default").in_atomic_block
        ):
            return REPLICA
        return "default"

    def db_for_write(self, model: type[models.Model], **hints: Any) -> str:
        return "default"

    def allow_relation(self, obj1: models.Model, obj2: models.Model, **hints: Any) -> bool:
        return True  # one database, two copies of it

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool:
        return db == "default"
