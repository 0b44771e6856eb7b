"""What a commitment's progress rests on: the progress reports and their evidence files."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import FileExtensionValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from abierto.directory.models import TimeStamped, public_id_field

from .commitments import Commitment


class ProgressReport(TimeStamped):
    """A report of progress on a commitment, usually presented at a session of the forum."""

    public_id = public_id_field(_("Identificador aleatorio y estable del reporte."))
    commitment = models.ForeignKey(
        Commitment,
        verbose_name=_("compromiso"),
        on_delete=models.PROTECT,
        related_name="reports",
        help_text=_("Compromiso sobre el que se informa."),
    )
    date = models.DateField(_("fecha"), help_text=_("Fecha del reporte."))
    text = models.TextField(_("texto"), help_text=_("Qué se avanzó, con sus cifras."))
    session = models.ForeignKey(
        "forum.Session",
        verbose_name=_("sesión"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="plan_reports",
        help_text=_("Sesión del STL en que se presentó el reporte, si se presentó en una."),
    )
    # Who typed it: for the audit trail, never published.
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registró"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("reporte de avance")
        verbose_name_plural = _("reportes de avance")

    def __str__(self) -> str:
        return f"{self.commitment.code} {self.date:%Y-%m-%d}"


EVIDENCE_EXTENSIONS = ["pdf", "png", "jpg", "jpeg", "docx", "xlsx", "odt", "ods", "csv"]


class Evidence(TimeStamped):
    """A file or a link that backs a progress report."""

    public_id = public_id_field(_("Identificador aleatorio y estable de la evidencia."))
    report = models.ForeignKey(
        ProgressReport,
        verbose_name=_("reporte"),
        on_delete=models.CASCADE,
        related_name="evidence",
        help_text=_("Reporte de avance que respalda."),
    )
    title = models.CharField(
        _("título"),
        max_length=250,
        help_text=_("Qué es la evidencia, p. ej. «Minuta de la visita»."),
    )
    url = models.URLField(
        _("enlace"), blank=True, max_length=500, help_text=_("Dirección pública de la evidencia.")
    )
    file = models.FileField(
        _("archivo"),
        upload_to="plan/evidencias/%Y/",
        blank=True,
        validators=[FileExtensionValidator(EVIDENCE_EXTENSIONS)],
        help_text=_("Archivo de la evidencia (PDF, imagen u hoja de cálculo)."),
    )

    class Meta:
        ordering = ["report", "id"]
        verbose_name = _("evidencia")
        verbose_name_plural = _("evidencias")
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(url="") & ~models.Q(file=""))
                | (~models.Q(url="") & models.Q(file="")),
                name="evidence_is_a_link_or_a_file",
            )
        ]

    def __str__(self) -> str:
        return self.title
