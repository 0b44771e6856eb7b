"""The Carpeta's background work: bulk issuance from a CSV, run by a worker.

The file travels through the storage API by name. An attempt that dies part-way is retried,
and ``bulk_issue_csv`` resumes after the last whole batch (its job is keyed by the file's
SHA-256), so a retry never issues a row twice; a refused row stops the job for good.
"""

from __future__ import annotations

from django.core.files.storage import default_storage
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from abierto.ops.background import JobRefused, background_task, job_enqueue, job_step
from abierto.ops.models import Job

from . import services
from .models import BulkIssuance, Issuer


@background_task(max_attempts=5, backoff_seconds=30, queue_name="documents", resumable=True)
def bulk_issue(
    job: Job, *, stored_name: str, issuer_id: int, type_slug: str, batch_size: int
) -> None:
    issuer = Issuer.objects.get(pk=issuer_id)

    def progress(bulk: BulkIssuance) -> None:
        share = int(100 * bulk.processed_rows / bulk.total_rows) if bulk.total_rows else 100
        job_step(
            job,
            share,
            _("%(done)s de %(total)s filas")
            % {"done": bulk.processed_rows, "total": bulk.total_rows},
        )

    try:
        with default_storage.open(stored_name, "rb") as source:
            bulk = services.bulk_issue_csv(
                source,
                issuer=issuer,
                type_slug=type_slug,
                batch_size=batch_size,
                progress=progress,
            )
    except services.FolderError as exc:
        raise JobRefused(exc.message) from exc
    if bulk.status == BulkIssuance.Status.FAILED:
        raise JobRefused(
            _("Emisión detenida en la fila %(row)s: %(error)s")
            % {"row": bulk.processed_rows + 1, "error": bulk.error}
        )
    job.step = _("%(n)s documentos emitidos") % {"n": bulk.processed_rows}


def bulk_issue_later(
    *, stored_name: str, issuer: Issuer, type_slug: str, batch_size: int = 500
) -> Job:
    return job_enqueue(
        bulk_issue,
        label=gettext_noop("Emisión masiva de %(type)s por %(issuer)s"),
        label_params={"type": type_slug, "issuer": issuer.slug},
        stored_name=stored_name,
        issuer_id=issuer.pk,
        type_slug=type_slug,
        batch_size=batch_size,
    )
