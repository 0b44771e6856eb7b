"""Per-request values that code far from the request (logging, the database router) reads."""

from __future__ import annotations

from contextvars import ContextVar

request_id: ContextVar[str] = ContextVar("request_id", default="")
# True while answering an anonymous, read-only request: its reads may go to the replica.
replica_reads: ContextVar[bool] = ContextVar("replica_reads", default=False)
