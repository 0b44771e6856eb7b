"""The public agenda of activities: caravans, talks, restorative circles, trainings."""

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


class ActivityKind(models.Model):
    """A kind of activity (caravana, plática informativa, círculo restaurativo, capacitación)."""

    slug = models.SlugField(
        _("clave"), max_length=40, unique=True, help_text=_("Clave corta, p. ej. caravana.")
    )
    name = models.CharField(
        _("nombre"), max_length=120, unique=True, help_text=_("Nombre del tipo de actividad.")
    )
    is_caravan = models.BooleanField(
        _("es caravana"),
        default=False,
        help_text=_(
            "Las actividades de este tipo registran servicios y personas atendidas y cuentan "
            "para la cobertura de las caravanas."
        ),
    )
    order = models.PositiveSmallIntegerField(_("orden"), default=0, help_text=_("Orden en listas."))

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("tipo de actividad")
        verbose_name_plural = _("tipos de actividad")

    def __str__(self) -> str:
        return self.name


class ServiceType(models.Model):
    """A kind of procedure or service delivered at a caravan (asesoría jurídica, actas...)."""

    slug = models.SlugField(
        _("clave"),
        max_length=40,
        unique=True,
        help_text=_("Clave corta; es también la columna de la carga masiva de caravanas."),
    )
    name = models.CharField(
        _("nombre"), max_length=160, unique=True, help_text=_("Nombre del trámite o servicio.")
    )
    description = models.TextField(
        _("descripción"), blank=True, help_text=_("Qué trámites o servicios agrupa.")
    )
    active = models.BooleanField(
        _("vigente"),
        default=True,
        help_text=_("Solo los tipos vigentes aparecen en las plantillas de carga."),
    )
    order = models.PositiveSmallIntegerField(_("orden"), default=0, help_text=_("Orden en listas."))

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("tipo de servicio")
        verbose_name_plural = _("tipos de servicio")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(slug__regex=r"^[a-z0-9_]+$"),
                name="service_type_slug_is_lower_snake_case",
            )
        ]

    def __str__(self) -> str:
        return self.name


class Activity(TimeStamped):
    """An activity of the public agenda; a caravan visit also records what it delivered."""

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Programada")
        HELD = "held", _("Realizada")
        CANCELLED = "cancelled", _("Cancelada")

    public_id = public_id_field(_("Identificador aleatorio y estable de la actividad."))
    kind = models.ForeignKey(
        ActivityKind,
        verbose_name=_("tipo"),
        on_delete=models.PROTECT,
        related_name="activities",
        help_text=_("Tipo de actividad."),
    )
    title = models.CharField(_("título"), max_length=250, help_text=_("Nombre de la actividad."))
    description = models.TextField(
        _("descripción"), blank=True, help_text=_("A quién se dirige y qué se ofrece.")
    )
    date = models.DateField(_("fecha"), help_text=_("Fecha de la actividad."))
    start_time = models.TimeField(
        _("hora de inicio"), null=True, blank=True, help_text=_("Hora de inicio.")
    )
    end_time = models.TimeField(
        _("hora de término"), null=True, blank=True, help_text=_("Hora de término.")
    )
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipio"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Municipio donde se realiza; vacío si es en línea."),
    )
    place = models.CharField(
        _("lugar"), max_length=250, blank=True, help_text=_("Sede o dirección de la actividad.")
    )
    institutions = models.ManyToManyField(
        Institution,
        verbose_name=_("instituciones participantes"),
        blank=True,
        related_name="plan_activities",
        help_text=_("Instituciones que participan en la actividad."),
    )
    commitment = models.ForeignKey(
        Commitment,
        verbose_name=_("compromiso"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="activities",
        help_text=_("Compromiso del plan al que contribuye la actividad."),
    )
    status = models.CharField(
        _("estado"),
        max_length=10,
        choices=Status.choices,
        default=Status.SCHEDULED,
        help_text=_("Programada, realizada o cancelada."),
    )
    people_served = models.PositiveIntegerField(
        _("personas atendidas"),
        null=True,
        blank=True,
        help_text=_("Personas atendidas, en caravanas realizadas."),
    )

    class Meta:
        ordering = ["date", "start_time", "id"]
        verbose_name = _("actividad")
        verbose_name_plural = _("actividades")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_time__isnull=True)
                | models.Q(start_time__isnull=True)
                | models.Q(end_time__gt=models.F("start_time")),
                name="activity_ends_after_it_starts",
            ),
            models.CheckConstraint(
                condition=models.Q(status="held") | models.Q(people_served__isnull=True),
                name="only_held_activities_served_people",
            ),
        ]
        indexes = [
            models.Index(fields=["date"]),
            models.Index(fields=["municipality", "date"]),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.date:%Y-%m-%d})"


class ActivityService(models.Model):
    """How many procedures or services of one type an activity delivered."""

    activity = models.ForeignKey(
        Activity,
        verbose_name=_("actividad"),
        on_delete=models.CASCADE,
        related_name="services",
        help_text=_("Visita de caravana en que se otorgaron."),
    )
    service_type = models.ForeignKey(
        ServiceType,
        verbose_name=_("tipo de servicio"),
        on_delete=models.PROTECT,
        related_name="deliveries",
        help_text=_("Tipo de trámite o servicio."),
    )
    count = models.PositiveIntegerField(
        _("cantidad"), help_text=_("Número de trámites o servicios otorgados.")
    )

    class Meta:
        ordering = ["activity", "service_type"]
        verbose_name = _("servicios otorgados")
        verbose_name_plural = _("servicios otorgados")
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "service_type"], name="one_count_per_activity_and_service"
            )
        ]

    def __str__(self) -> str:
        return f"{self.service_type}: {self.count}"
