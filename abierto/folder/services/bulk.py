"""Bulk issuance from a CSV: batches that commit whole, and a job that resumes where it stopped.

The CSV has a header row with ``cuts``, ``referencia`` and one column per field of the type
(top-level properties of its JSON Schema; cells are converted to the property's type, an
empty cell leaves the field out). Each batch is one transaction that also advances the job's
``processed_rows``, so after a crash (even ``kill -9``) the job has either all of a batch or
none of it, and running the same file again continues after the last committed batch. The
agency's references make a replayed row harmless anyway.
"""

from __future__ import annotations

import csv
import hashlib
import io
import itertools
import logging
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import actor_labels, keys
from ..bulk_prepare import PrepareSpec
from ..formats import new_document_ids
from ..models import BulkIssuance, DocumentType, Issuer
from ..sealing import SealingPool
from .documents import (
    IssueRequest,
    _actor_label,
    _issue_many,
    document_type_for_issuer,
)
from .errors import FolderError, InvalidDocumentDataError
from .issue_requests import PreparedRequest, prepare_spec, prepared_from, signing_key_for
from .issue_sealing import Presealed, claims_spec_for

CUTS_COLUMN = "cuts"
REFERENCE_COLUMN = "referencia"

logger = logging.getLogger(__name__)


def _kinds(spec: dict[str, Any]) -> list[Any]:
    kinds = spec.get("type", "string")
    return kinds if isinstance(kinds, list) else [kinds]


def _convert(value: str, kinds: list[Any]) -> Any:
    text = value.strip()
    for kind in kinds:
        try:
            if kind == "integer":
                return int(text)
            if kind == "number":
                return float(text) if any(c in text for c in ".eE") else int(text)
            if kind == "boolean" and text.lower() in {"true", "false", "sí", "si", "no", "1", "0"}:
                return text.lower() in {"true", "sí", "si", "1"}
        except ValueError:
            continue
    return text


def _rows(source: IO[str], document_type: DocumentType) -> Iterator[tuple[int, IssueRequest]]:
    reader = csv.DictReader(source)
    columns = set(reader.fieldnames or [])
    missing = {CUTS_COLUMN, REFERENCE_COLUMN} - columns
    if missing:
        raise FolderError(
            _("Al CSV le faltan las columnas: %(columns)s.")
            % {"columns": ", ".join(sorted(missing))}
        )
    properties: dict[str, Any] = document_type.json_schema.get("properties", {})
    unknown = columns - set(properties) - {CUTS_COLUMN, REFERENCE_COLUMN}
    if unknown:
        raise FolderError(
            _("El CSV tiene columnas que el tipo no define: %(columns)s.")
            % {"columns": ", ".join(sorted(unknown))}
        )
    kinds = {name: _kinds(spec) for name, spec in properties.items()}
    for number, row in enumerate(reader, start=1):
        fields = {
            name: _convert(value, kinds[name])
            for name, value in row.items()
            if name in kinds and value not in (None, "")
        }
        yield (
            number,
            IssueRequest(
                cuts=row.get(CUTS_COLUMN) or "",
                fields=fields,
                reference=row.get(REFERENCE_COLUMN) or "",
            ),
        )


def _count_rows(text: str, document_type: DocumentType) -> int:
    """The rows ``_rows`` yields (its checks of the header included), without converting them:
    ``csv.DictReader`` skips empty lines, so they are not counted either."""
    header = _rows(io.StringIO(text), document_type)
    next(header, None)  # checks the columns, raising as _rows does
    reader = csv.reader(io.StringIO(text))
    next(reader, None)
    return sum(1 for row in reader if row)


def _open(source: str | Path | IO[bytes] | IO[str]) -> tuple[str, bytes]:
    if isinstance(source, str | Path):
        path = Path(source)
        return path.name, path.read_bytes()
    data = source.read()
    name = getattr(source, "name", "") or "archivo.csv"
    return Path(str(name)).name, data.encode("utf-8") if isinstance(data, str) else data


def bulk_issue_csv(
    source: str | Path | IO[bytes] | IO[str],
    *,
    issuer: Issuer,
    type_slug: str,
    batch_size: int = 500,
    progress: Callable[[BulkIssuance], None] | None = None,
    processes: int | None = None,
) -> BulkIssuance:
    """Issue every row of a CSV, ``batch_size`` rows per transaction; resumable.

    A batch with a refused row rolls back whole and stops the job (status ``failed``, with
    the row number in ``error``); fix the file and run it again. Signing and encryption run
    in ``processes`` worker processes (default: one per core, setting
    ``FOLDER_SEALING_PROCESSES``); the database work stays here.
    """
    if batch_size < 1:
        raise FolderError(_("El tamaño del lote debe ser positivo."))
    document_type = document_type_for_issuer(issuer, type_slug)
    name, data = _open(source)
    digest = hashlib.sha256(data).hexdigest()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        # Refused before a job is created: nothing is stored for a file that cannot be read.
        line = data[: exc.start].count(b"\n") + 1
        raise FolderError(
            _(
                "El CSV no está en UTF-8 (línea %(line)s). Guárdelo como «CSV UTF-8» "
                "e inténtelo de nuevo."
            )
            % {"line": line}
        ) from None
    total = _count_rows(text, document_type)
    job = (
        BulkIssuance.objects.filter(
            issuer=issuer, document_type=document_type, source_sha256=digest
        )
        .exclude(status=BulkIssuance.Status.DONE)
        .order_by("-created_at")
        .first()
    )
    if job is None:
        job = BulkIssuance.objects.create(
            issuer=issuer,
            document_type=document_type,
            source_name=name[:255],
            source_sha256=digest,
            total_rows=total,
            batch_size=batch_size,
        )
    else:
        job.status, job.error, job.batch_size = BulkIssuance.Status.RUNNING, "", batch_size
        job.save(update_fields=["status", "error", "batch_size", "updated_at"])
    actor_label = actor_labels.stored(actor_labels.BULK, who=_actor_label(issuer, None), file=name)
    if processes is None:
        processes = settings.FOLDER_SEALING_PROCESSES
    with SealingPool(processes) as sealer:
        return _run(job, text, issuer, document_type, actor_label, batch_size, sealer, progress)


def _run(
    job: BulkIssuance,
    text: str,
    issuer: Issuer,
    document_type: DocumentType,
    actor_label: str,
    batch_size: int,
    sealer: SealingPool,
    progress: Callable[[BulkIssuance], None] | None,
) -> BulkIssuance:
    """The batches, pipelined: while one batch is written, the workers prepare and seal the
    next on the guess that its status indexes follow this batch's (``Presealed``)."""
    rows = _rows(io.StringIO(text), document_type)
    for _skipped in range(job.processed_rows):
        next(rows)
    spec = prepare_spec(document_type)
    batch = list(itertools.islice(rows, batch_size))
    pending = _ahead(
        issuer, document_type, spec, batch, sealer, first_index=_next_status_index(issuer)
    )
    while job.processed_rows < job.total_rows:
        prepared, presealed = pending()
        following = list(itertools.islice(rows, batch_size))
        # The workers prepare and seal the next batch while this one is written, guessing
        # that this batch's documents are all new and that nobody else issues meanwhile.
        guess = _next_status_index(issuer) + len(batch)
        pending = _ahead(issuer, document_type, spec, following, sealer, first_index=guess)
        try:
            with transaction.atomic():
                locked = BulkIssuance.objects.select_for_update().get(pk=job.pk)
                if locked.processed_rows != job.processed_rows:
                    raise FolderError(_("Otra ejecución está avanzando esta emisión masiva."))
                _issue_many(
                    issuer=issuer,
                    document_type=document_type,
                    requests=[request for _number, request in batch],
                    item_numbers=[number for number, _request in batch],
                    actor_label=actor_label,
                    bulk_issuance=job,
                    sealer=sealer,
                    want_documents=False,
                    prepared=prepared,
                    presealed=presealed,
                )
                job.processed_rows += len(batch)
                job.save(update_fields=["processed_rows", "updated_at"])
        except FolderError as exc:
            job.refresh_from_db()
            job.status = BulkIssuance.Status.FAILED
            job.error = _failure_text(exc)
            job.save(update_fields=["status", "error", "updated_at"])
            return job
        if progress is not None:
            progress(job)
        batch = following
    job.status = BulkIssuance.Status.DONE
    job.finished_at = timezone.now()
    job.save(update_fields=["status", "finished_at", "updated_at"])
    return job


def _next_status_index(issuer: Issuer) -> int:
    """Where the issuer's status list stands (read without its lock: a guess)."""
    return int(Issuer.objects.values_list("next_status_index", flat=True).get(pk=issuer.pk))


def _ahead(
    issuer: Issuer,
    document_type: DocumentType,
    spec: PrepareSpec,
    batch: list[tuple[int, IssueRequest]],
    sealer: SealingPool,
    *,
    first_index: int,
) -> Callable[[], tuple[list[PreparedRequest], Presealed | None]]:
    """Start preparing ``batch`` (``bulk_prepare``) and sealing its documents as the
    ``first_index``-th onwards in the sealing workers; the function returned waits for them.
    Without workers, or if they fail, the job prepares the batch itself and seals it in its
    transaction."""
    requests = [request for _number, request in batch]
    waiting = None
    presealed: Presealed | None = None
    if sealer.processes and all(request.issued_at is None for request in requests):
        try:
            signing_key = signing_key_for(issuer)
        except FolderError:
            signing_key = None  # the batch will fail with this error, worded as always
        if signing_key is not None:
            issued_at = timezone.now().replace(microsecond=0)
            claims = claims_spec_for(issuer, document_type, iat=int(issued_at.timestamp()))
            presealed = Presealed(
                first_index=first_index,
                kid=signing_key.kid,
                status_uri=claims.status_uri,
                issued_at=issued_at,
                public_ids=new_document_ids(len(requests)),
                sealed=[],
            )
            rows = [(request.cuts, request.fields, request.reference) for request in requests]
            try:
                waiting = sealer.prepare_and_seal_async(
                    spec,
                    claims,
                    rows,
                    presealed.public_ids,
                    first_index,
                    keys.private_key(signing_key.kid),
                    signing_key.kid,
                    keys.master_key_ring(),
                )
            except Exception:  # a broken pool refuses work: prepare here
                logger.warning("bulk issuance: workers unavailable to prepare", exc_info=True)

    def result() -> tuple[list[PreparedRequest], Presealed | None]:
        values, sealed = None, None
        if waiting is not None:
            try:
                values, sealed = waiting()
            except Exception:  # a worker died or the pool broke: prepare here
                logger.warning("bulk issuance: workers failed to prepare a batch", exc_info=True)
        prepared = prepared_from(document_type, requests, values)
        if presealed is None or sealed is None:
            return prepared, None
        presealed.sealed = sealed
        return prepared, presealed

    return result


def _failure_text(exc: FolderError) -> str:
    if isinstance(exc, InvalidDocumentDataError):
        details = "; ".join(
            _("fila %(row)s, %(path)s: %(message)s")
            % {"row": error.get("item"), "path": error["path"] or "/", "message": error["message"]}
            for error in exc.errors[:20]
        )
        return f"{exc.message} {details}"
    return str(exc.message)
