"""gunicorn, the production server: ``gunicorn -c gunicorn.conf.py abierto.wsgi`` (``make serve``).

Everything comes from the environment:

- ``BIND`` (default ``127.0.0.1:8000``): behind a reverse proxy or load balancer, never
  exposed directly to the internet.
- ``WEB_CONCURRENCY``: worker processes, default 2 * cores + 1.
- ``GUNICORN_THREADS`` (default 4): threads per worker (gthread), for requests that wait on
  the database or storage.
- ``GUNICORN_TIMEOUT`` (default 30 s) and ``GUNICORN_GRACEFUL_TIMEOUT`` (default 30 s): a
  restart lets requests in flight finish before workers stop.
- ``GUNICORN_REUSE_PORT`` (default 1): each worker listens on its own socket
  (``SO_REUSEPORT``), so the kernel spreads new connections over the workers; with one shared
  socket a burst of keep-alive connections could all land on the worker that woke first,
  leaving the others idle (seen in the benchmark as slices at a third of the ceiling).
- ``PROMETHEUS_MULTIPROC_DIR``: where workers write their metrics so that ``/metrics``
  adds them up; default ``var/prometheus``, emptied when the server starts.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
from pathlib import Path
from typing import Any

_var = Path(os.environ.get("VAR_DIR", Path(__file__).resolve().parent / "var"))

bind = os.environ.get("BIND", "127.0.0.1:8000").split(",")
workers = int(os.environ.get("WEB_CONCURRENCY", 2 * multiprocessing.cpu_count() + 1))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
keepalive = 5
reuse_port = os.environ.get("GUNICORN_REUSE_PORT", "1") == "1"
# Workers fork from a master that has imported the whole application (abierto/wsgi.py warms
# it): a new or recycled worker serves its first request in milliseconds, not a second.
preload_app = True
# Recycle workers now and then, so a slow leak never grows into an outage.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = max_requests // 10
# Uploads (up to 20 MB) wait in memory or a temporary file, not in a worker's slow read.
limit_request_line = 8190
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
proxy_allow_ips = forwarded_allow_ips

accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
logger_class = "abierto.ops.gunicorn_logging.JsonAccessLogger"

wsgi_app = "abierto.wsgi:application"
# gunicorn 24+ opens a control socket in $HOME; several servers on one host would share it.
control_socket_disable = True
raw_env = ["DJANGO_SETTINGS_MODULE=" + os.environ.get("DJANGO_SETTINGS_MODULE", "abierto.settings")]

_metrics_dir = Path(os.environ.setdefault("PROMETHEUS_MULTIPROC_DIR", str(_var / "prometheus")))


def on_starting(server: Any) -> None:
    # Files of a previous run would be added to this run's counters.
    shutil.rmtree(_metrics_dir, ignore_errors=True)
    _metrics_dir.mkdir(parents=True, exist_ok=True)


def child_exit(server: Any, worker: Any) -> None:
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)
