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

Arguments must be JSON (ids and names, never model instances or bytes): the database backend
stores them, and a file travels through the storage API by its name.
"""

from __future__ import annotations

import datetime
import functools
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils import timezone
from django_tasks import task
from django_tasks.base import Task

from abierto.lib import metrics

from .models import Job

if TYPE_CHECKING:
    from django.contrib.auth.models import User

logger = logging.getLogger(__name__)

JobFunction = Callable[..., Any]


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


def job_step(job: Job, progress: int, step: str = "") -> None:
    """Report how far a running job has got (0 to 100) and what it is doing now."""
    _update(job, progress=max(0, min(progress, 100)), step=step[:300])


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
    )
    try:
        value = func(job, **kwargs)
    except JobRefused as exc:
        _update(job, status=Job.Status.FAILED, error=str(exc), finished_at=timezone.now())
        metrics.task_finished(job.task_name, "refused")
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
            _update(job, status=Job.Status.RETRYING, error=_short(exc))
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
            _update(job, status=Job.Status.FAILED, error=_short(exc), finished_at=timezone.now())
            metrics.task_finished(job.task_name, "failed")
        raise  # the backend records this attempt as failed, with its traceback
    _update(
        job,
        status=Job.Status.DONE,
        progress=100,
        error="",
        result_url=job.result_url,
        step=job.step,
        finished_at=timezone.now(),
    )
    metrics.task_finished(job.task_name, "done")
    return value


def background_task(
    *,
    max_attempts: int = 3,
    backoff_seconds: float = 30.0,
    queue_name: str = "default",
    priority: int = 0,
) -> Callable[[JobFunction], Task[..., Any]]:
    """Make ``func(job, **kwargs)`` a task that is retried and tracked as a :class:`Job`."""

    def decorate(func: JobFunction) -> Task[..., Any]:
        @functools.wraps(func)
        def runner_function(job_pk: int, **kwargs: Any) -> Any:
            return _run(func, runner, job_pk, kwargs, backoff_seconds)

        runner: Task[..., Any] = task(queue_name=queue_name, priority=priority)(runner_function)
        runner_function.max_attempts = max_attempts  # type: ignore[attr-defined]
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
