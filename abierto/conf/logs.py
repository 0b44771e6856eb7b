"""Logging: one JSON object per line with the request id, or plain text for a terminal."""

from __future__ import annotations

from .env import DEBUG, env

# One JSON object per line with the request id (LOG_FORMAT=json, the default without DEBUG),
# or plain text for a developer's terminal.
LOG_FORMAT = env("LOG_FORMAT", "text" if DEBUG else "json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {"()": "abierto.ops.logging.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "filters": {"request_id": {"()": "abierto.ops.logging.RequestIdFilter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json" if LOG_FORMAT == "json" else "text",
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        "axes": {"level": "WARNING"},
        "weasyprint": {"level": "WARNING"},
        # Each task's start and end; with DEBUG the tasks run inline (TASKS_BACKEND=immediate),
        # where these lines say nothing the page or the command does not already show.
        "django_tasks": {"level": "WARNING" if DEBUG else "INFO"},
        "fontTools": {"level": "WARNING"},
    },
}
