"""The participants, their phases and consent, and the log of every read of their records.

What identifies a person (name, birth date) and their consent documents are sealed at rest
with envelope encryption (``abierto.lib.envelope``, the master key ring of
``abierto.directory.keyring``), each bound to its participant's public id. Everything else
names the participant by a random pseudonym.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from abierto.directory.models import TimeStamped, public_id_field

from .cohorts import Cohort

PSEUDONYM_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def new_pseudonym() -> str:
    return "P-" + "".join(secrets.choice(PSEUDONYM_ALPHABET) for _ in range(6))


class Phase(models.TextChoices):
    """The phases of the programme, in order."""

    SELECTION = "selection", _("Selección")
    INTERVIEW = "interview", _("Primera entrevista y aceptación")
    ORGANISATIONS = "organisations", _("Encuentros con organizaciones")
    ASSISTANCE = "assistance", _("Catálogo de apoyos")
    EMPATHY = "empathy", _("Círculos de empatía")


PHASE_ORDER = list(Phase.values)


class Participant(TimeStamped):
    class Status(models.TextChoices):
        ACTIVE = "active", _("Activa")
        WITHDRAWN = "withdrawn", _("Retirada")

    class ConsentBy(models.TextChoices):
        GUARDIAN = "guardian", _("Persona tutora")
        DIF = "dif", _("DIF (tutela institucional)")

    public_id = public_id_field(_("Identificador público de la persona participante."))
    pseudonym = models.CharField(
        _("seudónimo"),
        max_length=12,
        unique=True,
        default=new_pseudonym,
        editable=False,
        help_text=_("Seudónimo con el que aparece donde no hace falta su nombre."),
    )
    cohort = models.ForeignKey(
        Cohort,
        verbose_name=_("generación"),
        on_delete=models.PROTECT,
        related_name="participants",
        help_text=_("Generación."),
    )
    identity_sealed = models.BinaryField(
        _("identidad cifrada"), help_text=_("Nombre y fecha de nacimiento, cifrados.")
    )
    status = models.CharField(
        _("estado"),
        max_length=12,
        choices=Status.choices,
        default=Status.ACTIVE,
        help_text=_("Activa o retirada (el retiro detiene todo tratamiento)."),
    )
    accepted_on = models.DateField(
        _("aceptación"), null=True, blank=True, help_text=_("Fecha en que aceptó participar.")
    )
    consent_sealed = models.BinaryField(
        _("documento de aceptación cifrado"),
        null=True,
        blank=True,
        help_text=_("Documento de aceptación, cifrado."),
    )
    minor_at_acceptance = models.BooleanField(
        _("menor de edad al aceptar"),
        default=False,
        help_text=_("Si tenía menos de 18 años en la fecha de aceptación."),
    )
    guardian_consent_by = models.CharField(
        _("consentimiento de"),
        max_length=12,
        choices=ConsentBy.choices,
        blank=True,
        help_text=_("Quién consintió por la persona menor de edad."),
    )
    guardian_consent_sealed = models.BinaryField(
        _("documento de consentimiento cifrado"),
        null=True,
        blank=True,
        help_text=_("Documento de consentimiento de la persona tutora o del DIF, cifrado."),
    )
    withdrawn_on = models.DateField(
        _("retiro"), null=True, blank=True, help_text=_("Fecha en que retiró su consentimiento.")
    )

    class Meta:
        ordering = ["pseudonym"]
        verbose_name = _("persona participante")
        verbose_name_plural = _("personas participantes")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status="active") | models.Q(withdrawn_on__isnull=False),
                name="circles_withdrawal_has_a_date",
            ),
            models.CheckConstraint(
                condition=models.Q(minor_at_acceptance=False) | ~models.Q(guardian_consent_by=""),
                name="circles_minor_needs_guardian_consent",
            ),
        ]

    def __str__(self) -> str:
        return self.pseudonym

    def get_absolute_url(self) -> str:
        return reverse("circles:participant", args=[self.public_id])

    @property
    def withdrawn(self) -> bool:
        return self.status == self.Status.WITHDRAWN


class Milestone(models.Model):
    """The date a participant reached a phase."""

    participant = models.ForeignKey(
        Participant,
        verbose_name=_("participante"),
        on_delete=models.CASCADE,
        related_name="milestones",
        help_text=_("Persona participante."),
    )
    phase = models.CharField(
        _("fase"), max_length=16, choices=Phase.choices, help_text=_("Fase alcanzada.")
    )
    date = models.DateField(_("fecha"), help_text=_("Fecha en que la alcanzó."))

    class Meta:
        ordering = ["date", "pk"]
        verbose_name = _("hito")
        verbose_name_plural = _("hitos")
        constraints = [
            models.UniqueConstraint(fields=["participant", "phase"], name="circles_phase_once"),
        ]

    def __str__(self) -> str:
        return f"{self.get_phase_display()} ({self.date.isoformat()})"


class AccessEvent(models.Model):
    """One read of a participant's record: who, when, what."""

    class Action(models.TextChoices):
        VIEW = "view", _("Consulta del expediente")
        CONSENT_DOCUMENT = "consent-document", _("Descarga del documento de aceptación")
        GUARDIAN_DOCUMENT = (
            "guardian-document",
            _("Descarga del consentimiento de la persona tutora"),
        )

    cohort = models.ForeignKey(
        Cohort,
        verbose_name=_("generación"),
        on_delete=models.CASCADE,
        related_name="access_events",
        help_text=_("Generación de la persona consultada."),
    )
    participant = models.ForeignKey(
        Participant,
        verbose_name=_("participante"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="access_events",
        help_text=_("Persona cuyo expediente se leyó."),
    )
    pseudonym = models.CharField(
        _("seudónimo"), max_length=12, help_text=_("Seudónimo de la persona consultada.")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("quién"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Quién leyó."),
    )
    at = models.DateTimeField(_("cuándo"), auto_now_add=True, help_text=_("Cuándo."))
    action = models.CharField(
        _("qué"), max_length=20, choices=Action.choices, help_text=_("Qué leyó.")
    )

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("acceso")
        verbose_name_plural = _("accesos")

    def __str__(self) -> str:
        return f"{self.pseudonym} · {self.get_action_display()}"
