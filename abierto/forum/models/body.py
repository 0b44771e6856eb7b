from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from abierto.directory.models import (
    Institution,
    Municipality,
    Person,
    TimeStamped,
    public_id_field,
)

# Acronyms head agreement codes and letter references: STL/XV/1/2022, STM-TOLUCA/III/2/2024.
ACRONYM_PATTERN = r"^[A-Z0-9]{2,12}(-[A-Z0-9]{2,19})?$"


class QuorumRule(models.TextChoices):
    MAJORITY = "majority", _("Mayoría de los asientos (más de la mitad)")
    TWO_THIRDS = "two_thirds", _("Dos terceras partes de los asientos")
    ALL = "all", _("Todos los asientos")


class Sector(models.TextChoices):
    FACILITATION = "facilitation", _("Facilitación")
    CIVIL_SOCIETY = "civil_society", _("Sociedad Civil")
    GUARANTOR = "guarantor", _("Órgano Garante")
    PUBLIC_BODIES = "public_bodies", _("Entes Públicos")
    JUDICIARY = "judiciary", _("Poder Judicial")


class ForumKind(models.TextChoices):
    STATE = "state", _("Estatal")
    MUNICIPAL = "municipal", _("Municipal")


class Forum(TimeStamped):
    """A collegiate body that meets in sessions: the state STL or a municipal one.

    Every session, agreement, letter and imported acta belongs to one forum; numbering
    (sessions per kind, letters per year) and codes run per forum, headed by its acronym.
    """

    public_id = public_id_field(_("Identificador aleatorio y estable del foro."))
    name = models.CharField(_("nombre"), max_length=250, help_text=_("Nombre oficial del foro."))
    acronym = models.CharField(
        _("siglas"),
        max_length=32,
        unique=True,
        help_text=_(
            "Siglas que encabezan las claves de acuerdos y oficios, p. ej. STL o STM-TOLUCA."
        ),
    )
    slug = models.SlugField(
        _("nombre corto"),
        max_length=40,
        unique=True,
        help_text=_("Parte de la dirección de sus páginas públicas: /foros/<nombre corto>/."),
    )
    kind = models.CharField(
        _("ámbito"),
        max_length=10,
        choices=ForumKind.choices,
        default=ForumKind.STATE,
        help_text=_("Estatal (el STL del Estado de México) o municipal."),
    )
    municipality = models.OneToOneField(
        Municipality,
        verbose_name=_("municipio"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="forum",
        help_text=_("Municipio de un foro municipal (clave INEGI); vacío para el estatal."),
    )
    quorum_rule = models.CharField(
        _("regla de quórum"),
        max_length=12,
        choices=QuorumRule.choices,
        default=QuorumRule.MAJORITY,
        help_text=_("Cuántos asientos con voto deben estar presentes para sesionar."),
    )

    class Meta:
        verbose_name = _("foro")
        verbose_name_plural = _("foros")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(acronym__regex=ACRONYM_PATTERN),
                name="forum_acronym_is_upper_alphanumeric",
            ),
            models.CheckConstraint(
                condition=models.Q(kind=ForumKind.STATE, municipality__isnull=True)
                | models.Q(kind=ForumKind.MUNICIPAL, municipality__isnull=False),
                name="forum_municipal_iff_municipality",
            ),
        ]

    def __str__(self) -> str:
        return self.acronym

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self.slug:
            self.slug = slugify(self.acronym)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("forum:forum_sessions", args=[self.slug])

    @property
    def is_state(self) -> bool:
        return self.kind == ForumKind.STATE


class ForumRole(TimeStamped):
    """A user's role in one forum: facilitation or membership.

    The state STL's facilitation (and the platform-wide facilitator group) oversees every
    forum; a municipal forum's facilitation acts only in its own.
    """

    class Role(models.TextChoices):
        FACILITATOR = "facilitator", _("Facilitación")
        MEMBER = "member", _("Integrante")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("cuenta"),
        on_delete=models.CASCADE,
        related_name="forum_roles",
    )
    forum = models.ForeignKey(
        Forum, verbose_name=_("foro"), on_delete=models.CASCADE, related_name="roles"
    )
    role = models.CharField(_("papel"), max_length=12, choices=Role.choices)

    class Meta:
        verbose_name = _("papel en un foro")
        verbose_name_plural = _("papeles en los foros")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "forum", "role"], name="one_role_per_user_forum"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.forum} · {self.get_role_display()}"


class SeatQuerySet(models.QuerySet["Seat"]):
    def active_on(self, day: datetime.date) -> SeatQuerySet:
        return self.filter(starts_on__lte=day).filter(
            models.Q(ends_on__isnull=True) | models.Q(ends_on__gte=day)
        )


class Seat(TimeStamped):
    """A seat of the forum, held by a holder (titular) and an alternate (suplente) over a period.

    When the people change, the seat's term ends and a new one starts, so that past sessions
    keep who sat then.
    """

    forum = models.ForeignKey(Forum, on_delete=models.PROTECT, related_name="seats")
    sector = models.CharField(
        _("sector"), max_length=20, choices=Sector.choices, help_text=_("Sector del asiento.")
    )
    label = models.CharField(
        _("asiento"),
        max_length=120,
        help_text=_("Nombre del asiento, p. ej. Sociedad Civil 1 o Infoem."),
    )
    institution = models.ForeignKey(
        Institution,
        verbose_name=_("institución"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        help_text=_("Institución que ocupa el asiento, si es de un ente público."),
    )
    holder = models.ForeignKey(
        Person,
        verbose_name=_("titular"),
        on_delete=models.PROTECT,
        related_name="held_seats",
        help_text=_("Persona titular del asiento."),
    )
    alternate = models.ForeignKey(
        Person,
        verbose_name=_("suplente"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="alternate_seats",
        help_text=_("Persona suplente del asiento."),
    )
    has_vote = models.BooleanField(
        _("con voto"), default=True, help_text=_("Si el asiento vota y cuenta para el quórum.")
    )
    order = models.PositiveSmallIntegerField(_("orden"), default=0)
    starts_on = models.DateField(_("desde"), help_text=_("Inicio del periodo."))
    ends_on = models.DateField(
        _("hasta"), null=True, blank=True, help_text=_("Fin del periodo; vacío si sigue vigente.")
    )

    objects = SeatQuerySet.as_manager()

    class Meta:
        ordering = ["forum", "order", "label", "starts_on"]
        verbose_name = _("asiento")
        verbose_name_plural = _("asientos")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(holder=models.F("alternate")),
                name="seat_alternate_is_not_the_holder",
            ),
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="seat_period_ends_after_it_starts",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.label} ({self.get_sector_display()})"
