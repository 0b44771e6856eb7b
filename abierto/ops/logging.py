"""One JSON object per log line, carrying the id of the request being answered.

Log shippers (journald, Loki, Elasticsearch…) read these lines without parsing rules; the
``request_id`` ties the lines of one request together, and to the ``X-Request-ID`` header
the person who reports a problem can read in their browser.
"""

from __future__ import annotations

import datetime
import json
import logging
from typing import Any

from . import context

# Attributes every LogRecord has; anything else was passed in ``extra=`` and is kept.
# ``request`` (added by Django) is left out: the access log line with the same id has the path.
_STANDARD = set(vars(logging.makeLogRecord({}))) | {"message", "asctime", "request_id", "request"}


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.datetime.fromtimestamp(record.created, tz=datetime.UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        request_id = getattr(record, "request_id", "") or context.request_id.get()
        if request_id and request_id != "-":
            entry["request_id"] = request_id
        for key, value in vars(record).items():
            if key not in _STANDARD and not key.startswith("_"):
                entry[key] = value
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


class RequestIdFilter(logging.Filter):
    """Adds ``request_id`` to records, for text formats that print ``%(request_id)s``."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not getattr(record, "request_id", ""):
            record.request_id = context.request_id.get() or "-"
        return True
