"""The forum's background work: convocation e-mails, acta reading, minutes renditions.

Each runs in a worker (``manage.py db_worker``), is retried with backoff when it fails, and is
followed as a job at ``/gestion/tareas/``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from abierto.ops.background import JobRefused, background_task, job_enqueue, job_step
from abierto.ops.models import Job

from . import notifications, renditions
from .models import Convocation, Forum, Minutes

if TYPE_CHECKING:
    from django.contrib.auth.models import User


@background_task(max_attempts=5, backoff_seconds=60, queue_name="mail")
def convocation_send(job: Job, *, convocation_pk: int) -> None:
    job_step(job, 20, _("Preparando el oficio y las invitaciones"))
    notifications.convocation_send(convocation_pk)
    job.step = _("Enviada")


def convocation_send_later(convocation_pk: int, *, actor: User | None = None) -> Job:
    """Called after commit by ``session_convene``: the e-mails go from a worker."""
    reference = Convocation.objects.values_list("reference", flat=True).get(pk=convocation_pk)
    return job_enqueue(
        convocation_send,
        label=gettext_noop("Envío de la convocatoria %(reference)s"),
        label_params={"reference": reference},
        actor=actor,
        convocation_pk=convocation_pk,
    )


def _acta_upload_remove(arguments: dict[str, Any]) -> None:
    """An acta whose reading failed for good is not kept: it was only on its way to a worker."""
    stored_name = arguments.get("stored_name")
    if isinstance(stored_name, str) and stored_name.startswith("uploads/actas/"):
        default_storage.delete(stored_name)


@background_task(
    max_attempts=3, backoff_seconds=10, queue_name="documents", on_failure=_acta_upload_remove
)
def acta_read(
    job: Job, *, forum_pk: int, actor_pk: int | None, stored_name: str, filename: str
) -> None:
    """Extract and parse an uploaded acta kept in storage, then drop the upload."""
    from . import services

    job_step(job, 20, _("Leyendo el archivo"))
    with default_storage.open(stored_name, "rb") as handle:
        content = handle.read()
    job_step(job, 50, _("Extrayendo el texto y reconociendo la sesión"))
    actor = get_user_model().objects.filter(pk=actor_pk).first() if actor_pk else None
    try:
        acta_import, created = services.acta_read(
            actor=actor,
            forum=Forum.objects.get(pk=forum_pk),
            filename=filename,
            content=content,
        )
    except ValidationError as exc:
        default_storage.delete(stored_name)
        raise JobRefused(" ".join(exc.messages)) from exc
    default_storage.delete(stored_name)
    job.result_url = reverse("forum_manage:acta_review", args=[acta_import.pk])
    job.step = (
        _("Lectura lista para revisar.")
        if created
        else _("Este archivo ya se había leído: se muestra esa lectura.")
    )


def acta_read_later(*, forum: Forum, actor: User | None, stored_name: str, filename: str) -> Job:
    return job_enqueue(
        acta_read,
        label=gettext_noop("Lectura del acta «%(name)s»"),
        label_params={"name": filename},
        actor=actor,
        forum_pk=forum.pk,
        actor_pk=actor.pk if actor else None,
        stored_name=stored_name,
        filename=filename,
    )


@background_task(max_attempts=3, backoff_seconds=30, queue_name="documents")
def minutes_render(job: Job, *, minutes_pk: int) -> None:
    """Render the published acta to PDF and DOCX once, into storage, before anyone asks."""
    minutes = Minutes.objects.select_related("session__forum").get(pk=minutes_pk)
    job_step(job, 10, "PDF")
    renditions.minutes_file(minutes, "pdf")
    job_step(job, 60, "DOCX")
    renditions.minutes_file(minutes, "docx")
    job.result_url = reverse("forum:minutes_pdf", args=[minutes.session.public_id])


def minutes_render_later(minutes: Minutes, *, actor: User | None = None) -> Job:
    return job_enqueue(
        minutes_render,
        label=gettext_noop("Versiones PDF y Word del acta de la %(title)s"),
        label_params={"title": minutes.session.title},
        actor=actor,
        minutes_pk=minutes.pk,
    )
