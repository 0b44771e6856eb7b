"""The platform's Prometheus metrics, named in one place so every app counts the same way.

Apps call the small functions below (``documents_issued(3, channel="bulk")``); they never
create metrics of their own, so the names and labels scraped at ``/metrics`` stay stable.

With several gunicorn workers each process keeps its own counters: ``PROMETHEUS_MULTIPROC_DIR``
(set by ``gunicorn.conf.py``) makes ``prometheus_client`` write them to files that the
``/metrics`` view adds up (see ``docs/deploy.md``).
"""

from __future__ import annotations

from prometheus_client import Counter, Histogram

# Buckets from 5 ms to 10 s: pages are expected under 300 ms, PDFs and imports take longer.
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)

REQUEST_LATENCY = Histogram(
    "abierto_request_duration_seconds",
    "Time spent answering a request, by the name of the view that answered it.",
    ["view", "method", "status"],
    buckets=LATENCY_BUCKETS,
)
DOCUMENTS_ISSUED = Counter(
    "abierto_documents_issued",
    "Documents issued into citizens' folders (Carpeta Ciudadana).",
    ["channel"],
)
VERIFICATIONS = Counter(
    "abierto_verifications",
    "Verifications of issued documents, by their outcome.",
    ["outcome"],
)
TASKS_FINISHED = Counter(
    "abierto_tasks_finished",
    "Background task attempts that ended, by task and outcome (done, retried, failed).",
    ["task", "outcome"],
)


def status_class(status_code: int) -> str:
    """``"2xx"``, ``"4xx"``…: the label keeps a handful of values, not one per code."""
    return f"{status_code // 100}xx"


def request_observed(*, view: str, method: str, status_code: int, seconds: float) -> None:
    REQUEST_LATENCY.labels(view=view, method=method, status=status_class(status_code)).observe(
        seconds
    )


def documents_issued(count: int = 1, *, channel: str = "api") -> None:
    """Call after ``count`` documents are committed; channel: api (call or batch), bulk (a job)."""
    DOCUMENTS_ISSUED.labels(channel=channel).inc(count)


_verification_outcomes: dict[str, Counter] = {}


def verification_recorded(outcome: str) -> None:
    """Call once per verification; outcome: valid, revoked, expired, invalid, not_found, or
    limited (refused, past the budget of its network). The counter of each outcome is looked
    up once (a handful of values): this runs on the busiest public URL."""
    counter = _verification_outcomes.get(outcome)
    if counter is None:
        counter = _verification_outcomes[outcome] = VERIFICATIONS.labels(outcome=outcome)
    counter.inc()


def task_finished(task: str, outcome: str) -> None:
    TASKS_FINISHED.labels(task=task, outcome=outcome).inc()
