"""Where each municipality stands on the way to its own Secretariado Técnico Local."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from abierto.directory.models import Municipality, TimeStamped


class InstallationStatus(models.TextChoices):
    """The steps, in order; a municipality without a row has had no contact."""

    NO_CONTACT = "no_contact", _("Sin contacto")
    TALKS = "talks", _("En pláticas")
    DECLARATION_SIGNED = "declaration_signed", _("Declaratoria conjunta firmada")
    INSTALLED = "installed", _("STL municipal instalado")
    FIRST_SESSION = "first_session", _("Primera sesión celebrada")


INSTALLATION_ORDER = list(InstallationStatus.values)
SIGNED_OR_LATER = INSTALLATION_ORDER[INSTALLATION_ORDER.index("declaration_signed") :]


class Installation(TimeStamped):
    """One municipality's progress towards a municipal STL (Infoem's action line 2)."""

    municipality = models.OneToOneField(
        Municipality,
        verbose_name=_("municipio"),
        on_delete=models.PROTECT,
        related_name="installation",
        help_text=_("Municipio (clave INEGI)."),
    )
    status = models.CharField(
        _("estado"),
        max_length=20,
        choices=InstallationStatus.choices,
        default=InstallationStatus.NO_CONTACT,
        help_text=_(
            "Sin contacto, en pláticas, declaratoria conjunta firmada, instalado o primera "
            "sesión celebrada."
        ),
    )
    status_since = models.DateField(
        _("desde"), null=True, blank=True, help_text=_("Fecha en que llegó al estado actual.")
    )
    declaration_signed_on = models.DateField(
        _("firma de la declaratoria"),
        null=True,
        blank=True,
        help_text=_("Fecha de firma de la declaratoria conjunta."),
    )
    declaration_url = models.URLField(
        _("documento de la declaratoria"),
        blank=True,
        help_text=_("Enlace público al documento firmado de la declaratoria conjunta."),
    )
    declaration_document = models.FileField(
        _("declaratoria firmada (PDF)"),
        upload_to="instalaciones/declaratorias/%Y/",
        blank=True,
        help_text=_(
            "El PDF de la declaratoria conjunta firmada, subido por la facilitación estatal; "
            "se publica en /foros/instalacion/<clave INEGI>/declaratoria.pdf."
        ),
    )
    notes = models.TextField(
        _("notas"), blank=True, help_text=_("Observaciones públicas sobre el avance.")
    )

    class Meta:
        ordering = ["municipality__code"]
        verbose_name = _("instalación municipal")
        verbose_name_plural = _("instalaciones municipales")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status__in=SIGNED_OR_LATER)
                | models.Q(declaration_signed_on__isnull=False),
                name="installation_signed_has_a_date",
            )
        ]

    def __str__(self) -> str:
        return f"{self.municipality} · {self.get_status_display()}"
