from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from abierto.directory.models import TimeStamped

from .decisions import Agreement
from .meetings import Session


class Minutes(TimeStamped):
    """The acta of a session: a draft the facilitator edits, then frozen when approved."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Borrador")
        APPROVED = "approved", _("Aprobada")
        PUBLISHED = "published", _("Publicada")

    session = models.OneToOneField(
        Session, verbose_name=_("sesión"), on_delete=models.PROTECT, related_name="minutes"
    )
    status = models.CharField(
        _("estado"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    text = models.TextField(
        _("texto del acta"),
        help_text=_(
            "Texto completo del acta. Líneas con «# » son títulos; «ACUERDO …:» se recuadra."
        ),
    )
    approval_agreement = models.OneToOneField(
        Agreement,
        verbose_name=_("acuerdo de aprobación"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="approved_minutes",
    )
    content_hash = models.CharField(
        _("huella SHA-256"),
        max_length=64,
        blank=True,
        help_text=_("SHA-256 del texto aprobado (UTF-8), para comprobar que no cambió."),
    )
    approved_at = models.DateTimeField(_("aprobada"), null=True, blank=True)
    original = models.FileField(
        _("acta original"),
        upload_to="actas/originales/%Y/",
        blank=True,
        help_text=_("El archivo del acta tal como se aprobó, si se importó de un original."),
    )
    original_name = models.CharField(_("nombre del archivo original"), max_length=255, blank=True)
    original_sha256 = models.CharField(
        _("SHA-256 del original"),
        max_length=64,
        blank=True,
        help_text=_("SHA-256 del archivo original, para comprobar que es el mismo."),
    )
    published_at = models.DateTimeField(_("publicada"), null=True, blank=True)

    class Meta:
        verbose_name = _("acta")
        verbose_name_plural = _("actas")
        constraints = [
            models.CheckConstraint(
                # Approved by an agreement of a later session, or (a historical acta) in
                # the original that was imported, whose file and SHA-256 are kept.
                condition=models.Q(status="draft")
                | (
                    models.Q(approved_at__isnull=False)
                    & ~models.Q(content_hash="")
                    & (models.Q(approval_agreement__isnull=False) | ~models.Q(original_sha256=""))
                ),
                name="approved_minutes_are_frozen_with_their_agreement",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="published") | models.Q(published_at__isnull=False),
                name="published_minutes_have_a_date",
            ),
        ]

    def __str__(self) -> str:
        return f"Acta de la {self.session.title}"

    @property
    def frozen(self) -> bool:
        return self.status != self.Status.DRAFT

    @property
    def approved_in_original(self) -> bool:
        """A historical acta: approved in the original imported, not by an agreement here."""
        return self.frozen and self.approval_agreement_id is None and bool(self.original_sha256)
