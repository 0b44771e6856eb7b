"""Staff follow background jobs; the person who started one follows its progress bar."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from abierto.ops.background import job_enqueue
from abierto.ops.models import Job

from . import jobs
from .test_background import DATABASE_TASKS, run_worker


@pytest.mark.django_db
def test_facilitators_see_every_job_with_its_state(client_as, facilitator, member):
    job_enqueue(jobs.flaky, label="Envío de la convocatoria STL/001/2030", actor=member, failures=0)
    job_enqueue(jobs.flaky, label="Correo perdido", failures=99)
    response = client_as(facilitator).get(reverse("ops:job_list"))
    assert response.status_code == 200
    assert "Envío de la convocatoria STL/001/2030" in response.text
    assert "Terminada" in response.text
    assert "Fallida" in response.text
    assert "the mail server went away" in response.text
    failed = client_as(facilitator).get(reverse("ops:job_list"), {"estado": "failed"})
    assert "Correo perdido" in failed.text
    assert "STL/001/2030" not in failed.text


@pytest.mark.django_db
def test_staff_of_the_back_office_see_the_jobs_too(client_as):
    staff = get_user_model().objects.create_user("oficina", is_staff=True)
    assert client_as(staff).get(reverse("ops:job_list")).status_code == 200


@pytest.mark.django_db
def test_outsiders_members_and_anonymous_people_do_not_see_the_jobs(
    client, client_as, outsider, member
):
    anonymous = client.get(reverse("ops:job_list"))
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith(reverse("login"))
    assert client_as(outsider).get(reverse("ops:job_list")).status_code == 403
    assert client_as(member).get(reverse("ops:job_list")).status_code == 403


@pytest.mark.django_db
def test_the_progress_page_polls_until_done_then_sends_to_the_result(client_as, member, settings):
    settings.TASKS = DATABASE_TASKS
    job = job_enqueue(jobs.flaky, label="Lectura del acta", actor=member, failures=0)
    client = client_as(member)
    page = client.get(job.get_absolute_url())
    assert page.status_code == 200
    assert "Lectura del acta" in page.text
    assert 'hx-trigger="every 1s"' in page.text
    assert '<progress id="job-progress" max="100" value="0">' in page.text
    status_url = reverse("ops:job_status", args=[job.public_id])
    assert f'hx-get="{status_url}"' in page.text
    assert "En cola" in page.text
    run_worker()
    fragment = client.get(status_url, HTTP_HX_REQUEST="true")
    assert fragment.status_code == 200
    assert fragment["HX-Redirect"] == "/listo/"
    assert "hx-trigger" not in fragment.text  # finished: the polling stops
    assert 'value="100"' in fragment.text
    assert fragment["Cache-Control"].startswith("max-age=0")


@pytest.mark.django_db
def test_a_job_is_private_to_who_started_it(client, client_as, member, outsider):
    job = job_enqueue(jobs.flaky, label="Lectura", actor=member, failures=0)
    assert client_as(outsider).get(job.get_absolute_url()).status_code == 404
    status_url = reverse("ops:job_status", args=[job.public_id])
    assert client_as(outsider).get(status_url).status_code == 404
    client.logout()
    assert client.get(status_url).status_code == 404


@pytest.mark.django_db
def test_a_failed_job_shows_its_error(client_as, member):
    job = job_enqueue(jobs.refused, label="Lectura", actor=member)
    page = client_as(member).get(job.get_absolute_url())
    assert "El PDF no tiene capa de texto." in page.text
    assert job.status == Job.Status.FAILED


@pytest.mark.django_db
def test_the_back_office_lists_jobs_and_raw_task_results(client_as, settings):
    settings.TASKS = DATABASE_TASKS
    admin = get_user_model().objects.create_superuser("raiz", "raiz@example.org", "x")
    job = job_enqueue(jobs.flaky, label="Envío de prueba", failures=0)
    client = client_as(admin)
    jobs_page = client.get(reverse("admin:ops_job_changelist"))
    assert jobs_page.status_code == 200
    assert "Envío de prueba" in jobs_page.text
    assert client.get(reverse("admin:ops_job_change", args=[job.pk])).status_code == 200
    results = client.get(reverse("admin:django_tasks_database_dbtaskresult_changelist"))
    assert results.status_code == 200
    assert "flaky" in results.text


@pytest.mark.django_db
def test_the_list_shows_how_many_tasks_wait_in_each_queue(client_as, facilitator, settings):
    settings.TASKS = DATABASE_TASKS
    job_enqueue(jobs.flaky, label="Uno", failures=0)
    job_enqueue(jobs.flaky, label="Dos", failures=0)
    response = client_as(facilitator).get(reverse("ops:job_list"))
    assert "Cola «default», en espera: 2" in response.text
