"""The plan's services use the project's one set of audit helpers (``directory.audit``)."""

from abierto.directory.audit import audit_record, changes_between, jsonable, snapshot

__all__ = ["audit_record", "changes_between", "jsonable", "snapshot"]
