"""Infoem's municipal openness study: questionnaires per municipality and citizen validation.

Citizen contributions keep no personal data: only the municipality, the dimension and what
was said.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from abierto.directory.models import (
    Institution,
    Municipality,
    TimeStamped,
    public_id_field,
)

from .commitments import Commitment


class OpennessStudy(TimeStamped):
    public_id = public_id_field(_("Identificador aleatorio y estable del estudio."))
    title = models.CharField(
        _("título"), max_length=250, unique=True, help_text=_("Nombre del estudio.")
    )
    institution = models.ForeignKey(
        Institution,
        verbose_name=_("institución"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Institución que realiza el estudio."),
    )
    commitment = models.ForeignKey(
        Commitment,
        verbose_name=_("compromiso"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="openness_studies",
        help_text=_("Compromiso del plan del que forma parte."),
    )
    year = models.PositiveSmallIntegerField(_("año"), help_text=_("Año del levantamiento."))
    description = models.TextField(
        _("descripción"), blank=True, help_text=_("Objetivo y método del estudio.")
    )

    class Meta:
        ordering = ["-year", "title"]
        verbose_name = _("estudio de apertura municipal")
        verbose_name_plural = _("estudios de apertura municipal")

    def __str__(self) -> str:
        return self.title


class OpennessDimension(models.Model):
    study = models.ForeignKey(
        OpennessStudy,
        verbose_name=_("estudio"),
        on_delete=models.PROTECT,
        related_name="dimensions",
        help_text=_("Estudio al que pertenece la dimensión."),
    )
    number = models.PositiveSmallIntegerField(_("número"), help_text=_("Orden de la dimensión."))
    name = models.CharField(
        _("nombre"), max_length=160, help_text=_("Nombre de la dimensión, p. ej. Normatividad.")
    )

    class Meta:
        ordering = ["study", "number"]
        verbose_name = _("dimensión del estudio")
        verbose_name_plural = _("dimensiones del estudio")
        constraints = [
            models.UniqueConstraint(
                fields=["study", "number"], name="one_dimension_number_per_study"
            ),
            models.UniqueConstraint(fields=["study", "name"], name="one_dimension_name_per_study"),
        ]

    def __str__(self) -> str:
        return self.name


class OpennessQuestionnaire(TimeStamped):
    """The questionnaire a municipality answered for the study."""

    study = models.ForeignKey(
        OpennessStudy,
        verbose_name=_("estudio"),
        on_delete=models.PROTECT,
        related_name="questionnaires",
        help_text=_("Estudio al que responde."),
    )
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipio"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Municipio que respondió el cuestionario."),
    )
    answered_on = models.DateField(
        _("fecha de respuesta"), null=True, blank=True, help_text=_("Cuándo se recibió.")
    )

    class Meta:
        ordering = ["study", "municipality"]
        verbose_name = _("cuestionario municipal")
        verbose_name_plural = _("cuestionarios municipales")
        constraints = [
            models.UniqueConstraint(
                fields=["study", "municipality"], name="one_questionnaire_per_municipality"
            )
        ]

    def __str__(self) -> str:
        return f"{self.study} · {self.municipality}"


class DimensionAnswer(models.Model):
    """What a questionnaire says about one dimension; the score is optional."""

    questionnaire = models.ForeignKey(
        OpennessQuestionnaire,
        verbose_name=_("cuestionario"),
        on_delete=models.CASCADE,
        related_name="answers",
        help_text=_("Cuestionario al que pertenece la respuesta."),
    )
    dimension = models.ForeignKey(
        OpennessDimension,
        verbose_name=_("dimensión"),
        on_delete=models.PROTECT,
        related_name="answers",
        help_text=_("Dimensión respondida."),
    )
    score = models.DecimalField(
        _("puntaje"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Puntaje de 0 a 100 en la dimensión, si el estudio lo asigna."),
    )

    class Meta:
        ordering = ["questionnaire", "dimension"]
        verbose_name = _("respuesta por dimensión")
        verbose_name_plural = _("respuestas por dimensión")
        constraints = [
            models.UniqueConstraint(
                fields=["questionnaire", "dimension"], name="one_answer_per_dimension"
            ),
            models.CheckConstraint(
                condition=models.Q(score__isnull=True) | models.Q(score__gte=0, score__lte=100),
                name="dimension_score_0_100",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.questionnaire} · {self.dimension}"


class CitizenContribution(TimeStamped):
    """A citizen's contribution that validates (or questions) what a municipality answered."""

    study = models.ForeignKey(
        OpennessStudy,
        verbose_name=_("estudio"),
        on_delete=models.PROTECT,
        related_name="contributions",
        help_text=_("Estudio al que contribuye."),
    )
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipio"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Municipio sobre el que opina la persona."),
    )
    dimension = models.ForeignKey(
        OpennessDimension,
        verbose_name=_("dimensión"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="contributions",
        help_text=_("Dimensión a la que se refiere, si a una en particular."),
    )
    received_on = models.DateField(_("fecha"), help_text=_("Cuándo se recibió la aportación."))
    summary = models.TextField(
        _("resumen"), blank=True, help_text=_("Resumen de la aportación, sin datos personales.")
    )

    class Meta:
        ordering = ["study", "received_on", "id"]
        verbose_name = _("aportación ciudadana")
        verbose_name_plural = _("aportaciones ciudadanas")

    def __str__(self) -> str:
        return f"{self.municipality} · {self.received_on:%Y-%m-%d}"
