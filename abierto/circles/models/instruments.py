"""Evaluation instruments (questionnaires on a scale) and their applications over time."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from abierto.directory.models import TimeStamped

from .participants import Participant


class Instrument(TimeStamped):
    name = models.CharField(_("nombre"), max_length=200, unique=True, help_text=_("Nombre."))
    description = models.TextField(
        _("descripción"), blank=True, help_text=_("Qué mide y cómo se aplica.")
    )
    scale_min = models.PositiveSmallIntegerField(
        _("mínimo de la escala"), default=1, help_text=_("Valor más bajo de cada reactivo.")
    )
    scale_max = models.PositiveSmallIntegerField(
        _("máximo de la escala"), default=5, help_text=_("Valor más alto de cada reactivo.")
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("instrumento")
        verbose_name_plural = _("instrumentos")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(scale_max__gt=models.F("scale_min")),
                name="circles_scale_has_a_range",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class InstrumentItem(models.Model):
    instrument = models.ForeignKey(
        Instrument,
        verbose_name=_("instrumento"),
        on_delete=models.CASCADE,
        related_name="items",
        help_text=_("Instrumento."),
    )
    number = models.PositiveSmallIntegerField(_("número"), help_text=_("Orden del reactivo."))
    text = models.CharField(_("reactivo"), max_length=300, help_text=_("Enunciado."))

    class Meta:
        ordering = ["instrument", "number"]
        verbose_name = _("reactivo")
        verbose_name_plural = _("reactivos")
        constraints = [
            models.UniqueConstraint(fields=["instrument", "number"], name="circles_item_once"),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.text}"


class Application(TimeStamped):
    """One application of an instrument to a participant; the answers are sealed."""

    instrument = models.ForeignKey(
        Instrument,
        verbose_name=_("instrumento"),
        on_delete=models.PROTECT,
        related_name="applications",
        help_text=_("Instrumento aplicado."),
    )
    participant = models.ForeignKey(
        Participant,
        verbose_name=_("participante"),
        on_delete=models.CASCADE,
        related_name="applications",
        help_text=_("Persona evaluada."),
    )
    date = models.DateField(_("fecha"), help_text=_("Fecha de aplicación."))
    scores_sealed = models.BinaryField(
        _("respuestas cifradas"), help_text=_("Respuestas por reactivo, cifradas.")
    )

    class Meta:
        ordering = ["date", "pk"]
        verbose_name = _("aplicación")
        verbose_name_plural = _("aplicaciones")
