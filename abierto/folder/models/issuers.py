from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import SchemaError

from abierto.directory.models import Institution, TimeStamped
from abierto.lib import jws
from abierto.lib.compiled_schema import compile_schema

kid_validator = RegexValidator(
    jws.KID_PATTERN, _("Use letras, números, punto, guion o guion bajo (máximo 64).")
)


class Relation(models.TextChoices):
    """How a person named in a document relates to it."""

    HOLDER = "titular", _("Titular")
    MOTHER = "madre", _("Madre")
    FATHER = "padre", _("Padre")
    SPOUSE = "conyuge", _("Cónyuge")
    FORMER_SPOUSE = "exconyuge", _("Excónyuge")
    GUARDIAN = "tutor", _("Tutor o tutora")


class Issuer(TimeStamped):
    """An agency that issues documents into citizens' folders, with its own keys and API token."""

    institution = models.OneToOneField(
        Institution,
        verbose_name=_("institución"),
        on_delete=models.PROTECT,
        related_name="folder_issuer",
        help_text=_("Institución del directorio que emite los documentos."),
    )
    slug = models.SlugField(
        _("clave"),
        max_length=50,
        unique=True,
        help_text=_("Clave corta y estable del emisor, p. ej. registro-civil; va en cada firma."),
    )
    active = models.BooleanField(
        _("activo"),
        default=True,
        help_text=_("Un emisor inactivo no puede emitir; sus documentos siguen verificándose."),
    )
    token_hash = models.CharField(
        _("huella del token"),
        max_length=64,
        blank=True,
        editable=False,
        help_text=_("SHA-256 del token de la API; el token mismo nunca se guarda."),
    )
    token_created_at = models.DateTimeField(
        _("token generado"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Cuándo se generó el token vigente de la API."),
    )
    next_status_index = models.PositiveIntegerField(
        _("siguiente índice de estado"),
        default=0,
        editable=False,
        help_text=_("Posición que tomará el próximo documento en la lista de estado del emisor."),
    )
    status_list_updated_at = models.DateTimeField(
        _("lista de estado actualizada"),
        default=timezone.now,
        editable=False,
        help_text=_("Último cambio de la lista de estado (revocaciones)."),
    )

    class Meta:
        ordering = ["slug"]
        verbose_name = _("emisor")
        verbose_name_plural = _("emisores")

    def __str__(self) -> str:
        return str(self.institution)

    def current_key(self) -> IssuerKey | None:
        """The newest key that is not retired: it signs what is issued now."""
        return self.keys.filter(retired_at__isnull=True).order_by("-created_at", "-pk").first()


class IssuerKey(models.Model):
    """The public half of an issuer's Ed25519 key; the private half lives outside the database."""

    issuer = models.ForeignKey(
        Issuer,
        verbose_name=_("emisor"),
        on_delete=models.PROTECT,
        related_name="keys",
        help_text=_("Emisor dueño de la clave."),
    )
    kid = models.CharField(
        _("identificador de clave"),
        max_length=64,
        unique=True,
        validators=[kid_validator],
        help_text=_("kid: nombra la clave en la cabecera de cada firma y en el JWKS."),
    )
    x = models.CharField(
        _("clave pública"),
        max_length=43,
        help_text=_("Clave pública Ed25519 en base64url (miembro x del JWK)."),
    )
    created_at = models.DateTimeField(
        _("creada"), default=timezone.now, help_text=_("Cuándo se generó la clave.")
    )
    retired_at = models.DateTimeField(
        _("retirada"),
        null=True,
        blank=True,
        help_text=_(
            "Desde cuándo la clave deja de publicarse; los documentos firmados con ella dejan de "
            "verificarse. Retire una clave solo si se comprometió o ya no la usa ningún "
            "documento vigente."
        ),
    )

    class Meta:
        ordering = ["issuer", "-created_at"]
        verbose_name = _("clave de firma")
        verbose_name_plural = _("claves de firma")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(x__regex=r"^[A-Za-z0-9_-]{43}$"),
                name="issuer_key_x_is_ed25519_base64url",
            )
        ]

    def __str__(self) -> str:
        return self.kid

    @property
    def jwk(self) -> dict[str, str]:
        return jws.public_jwk(self.x, self.kid)


class DocumentType(TimeStamped):
    """A kind of document, its fields as a JSON Schema, who may issue it and how long it lasts."""

    slug = models.SlugField(
        _("clave"),
        max_length=60,
        unique=True,
        help_text=_("Clave estable del tipo, p. ej. acta-nacimiento; va en cada documento (vct)."),
    )
    name = models.CharField(
        _("nombre"), max_length=200, help_text=_("Nombre del documento, p. ej. Acta de nacimiento.")
    )
    description = models.TextField(
        _("descripción"), blank=True, help_text=_("Qué acredita el documento y para qué sirve.")
    )
    issuers = models.ManyToManyField(
        Issuer,
        verbose_name=_("emisores"),
        related_name="document_types",
        blank=True,
        help_text=_("Emisores autorizados a emitir este tipo."),
    )
    json_schema = models.JSONField(
        _("esquema JSON"),
        help_text=_(
            "JSON Schema (2020-12) de los datos del documento: un objeto con sus propiedades; "
            "cada propiedad con title (etiqueta en pantalla) y type."
        ),
    )
    validity_days = models.PositiveIntegerField(
        _("vigencia en días"),
        null=True,
        blank=True,
        help_text=_("Días de vigencia desde la emisión; vacío si no vence (p. ej. actas)."),
    )
    related_holders = models.JSONField(
        _("personas relacionadas"),
        default=list,
        blank=True,
        help_text=_(
            "Campos con la CUTS de otras personas que también ven el documento, p. ej. "
            '[{"field": "cuts_madre", "relation": "madre"}].'
        ),
    )
    template = models.CharField(
        _("plantilla"),
        max_length=200,
        blank=True,
        help_text=_("Plantilla para la versión imprimible; vacío para la plantilla general."),
    )
    active = models.BooleanField(
        _("activo"), default=True, help_text=_("Un tipo inactivo no admite nuevas emisiones.")
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("tipo de documento")
        verbose_name_plural = _("tipos de documento")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(validity_days__isnull=True) | models.Q(validity_days__gt=0),
                name="document_type_validity_is_positive",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        schema = self.json_schema
        if not isinstance(schema, dict) or schema.get("type") != "object":
            raise ValidationError({"json_schema": _('El esquema debe ser de "type": "object".')})
        try:
            Draft202012Validator.check_schema(schema)
        except SchemaError as exc:
            raise ValidationError(
                {"json_schema": _("Esquema no válido: %(error)s") % {"error": exc.message}}
            ) from exc
        properties = schema.get("properties", {})
        if not isinstance(self.related_holders, list):
            raise ValidationError({"related_holders": _("Debe ser una lista.")})
        allowed = {value for value in Relation.values if value != Relation.HOLDER}
        for entry in self.related_holders:
            if (
                not isinstance(entry, dict)
                or entry.get("field") not in properties
                or entry.get("relation") not in allowed
            ):
                raise ValidationError(
                    {
                        "related_holders": _(
                            "Cada entrada necesita un field que exista en el esquema y una "
                            "relation válida (%(relations)s)."
                        )
                        % {"relations": ", ".join(sorted(allowed))}
                    }
                )

    @cached_property
    def validator(self) -> Draft202012Validator:
        return Draft202012Validator(self.json_schema, format_checker=FormatChecker())

    @cached_property
    def compiled_check(self) -> Callable[[Any], bool] | None:
        """Whether data meets the schema, as one compiled function (None: jsonschema only)."""
        return compile_schema(self.json_schema)
