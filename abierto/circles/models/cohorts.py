"""Cohorts of the restorative circles, the organisations and assistance they draw on, and
the circles (sessions) with their attendance."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from abierto.directory.models import Institution, TimeStamped, public_id_field


class Organisation(TimeStamped):
    """A civil-society organisation (or agency) that meets the participants."""

    name = models.CharField(_("nombre"), max_length=200, unique=True, help_text=_("Nombre."))
    description = models.TextField(
        _("descripción"), blank=True, help_text=_("Qué ofrece a las personas participantes.")
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("organización")
        verbose_name_plural = _("organizaciones")

    def __str__(self) -> str:
        return self.name


class AssistanceItem(TimeStamped):
    """One entry of the catalogue of social assistance offered to the participants."""

    name = models.CharField(_("nombre"), max_length=200, unique=True, help_text=_("Nombre."))
    description = models.TextField(_("descripción"), blank=True, help_text=_("En qué consiste."))
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organización"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="assistance_items",
        help_text=_("Quién la ofrece, si es una organización participante."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("apoyo del catálogo")
        verbose_name_plural = _("catálogo de apoyos")

    def __str__(self) -> str:
        return self.name


class Cohort(TimeStamped):
    """A group of young people who go through the phases together."""

    public_id = public_id_field(_("Identificador público de la generación."))
    name = models.CharField(
        _("nombre"), max_length=120, help_text=_("Nombre de la generación, p. ej. «2026-1».")
    )
    institution = models.ForeignKey(
        Institution,
        verbose_name=_("institución"),
        on_delete=models.PROTECT,
        related_name="circle_cohorts",
        help_text=_("Institución que conduce los círculos (el centro de mediación)."),
    )
    centre = models.CharField(
        _("centro de asistencia"),
        max_length=200,
        help_text=_("Centro de asistencia social del DIF del que egresan las personas."),
    )
    region = models.CharField(_("región"), max_length=120, help_text=_("Región del estado."))
    start_date = models.DateField(_("inicio"), help_text=_("Fecha de inicio de la generación."))
    end_date = models.DateField(
        _("fin"), null=True, blank=True, help_text=_("Fecha de cierre de la generación.")
    )
    commitment_public_id = models.CharField(
        _("compromiso"),
        max_length=32,
        blank=True,
        help_text=_(
            "Identificador público del compromiso del Plan de Acción Local al que rinde cuentas."
        ),
    )
    staff = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("personal asignado"),
        blank=True,
        related_name="circle_cohorts",
        help_text=_("Personal del centro de mediación que ve a las personas participantes."),
    )
    organisations = models.ManyToManyField(
        Organisation,
        verbose_name=_("organizaciones"),
        blank=True,
        related_name="cohorts",
        help_text=_("Organizaciones que participan con la generación."),
    )
    retained_until = models.DateField(
        _("conservación hasta"),
        null=True,
        blank=True,
        help_text=_("Fecha en que se suprimieron los datos personales de la generación."),
    )

    class Meta:
        ordering = ["-start_date", "name"]
        verbose_name = _("generación")
        verbose_name_plural = _("generaciones")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="circles_cohort_ends_after_it_starts",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} · {self.region}"

    def get_absolute_url(self) -> str:
        return reverse("circles:cohort", args=[self.public_id])


class Circle(TimeStamped):
    """One session of a cohort (an empathy circle, a meeting with organisations…)."""

    class Kind(models.TextChoices):
        EMPATHY = "empathy", _("Círculo de empatía")
        ORGANISATIONS = "organisations", _("Encuentro con organizaciones")
        FOCUS_GROUP = "focus-group", _("Grupo focal")

    public_id = public_id_field(_("Identificador público del círculo."))
    cohort = models.ForeignKey(
        Cohort,
        verbose_name=_("generación"),
        on_delete=models.PROTECT,
        related_name="circles",
        help_text=_("Generación del círculo."),
    )
    kind = models.CharField(
        _("tipo"), max_length=20, choices=Kind.choices, help_text=_("Tipo de sesión.")
    )
    date = models.DateField(_("fecha"), help_text=_("Fecha de la sesión."))
    topic = models.CharField(_("tema"), max_length=200, blank=True, help_text=_("Tema."))
    organisations = models.ManyToManyField(
        Organisation,
        verbose_name=_("organizaciones"),
        blank=True,
        related_name="circles",
        help_text=_("Organizaciones presentes."),
    )

    class Meta:
        ordering = ["date", "pk"]
        verbose_name = _("círculo")
        verbose_name_plural = _("círculos")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.date.isoformat()})"


class Attendance(models.Model):
    circle = models.ForeignKey(
        Circle,
        verbose_name=_("círculo"),
        on_delete=models.CASCADE,
        related_name="attendance",
        help_text=_("Sesión."),
    )
    participant = models.ForeignKey(
        "circles.Participant",
        verbose_name=_("participante"),
        on_delete=models.CASCADE,
        related_name="attendance",
        help_text=_("Persona que asistió."),
    )

    class Meta:
        verbose_name = _("asistencia")
        verbose_name_plural = _("asistencias")
        constraints = [
            models.UniqueConstraint(
                fields=["circle", "participant"], name="circles_attendance_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.participant_id} @ {self.circle_id}"
