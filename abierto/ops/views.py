"""Health, readiness and metrics for machines; background jobs for people."""

from __future__ import annotations

import hmac
import logging
import uuid
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.core.paginator import Paginator
from django.db import connections
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from prometheus_client.exposition import CONTENT_TYPE_PLAIN_0_0_4

from . import selectors
from .background import jobs_reclaim_expired
from .metrics import exposition, task_queue_depth
from .models import Job

logger = logging.getLogger(__name__)
QUEUE_STATES = {"ready": _("en espera"), "running": _("en curso")}


@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    """The process is alive and answering; nothing else is checked."""
    return JsonResponse({"status": "ok"})


def _check_database(alias: str) -> None:
    with connections[alias].cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _check_cache() -> None:
    key = f"readyz:{uuid.uuid4().hex}"
    cache.set(key, "1", timeout=10)
    if cache.get(key) != "1":
        raise RuntimeError("the cache did not return what was just stored")
    cache.delete(key)


def _check_storage() -> None:
    bucket = getattr(default_storage, "bucket_name", None)
    if bucket:
        # Object storage: HEAD of the bucket (a missing object and a missing bucket look alike).
        default_storage.connection.meta.client.head_bucket(Bucket=bucket)  # type: ignore[attr-defined]
        return
    # A name that never exists: asking for it proves the disk answers, without writing.
    default_storage.exists("readyz-probe")


def readiness_checks() -> dict[str, Callable[[], None]]:
    checks: dict[str, Callable[[], None]] = {
        f"database:{alias}" if alias != "default" else "database": (
            lambda alias=alias: _check_database(alias)  # type: ignore[misc]
        )
        for alias in settings.DATABASES
    }
    checks["cache"] = _check_cache
    checks["storage"] = _check_storage
    return checks


@never_cache
def readyz(request: HttpRequest) -> HttpResponse:
    """Ready for traffic: the database(s), the cache and the storage answer.

    Each client has its own short timeout (``DB_CONNECT_TIMEOUT``, the Redis socket timeouts,
    the S3 client's), so a load balancer gets an answer within a few seconds either way.
    """
    results: dict[str, str] = {}
    for name, check in readiness_checks().items():
        try:
            check()
        except Exception as exc:
            logger.warning("Readiness check %s failed", name, exc_info=True)
            results[name] = f"error: {type(exc).__name__}"
        else:
            results[name] = "ok"
    ready = all(value == "ok" for value in results.values())
    return JsonResponse(
        {"status": "ok" if ready else "unavailable", "checks": results},
        status=200 if ready else 503,
    )


@never_cache
@require_safe
def metrics(request: HttpRequest) -> HttpResponse:
    """Prometheus' classic text format (0.0.4, read by every Prometheus version).

    With ``METRICS_TOKEN`` set, only for ``Authorization: Bearer <token>``; without it, only
    with ``METRICS_PUBLIC`` (a 404 otherwise: a production site does not publish by mistake
    what its routes are asked and how long they take).
    """
    token = settings.METRICS_TOKEN
    if not token and not settings.METRICS_PUBLIC:
        raise Http404
    if token:
        given = request.headers.get("Authorization", "")
        if not hmac.compare_digest(given.encode(), f"Bearer {token}".encode()):
            response = HttpResponse("Unauthorized\n", status=401, content_type="text/plain")
            response["WWW-Authenticate"] = 'Bearer realm="metrics"'
            return response
    return HttpResponse(exposition(), content_type=CONTENT_TYPE_PLAIN_0_0_4)


@require_safe
def job_list(request: HttpRequest) -> HttpResponseBase:
    """Every background job with its state: for facilitators and the back office."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    jobs = selectors.access_jobs(request.user)
    jobs_reclaim_expired()  # a killed worker's job is not shown "running" for ever
    status = request.GET.get("estado", "")
    if status in Job.Status.values:
        jobs = jobs.filter(status=status)
    page = Paginator(jobs, 50).get_page(request.GET.get("pagina"))
    return render(
        request,
        "ops/job_list.html",
        {
            "page": page,
            "statuses": Job.Status.choices,
            "status": status,
            "queue": [
                (queue, QUEUE_STATES.get(state, state), count)
                for (queue, state), count in sorted(task_queue_depth().items())
            ],
        },
    )


def _job_or_404(request: HttpRequest, public_id: str) -> Job:
    if not request.user.is_authenticated:
        raise Http404
    try:
        job = selectors.job_for(request.user, public_id)
    except Job.DoesNotExist:
        raise Http404 from None
    if job.lease_expired:
        jobs_reclaim_expired()
        job.refresh_from_db()
    return job


@require_safe
def job_detail(request: HttpRequest, public_id: str) -> HttpResponseBase:
    """A job's progress page; the bar updates itself (htmx) while the job runs."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    job = _job_or_404(request, public_id)
    return render(request, "ops/job_detail.html", {"job": job})


@never_cache
@require_safe
def job_status(request: HttpRequest, public_id: str) -> HttpResponse:
    """The progress fragment htmx polls; once the job is done, htmx goes to its result."""
    job = _job_or_404(request, public_id)
    response = render(request, "ops/_job_status.html", {"job": job})
    if job.status == Job.Status.DONE and job.result_url and request.headers.get("HX-Request"):
        response["HX-Redirect"] = job.result_url
    return response
