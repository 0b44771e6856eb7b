"""The plan itself: its axes, commitments, lines of action and milestones."""

from __future__ import annotations

import datetime

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from abierto.directory.models import Institution, TimeStamped, public_id_field


class ActionPlan(TimeStamped):
    """A local action plan of the Open Government Partnership, e.g. the 2020 plan."""

    public_id = public_id_field(_("Identificador aleatorio y estable del plan."))
    title = models.CharField(
        _("título"), max_length=250, unique=True, help_text=_("Nombre oficial del plan.")
    )
    period_start = models.PositiveSmallIntegerField(
        _("año de inicio"), help_text=_("Primer año del periodo del plan.")
    )
    period_end = models.PositiveSmallIntegerField(
        _("año de término"), help_text=_("Último año del periodo del plan.")
    )
    launched_on = models.DateField(
        _("fecha de lanzamiento"), help_text=_("Fecha en que se presentó el plan.")
    )
    consultation_start = models.DateField(
        _("inicio de la consulta"), help_text=_("Inicio de la consulta ciudadana.")
    )
    consultation_end = models.DateField(
        _("fin de la consulta"), help_text=_("Fin de la consulta ciudadana.")
    )
    consultation_summary = models.TextField(
        _("resumen de la consulta"),
        blank=True,
        help_text=_("Cómo se consultó a la ciudadanía y qué resultó de la consulta."),
    )

    class Meta:
        ordering = ["-period_start"]
        verbose_name = _("plan de acción")
        verbose_name_plural = _("planes de acción")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")),
                name="plan_period_ends_after_it_starts",
            ),
            models.CheckConstraint(
                condition=models.Q(consultation_end__gte=models.F("consultation_start")),
                name="plan_consultation_ends_after_it_starts",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class ThematicAxis(TimeStamped):
    plan = models.ForeignKey(
        ActionPlan,
        verbose_name=_("plan"),
        on_delete=models.PROTECT,
        related_name="axes",
        help_text=_("Plan al que pertenece el eje."),
    )
    number = models.PositiveSmallIntegerField(
        _("número"), validators=[MinValueValidator(1)], help_text=_("Orden del eje en el plan.")
    )
    title = models.CharField(_("título"), max_length=250, help_text=_("Nombre del eje temático."))
    description = models.TextField(
        _("descripción"), blank=True, help_text=_("Qué problemas públicos abarca el eje.")
    )

    class Meta:
        ordering = ["plan", "number"]
        verbose_name = _("eje temático")
        verbose_name_plural = _("ejes temáticos")
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="one_axis_number_per_plan"),
            models.CheckConstraint(condition=models.Q(number__gte=1), name="axis_number_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


class Completion(models.TextChoices):
    """The completion scale of the OGP's Independent Reporting Mechanism (IRM)."""

    NOT_STARTED = "not_started", _("No iniciado")
    LIMITED = "limited", _("Limitado")
    SUBSTANTIAL = "substantial", _("Sustancial")
    COMPLETE = "complete", _("Completo")


class Commitment(TimeStamped):
    """A commitment of the plan, co-created with society or proactive (led by one institution).

    Its progress and its completion level are not stored: the selectors compute them from the
    milestones (``selectors.commitment_progress``), so nobody types a percentage by hand.
    """

    class Kind(models.TextChoices):
        CO_CREATED = "co-created", _("Co-creado")
        PROACTIVE = "proactive", _("Proactivo")

    public_id = public_id_field(_("Identificador aleatorio y estable del compromiso."))
    plan = models.ForeignKey(
        ActionPlan,
        verbose_name=_("plan"),
        on_delete=models.PROTECT,
        related_name="commitments",
        help_text=_("Plan al que pertenece el compromiso."),
    )
    axis = models.ForeignKey(
        ThematicAxis,
        verbose_name=_("eje temático"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="commitments",
        help_text=_("Eje temático del plan en que se ubica el compromiso."),
    )
    kind = models.CharField(
        _("tipo"),
        max_length=12,
        choices=Kind.choices,
        help_text=_("Co-creado (con la sociedad civil) o proactivo (de una institución)."),
    )
    number = models.PositiveSmallIntegerField(
        _("número"),
        validators=[MinValueValidator(1)],
        help_text=_("Número del compromiso dentro de su tipo, p. ej. 1 a 6 para los co-creados."),
    )
    title = models.CharField(_("título"), max_length=300, help_text=_("Nombre del compromiso."))
    responsible = models.ForeignKey(
        Institution,
        verbose_name=_("institución responsable"),
        on_delete=models.PROTECT,
        related_name="commitments_led",
        help_text=_("Institución que responde por el compromiso y reporta sus avances."),
    )
    supporting = models.ManyToManyField(
        Institution,
        verbose_name=_("instituciones corresponsables"),
        blank=True,
        related_name="commitments_supported",
        help_text=_("Otras instituciones que participan en el compromiso."),
    )
    public_problem = models.TextField(
        _("problema público"), blank=True, help_text=_("El problema público que atiende.")
    )
    objective = models.TextField(
        _("objetivo"), blank=True, help_text=_("Lo que el compromiso busca lograr.")
    )
    ogp_access_to_information = models.BooleanField(
        _("valor AGA: acceso a la información"),
        default=False,
        help_text=_("Si el compromiso es relevante para el acceso a la información."),
    )
    ogp_civic_participation = models.BooleanField(
        _("valor AGA: participación cívica"),
        default=False,
        help_text=_("Si el compromiso es relevante para la participación cívica."),
    )
    ogp_public_accountability = models.BooleanField(
        _("valor AGA: rendición de cuentas"),
        default=False,
        help_text=_("Si el compromiso es relevante para la rendición de cuentas públicas."),
    )
    ogp_technology = models.BooleanField(
        _("valor AGA: tecnología e innovación"),
        default=False,
        help_text=_(
            "Si el compromiso es relevante para la tecnología e innovación para la "
            "transparencia y la rendición de cuentas."
        ),
    )
    start_date = models.DateField(
        _("fecha de inicio"), null=True, blank=True, help_text=_("Inicio de la implementación.")
    )
    end_date = models.DateField(
        _("fecha de término"),
        null=True,
        blank=True,
        help_text=_("Fecha en que el compromiso debe estar cumplido."),
    )

    class Meta:
        ordering = ["plan", "kind", "number"]
        verbose_name = _("compromiso")
        verbose_name_plural = _("compromisos")
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "kind", "number"], name="one_commitment_number_per_plan_and_kind"
            ),
            models.CheckConstraint(
                condition=models.Q(number__gte=1), name="commitment_number_positive"
            ),
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(start_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="commitment_ends_after_it_starts",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    @property
    def code(self) -> str:
        """Short key used in uploads and lists: ``CC1`` (co-created 1) or ``CP2`` (proactive 2)."""
        prefix = "CC" if self.kind == self.Kind.CO_CREATED else "CP"
        return f"{prefix}{self.number}"

    @property
    def ogp_values(self) -> list[str]:
        """Labels of the OGP values the commitment is relevant to."""
        return [str(OGP_VALUE_LABELS[name]) for name in OGP_VALUE_FIELDS if getattr(self, name)]


OGP_VALUE_LABELS = {
    "ogp_access_to_information": _("Acceso a la información"),
    "ogp_civic_participation": _("Participación cívica"),
    "ogp_public_accountability": _("Rendición de cuentas"),
    "ogp_technology": _("Tecnología e innovación para la transparencia y la rendición de cuentas"),
}
OGP_VALUE_FIELDS = list(OGP_VALUE_LABELS)


class ActionLine(TimeStamped):
    """A line of action or phase of a commitment; it groups milestones."""

    commitment = models.ForeignKey(
        Commitment,
        verbose_name=_("compromiso"),
        on_delete=models.PROTECT,
        related_name="action_lines",
        help_text=_("Compromiso al que pertenece la línea de acción."),
    )
    number = models.PositiveSmallIntegerField(
        _("número"), help_text=_("Número de la línea de acción o fase dentro del compromiso.")
    )
    title = models.CharField(
        _("título"), max_length=300, help_text=_("Nombre de la línea de acción o fase.")
    )
    description = models.TextField(
        _("descripción"), blank=True, help_text=_("En qué consiste la línea de acción.")
    )

    class Meta:
        ordering = ["commitment", "number"]
        verbose_name = _("línea de acción")
        verbose_name_plural = _("líneas de acción")
        constraints = [
            models.UniqueConstraint(
                fields=["commitment", "number"], name="one_action_line_number_per_commitment"
            ),
            models.CheckConstraint(
                condition=models.Q(number__gte=1), name="action_line_number_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


class Milestone(TimeStamped):
    """A verifiable step of a line of action; its weight says how much it counts for progress."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pendiente")
        IN_PROGRESS = "in_progress", _("En proceso")
        MET = "met", _("Cumplido")
        CANCELLED = "cancelled", _("Cancelado")

    action_line = models.ForeignKey(
        ActionLine,
        verbose_name=_("línea de acción"),
        on_delete=models.PROTECT,
        related_name="milestones",
        help_text=_("Línea de acción o fase a la que pertenece el hito."),
    )
    number = models.PositiveSmallIntegerField(
        _("número"), help_text=_("Número del hito dentro de su línea de acción.")
    )
    title = models.CharField(_("hito"), max_length=300, help_text=_("Qué se entrega o se logra."))
    due_date = models.DateField(
        _("fecha compromiso"), null=True, blank=True, help_text=_("Cuándo debe cumplirse.")
    )
    met_on = models.DateField(
        _("fecha de cumplimiento"),
        null=True,
        blank=True,
        help_text=_("Cuándo se cumplió; vacío mientras no se cumple."),
    )
    status = models.CharField(
        _("estado"),
        max_length=12,
        choices=Status.choices,
        default=Status.PENDING,
        help_text=_("Pendiente, en proceso, cumplido o cancelado (no cuenta para el avance)."),
    )
    weight = models.PositiveSmallIntegerField(
        _("peso"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_(
            "Cuánto pesa el hito en el avance del compromiso, frente a los demás hitos (1 a 100)."
        ),
    )

    class Meta:
        ordering = ["action_line", "number"]
        verbose_name = _("hito")
        verbose_name_plural = _("hitos")
        constraints = [
            models.UniqueConstraint(
                fields=["action_line", "number"], name="one_milestone_number_per_action_line"
            ),
            models.CheckConstraint(
                condition=models.Q(weight__gte=1, weight__lte=100), name="milestone_weight_1_100"
            ),
            models.CheckConstraint(
                condition=models.Q(number__gte=1), name="milestone_number_positive"
            ),
            models.CheckConstraint(
                condition=(models.Q(status="met") & models.Q(met_on__isnull=False))
                | (~models.Q(status="met") & models.Q(met_on__isnull=True)),
                name="milestone_met_iff_it_has_a_date",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def code(self) -> str:
        """Key used in uploads: ``CC1-2.3`` is milestone 3 of line 2 of co-created commitment 1."""
        return f"{self.action_line.commitment.code}-{self.action_line.number}.{self.number}"

    @property
    def is_open(self) -> bool:
        """Still to be met: pending or in progress (a met or cancelled one is closed)."""
        return self.status in {self.Status.PENDING, self.Status.IN_PROGRESS}

    def is_overdue(self, today: datetime.date | None = None) -> bool:
        """Open after its due date. Due today is not overdue yet; one met late is met."""
        today = today or timezone.localdate()
        return self.is_open and self.due_date is not None and self.due_date < today
