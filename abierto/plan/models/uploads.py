"""A bulk upload, validated and kept server-side until the clerk confirms it. Never published."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from abierto.directory.models import TimeStamped, new_public_id

from .commitments import Commitment


class UploadKind(models.TextChoices):
    INDICATOR_VALUES = "indicator_values", _("Valores de indicadores")
    MILESTONES = "milestones", _("Actualización de hitos")
    CARAVAN_VISITS = "caravan_visits", _("Visitas de caravana")


class Upload(TimeStamped):
    """A file whose every row passed validation, waiting for confirmation (or applied).

    Only files without a single error are kept: the rows are stored already parsed, so the
    confirmation saves them without asking for the file again.
    """

    class Status(models.TextChoices):
        VALIDATED = "validated", _("Validada, por confirmar")
        APPLIED = "applied", _("Guardada")

    token = models.CharField(max_length=32, unique=True, default=new_public_id, editable=False)
    kind = models.CharField(_("tipo de carga"), max_length=20, choices=UploadKind.choices)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("cargó"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    commitment = models.ForeignKey(
        Commitment,
        verbose_name=_("compromiso"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    filename = models.CharField(_("archivo"), max_length=255)
    sha256 = models.CharField(_("huella SHA-256"), max_length=64)
    row_count = models.PositiveIntegerField(_("filas"))
    rows = models.JSONField(_("filas validadas"), default=list)
    status = models.CharField(
        _("estado"), max_length=10, choices=Status.choices, default=Status.VALIDATED
    )
    applied_at = models.DateTimeField(_("guardada"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("carga masiva")
        verbose_name_plural = _("cargas masivas")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status="validated") | models.Q(applied_at__isnull=False),
                name="applied_upload_has_a_date",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.filename}"
