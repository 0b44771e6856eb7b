from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from abierto.directory.models import TimeStamped

from .meetings import Session


class MeetingRecord(TimeStamped):
    """A record of the call itself, imported once the facilitator confirmed what it says.

    The participants report keeps the proposed times; the transcript keeps its cues, split by
    agenda item with their speakers resolved, which the acta editor shows beside each
    narrative. Not published: it holds names and e-mails as people typed them.
    """

    class Kind(models.TextChoices):
        PARTICIPANTS = "participants", _("Reporte de participantes")
        TRANSCRIPT = "transcript", _("Transcripción")

    session = models.ForeignKey(
        Session,
        verbose_name=_("sesión"),
        on_delete=models.CASCADE,
        related_name="meeting_records",
    )
    kind = models.CharField(_("tipo"), max_length=12, choices=Kind.choices)
    filename = models.CharField(_("nombre del archivo"), max_length=255)
    sha256 = models.CharField(_("SHA-256 del archivo"), max_length=64)
    data = models.JSONField(
        _("contenido"), default=dict, help_text=_("Lo que se leyó del archivo y se confirmó.")
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("importó"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("registro de la reunión")
        verbose_name_plural = _("registros de la reunión")
        constraints = [
            models.UniqueConstraint(fields=["session", "kind"], name="one_meeting_record_per_kind")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.session}"
