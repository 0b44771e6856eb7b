"""Background work on Django's task framework, with retries and a job people can follow.

An app writes its work as a function that receives the :class:`~abierto.ops.models.Job`::

    @background_task(max_attempts=3)
    def acta_read(job: Job, *, forum_id: int, stored_name: str) -> None:
        job_step(job, 30, _("Leyendo el archivo"))
        ...
        job.result_url = reverse(...)

and starts it with ``job_enqueue(acta_read, label=..., actor=..., forum_id=...)``, which records
the job and enqueues its first attempt. A label given as a Spanish message id marked with
``gettext_noop`` and its ``label_params`` is shown in each reader's language::

    job_enqueue(acta_read, label=gettext_noop("Lectura del acta «%(name)s»"),
                label_params={"name": filename}, actor=actor, forum_id=forum.pk)

The task framework (the ``django-tasks`` backport) has
no retries of its own: an attempt that raises is recorded as failed by the backend, and a new
attempt is enqueued to run after an exponential backoff, until ``max_attempts``. A
:class:`JobRefused` error is not retried: the work cannot succeed (an unreadable file), and its
message is shown to the person who asked for it.

A running job holds a lease (``JOB_LEASE_SECONDS``) that its worker renews at every
:func:`job_step` and from a heartbeat thread. A worker that dies (``kill -9``, a lost machine)
stops renewing it; once it has expired, :func:`jobs_reclaim_expired` (run by ``db_worker`` and
when the job pages are read) enqueues a new attempt of a job marked ``resumable`` (its work
picks up where it stopped) and fails the others with a message that says so, calling their
``on_failure`` to remove what they leave behind (an upload).

Arguments must be JSON (ids and names, never model instances or bytes): the database backend
stores them, and a file travels through the storage API by its name.
"""

from __future__ import annotations

import contextlib
import datetime
import functools
import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import DatabaseError, connection, transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django_tasks import task
from django_tasks.base import Task

from abierto.lib import metrics

from .models import Job

if TYPE_CHECKING:
    from django.contrib.auth.models import User

logger = logging.getLogger(__name__)

JobFunction = Callable[..., Any]
FailureHook = Callable[[dict[str, Any]], None]


class JobRefused(Exception):  # noqa: N818 (a refusal, not an error of the platform)
    """The work cannot be done as asked; retrying would not help. Its message is for people."""


def backoff_delay(attempt: int, base_seconds: float) -> datetime.timedelta:
    """Wait before attempt ``attempt + 1``: base, twice that, four times… at most an hour."""
    return datetime.timedelta(seconds=min(base_seconds * 2 ** (attempt - 1), 3600))


def _short(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    return f"{type(exc).__name__}: {text}"[:1000]


def _update(job: Job, **fields: Any) -> None:
    """Write these fields only: another attempt may have changed the others meanwhile."""
    for name, value in fields.items():
        setattr(job, name, value)
    Job.objects.filter(pk=job.pk).update(**fields, updated_at=timezone.now())


def _lease() -> datetime.datetime:
    return timezone.now() + datetime.timedelta(seconds=settings.JOB_LEASE_SECONDS)


def job_step(job: Job, progress: int, step: str = "") -> None:
    """Report how far a running job has got (0 to 100) and what it is doing now."""
    _update(job, progress=max(0, min(progress, 100)), step=step[:300], lease_expires_at=_lease())


class _Heartbeat(threading.Thread):
    """Renews a running job's lease while its work runs, so a long step is not taken for
    a dead worker. It dies with the process: that is what lets the lease expire."""

    def __init__(self, job_pk: int) -> None:
        super().__init__(daemon=True, name=f"job-{job_pk}-lease")
        self.job_pk = job_pk
        self.stopped = threading.Event()

    def run(self) -> None:
        try:
            while not self.stopped.wait(settings.JOB_LEASE_SECONDS / 4):
                Job.objects.filter(pk=self.job_pk, status=Job.Status.RUNNING).update(
                    lease_expires_at=_lease()
                )
        except DatabaseError:
            logger.warning("Could not renew the lease of job %s", self.job_pk, exc_info=True)
        finally:
            connection.close()  # this thread's own connection

    def stop(self) -> None:
        self.stopped.set()
        self.join(timeout=5)


def _fail_hook(func: Any, job: Job, kwargs: dict[str, Any]) -> None:
    """Remove what a job that failed for good leaves behind (its ``on_failure``)."""
    hook: FailureHook | None = getattr(func, "on_failure", None)
    if hook is None:
        return
    try:
        hook(kwargs)
    except Exception:
        logger.exception("Cleaning up after job %s failed", job.public_id)


def _enqueue_attempt(runner: Task[..., Any], job: Job, kwargs: dict[str, Any], delay: Any) -> None:
    chosen = runner
    if delay is not None and runner.get_backend().supports_defer:
        chosen = runner.using(run_after=timezone.now() + delay)
    result = chosen.enqueue(job.pk, **kwargs)
    Job.objects.filter(pk=job.pk).update(task_result_id=str(result.id)[:64])


def _run(
    func: JobFunction,
    runner: Task[..., Any],
    job_pk: int,
    kwargs: dict[str, Any],
    backoff_seconds: float,
) -> Any:
    job = Job.objects.get(pk=job_pk)
    if job.finished:
        return None  # delivered twice: the work is already done (or given up)
    _update(
        job,
        attempts=job.attempts + 1,
        status=Job.Status.RUNNING,
        progress=max(job.progress, 5),
        lease_expires_at=_lease(),
    )
    heartbeat = _Heartbeat(job.pk)
    heartbeat.start()
    try:
        value = func(job, **kwargs)
    except JobRefused as exc:
        _update(
            job,
            status=Job.Status.FAILED,
            error=str(exc),
            finished_at=timezone.now(),
            lease_expires_at=None,
        )
        metrics.task_finished(job.task_name, "refused")
        _fail_hook(runner.func, job, kwargs)
        return {"refused": str(exc)}
    except Exception as exc:
        if job.attempts < job.max_attempts:
            delay = backoff_delay(job.attempts, backoff_seconds)
            logger.warning(
                "Task %s (job %s) failed on attempt %s of %s; retrying in %s s",
                job.task_name,
                job.public_id,
                job.attempts,
                job.max_attempts,
                delay.total_seconds(),
                exc_info=True,
            )
            _update(job, status=Job.Status.RETRYING, error=_short(exc), lease_expires_at=None)
            metrics.task_finished(job.task_name, "retried")
            _enqueue_attempt(runner, job, kwargs, delay)
        else:
            logger.error(
                "Task %s (job %s) failed for good after %s attempts",
                job.task_name,
                job.public_id,
                job.attempts,
                exc_info=True,
            )
            _update(
                job,
                status=Job.Status.FAILED,
                error=_short(exc),
                finished_at=timezone.now(),
                lease_expires_at=None,
            )
            metrics.task_finished(job.task_name, "failed")
            _fail_hook(runner.func, job, kwargs)
        raise  # the backend records this attempt as failed, with its traceback
    finally:
        heartbeat.stop()
    _update(
        job,
        status=Job.Status.DONE,
        progress=100,
        error="",
        result_url=job.result_url,
        step=job.step,
        finished_at=timezone.now(),
        lease_expires_at=None,
    )
    metrics.task_finished(job.task_name, "done")
    return value


def background_task(
    *,
    max_attempts: int = 3,
    backoff_seconds: float = 30.0,
    queue_name: str = "default",
    priority: int = 0,
    resumable: bool = False,
    on_failure: FailureHook | None = None,
) -> Callable[[JobFunction], Task[..., Any]]:
    """Make ``func(job, **kwargs)`` a task that is retried and tracked as a :class:`Job`.

    ``resumable``: a new attempt after its worker died picks up where the last one stopped
    (and never does twice what was done), so an expired lease enqueues one. ``on_failure``
    receives the task's arguments once the job has failed for good, to remove what it leaves
    behind.
    """

    def decorate(func: JobFunction) -> Task[..., Any]:
        @functools.wraps(func)
        def runner_function(job_pk: int, **kwargs: Any) -> Any:
            return _run(func, runner, job_pk, kwargs, backoff_seconds)

        runner: Task[..., Any] = task(queue_name=queue_name, priority=priority)(runner_function)
        runner_function.max_attempts = max_attempts  # type: ignore[attr-defined]
        runner_function.resumable = resumable  # type: ignore[attr-defined]
        runner_function.on_failure = on_failure  # type: ignore[attr-defined]
        return runner

    return decorate


def job_enqueue(
    runner: Task[..., Any],
    *,
    label: str,
    label_params: dict[str, Any] | None = None,
    actor: User | None = None,
    **kwargs: Any,
) -> Job:
    """Record a job and enqueue its first attempt; returns it as it stands afterwards.

    With ``label_params``, ``label`` is a message id (Spanish, ``gettext_noop``) that pages
    translate when they show it; without them, a text shown as it is.

    With the immediate backend (tests, ``TASKS_BACKEND=immediate``) the job has already run
    when this returns. Call it after commit (``transaction.on_commit``) when the work reads
    rows written by the current transaction.
    """
    msgid = ""
    if label_params is not None:
        msgid, label = label, label % label_params
    job = Job.objects.create(
        task_name=runner.module_path,
        label=label[:300],
        label_msgid=msgid[:300],
        label_params=label_params or {},
        arguments=kwargs,
        created_by=actor,
        max_attempts=getattr(runner.func, "max_attempts", 3),
    )
    _enqueue_attempt(runner, job, kwargs, None)
    job.refresh_from_db()
    return job


def job_enqueue_on_commit(
    runner: Task[..., Any],
    *,
    label: str,
    label_params: dict[str, Any] | None = None,
    actor: User | None = None,
    **kwargs: Any,
) -> None:
    transaction.on_commit(
        lambda: job_enqueue(runner, label=label, label_params=label_params, actor=actor, **kwargs)
    )


def _orphan_attempt_close(job: Job) -> None:
    """The dead worker's attempt stays "running" in the task backend: record it as failed."""
    if not job.task_result_id:
        return
    from django.apps import apps

    if not apps.is_installed("django_tasks_db"):
        return
    from django_tasks_db.models import DBTaskResult

    with contextlib.suppress(ValidationError, ValueError):  # an id of the immediate backend
        DBTaskResult.objects.filter(pk=job.task_result_id, status="RUNNING").update(
            status="FAILED", finished_at=timezone.now()
        )


def jobs_reclaim_expired() -> int:
    """Resume or fail the running jobs whose lease has expired; returns how many.

    Each is claimed with a conditional update, so two workers (or a worker and a page) that
    sweep at once handle it once.
    """
    now = timezone.now()
    reclaimed = 0
    expired = Job.objects.filter(status=Job.Status.RUNNING, lease_expires_at__lt=now)
    for job in expired.order_by("pk")[:100]:
        try:
            runner: Task[..., Any] | None = import_string(job.task_name)
        except ImportError:
            runner = None
        func = getattr(runner, "func", None)
        resume = (
            runner is not None
            and getattr(func, "resumable", False)
            and job.attempts < job.max_attempts
        )
        claim = Job.objects.filter(
            pk=job.pk, status=Job.Status.RUNNING, lease_expires_at=job.lease_expires_at
        )
        if resume:
            error = _(
                "El proceso que ejecutaba esta tarea se detuvo sin terminarla; se reanuda "
                "donde quedó."
            )
            if not claim.update(
                status=Job.Status.RETRYING, error=error, lease_expires_at=None, updated_at=now
            ):
                continue
            logger.warning("Job %s lost its worker; resuming it", job.public_id)
            _orphan_attempt_close(job)
            assert runner is not None
            _enqueue_attempt(runner, job, job.arguments, None)
        else:
            error = _(
                "El proceso que ejecutaba esta tarea se detuvo sin terminarla (se reinició o "
                "se cayó el servidor). Vuelva a solicitarla."
            )
            if not claim.update(
                status=Job.Status.FAILED,
                error=error,
                lease_expires_at=None,
                finished_at=now,
                updated_at=now,
            ):
                continue
            logger.error("Job %s lost its worker; failed", job.public_id)
            _orphan_attempt_close(job)
            metrics.task_finished(job.task_name, "failed")
            _fail_hook(func, job, job.arguments)
        reclaimed += 1
    return reclaimed
