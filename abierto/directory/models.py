"""Institutions, people, municipalities, membership applications and the audit trail."""

from __future__ import annotations

import secrets
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


def new_public_id() -> str:
    """A random, URL-safe identifier for anything shown in public (never the primary key)."""
    return secrets.token_urlsafe(12)


def public_id_field(help_text: Any) -> models.CharField[str, str]:
    """A random, stable identifier for URLs and QR codes, so the primary key is never shown."""
    return models.CharField(
        _("identificador público"),
        max_length=32,
        unique=True,
        default=new_public_id,
        editable=False,
        help_text=help_text,
    )


class TimeStamped(models.Model):
    created_at = models.DateTimeField(
        _("creado"), auto_now_add=True, help_text=_("Fecha y hora de creación del registro.")
    )
    updated_at = models.DateTimeField(
        _("actualizado"), auto_now=True, help_text=_("Fecha y hora de la última modificación.")
    )

    class Meta:
        abstract = True


class Municipality(models.Model):
    """One of the 125 municipalities of the Estado de México, keyed by its INEGI code."""

    code = models.CharField(
        _("clave INEGI"),
        max_length=5,
        unique=True,
        help_text=_("Clave geoestadística del INEGI: entidad (15) y municipio, p. ej. 15106."),
    )
    name = models.CharField(_("nombre"), max_length=120, help_text=_("Nombre oficial."))

    class Meta:
        ordering = ["code"]
        verbose_name = _("municipio")
        verbose_name_plural = _("municipios")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(code__regex=r"^15[0-9]{3}$"),
                name="municipality_code_is_inegi_edomex",
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def municipality_key(self) -> str:
        """The three-digit municipal key (cve_mun), e.g. ``106`` for Toluca."""
        return self.code[2:]


class Institution(TimeStamped):
    class Kind(models.TextChoices):
        PUBLIC_BODY = "public_body", _("Ente público")
        AUTONOMOUS_BODY = "autonomous_body", _("Organismo autónomo")
        JUDICIARY = "judiciary", _("Poder Judicial")
        MUNICIPALITY = "municipality", _("Municipio")
        CIVIL_SOCIETY = "civil_society", _("Organización de la sociedad civil")

    public_id = public_id_field(_("Identificador aleatorio y estable de la institución."))
    name = models.CharField(
        _("nombre"), max_length=250, unique=True, help_text=_("Nombre oficial completo.")
    )
    acronym = models.CharField(
        _("siglas"), max_length=30, blank=True, help_text=_("Siglas o nombre corto, p. ej. Infoem.")
    )
    kind = models.CharField(
        _("tipo"), max_length=20, choices=Kind.choices, help_text=_("Naturaleza de la institución.")
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("institución superior"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        help_text=_("Institución de la que depende, si la hay."),
    )
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipio"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        help_text=_("Municipio que gobierna, cuando la institución es un ayuntamiento."),
    )
    website = models.URLField(_("sitio web"), blank=True, help_text=_("Sitio web oficial."))

    class Meta:
        ordering = ["name"]
        verbose_name = _("institución")
        verbose_name_plural = _("instituciones")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(kind="municipality") | models.Q(municipality__isnull=False),
                name="institution_municipality_names_its_municipality",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.acronym})" if self.acronym else self.name


class Person(TimeStamped):
    """Someone who takes part in the forum; contact data is visible to staff only."""

    public_id = public_id_field(_("Identificador aleatorio y estable de la persona."))
    honorific = models.CharField(
        _("tratamiento"),
        max_length=20,
        blank=True,
        help_text=_("Tratamiento o grado con que se le nombra, p. ej. Mtra., Lic., Dr."),
    )
    name = models.CharField(_("nombre"), max_length=200, help_text=_("Nombre completo."))
    public_role = models.CharField(
        _("cargo"), max_length=250, blank=True, help_text=_("Cargo público o papel en el foro.")
    )
    institution = models.ForeignKey(
        Institution,
        verbose_name=_("institución"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="people",
        help_text=_("Institución u organización a la que pertenece."),
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("cuenta"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="person",
    )
    # Contact data: personal, never published.
    email = models.EmailField(_("correo electrónico"), blank=True)
    phone = models.CharField(_("teléfono"), max_length=30, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("persona")
        verbose_name_plural = _("personas")

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return f"{self.honorific} {self.name}".strip()


class MembershipApplication(TimeStamped):
    """A request to join the forum's civil-society sector (open registration)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("En revisión")
        APPROVED = "approved", _("Aprobada")
        REJECTED = "rejected", _("No aprobada")

    public_id = models.CharField(max_length=32, unique=True, default=new_public_id, editable=False)
    full_name = models.CharField(_("nombre completo"), max_length=200)
    organisation = models.CharField(_("organización"), max_length=250, blank=True)
    motivation = models.TextField(_("motivación"), max_length=3000)
    email = models.EmailField(_("correo electrónico"))
    phone = models.CharField(_("teléfono"), max_length=30, blank=True)
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipio de residencia"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
    )
    privacy_accepted_at = models.DateTimeField(_("aceptó el aviso de privacidad"))
    status = models.CharField(
        _("estado"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("revisó"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("fecha de revisión"), null=True, blank=True)
    decision_reason = models.TextField(_("motivo de la decisión"), blank=True)
    person = models.OneToOneField(
        Person,
        verbose_name=_("integrante"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="application",
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("solicitud de integración")
        verbose_name_plural = _("solicitudes de integración")
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                condition=models.Q(status__in=["pending", "approved"]),
                name="one_open_or_approved_application_per_email",
            ),
            models.CheckConstraint(
                condition=models.Q(status="pending")
                | models.Q(reviewed_at__isnull=False, reviewed_by__isnull=False),
                name="reviewed_application_names_reviewer",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="rejected") | ~models.Q(decision_reason=""),
                name="rejection_has_a_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.full_name} ({self.get_status_display()})"

    def get_absolute_url(self) -> str:
        return reverse("directory:application_review", args=[self.public_id])


class AuditEvent(models.Model):
    """One row per state change: who did what to which record, and when.

    Every service writes its event in the same transaction as the change, so the trail
    cannot miss a committed change nor record one that was rolled back.
    """

    created_at = models.DateTimeField(_("fecha"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("quién"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    action = models.CharField(_("acción"), max_length=80)
    target_type = models.ForeignKey(
        ContentType, verbose_name=_("tipo de registro"), on_delete=models.PROTECT
    )
    target_id = models.CharField(_("registro"), max_length=64)
    changes = models.JSONField(_("cambios"), default=dict, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("evento de auditoría")
        verbose_name_plural = _("bitácora de auditoría")
        indexes = [models.Index(fields=["target_type", "target_id", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action}"

    @property
    def action_label(self) -> str:
        """The action in words, in the active language (``audit_labels``)."""
        from .audit_labels import label

        return label(self.action)


class StaffSecondFactor(TimeStamped):
    """A staff account's authenticator (TOTP, RFC 6238); its secret is sealed at rest.

    Unconfirmed while its owner has not typed a first code from the app: an unconfirmed
    factor opens nothing. ``last_step`` is the last time step accepted, so that a code is
    used once (``abierto.lib.totp.verify``'s ``after_step``).
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("cuenta"),
        on_delete=models.CASCADE,
        related_name="second_factor",
    )
    secret_sealed = models.BinaryField(
        _("secreto cifrado"), help_text=_("Secreto TOTP sellado con la llave maestra.")
    )
    confirmed_at = models.DateTimeField(
        _("confirmado"),
        null=True,
        blank=True,
        help_text=_("Cuándo se confirmó con un primer código; vacío mientras no."),
    )
    last_step = models.BigIntegerField(
        _("último paso usado"),
        null=True,
        blank=True,
        help_text=_("Paso de tiempo del último código aceptado; ninguno anterior vale."),
    )

    class Meta:
        verbose_name = _("segundo factor del personal")
        verbose_name_plural = _("segundos factores del personal")

    def __str__(self) -> str:
        return str(self.user)


class RecoveryCode(models.Model):
    """A one-time code that replaces the authenticator once (when the phone is lost).

    The code is ``<selector>-<verifier>``: the selector finds the row (unique per factor,
    indexed) and only the verifier's hash is checked, so a code is hashed once, never
    against all ten.
    """

    factor = models.ForeignKey(
        StaffSecondFactor,
        verbose_name=_("segundo factor"),
        on_delete=models.CASCADE,
        related_name="recovery_codes",
    )
    selector = models.CharField(_("selector"), max_length=8)
    verifier_hash = models.CharField(_("hash"), max_length=256)
    used_at = models.DateTimeField(_("usado"), null=True, blank=True)

    class Meta:
        verbose_name = _("código de recuperación")
        verbose_name_plural = _("códigos de recuperación")
        constraints = [
            models.UniqueConstraint(
                fields=["factor", "selector"], name="recovery_code_selector_unique_per_factor"
            )
        ]

    def __str__(self) -> str:
        return f"{self.factor} · {self.selector}"
