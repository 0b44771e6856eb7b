"""A worker killed mid-job leaves a lease that expires: the job is resumed or failed."""

import datetime
from unittest import mock

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from abierto.ops.background import job_enqueue
from abierto.ops.models import Job

from . import jobs
from .test_background import DATABASE_TASKS, run_worker


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = DATABASE_TASKS


def run_db_worker() -> None:
    """`manage.py db_worker --batch`, the command a restarted worker runs."""
    with mock.patch(
        "django_tasks_db.management.commands.db_worker.close_old_connections", return_value=None
    ):
        call_command("db_worker", "--batch", "--queue-name", "*", "--no-reload", verbosity=0)


def kill_mid_job(**kwargs) -> Job:
    job = job_enqueue(jobs.killed_once, label="Lectura", **kwargs)
    run_worker()  # the worker records the attempt as failed; the job is left mid-way
    job.refresh_from_db()
    assert (job.status, job.progress) == (Job.Status.RUNNING, 35)
    return job


@pytest.mark.django_db
def test_a_job_of_a_killed_worker_is_failed_with_a_clear_message_when_its_lease_expires(
    database_tasks,
):
    job = kill_mid_job(step=35)
    # While the lease lasts, a worker passing by does not touch it: it may still be running.
    run_db_worker()
    job.refresh_from_db()
    assert job.status == Job.Status.RUNNING
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=1)):
        run_db_worker()
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED
    assert "se detuvo" in job.error
    assert job.finished_at is not None


@pytest.mark.django_db
def test_the_task_list_fails_jobs_whose_lease_expired(database_tasks, client_as, facilitator):
    job = kill_mid_job(step=35)
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=1)):
        page = client_as(facilitator).get(reverse("ops:job_list"))
    assert page.status_code == 200
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED
    assert "Fallida" in page.text
    assert "se detuvo sin terminarla" in page.text
