"""What the processes of ``test_chain``'s flock test run: each its own Django, on one SQLite
file. Nothing of Django is imported here before ``django.setup()``."""

from __future__ import annotations

import os
from typing import Any


def _setup(db_path: str) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{db_path}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "abierto.test_settings"
    import django

    django.setup()


def create_tables(db_path: str) -> None:
    """The tables the chain writes and its check reads."""
    _setup(db_path)
    from django.db import connection

    from abierto.directory.models import Institution
    from abierto.folder.models import AccessChainHead, AccessEvent, Document, Share

    # SQLite wants every table an inserted row's foreign keys name, even when they are NULL.
    with connection.schema_editor() as editor:
        for model in (Institution, AccessChainHead, Document, Share, AccessEvent):
            editor.create_model(model)


def append_events(db_path: str, name: str, calls: int, start: Any, results: Any) -> None:
    """Append ``calls`` batches of two events, counting the turns taken on the lock file."""
    _setup(db_path)
    import fcntl

    from abierto.folder.services import chain

    real_flock = fcntl.flock
    turns = []

    def counting_flock(handle: Any, operation: int) -> None:
        if operation == fcntl.LOCK_EX:
            turns.append(handle.name)
        real_flock(handle, operation)

    chain.fcntl.flock = counting_flock
    start.wait(timeout=60)
    for n in range(calls):
        chain.chain_append(
            [
                chain.ChainEvent(holder_index=name, action="view", actor_label=f"{name} {n}a"),
                chain.ChainEvent(holder_index=name, action="view", actor_label=f"{name} {n}b"),
            ]
        )
    results.put((name, turns))


def audit(db_path: str, results: Any) -> None:
    _setup(db_path)
    from abierto.folder.models import AccessEvent
    from abierto.folder.services import audit_chain_check

    results.put((audit_chain_check(), AccessEvent.objects.count()))
