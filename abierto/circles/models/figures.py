"""The published aggregates: figures that passed disclosure control, the only ones that
leave the app (the public page and the open-data dataset read them)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class PublishedFigure(models.Model):
    class Measure(models.TextChoices):
        PARTICIPANTS = "participants", _("Personas participantes por fase actual")
        CIRCLES = "circles", _("Círculos realizados")
        SCORE_CHANGE = "score-change", _("Cambio medio de puntaje")
        EVALUATED = "evaluated", _("Personas evaluadas al menos dos veces")

    order = models.PositiveIntegerField(_("orden"), help_text=_("Orden de la cifra."))
    cohort = models.CharField(
        _("generación"),
        max_length=200,
        help_text=_("Generación y región, o «Todas» para los totales."),
    )
    measure = models.CharField(
        _("medida"), max_length=20, choices=Measure.choices, help_text=_("Qué se cuenta.")
    )
    category = models.CharField(
        _("categoría"),
        max_length=200,
        help_text=_("Fase, tipo de círculo o instrumento; «Total» para el total."),
    )
    value = models.DecimalField(
        _("valor"),
        max_digits=8,
        decimal_places=1,
        null=True,
        blank=True,
        help_text=_(
            "La cifra, redondeada a múltiplos de 5 si cuenta personas; vacía si se "
            "suprime por referirse a menos de 5 personas o por permitir deducir otra."
        ),
    )
    suppressed = models.BooleanField(
        _("suprimida"), default=False, help_text=_("Si la cifra se suprimió.")
    )
    published_at = models.DateTimeField(
        _("publicada"), help_text=_("Fecha y hora de la publicación.")
    )

    class Meta:
        ordering = ["order"]
        verbose_name = _("cifra publicada")
        verbose_name_plural = _("cifras publicadas")

    def __str__(self) -> str:
        return f"{self.cohort} · {self.category}"
