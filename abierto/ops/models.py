"""A background job as the people who wait for it see it: its state, progress and outcome.

The task framework keeps one result per attempt; a job spans all the attempts of one piece of
work, so a progress page and the staff's task list have one stable thing to show.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


def new_job_id() -> str:
    return secrets.token_urlsafe(12)


class Job(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("En cola")
        RUNNING = "running", _("En curso")
        RETRYING = "retrying", _("Reintento programado")
        DONE = "done", _("Terminada")
        FAILED = "failed", _("Fallida")

    FINISHED = (Status.DONE, Status.FAILED)

    public_id = models.CharField(
        max_length=32, unique=True, default=new_job_id, editable=False, help_text=_("Clave.")
    )
    task_name = models.CharField(
        _("tarea"), max_length=200, help_text=_("Ruta de la función que hace el trabajo.")
    )
    label = models.CharField(_("descripción"), max_length=300)
    label_msgid = models.CharField(
        _("descripción sin traducir"),
        max_length=300,
        blank=True,
        help_text=_(
            "El texto en español con sus marcadores, para traducir la descripción al idioma "
            "de quien la lee."
        ),
    )
    label_params = models.JSONField(_("datos de la descripción"), default=dict, blank=True)
    status = models.CharField(
        _("estado"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("avance (%)"), default=0)
    step = models.CharField(_("paso"), max_length=300, blank=True)
    attempts = models.PositiveSmallIntegerField(_("intentos"), default=0)
    max_attempts = models.PositiveSmallIntegerField(_("intentos permitidos"), default=3)
    error = models.TextField(_("último error"), blank=True)
    result_url = models.CharField(_("resultado"), max_length=500, blank=True)
    task_result_id = models.CharField(
        _("resultado de la tarea"), max_length=64, blank=True, help_text=_("Último intento.")
    )
    arguments = models.JSONField(
        _("argumentos"),
        default=dict,
        blank=True,
        help_text=_("Con qué se llamó la tarea: para reanudarla si su proceso se detiene."),
    )
    lease_expires_at = models.DateTimeField(
        _("vigente hasta"),
        null=True,
        blank=True,
        help_text=_(
            "El proceso que la ejecuta lo renueva mientras vive; vencido, se reanuda o se da "
            "por fallida."
        ),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("solicitada por"),
        on_delete=models.SET_NULL,  # the job's record outlives an account that is removed
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("creada"), auto_now_add=True)
    updated_at = models.DateTimeField(_("actualizada"), auto_now=True)
    finished_at = models.DateTimeField(_("terminada"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("tarea en segundo plano")
        verbose_name_plural = _("tareas en segundo plano")
        indexes = [
            models.Index(fields=["-created_at"], name="ops_job_recent"),
            models.Index(fields=["status", "-created_at"], name="ops_job_status_recent"),
        ]
        constraints = [
            models.CheckConstraint(condition=models.Q(progress__lte=100), name="progress_0_100")
        ]

    def __str__(self) -> str:
        return self.label

    def get_absolute_url(self) -> str:
        return reverse("ops:job_detail", args=[self.public_id])

    @property
    def display_label(self) -> str:
        """The description in the reader's language when it was recorded as a message id
        and its data; as it was written otherwise."""
        if not self.label_msgid:
            return self.label
        try:
            return (gettext(self.label_msgid) % self.label_params)[:300]
        except (KeyError, TypeError, ValueError):  # a translation that lost a placeholder
            return self.label

    @property
    def lease_expired(self) -> bool:
        """Running, but its worker stopped renewing the lease: the worker is gone."""
        return (
            self.status == self.Status.RUNNING
            and self.lease_expires_at is not None
            and self.lease_expires_at < timezone.now()
        )

    @property
    def finished(self) -> bool:
        return self.status in self.FINISHED
