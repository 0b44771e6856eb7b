"""The forum's slow work runs in a worker: acta reading, convocation e-mails, renditions."""

import datetime

import pytest
from django.core import mail
from django.core.files.storage import default_storage
from django.urls import reverse

from abierto.forum import services
from abierto.forum.models import ActaImport
from abierto.ops.models import Job
from abierto.ops.tests.test_background import DATABASE_TASKS, run_worker

from .factories import ForumFactory, SeatFactory, SessionFactory, forum_with_seats
from .test_import import ACTA_BYTES, upload


@pytest.mark.django_db
def test_an_uploaded_acta_is_read_by_a_worker_while_a_progress_page_waits(
    client_as, facilitator, settings
):
    settings.TASKS = DATABASE_TASKS
    ForumFactory()
    client = client_as(facilitator)
    response = upload(client)
    # The request returns at once, to the progress page; nothing is read yet.
    job = Job.objects.get()
    assert response.status_code == 302
    assert response["Location"] == job.get_absolute_url()
    assert not ActaImport.objects.exists()
    assert job.label == "Lectura del acta «acta.txt»"
    assert job.created_by == facilitator
    (stored,) = default_storage.listdir("uploads/actas")[1]
    assert default_storage.open(f"uploads/actas/{stored}").read() == ACTA_BYTES
    progress = client.get(response["Location"])
    assert 'hx-trigger="every 1s"' in progress.text
    run_worker()
    acta_import = ActaImport.objects.get()
    review_url = reverse("forum_manage:acta_review", args=[acta_import.pk])
    done = client.get(reverse("ops:job_status", args=[job.public_id]), HTTP_HX_REQUEST="true")
    assert done["HX-Redirect"] == review_url
    assert "Lectura lista para revisar." in done.text
    assert acta_import.created_by == facilitator
    # The upload was only a way to the worker: once read, it is gone from storage.
    assert default_storage.listdir("uploads/actas")[1] == []


@pytest.mark.django_db
def test_a_pdf_without_text_fails_its_job_with_the_reason(client_as, facilitator, settings):
    settings.TASKS = DATABASE_TASKS
    ForumFactory()
    client = client_as(facilitator)
    pdf = b"%PDF-1.4\n1 0 obj\n<< >>\nendobj\ntrailer\n<< >>\n%%EOF\n"
    response = upload(client, "escaneada.pdf", pdf)
    run_worker()
    job = Job.objects.get()
    assert job.status == Job.Status.FAILED
    assert job.attempts == 1  # an unreadable file is not retried
    page = client.get(response["Location"])
    assert "PDF" in page.text
    assert not ActaImport.objects.exists()


@pytest.mark.django_db
def test_a_file_that_is_not_what_its_name_says_is_refused_at_once(client_as, facilitator):
    ForumFactory()
    response = upload(client_as(facilitator), "acta.pdf", ACTA_BYTES)
    assert response.status_code == 400
    assert "no es un PDF" in response.text
    assert not Job.objects.exists()


@pytest.mark.django_db
def test_the_convocation_is_mailed_by_a_worker_after_commit(
    facilitator, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = DATABASE_TASKS
    forum, _seats = forum_with_seats(0)
    SeatFactory(forum=forum, holder__email="titular@example.org", alternate__email="")
    session = SessionFactory(forum=forum, status="planned", date=datetime.date(2030, 2, 24))
    services.agenda_item_add(actor=facilitator, session=session, title="Lista de asistencia.")
    with django_capture_on_commit_callbacks(execute=True):
        convocation = services.session_convene(
            actor=facilitator, session=session, date=datetime.date(2030, 2, 17)
        )
    job = Job.objects.get()
    assert job.label == "Envío de la convocatoria STL/001/2030"
    assert job.status == Job.Status.QUEUED
    assert mail.outbox == []
    run_worker()
    assert [m.to for m in mail.outbox] == [["titular@example.org"]]
    job.refresh_from_db()
    assert job.status == Job.Status.DONE
    convocation.refresh_from_db()
    assert convocation.recipients == 1


@pytest.mark.django_db
def test_a_retried_convocation_does_not_mail_twice(
    facilitator, monkeypatch, django_capture_on_commit_callbacks
):
    forum, _seats = forum_with_seats(0)
    SeatFactory(forum=forum, holder__email="titular@example.org", alternate__email="")
    session = SessionFactory(forum=forum, status="planned", date=datetime.date(2030, 2, 24))
    services.agenda_item_add(actor=facilitator, session=session, title="Lista de asistencia.")
    from abierto.forum import notifications

    real_send = notifications.convocation_send
    calls = []

    def send_then_fail(pk):
        calls.append(pk)
        real_send(pk)
        if len(calls) == 1:
            raise ConnectionError("the worker lost the database after sending")

    monkeypatch.setattr(notifications, "convocation_send", send_then_fail)
    with django_capture_on_commit_callbacks(execute=True):
        services.session_convene(
            actor=facilitator, session=session, date=datetime.date(2030, 2, 17)
        )
    job = Job.objects.get()
    assert (job.status, job.attempts) == (Job.Status.DONE, 2)
    assert len(calls) == 2
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_an_acta_reading_whose_worker_was_killed_fails_and_its_upload_is_removed(
    client_as, facilitator, settings
):
    from unittest import mock

    import time_machine
    from django.utils import timezone

    from abierto.ops.tests.jobs import WorkerKilled

    settings.TASKS = DATABASE_TASKS
    ForumFactory()
    client = client_as(facilitator)
    response = upload(client)
    with mock.patch.object(services, "acta_read", side_effect=WorkerKilled):
        run_worker()  # `kill -9` while the acta is being read
    job = Job.objects.get()
    assert job.status == Job.Status.RUNNING
    assert len(default_storage.listdir("uploads/actas")[1]) == 1
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=1)):
        client = client_as(facilitator)  # an hour idle ended the first session (STAFF_IDLE_MINUTES)
        page = client.get(reverse("ops:job_list"))
        detail = client.get(response["Location"])
    assert page.status_code == detail.status_code == 200
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED
    assert "se detuvo" in detail.text
    assert default_storage.listdir("uploads/actas")[1] == []
    assert not ActaImport.objects.exists()
