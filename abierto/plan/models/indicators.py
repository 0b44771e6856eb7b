"""Indicators of the commitments and their dated values, optionally per municipality."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from abierto.directory.models import Municipality, TimeStamped, public_id_field

from .commitments import Commitment

MAX_DIGITS = 14
DECIMAL_PLACES = 2


class Indicator(TimeStamped):
    """Something counted or measured to follow a commitment: unit, baseline, target.

    An indicator either takes values typed or uploaded by the responsible agency
    (``Source.MANUAL``), or is computed from the activity records (caravan visits), so that
    its figures never drift from the records they summarise.
    """

    class Source(models.TextChoices):
        MANUAL = "manual", _("Valores registrados por la dependencia")
        CARAVAN_MUNICIPALITIES = (
            "caravan_municipalities",
            _("Calculado: municipios distintos visitados por las caravanas"),
        )
        CARAVAN_SERVICES = (
            "caravan_services",
            _("Calculado: trámites y servicios otorgados en las caravanas"),
        )
        CARAVAN_PEOPLE = "caravan_people", _("Calculado: personas atendidas en las caravanas")

    public_id = public_id_field(_("Identificador aleatorio y estable del indicador."))
    commitment = models.ForeignKey(
        Commitment,
        verbose_name=_("compromiso"),
        on_delete=models.PROTECT,
        related_name="indicators",
        help_text=_("Compromiso al que da seguimiento."),
    )
    code = models.CharField(
        _("clave"),
        max_length=20,
        unique=True,
        help_text=_("Clave corta para las cargas masivas, p. ej. CC1-MUN."),
    )
    name = models.CharField(_("nombre"), max_length=250, help_text=_("Qué se mide."))
    description = models.TextField(
        _("descripción"), blank=True, help_text=_("Cómo se mide y de dónde salen los datos.")
    )
    unit = models.CharField(
        _("unidad"), max_length=60, help_text=_("Unidad de medida, p. ej. municipios o personas.")
    )
    source = models.CharField(
        _("origen de los valores"),
        max_length=30,
        choices=Source.choices,
        default=Source.MANUAL,
        help_text=_("Si los valores se registran o se calculan de los registros de actividades."),
    )
    by_municipality = models.BooleanField(
        _("por municipio"),
        default=False,
        help_text=_("Si cada valor corresponde a un municipio (se suman para el total estatal)."),
    )
    baseline = models.DecimalField(
        _("línea base"),
        default=0,
        help_text=_("Valor al inicio del compromiso."),
        max_digits=MAX_DIGITS,
        decimal_places=DECIMAL_PLACES,
    )
    baseline_date = models.DateField(
        _("fecha de la línea base"), null=True, blank=True, help_text=_("Fecha de la línea base.")
    )
    target = models.DecimalField(
        _("meta"),
        null=True,
        blank=True,
        help_text=_("Valor que se quiere alcanzar; vacío si no se fijó una meta."),
        max_digits=MAX_DIGITS,
        decimal_places=DECIMAL_PLACES,
    )
    target_date = models.DateField(
        _("fecha de la meta"), null=True, blank=True, help_text=_("Cuándo debe alcanzarse la meta.")
    )
    order = models.PositiveSmallIntegerField(
        _("orden"), default=0, help_text=_("Orden del indicador dentro del compromiso.")
    )

    class Meta:
        ordering = ["commitment", "order", "code"]
        verbose_name = _("indicador")
        verbose_name_plural = _("indicadores")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(code__regex=r"^[A-Z0-9][A-Z0-9.-]*$"),
                name="indicator_code_is_upper_alphanumeric",
            ),
            models.CheckConstraint(
                condition=models.Q(baseline__gte=0)
                & (models.Q(target__isnull=True) | models.Q(target__gte=0)),
                name="indicator_baseline_and_target_not_negative",
            ),
            models.CheckConstraint(
                condition=models.Q(source="manual") | models.Q(by_municipality=False),
                name="computed_indicator_is_statewide",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    @property
    def is_computed(self) -> bool:
        return self.source != self.Source.MANUAL


class IndicatorValue(TimeStamped):
    """The value of an indicator on a date, statewide or in one municipality."""

    indicator = models.ForeignKey(
        Indicator,
        verbose_name=_("indicador"),
        on_delete=models.PROTECT,
        related_name="values",
        help_text=_("Indicador medido."),
    )
    date = models.DateField(_("fecha"), help_text=_("Fecha a la que corresponde el valor."))
    value = models.DecimalField(
        _("valor"),
        help_text=_("Valor acumulado del indicador a esa fecha."),
        max_digits=MAX_DIGITS,
        decimal_places=DECIMAL_PLACES,
    )
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipio"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Municipio al que corresponde, en indicadores por municipio."),
    )
    note = models.CharField(
        _("nota"), max_length=500, blank=True, help_text=_("Fuente o aclaración del valor.")
    )
    # Who recorded it: for the audit trail, never published.
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registró"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["indicator", "date", "municipality"]
        verbose_name = _("valor de indicador")
        verbose_name_plural = _("valores de indicadores")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "date", "municipality"],
                name="one_value_per_indicator_date_and_municipality",
            ),
            models.UniqueConstraint(
                fields=["indicator", "date"],
                condition=models.Q(municipality__isnull=True),
                name="one_statewide_value_per_indicator_and_date",
            ),
            models.CheckConstraint(
                condition=models.Q(value__gte=0), name="indicator_value_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.date:%Y-%m-%d} = {self.value}"
