"""Bulk issuance from a CSV: batches commit whole, and an interrupted job resumes."""

import io

import pytest
from django.core.management import call_command

from abierto.folder import services
from abierto.folder.models import BulkIssuance, Document
from abierto.folder.services import documents as document_services


def csv_file(
    tmp_path, rows, name="actas.csv", header="cuts,referencia,nombre,fecha_nacimiento,folio"
):
    path = tmp_path / name
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def rows(count, start=0):
    return [
        f"PERS{n:06d},REF-{n},Persona {n},1990-01-{1 + n % 28:02d},{n}"
        for n in range(start, start + count)
    ]


@pytest.mark.django_db
def test_a_csv_is_issued_in_batches(tmp_path, issuer, birth_type):
    progress = []
    job = services.bulk_issue_csv(
        csv_file(tmp_path, rows(25)),
        issuer=issuer,
        type_slug=birth_type.slug,
        batch_size=10,
        progress=lambda job: progress.append(job.processed_rows),
    )
    assert job.status == BulkIssuance.Status.DONE
    assert (job.total_rows, job.processed_rows) == (25, 25)
    assert progress == [10, 20, 25]
    assert Document.objects.filter(bulk_issuance=job).count() == 25
    document = Document.objects.get(agency_reference="REF-7")
    from abierto.folder import selectors

    assert selectors.document_fields(document)["folio"] == 7  # converted to the schema's type


@pytest.mark.django_db
def test_an_interrupted_job_resumes_without_a_partial_batch(
    tmp_path, issuer, birth_type, monkeypatch
):
    path = csv_file(tmp_path, rows(30))
    real = document_services.chain_append
    calls = {"n": 0}

    def crash_in_the_third_batch(entries, **kwargs):
        calls["n"] += 1
        if calls["n"] == 3:
            raise RuntimeError("kill -9")
        return real(entries, **kwargs)

    monkeypatch.setattr(document_services, "chain_append", crash_in_the_third_batch)
    with pytest.raises(RuntimeError):
        services.bulk_issue_csv(path, issuer=issuer, type_slug=birth_type.slug, batch_size=10)
    job = BulkIssuance.objects.get()
    assert job.processed_rows == 20
    assert Document.objects.count() == 20  # the third batch left nothing
    monkeypatch.setattr(document_services, "chain_append", real)
    resumed = services.bulk_issue_csv(path, issuer=issuer, type_slug=birth_type.slug, batch_size=10)
    assert resumed.pk == job.pk
    assert (resumed.status, resumed.processed_rows) == (BulkIssuance.Status.DONE, 30)
    assert Document.objects.count() == 30
    assert sorted(Document.objects.values_list("status_index", flat=True)) == list(range(30))


@pytest.mark.django_db
def test_a_bad_row_stops_the_job_at_its_batch_and_names_the_row(tmp_path, issuer, birth_type):
    bad = rows(15)
    bad[12] = "PERS000012,REF-12,Persona 12,no-es-fecha,12"
    job = services.bulk_issue_csv(
        csv_file(tmp_path, bad), issuer=issuer, type_slug=birth_type.slug, batch_size=10
    )
    assert job.status == BulkIssuance.Status.FAILED
    assert job.processed_rows == 10
    assert "fila 13" in job.error
    assert Document.objects.count() == 10


@pytest.mark.django_db
def test_unknown_columns_are_refused_before_anything_is_issued(tmp_path, issuer, birth_type):
    path = csv_file(
        tmp_path,
        ["PERS000001,R1,X,1990-01-01,1,extra"],
        header="cuts,referencia,nombre,fecha_nacimiento,folio,color",
    )
    with pytest.raises(services.FolderError, match="color"):
        services.bulk_issue_csv(path, issuer=issuer, type_slug=birth_type.slug)
    assert not BulkIssuance.objects.exists()


@pytest.mark.django_db
def test_the_issue_bulk_command_reports_progress(tmp_path, issuer, birth_type):
    out = io.StringIO()
    path = csv_file(tmp_path, rows(4))
    call_command(
        "issue_bulk", str(path), issuer=issuer.slug, type=birth_type.slug, batch_size=2, stdout=out
    )
    assert "2/4 filas" in out.getvalue()
    assert "4 documentos" in out.getvalue()


@pytest.mark.django_db
def test_bulk_issuance_runs_as_a_background_job(tmp_path, issuer, birth_type):
    from abierto.ops.models import Job

    out = io.StringIO()
    call_command(
        "issue_bulk",
        str(csv_file(tmp_path, rows(12))),
        "--issuer",
        issuer.slug,
        "--type",
        birth_type.slug,
        "--batch-size",
        "5",
        "--background",
        stdout=out,
    )
    job = Job.objects.get()
    assert job.status == Job.Status.DONE
    assert "12 documentos emitidos" in job.step
    assert Document.objects.count() == 12
    assert job.public_id in out.getvalue()


@pytest.mark.django_db
def test_a_refused_row_stops_the_background_job_without_retrying(tmp_path, issuer, birth_type):
    from abierto.ops.models import Job

    bad = [*rows(3), "PERS999999,REF-X,,no-es-fecha,1"]
    call_command(
        "issue_bulk",
        str(csv_file(tmp_path, bad)),
        "--issuer",
        issuer.slug,
        "--type",
        birth_type.slug,
        "--background",
        stdout=io.StringIO(),
    )
    job = Job.objects.get()
    assert job.status == Job.Status.FAILED
    assert job.attempts == 1
    assert "fila" in job.error


@pytest.mark.django_db
def test_worker_processes_seal_what_the_job_process_would(tmp_path, issuer, birth_type):
    """Two sealing workers (forked, no database): the tokens verify, the log chain holds."""
    from abierto.folder import sealing, selectors

    assert sealing.POOL_MIN_BATCH <= 80
    job = services.bulk_issue_csv(
        csv_file(tmp_path, rows(160)),
        issuer=issuer,
        type_slug=birth_type.slug,
        batch_size=80,
        processes=2,
    )
    assert (job.status, job.processed_rows) == (BulkIssuance.Status.DONE, 160)
    documents = list(Document.objects.filter(bulk_issuance=job).order_by("status_index"))
    assert [document.status_index for document in documents] == list(range(160))
    for document in documents[::7]:
        result = selectors.verify_token(selectors.document_token(document))
        assert result.status == "valid", result
        n = int(document.agency_reference.removeprefix("REF-"))
        assert selectors.document_fields(document)["nombre"] == f"Persona {n}"
    assert services.audit_chain_check() == []


@pytest.mark.django_db
def test_a_bulk_job_counts_its_documents_for_metrics(
    tmp_path, issuer, birth_type, django_capture_on_commit_callbacks
):
    from prometheus_client import REGISTRY

    def issued():
        return REGISTRY.get_sample_value("abierto_documents_issued_total", {"channel": "bulk"}) or 0

    before = issued()
    with django_capture_on_commit_callbacks(execute=True):
        services.bulk_issue_csv(
            csv_file(tmp_path, rows(25)), issuer=issuer, type_slug=birth_type.slug, batch_size=10
        )
    assert issued() == before + 25


@pytest.mark.django_db
def test_a_bulk_job_whose_worker_was_killed_resumes_when_its_lease_expires(
    tmp_path, issuer, birth_type, settings
):
    import datetime
    from unittest import mock

    import time_machine
    from django.utils import timezone

    from abierto.folder import tasks
    from abierto.ops.models import Job
    from abierto.ops.tests.jobs import WorkerKilled
    from abierto.ops.tests.test_background import DATABASE_TASKS, run_worker
    from abierto.ops.tests.test_job_leases import run_db_worker

    settings.TASKS = DATABASE_TASKS
    call_command(
        "issue_bulk",
        str(csv_file(tmp_path, rows(12))),
        *("--issuer", issuer.slug, "--type", birth_type.slug, "--batch-size", "5"),
        "--background",
        stdout=io.StringIO(),
    )
    real_step = tasks.job_step
    calls = []

    def step_then_die(job, progress, step=""):
        calls.append(progress)
        real_step(job, progress, step)
        if len(calls) == 2:
            raise WorkerKilled  # `kill -9` after the second batch

    with mock.patch.object(tasks, "job_step", step_then_die):
        run_worker()
    job = Job.objects.get()
    assert (job.status, Document.objects.count()) == (Job.Status.RUNNING, 10)
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=1)):
        run_db_worker()
    job.refresh_from_db()
    assert job.status == Job.Status.DONE, job.error
    assert Document.objects.count() == 12
    assert BulkIssuance.objects.get().status == BulkIssuance.Status.DONE


@pytest.mark.django_db
def test_a_csv_not_in_utf8_is_refused_in_spanish_and_nothing_is_stored(
    tmp_path, issuer, birth_type
):
    first = services.bulk_issue_csv(
        csv_file(tmp_path, rows(3)), issuer=issuer, type_slug=birth_type.slug
    )
    stored = sorted(Document.objects.values_list("public_id", "status", "ciphertext"))
    latin1 = tmp_path / "latin1.csv"
    latin1.write_bytes(
        "cuts,referencia,nombre,fecha_nacimiento,folio\n"
        "PERS000009,REF-9,José Núñez,1990-01-02,9\n".encode("latin-1")
    )
    with pytest.raises(services.FolderError) as refused:
        services.bulk_issue_csv(latin1, issuer=issuer, type_slug=birth_type.slug)
    assert refused.value.message == (
        "El CSV no está en UTF-8 (línea 2). Guárdelo como «CSV UTF-8» e inténtelo de nuevo."
    )
    assert list(BulkIssuance.objects.values_list("pk", flat=True)) == [first.pk]
    assert sorted(Document.objects.values_list("public_id", "status", "ciphertext")) == stored
    assert services.audit_chain_check() == []
