from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from abierto.directory.models import TimeStamped, new_public_id

from .citizens import Citizen
from .documents import Document


class ArcoRequest(TimeStamped):
    """A citizen's request to rectify or cancel a document, answered by its issuer's staff."""

    class Kind(models.TextChoices):
        RECTIFICATION = "rectification", _("Rectificación")
        CANCELLATION = "cancellation", _("Cancelación")

    class Status(models.TextChoices):
        PENDING = "pending", _("En trámite")
        RESOLVED = "resolved", _("Atendida")
        REJECTED = "rejected", _("Improcedente")

    public_id = models.CharField(
        _("folio"),
        max_length=32,
        unique=True,
        default=new_public_id,
        editable=False,
        help_text=_("Folio aleatorio de la solicitud."),
    )
    citizen = models.ForeignKey(
        Citizen,
        verbose_name=_("carpeta"),
        on_delete=models.PROTECT,
        related_name="arco_requests",
        help_text=_("Quién la presenta."),
    )
    document = models.ForeignKey(
        Document,
        verbose_name=_("documento"),
        on_delete=models.PROTECT,
        related_name="arco_requests",
        help_text=_("Documento al que se refiere; lo atiende su emisor."),
    )
    kind = models.CharField(
        _("tipo"), max_length=14, choices=Kind.choices, help_text=_("Derecho que se ejerce.")
    )
    text = models.TextField(
        _("descripción"), max_length=3000, help_text=_("Qué dato está mal, o por qué cancelarlo.")
    )
    status = models.CharField(
        _("estado"),
        max_length=10,
        choices=Status.choices,
        default=Status.PENDING,
        help_text=_("En trámite hasta que el emisor la resuelve."),
    )
    response = models.TextField(
        _("respuesta"), blank=True, help_text=_("Respuesta del emisor a la persona.")
    )
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("resolvió"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Personal del emisor que la resolvió."),
    )
    resolved_at = models.DateTimeField(
        _("resuelta"), null=True, blank=True, help_text=_("Cuándo se resolvió.")
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("solicitud ARCO")
        verbose_name_plural = _("solicitudes ARCO")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status="pending", resolved_at__isnull=True)
                | (
                    ~models.Q(status="pending")
                    & models.Q(resolved_at__isnull=False, resolved_by__isnull=False)
                    & ~models.Q(response="")
                ),
                name="arco_request_resolution_is_complete",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.public_id}"
