"""Background jobs: retried with backoff, followed by people, run by the database worker."""

import datetime
from unittest import mock

import pytest
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from abierto.ops.background import backoff_delay, job_enqueue
from abierto.ops.models import Job

from . import jobs

DATABASE_TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default", "mail", "documents"],
    }
}


def run_worker() -> None:
    """What `manage.py db_worker --batch` does: run every ready task, then stop.

    The worker closes "old" connections between tasks; inside a test's transaction that would
    close the test's own connection (PostgreSQL), so it is left alone here.
    """
    with mock.patch(
        "django_tasks_db.management.commands.db_worker.close_old_connections", return_value=None
    ):
        _worker().run()


def _worker() -> Worker:
    return Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = DATABASE_TASKS


def test_backoff_doubles_and_stops_at_an_hour():
    assert [backoff_delay(n, 30).total_seconds() for n in (1, 2, 3)] == [30, 60, 120]
    assert backoff_delay(20, 30) == datetime.timedelta(hours=1)


@pytest.mark.django_db
def test_a_task_that_fails_once_is_retried_and_succeeds(facilitator):
    job = job_enqueue(jobs.flaky, label="Correo", actor=facilitator, failures=1)
    assert job.status == Job.Status.DONE
    assert job.attempts == 2
    assert (job.progress, job.result_url, job.error) == (100, "/listo/", "")
    assert job.finished_at is not None


@pytest.mark.django_db
def test_a_task_that_keeps_failing_gives_up_after_its_attempts():
    job = job_enqueue(jobs.flaky, label="Correo", failures=99)
    assert job.status == Job.Status.FAILED
    assert job.attempts == job.max_attempts == 3
    assert "attempt 3: the mail server went away" in job.error


@pytest.mark.django_db
def test_a_refused_job_is_not_retried_and_says_why():
    job = job_enqueue(jobs.refused, label="Lectura")
    assert (job.status, job.attempts) == (Job.Status.FAILED, 1)
    assert job.error == "El PDF no tiene capa de texto."


@pytest.mark.django_db
def test_the_database_worker_retries_a_failed_task(database_tasks):
    job = job_enqueue(jobs.flaky, label="Correo", failures=1)
    # The request returns at once: the work waits for a worker.
    assert (job.status, job.attempts) == (Job.Status.QUEUED, 0)
    assert DBTaskResult.objects.get().status == "READY"
    run_worker()
    job.refresh_from_db()
    assert (job.status, job.attempts) == (Job.Status.DONE, 2)
    first, second = DBTaskResult.objects.order_by("enqueued_at")
    # The failed attempt is kept with its traceback; the retry carries the same job.
    assert first.status == "FAILED"
    assert "the mail server went away" in first.traceback
    assert second.status == "SUCCESSFUL"
    assert second.return_value == "done on attempt 2"
    assert first.args_kwargs == second.args_kwargs
    assert job.task_result_id == str(second.id)


@pytest.mark.django_db
def test_a_retry_waits_for_its_backoff(database_tasks):
    before = timezone.now()
    job = job_enqueue(jobs.flaky_with_backoff, label="Correo", failures=1)
    run_worker()
    job.refresh_from_db()
    assert (job.status, job.attempts) == (Job.Status.RETRYING, 1)
    retry = DBTaskResult.objects.get(status="READY")
    assert retry.run_after >= before + datetime.timedelta(seconds=60)
    # Not before its time: a worker passing now leaves it alone.
    run_worker()
    job.refresh_from_db()
    assert job.status == Job.Status.RETRYING
    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
    run_worker()
    job.refresh_from_db()
    assert (job.status, job.attempts) == (Job.Status.DONE, 2)
