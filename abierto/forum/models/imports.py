from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from abierto.directory.models import TimeStamped

from .body import Forum
from .meetings import Session


class ActaImport(TimeStamped):
    """An existing acta read by the parser, waiting for the facilitator's review.

    The source's SHA-256 is unique per forum, so importing the same file twice finds the
    first import instead of creating anything new.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("En revisión")
        IMPORTED = "imported", _("Importada")
        DISCARDED = "discarded", _("Descartada")

    forum = models.ForeignKey(Forum, verbose_name=_("foro"), on_delete=models.PROTECT)
    source_name = models.CharField(_("archivo"), max_length=255)
    source_sha256 = models.CharField(_("SHA-256 del archivo"), max_length=64)
    source_text = models.TextField(_("texto extraído"))
    source_file = models.FileField(
        _("archivo original"),
        upload_to="actas/importadas/%Y/",
        blank=True,
        help_text=_("El archivo leído, que pasa al acta si se publica como aprobada."),
    )
    parsed = models.JSONField(_("lectura automática"))
    status = models.CharField(
        _("estado"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    session = models.OneToOneField(
        Session,
        verbose_name=_("sesión creada"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="acta_import",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("acta importada")
        verbose_name_plural = _("actas importadas")
        constraints = [
            models.UniqueConstraint(
                fields=["forum", "source_sha256"], name="one_import_per_file_and_forum"
            )
        ]

    def __str__(self) -> str:
        return self.source_name
