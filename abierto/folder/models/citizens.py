from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from abierto.directory.models import TimeStamped, public_id_field

from .. import keys


def cuts_aad(cuts_index: str) -> bytes:
    return b"folder.citizen.cuts:" + cuts_index.encode("ascii")


class Citizen(TimeStamped):
    """A person with a folder, known by the blind index of their CUTS.

    The CUTS itself is kept only encrypted (to show it to its owner and in an ARCO export);
    lookups go through ``cuts_index``, a keyed hash, so the table alone identifies nobody.
    """

    public_id = public_id_field(_("Identificador aleatorio de la carpeta."))
    cuts_index = models.CharField(
        _("índice de la CUTS"),
        max_length=64,
        unique=True,
        editable=False,
        help_text=_("HMAC-SHA256 de la CUTS normalizada: permite buscar sin guardarla en claro."),
    )
    cuts_sealed = models.BinaryField(
        _("CUTS cifrada"),
        editable=False,
        help_text=_("La CUTS cifrada (cifrado de sobre con la llave maestra)."),
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("cuenta"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="citizen",
        help_text=_("Cuenta con la que entra, una vez activada la carpeta."),
    )
    activated_at = models.DateTimeField(
        _("activada"),
        null=True,
        blank=True,
        help_text=_("Cuándo la persona activó su carpeta."),
    )
    activation_code_hash = models.CharField(
        _("huella del código de activación"),
        max_length=128,
        blank=True,
        editable=False,
        help_text=_("Hash (make_password) del código de activación; vacío una vez usado."),
    )
    totp_secret_encrypted = models.BinaryField(
        _("secreto TOTP cifrado"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Semilla del segundo factor, cifrada con la llave maestra."),
    )
    pin_hash = models.CharField(
        _("huella del PIN"),
        max_length=128,
        blank=True,
        editable=False,
        help_text=_("Hash (make_password) del PIN del carnet."),
    )
    totp_last_step = models.PositiveBigIntegerField(
        _("último paso TOTP usado"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Paso de tiempo del último código aceptado: un código no sirve dos veces."),
    )

    class Meta:
        verbose_name = _("carpeta ciudadana")
        verbose_name_plural = _("carpetas ciudadanas")

    def __str__(self) -> str:
        return f"Carpeta {self.public_id}"

    @property
    def cuts(self) -> str:
        """The CUTS in clear, decrypted on demand (for its owner only)."""
        sealed = bytes(self.cuts_sealed)
        return keys.master_key_ring().unseal(sealed, cuts_aad(self.cuts_index)).decode("utf-8")


class Carnet(models.Model):
    """The carnet jurídico: an identity card whose QR opens the folder (with the PIN)."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Vigente")
        REVOKED = "revoked", _("Cancelado")
        REPLACED = "replaced", _("Reemplazado")

    citizen = models.ForeignKey(
        Citizen,
        verbose_name=_("carpeta"),
        on_delete=models.PROTECT,
        related_name="carnets",
        help_text=_("Carpeta a la que da acceso."),
    )
    serial = models.CharField(
        _("folio"),
        max_length=20,
        unique=True,
        editable=False,
        help_text=_("Folio impreso en el carnet."),
    )
    secret_hash = models.CharField(
        _("huella del QR"),
        max_length=64,
        editable=False,
        help_text=_("SHA-256 del secreto que lleva el QR; el secreto no se guarda."),
    )
    status = models.CharField(
        _("estado"),
        max_length=10,
        choices=Status.choices,
        default=Status.ACTIVE,
        help_text=_("Un carnet cancelado o reemplazado ya no abre la carpeta."),
    )
    issued_at = models.DateTimeField(
        _("expedido"), default=timezone.now, help_text=_("Fecha de expedición.")
    )
    status_changed_at = models.DateTimeField(
        _("cambio de estado"),
        null=True,
        blank=True,
        help_text=_("Cuándo se canceló o reemplazó."),
    )

    class Meta:
        ordering = ["-issued_at"]
        verbose_name = _("carnet jurídico")
        verbose_name_plural = _("carnets jurídicos")
        constraints = [
            models.UniqueConstraint(
                fields=["citizen"],
                condition=models.Q(status="active"),
                name="one_active_carnet_per_citizen",
            )
        ]

    def __str__(self) -> str:
        return self.serial
