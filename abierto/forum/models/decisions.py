from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from abierto.directory.models import Institution, TimeStamped, public_id_field

from .body import Seat
from .meetings import AgendaItem, Session


class Vote(TimeStamped):
    """A vote on a decisive agenda item: counts, and the ballot of each seat when taken by name."""

    class Result(models.TextChoices):
        APPROVED = "approved", _("Aprobado")
        REJECTED = "rejected", _("No aprobado")

    agenda_item = models.ForeignKey(
        AgendaItem, verbose_name=_("punto"), on_delete=models.PROTECT, related_name="votes"
    )
    motion = models.TextField(_("propuesta"), help_text=_("Lo que se somete a votación."))
    votes_for = models.PositiveSmallIntegerField(_("a favor"), default=0)
    votes_against = models.PositiveSmallIntegerField(_("en contra"), default=0)
    abstentions = models.PositiveSmallIntegerField(_("abstenciones"), default=0)
    result = models.CharField(_("resultado"), max_length=10, choices=Result.choices)
    present_seats = models.PositiveSmallIntegerField(
        _("asientos presentes"), help_text=_("Asientos con voto presentes al votar.")
    )

    class Meta:
        ordering = ["agenda_item", "id"]
        verbose_name = _("votación")
        verbose_name_plural = _("votaciones")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(
                    votes_for__lte=models.F("present_seats")
                    - models.F("votes_against")
                    - models.F("abstentions")
                ),
                name="vote_counts_fit_the_present_seats",
            )
        ]

    def __str__(self) -> str:
        return f"{self.motion[:60]} ({self.get_result_display()})"

    @property
    def unanimous(self) -> bool:
        """Every seat present voted for it."""
        return (
            self.votes_for > 0
            and self.votes_against == 0
            and self.abstentions == 0
            and self.votes_for == self.present_seats
        )

    @property
    def result_phrase(self) -> str:
        if self.unanimous:
            return "por unanimidad de votos"
        return "por mayoría de votos"


class Ballot(models.Model):
    class Choice(models.TextChoices):
        FOR = "for", _("A favor")
        AGAINST = "against", _("En contra")
        ABSTAIN = "abstain", _("Abstención")

    vote = models.ForeignKey(Vote, on_delete=models.CASCADE, related_name="ballots")
    seat = models.ForeignKey(Seat, verbose_name=_("asiento"), on_delete=models.PROTECT)
    choice = models.CharField(_("sentido"), max_length=8, choices=Choice.choices)

    class Meta:
        verbose_name = _("voto")
        verbose_name_plural = _("votos")
        constraints = [
            models.UniqueConstraint(fields=["vote", "seat"], name="one_ballot_per_seat_and_vote")
        ]

    def __str__(self) -> str:
        return f"{self.seat}: {self.get_choice_display()}"


class AgreementStatus(models.TextChoices):
    PENDING = "pending", _("Pendiente")
    IN_PROGRESS = "in_progress", _("En proceso")
    DONE = "done", _("Cumplido")
    CANCELLED = "cancelled", _("Cancelado")


class Agreement(TimeStamped):
    """A numbered decision of a session, e.g. STL/XV/1/2022."""

    public_id = public_id_field(_("Identificador aleatorio y estable del acuerdo."))
    session = models.ForeignKey(
        Session, verbose_name=_("sesión"), on_delete=models.PROTECT, related_name="agreements"
    )
    agenda_item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("punto"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agreements",
        help_text=_("Punto del orden del día en que se tomó."),
    )
    vote = models.OneToOneField(
        Vote,
        verbose_name=_("votación"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agreement",
    )
    number = models.PositiveSmallIntegerField(
        _("número"), help_text=_("Consecutivo del acuerdo dentro de la sesión.")
    )
    code = models.CharField(
        _("clave"),
        max_length=40,
        unique=True,
        help_text=_(
            "Clave del acuerdo: siglas/sesión en romanos/consecutivo/año, p. ej. STL/XV/1/2022."
        ),
    )
    text = models.TextField(_("texto"), help_text=_("Texto del acuerdo tal como se aprobó."))
    responsible = models.ForeignKey(
        Institution,
        verbose_name=_("responsable"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agreements",
        help_text=_("Institución responsable de cumplirlo, si lo hay."),
    )
    due_date = models.DateField(
        _("fecha compromiso"), null=True, blank=True, help_text=_("Fecha límite para cumplirlo.")
    )
    requires_follow_up = models.BooleanField(
        _("requiere seguimiento"),
        default=False,
        help_text=_("Si compromete a alguien a actuar y se revisa en cada sesión hasta cumplirse."),
    )
    status = models.CharField(
        _("estado"),
        max_length=12,
        choices=AgreementStatus.choices,
        default=AgreementStatus.DONE,
        help_text=_("Pendiente, en proceso, cumplido o cancelado."),
    )

    class Meta:
        ordering = ["-session__date", "number"]
        verbose_name = _("acuerdo")
        verbose_name_plural = _("acuerdos")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "number"], name="one_agreement_number_per_session"
            ),
            models.CheckConstraint(
                condition=models.Q(requires_follow_up=True) | models.Q(status="done"),
                name="only_follow_up_agreements_can_be_open",
            ),
        ]
        indexes = [models.Index(fields=["status", "requires_follow_up"])]

    def __str__(self) -> str:
        return self.code

    def get_absolute_url(self) -> str:
        return reverse("forum:agreement_detail", args=[self.public_id])


class AgreementFollowUp(TimeStamped):
    """A dated note on an agreement's progress, reported at a session; it sets the status."""

    agreement = models.ForeignKey(
        Agreement, verbose_name=_("acuerdo"), on_delete=models.PROTECT, related_name="follow_ups"
    )
    reported_on = models.DateField(_("fecha"), help_text=_("Fecha del reporte."))
    session = models.ForeignKey(
        Session,
        verbose_name=_("sesión en que se reportó"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="follow_ups",
        help_text=_("Sesión en que se informó el avance."),
    )
    status = models.CharField(
        _("estado resultante"),
        max_length=12,
        choices=AgreementStatus.choices,
        help_text=_("Estado del acuerdo después de este reporte."),
    )
    note = models.TextField(_("nota"), help_text=_("Lo que se informó."))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["agreement", "reported_on", "id"]
        verbose_name = _("seguimiento de acuerdo")
        verbose_name_plural = _("seguimiento de acuerdos")

    def __str__(self) -> str:
        return f"{self.agreement.code} {self.reported_on}: {self.get_status_display()}"
