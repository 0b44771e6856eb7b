"""/metrics: request latency by view name, task queue depth, documents and verifications."""

import pytest
from django.urls import reverse
from prometheus_client.parser import text_string_to_metric_families

from abierto.forum.tests.factories import SessionFactory
from abierto.lib import metrics
from abierto.ops.background import job_enqueue

from . import jobs
from .test_background import DATABASE_TASKS


def scrape(client, **headers):
    response = client.get("/metrics", **headers)
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("text/plain; version=0.0.4")
    return {
        sample.name + str(sorted(sample.labels.items())): sample.value
        for family in text_string_to_metric_families(response.content.decode())
        for sample in family.samples
    }, response.content.decode()


@pytest.mark.django_db
def test_request_latency_is_labelled_by_view_name_never_by_path(client):
    session = SessionFactory()
    assert client.get(reverse("forum:session_detail", args=[session.public_id])).status_code == 200
    samples, text = scrape(client)
    key = "abierto_request_duration_seconds_count" + str(
        sorted({"view": "forum:session_detail", "method": "GET", "status": "2xx"}.items())
    )
    assert samples[key] >= 1
    assert session.public_id not in text
    assert "/sesiones/" not in text


@pytest.mark.django_db
def test_the_queue_depth_is_read_from_the_task_table(client, settings):
    settings.TASKS = DATABASE_TASKS
    for _ in range(3):
        job_enqueue(jobs.flaky, label="Correo", failures=0)
    samples, _text = scrape(client)
    key = "abierto_task_queue_depth" + str(sorted({"queue": "default", "status": "ready"}.items()))
    assert samples[key] == 3


@pytest.mark.django_db
def test_documents_issued_and_verifications_are_counted(client):
    before, _text = scrape(client)
    metrics.documents_issued(25, channel="bulk")
    metrics.verification_recorded("valid")
    metrics.verification_recorded("revoked")
    after, _text = scrape(client)

    def delta(name, **labels):
        key = name + str(sorted(labels.items()))
        return after[key] - before.get(key, 0)

    assert delta("abierto_documents_issued_total", channel="bulk") == 25
    assert delta("abierto_verifications_total", outcome="valid") == 1
    assert delta("abierto_verifications_total", outcome="revoked") == 1


@pytest.mark.django_db
def test_with_a_token_metrics_need_it(client, settings):
    settings.METRICS_TOKEN = "s3cr3t-metrics-token"
    assert client.get("/metrics").status_code == 401
    wrong = client.get("/metrics", HTTP_AUTHORIZATION="Bearer nope")
    assert wrong.status_code == 401
    assert wrong["WWW-Authenticate"].startswith("Bearer")
    scrape(client, HTTP_AUTHORIZATION="Bearer s3cr3t-metrics-token")


@pytest.mark.django_db
def test_a_retried_task_is_counted(client):
    before, _text = scrape(client)
    job_enqueue(jobs.flaky, label="Correo", failures=1)
    after, _text = scrape(client)
    labels = {"task": "abierto.ops.tests.jobs.flaky"}
    for outcome in ("retried", "done"):
        key = "abierto_tasks_finished_total" + str(sorted({**labels, "outcome": outcome}.items()))
        assert after[key] - before.get(key, 0) == 1


@pytest.mark.django_db
def test_without_a_token_production_does_not_publish_metrics(client, settings):
    settings.METRICS_TOKEN = ""
    settings.METRICS_PUBLIC = False
    assert client.get("/metrics").status_code == 404
    settings.METRICS_PUBLIC = True
    scrape(client)
