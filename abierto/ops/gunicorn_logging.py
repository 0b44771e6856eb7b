"""gunicorn's access log as one JSON object per request (see ``gunicorn.conf.py``)."""

from __future__ import annotations

import datetime
import json
from typing import Any

from gunicorn.glogging import Logger


class JsonAccessLogger(Logger):
    def access(self, resp: Any, req: Any, environ: dict[str, Any], request_time: Any) -> None:
        if not self.access_log_enabled:
            return
        try:
            atoms = self.atoms(resp, req, environ, request_time)
            status = str(atoms["s"])
            entry = {
                "time": datetime.datetime.now(tz=datetime.UTC).isoformat(timespec="milliseconds"),
                "level": "INFO",
                "logger": "gunicorn.access",
                "request_id": atoms.get("{x-request-id}o", ""),
                "method": atoms["m"],
                "path": atoms["U"],
                "status": int(status) if status.isdigit() else status,
                "bytes": atoms["B"],
                "duration_ms": round(request_time.total_seconds() * 1000, 2),
                "remote": atoms["h"],
                "user_agent": atoms["a"],
            }
            self.access_log.info(json.dumps(entry, ensure_ascii=False))
        except Exception:  # a log line must never break a response
            self.error("The JSON access log line could not be written")
