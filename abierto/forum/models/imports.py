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


class ActaImportPage(models.Model):
    """A scanned page of an acta under review: its image beside the text the OCR read.

    Kept only while the import waits for review: saving or discarding the import deletes
    the pages and their images (``services.acta_import_pages_drop``).
    """

    acta_import = models.ForeignKey(
        ActaImport, verbose_name=_("acta importada"), on_delete=models.CASCADE, related_name="pages"
    )
    number = models.PositiveIntegerField(_("página"), help_text=_("Número de página en el PDF."))
    image = models.FileField(
        _("imagen"),
        upload_to="actas/paginas/%Y/",
        help_text=_("La página escaneada, reducida para mostrarla junto al texto leído."),
    )
    text = models.TextField(_("texto leído"), blank=True)
    confidence = models.FloatField(
        _("confianza"),
        null=True,
        blank=True,
        help_text=_("Confianza media del reconocimiento de texto en la página, de 0 a 1."),
    )
    low_words = models.JSONField(
        _("palabras dudosas"),
        default=list,
        blank=True,
        help_text=_("Palabras leídas con poca confianza, para resaltarlas en la revisión."),
    )

    class Meta:
        ordering = ["acta_import", "number"]
        verbose_name = _("página escaneada")
        verbose_name_plural = _("páginas escaneadas")
        constraints = [
            models.UniqueConstraint(fields=["acta_import", "number"], name="one_page_per_number")
        ]

    def __str__(self) -> str:
        return f"{self.acta_import} p. {self.number}"
