"""Procedures (trámites) that use the folder's documents: the once-only principle.

A ``Procedure`` is a trámite of the state registry (Registro Estatal de Trámites y
Servicios) that an agency runs; it names the documents it needs, the only fields it reads
of each and why, and the document it produces. A ``ProcedureRequest`` is one citizen's
trámite: a draft, the citizen's explicit consent (what goes to whom, recorded in
``evidence``), the agency's receipt and check, and its resolution (a document issued into
the same folder) or rejection.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from abierto.directory.models import TimeStamped, public_id_field

from .citizens import Citizen
from .documents import Document
from .issuers import DocumentType, Issuer


class Procedure(TimeStamped):
    """A trámite that takes documents from the folder and issues one into it."""

    code = models.CharField(
        _("clave RETyS"),
        max_length=40,
        unique=True,
        help_text=_(
            "Clave del trámite en el Registro Estatal de Trámites y Servicios, "
            "p. ej. SEMOV-LIC-002."
        ),
    )
    name = models.CharField(
        _("nombre"), max_length=200, help_text=_("Nombre del trámite, como lo lee la persona.")
    )
    description = models.TextField(
        _("descripción"), blank=True, help_text=_("Qué resuelve el trámite y para quién.")
    )
    issuer = models.ForeignKey(
        Issuer,
        verbose_name=_("dependencia responsable"),
        on_delete=models.PROTECT,
        related_name="procedures",
        help_text=_("Dependencia que recibe los documentos, los revisa y emite el resultado."),
    )
    legal_basis = models.TextField(
        _("fundamento legal"),
        help_text=_("Normas que facultan a la dependencia a pedir estos datos."),
    )
    requirements = models.JSONField(
        _("documentos requeridos"),
        default=list,
        help_text=_(
            "Por documento, su tipo, los únicos datos que se piden y para qué, p. ej. "
            '[{"document_type": "acta-nacimiento", "fields": ["nombre", "curp"], '
            '"purpose": "Confirmar la identidad"}].'
        ),
    )
    produces = models.ForeignKey(
        DocumentType,
        verbose_name=_("documento que emite"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Tipo del documento que el trámite deja en la carpeta al resolverse."),
    )
    active = models.BooleanField(
        _("activo"), default=True, help_text=_("Un trámite inactivo no admite solicitudes nuevas.")
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("trámite")
        verbose_name_plural = _("trámites")

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    def clean(self) -> None:
        super().clean()
        from ..credentials import disclosable_claims

        if not isinstance(self.requirements, list) or not self.requirements:
            raise ValidationError({"requirements": _("Indique al menos un documento requerido.")})
        types = {t.slug: t for t in DocumentType.objects.filter(active=True)}
        seen: set[str] = set()
        for entry in self.requirements:
            if not isinstance(entry, dict) or entry.get("document_type") not in types:
                raise ValidationError(
                    {"requirements": _("Cada documento requerido necesita un tipo que exista.")}
                )
            slug = entry["document_type"]
            if slug in seen:
                raise ValidationError({"requirements": _("Un tipo de documento va una sola vez.")})
            seen.add(slug)
            allowed = {claim.name for claim in disclosable_claims(types[slug])}
            fields = entry.get("fields")
            if (
                not isinstance(fields, list)
                or not fields
                or not all(isinstance(name, str) and name in allowed for name in fields)
                or len(set(fields)) != len(fields)
            ):
                raise ValidationError(
                    {
                        "requirements": _(
                            "Los datos pedidos de %(type)s deben existir en su esquema."
                        )
                        % {"type": slug}
                    }
                )
            purpose = entry.get("purpose")
            if not isinstance(purpose, str) or not purpose.strip():
                raise ValidationError(
                    {"requirements": _("Diga para qué se pide cada documento (purpose).")}
                )

        if (
            self.produces_id
            and self.issuer_id
            and not self.produces.issuers.filter(pk=self.issuer_id).exists()
        ):
            raise ValidationError(
                {"produces": _("La dependencia del trámite no está autorizada a emitir ese tipo.")}
            )

    def required_types(self) -> list[str]:
        return [entry["document_type"] for entry in self.requirements]


class ProcedureRequest(TimeStamped):
    """One citizen's trámite, from the draft to the document issued (or the refusal)."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Borrador: falta su consentimiento")
        CONSENTED = "consented", _("Enviada: la dependencia aún no la recibe")
        RECEIVED = "received", _("Recibida por la dependencia")
        CHECKED = "checked", _("Documentos revisados")
        RESOLVED = "resolved", _("Resuelta: documento emitido")
        REJECTED = "rejected", _("Rechazada")
        WITHDRAWN = "withdrawn", _("Retirada por la persona")

    public_id = public_id_field(_("Identificador de la solicitud en pantallas y en la API."))
    procedure = models.ForeignKey(
        Procedure,
        verbose_name=_("trámite"),
        on_delete=models.PROTECT,
        related_name="requests",
        help_text=_("Trámite solicitado."),
    )
    citizen = models.ForeignKey(
        Citizen,
        verbose_name=_("carpeta"),
        on_delete=models.PROTECT,
        related_name="procedure_requests",
        help_text=_("Quién solicita."),
    )
    status = models.CharField(
        _("estado"),
        max_length=12,
        choices=Status.choices,
        default=Status.DRAFT,
        help_text=_("En qué paso va la solicitud."),
    )
    evidence = models.JSONField(
        _("documentos y datos enviados"),
        default=list,
        help_text=_(
            "Lo que la persona aceptó enviar: por documento (su identificador), su tipo, "
            "los datos y el propósito."
        ),
    )
    consented_at = models.DateTimeField(
        _("consentimiento"),
        null=True,
        blank=True,
        help_text=_("Cuándo la persona aceptó enviar los datos a la dependencia."),
    )
    received_at = models.DateTimeField(
        _("recibida"),
        null=True,
        blank=True,
        help_text=_("Cuándo la dependencia recibió los datos."),
    )
    checked_at = models.DateTimeField(
        _("revisada"), null=True, blank=True, help_text=_("Cuándo la dependencia los revisó.")
    )
    closed_at = models.DateTimeField(
        _("cerrada"),
        null=True,
        blank=True,
        help_text=_("Cuándo se resolvió, se rechazó o se retiró."),
    )
    rejection_reason = models.TextField(
        _("motivo del rechazo"), blank=True, help_text=_("Por qué la dependencia la rechazó.")
    )
    result = models.ForeignKey(
        Document,
        verbose_name=_("documento emitido"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Documento que el trámite dejó en la carpeta."),
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("solicitud de trámite")
        verbose_name_plural = _("solicitudes de trámite")
        indexes = [models.Index(fields=["procedure", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="resolved") | models.Q(result__isnull=False),
                name="procedure_request_resolved_has_result",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=["draft", "withdrawn"])
                | models.Q(consented_at__isnull=False),
                name="procedure_request_sent_after_consent",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.procedure.code} {self.public_id}"

    def evidence_for(self, document_public_id: str) -> dict[str, Any] | None:
        return next((e for e in self.evidence if e["document"] == document_public_id), None)
