"""Bulk rows checked and hashed in the sealing workers: the same values as the job's own path,
a fallback when the workers fail, and errors still the job's, with their line numbers."""

from __future__ import annotations

from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool

import pytest

from abierto.folder import bulk_prepare, sealing, selectors, services
from abierto.folder.models import BulkIssuance, Document, DocumentHolder
from abierto.folder.services.issue_requests import IssueRequest, prepare_request, prepare_spec

from .test_bulk import csv_file

HEADER = "cuts,referencia,nombre,fecha_nacimiento,cuts_madre,folio"


def family_rows(count, start=0):
    """Rows with a mother's CUTS (a related holder) in every third one."""
    return [
        f"PERS{n:06d},REF-{n},Persona {n},1990-01-{1 + n % 28:02d},"
        f"{f'MADRE{n:05d}' if n % 3 == 0 else ''},{n}"
        for n in range(start, start + count)
    ]


@pytest.mark.django_db
def test_a_worker_prepares_a_valid_row_as_the_job_does_and_leaves_the_others_to_it(birth_type):
    requests = [
        IssueRequest("pers-000001", {"nombre": "Ana", "fecha_nacimiento": "1990-01-02"}, "R-1"),
        IssueRequest(
            "PERS000002",
            {"nombre": "Luis", "fecha_nacimiento": "1990-01-03", "cuts_madre": "MADRE00001"},
            " R-2 ",
        ),
        IssueRequest("PERS000003", {"nombre": "", "fecha_nacimiento": "1990-01-03"}, "R-3"),
        IssueRequest("x", {"nombre": "Eva", "fecha_nacimiento": "1990-01-03"}, "R-4"),
        IssueRequest("PERS000005", {"nombre": "Eva", "fecha_nacimiento": "1990-01-03"}, " "),
        IssueRequest("PERS000006", {"nombre": "Eva", "fecha_nacimiento": "1990-02-30"}, "R-6"),
        IssueRequest(
            "PERS000007",
            {"nombre": "Eva", "fecha_nacimiento": "1990-01-03", "cuts_padre": "no"},
            "R-7",
        ),
    ]
    rows = [(request.cuts, request.fields, request.reference) for request in requests]
    values = bulk_prepare.prepare_rows(prepare_spec(birth_type), rows)
    expected = [prepare_request(birth_type, request) for request in requests]
    assert [value is not None for value in values] == [True, True] + [False] * 5
    for value, item in zip(values, expected, strict=True):
        if value is None:
            assert item.errors
        else:
            assert not item.errors
            assert value == (item.holder_index, item.related, item.digest)
    assert [relation for _index, relation in values[1][1]] == ["madre"]


@pytest.mark.django_db
def test_workers_issue_the_same_rows_as_the_job_process(tmp_path, issuer, other_issuer, birth_type):
    """The same CSV by two issuers, one with two workers, one in-process: every stored value
    but the random ones (public ids, nonces, pseudonyms) is the same, the chain holds."""
    birth_type.issuers.add(other_issuer)
    source = csv_file(tmp_path, family_rows(150), header=HEADER)
    jobs = [
        services.bulk_issue_csv(
            source, issuer=who, type_slug=birth_type.slug, batch_size=75, processes=processes
        )
        for who, processes in ((issuer, 2), (other_issuer, 0))
    ]
    assert [(job.status, job.processed_rows) for job in jobs] == [("done", 150)] * 2

    def stored(job):
        documents = Document.objects.filter(bulk_issuance=job).order_by("status_index")
        return [
            (
                document.agency_reference,
                document.holder_index,
                document.content_digest,
                document.status_index,
                sorted(
                    DocumentHolder.objects.filter(document=document).values_list(
                        "cuts_index", "relation"
                    )
                ),
                selectors.document_fields(document),
            )
            for document in documents
        ]

    with_workers, in_process = stored(jobs[0]), stored(jobs[1])
    assert len(with_workers) == 150
    # issued_at is the batch's time, in whole seconds: the two jobs run one after the other and
    # may straddle a second, so it is compared within each job, not across them.
    assert with_workers == in_process
    for job in jobs:
        times = list(Document.objects.filter(bulk_issuance=job).values_list("issued_at", flat=True))
        assert None not in times
        assert len(set(times)) <= 2  # one time a batch of 75
    assert sum(len(row[4]) for row in with_workers) == 150 + 50  # 50 mothers
    assert services.audit_chain_check() == []


@pytest.mark.django_db
def test_a_bad_row_prepared_by_the_workers_is_named_by_its_line(tmp_path, issuer, birth_type):
    bad = family_rows(200)
    bad[150] = "PERS000150,REF-150,Persona 150,no-es-fecha,,150"
    job = services.bulk_issue_csv(
        csv_file(tmp_path, bad, header=HEADER),
        issuer=issuer,
        type_slug=birth_type.slug,
        batch_size=100,
        processes=2,
    )
    assert (job.status, job.processed_rows) == (BulkIssuance.Status.FAILED, 100)
    assert "fila 151" in job.error
    assert "fecha_nacimiento" in job.error
    assert Document.objects.count() == 100


class _BrokenExecutor:
    """An executor whose every job fails as a dead worker's would."""

    def submit(self, *args, **kwargs):
        future: Future = Future()
        future.set_exception(BrokenProcessPool("a worker died"))
        return future

    def shutdown(self, *args, **kwargs):
        pass


@pytest.mark.django_db
def test_when_the_workers_fail_the_job_prepares_and_seals_itself(
    tmp_path, issuer, birth_type, monkeypatch
):
    started = []

    def broken(self, *args):
        started.append(1)
        return _BrokenExecutor()

    monkeypatch.setattr(sealing.SealingPool, "_executor_for", broken)
    job = services.bulk_issue_csv(
        csv_file(tmp_path, family_rows(160), header=HEADER),
        issuer=issuer,
        type_slug=birth_type.slug,
        batch_size=80,
        processes=2,
    )
    assert started  # the workers were asked, and failed
    assert (job.status, job.processed_rows) == (BulkIssuance.Status.DONE, 160)
    documents = list(Document.objects.filter(bulk_issuance=job).order_by("status_index"))
    assert [document.status_index for document in documents] == list(range(160))
    for document in documents[::9]:
        assert selectors.verify_token(selectors.document_token(document)).status == "valid"
    assert services.audit_chain_check() == []


@pytest.mark.django_db
def test_a_refused_pool_falls_back_too(tmp_path, issuer, birth_type, monkeypatch):
    def refusing(self, *args):
        raise BrokenProcessPool("cannot start workers")

    monkeypatch.setattr(sealing.SealingPool, "_executor_for", refusing)
    job = services.bulk_issue_csv(
        csv_file(tmp_path, family_rows(100), header=HEADER),
        issuer=issuer,
        type_slug=birth_type.slug,
        batch_size=100,
        processes=2,
    )
    assert (job.status, job.processed_rows) == (BulkIssuance.Status.DONE, 100)
    assert services.audit_chain_check() == []


@pytest.mark.django_db
def test_blank_lines_are_neither_counted_nor_issued(tmp_path, issuer, birth_type):
    lines = family_rows(6)
    lines[3:3] = ["", ""]
    job = services.bulk_issue_csv(
        csv_file(tmp_path, lines, header=HEADER), issuer=issuer, type_slug=birth_type.slug
    )
    assert (job.status, job.total_rows, job.processed_rows) == ("done", 6, 6)
    assert Document.objects.count() == 6
