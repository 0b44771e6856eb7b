from __future__ import annotations

import datetime

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from abierto.directory.models import TimeStamped, public_id_field

from ..formats import document_aad
from .citizens import Citizen
from .issuers import DocumentType, Issuer, IssuerKey, Relation


class VerificationStatus(models.TextChoices):
    """What a verifier is told about a document."""

    VALID = "valid", _("Válido")
    REVOKED = "revoked", _("Revocado")
    EXPIRED = "expired", _("Vencido")
    INVALID = "invalid", _("No válido")


class BulkIssuance(TimeStamped):
    """A CSV issued in batches; a batch commits whole or not at all, so a job can resume."""

    class Status(models.TextChoices):
        RUNNING = "running", _("En proceso")
        DONE = "done", _("Terminada")
        FAILED = "failed", _("Detenida por un error")

    public_id = public_id_field(_("Identificador aleatorio de la emisión masiva."))
    issuer = models.ForeignKey(
        Issuer,
        verbose_name=_("emisor"),
        on_delete=models.PROTECT,
        related_name="bulk_issuances",
        help_text=_("Emisor de los documentos."),
    )
    document_type = models.ForeignKey(
        DocumentType,
        verbose_name=_("tipo de documento"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Tipo de los documentos del archivo."),
    )
    source_name = models.CharField(
        _("archivo"), max_length=255, help_text=_("Nombre del archivo CSV de origen.")
    )
    source_sha256 = models.CharField(
        _("huella del archivo"),
        max_length=64,
        help_text=_("SHA-256 del archivo: el mismo archivo reanuda la misma emisión."),
    )
    total_rows = models.PositiveIntegerField(
        _("filas"), default=0, help_text=_("Filas de datos del archivo.")
    )
    processed_rows = models.PositiveIntegerField(
        _("filas procesadas"),
        default=0,
        help_text=_("Filas ya emitidas, en lotes completos; la reanudación sigue desde aquí."),
    )
    batch_size = models.PositiveIntegerField(
        _("tamaño del lote"), default=500, help_text=_("Filas por transacción.")
    )
    status = models.CharField(
        _("estado"),
        max_length=10,
        choices=Status.choices,
        default=Status.RUNNING,
        help_text=_("Estado de la emisión."),
    )
    error = models.TextField(
        _("error"), blank=True, help_text=_("Por qué se detuvo, con el número de fila.")
    )
    finished_at = models.DateTimeField(
        _("terminada"), null=True, blank=True, help_text=_("Cuándo terminó.")
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("emisión masiva")
        verbose_name_plural = _("emisiones masivas")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(processed_rows__lte=models.F("total_rows")),
                name="bulk_processed_rows_within_total",
            ),
            models.CheckConstraint(condition=models.Q(batch_size__gt=0), name="bulk_batch_size"),
        ]

    def __str__(self) -> str:
        return f"{self.source_name} ({self.processed_rows}/{self.total_rows})"


class Document(TimeStamped):
    """A signed document in a citizen's folder.

    What the agency certified is the compact JWS; it is stored only encrypted (``ciphertext``,
    under a data key wrapped by the master key ``master_kid``). The columns in clear are what
    the platform needs to find, count and revoke documents without decrypting them.
    """

    class Status(models.TextChoices):
        VALID = "valid", _("Vigente")
        REVOKED = "revoked", _("Revocado")

    public_id = models.CharField(
        _("identificador"),
        max_length=22,
        unique=True,
        editable=False,
        help_text=_("jti del documento: 128 bits aleatorios en base64url."),
    )
    document_type = models.ForeignKey(
        DocumentType,
        verbose_name=_("tipo"),
        on_delete=models.PROTECT,
        related_name="documents",
        help_text=_("Tipo de documento."),
    )
    issuer = models.ForeignKey(
        Issuer,
        verbose_name=_("emisor"),
        on_delete=models.PROTECT,
        related_name="documents",
        # The unique (issuer, reference) and (issuer, status index) indexes start with it.
        db_index=False,
        help_text=_("Emisor que lo firmó."),
    )
    issuer_key = models.ForeignKey(
        IssuerKey,
        verbose_name=_("clave de firma"),
        on_delete=models.PROTECT,
        related_name="documents",
        help_text=_("Clave con la que se firmó."),
    )
    holder_index = models.CharField(
        _("índice de la CUTS titular"),
        max_length=64,
        db_index=True,
        editable=False,
        help_text=_("Índice ciego de la CUTS de la persona titular."),
    )
    citizen = models.ForeignKey(
        Citizen,
        verbose_name=_("carpeta"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="documents",
        help_text=_("Carpeta de la persona titular, una vez activada."),
    )
    agency_reference = models.CharField(
        _("referencia del emisor"),
        max_length=100,
        help_text=_("Folio propio del emisor; emitir dos veces con el mismo folio no duplica."),
    )
    content_digest = models.CharField(
        _("huella del contenido"),
        max_length=64,
        editable=False,
        help_text=_("HMAC del tipo, titular y datos: distingue un reintento de un conflicto."),
    )
    ciphertext = models.BinaryField(
        _("documento cifrado"), editable=False, help_text=_("El JWS firmado, cifrado.")
    )
    wrapped_dek = models.BinaryField(
        _("llave de datos envuelta"),
        editable=False,
        help_text=_("Llave de datos del documento, cifrada con la llave maestra."),
    )
    master_kid = models.CharField(
        _("llave maestra"),
        max_length=32,
        editable=False,
        help_text=_("Identificador de la llave maestra que envuelve la llave de datos."),
    )
    issued_at = models.DateTimeField(_("emitido"), help_text=_("Fecha de emisión (iat)."))
    expires_at = models.DateTimeField(
        _("vence"),
        null=True,
        blank=True,
        help_text=_("Fin de la vigencia (exp); vacío si no vence."),
    )
    status = models.CharField(
        _("estado"),
        max_length=10,
        choices=Status.choices,
        default=Status.VALID,
        help_text=_("Vigente o revocado."),
    )
    revoked_at = models.DateTimeField(
        _("revocado"), null=True, blank=True, help_text=_("Cuándo se revocó.")
    )
    revocation_reason = models.TextField(
        _("motivo de la revocación"), blank=True, help_text=_("Motivo que dio el emisor.")
    )
    status_index = models.PositiveIntegerField(
        _("índice en la lista de estado"),
        editable=False,
        help_text=_("Posición del documento en la lista de estado de su emisor."),
    )
    bulk_issuance = models.ForeignKey(
        BulkIssuance,
        verbose_name=_("emisión masiva"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="documents",
        help_text=_("Emisión masiva de la que salió, si es el caso."),
    )

    class Meta:
        ordering = ["-issued_at", "-pk"]
        verbose_name = _("documento")
        verbose_name_plural = _("documentos")
        constraints = [
            models.UniqueConstraint(
                fields=["issuer", "agency_reference"], name="document_reference_unique_per_issuer"
            ),
            models.UniqueConstraint(
                fields=["issuer", "status_index"], name="document_status_index_unique_per_issuer"
            ),
            models.CheckConstraint(
                condition=models.Q(status="valid", revoked_at__isnull=True)
                | (
                    models.Q(status="revoked", revoked_at__isnull=False)
                    & ~models.Q(revocation_reason="")
                ),
                name="document_revocation_has_date_and_reason",
            ),
            models.CheckConstraint(
                condition=models.Q(expires_at__isnull=True)
                | models.Q(expires_at__gt=models.F("issued_at")),
                name="document_expires_after_issue",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.document_type} {self.public_id}"

    @property
    def kid(self) -> str:
        return self.issuer_key.kid

    @property
    def aad(self) -> bytes:
        return document_aad(self.public_id)

    def verification_status(self, now: datetime.datetime | None = None) -> VerificationStatus:
        if self.status == self.Status.REVOKED:
            return VerificationStatus.REVOKED
        if self.expires_at is not None and self.expires_at <= (now or timezone.now()):
            return VerificationStatus.EXPIRED
        return VerificationStatus.VALID


class DocumentHolder(models.Model):
    """A person who sees a document in their folder: its holder, or a related person."""

    document = models.ForeignKey(
        Document,
        verbose_name=_("documento"),
        on_delete=models.CASCADE,
        related_name="holders",
        db_index=False,  # the unique (document, cuts index, relation) index starts with it
        help_text=_("Documento."),
    )
    cuts_index = models.CharField(
        _("índice de la CUTS"),
        max_length=64,
        db_index=True,
        help_text=_("Índice ciego de la CUTS de la persona."),
    )
    relation = models.CharField(
        _("relación"),
        max_length=12,
        choices=Relation.choices,
        help_text=_("Titular, o su relación con el documento (madre, padre, cónyuge…)."),
    )

    class Meta:
        verbose_name = _("persona del documento")
        verbose_name_plural = _("personas del documento")
        constraints = [
            models.UniqueConstraint(
                fields=["document", "cuts_index", "relation"], name="document_holder_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.document_id} {self.get_relation_display()}"


class Share(models.Model):
    """A link that lets someone see chosen documents, until it expires, runs out or is revoked."""

    class State(models.TextChoices):
        """What opening the link meets now (``Share.state``): computed, never stored."""

        ACTIVE = "active", _("Activo")
        REVOKED = "revoked", _("Revocado")
        EXPIRED = "expired", _("Vencido")
        EXHAUSTED = "exhausted", _("Consultas agotadas")

    public_id = public_id_field(
        _("Identificador del enlace en las páginas de su titular (no da acceso).")
    )
    citizen = models.ForeignKey(
        Citizen,
        verbose_name=_("carpeta"),
        on_delete=models.PROTECT,
        related_name="shares",
        help_text=_("Quién comparte."),
    )
    documents = models.ManyToManyField(
        Document,
        verbose_name=_("documentos"),
        related_name="shares",
        help_text=_("Documentos que el enlace deja ver."),
    )
    token_hash = models.CharField(
        _("huella del enlace"),
        max_length=64,
        unique=True,
        editable=False,
        help_text=_("SHA-256 del token del enlace; el token no se guarda."),
    )
    recipient = models.CharField(
        _("destinatario"),
        max_length=200,
        blank=True,
        help_text=_("Para quién es, como recordatorio de su titular."),
    )
    created_at = models.DateTimeField(
        _("creado"), default=timezone.now, help_text=_("Cuándo se creó.")
    )
    expires_at = models.DateTimeField(_("vence"), help_text=_("Después de esto ya no abre."))
    max_views = models.PositiveIntegerField(
        _("consultas permitidas"),
        null=True,
        blank=True,
        help_text=_("Cuántas veces puede abrirse; vacío sin límite (hasta que venza)."),
    )
    views = models.PositiveIntegerField(
        _("consultas"), default=0, help_text=_("Cuántas veces se ha abierto.")
    )
    revoked_at = models.DateTimeField(
        _("revocado"), null=True, blank=True, help_text=_("Cuándo su titular lo revocó.")
    )
    disclosures = models.JSONField(
        _("datos revelados"),
        default=dict,
        blank=True,
        help_text=_(
            "Por documento (su identificador), los únicos datos que el enlace revela, como "
            "SD-JWT VC; un documento que no aparece se muestra completo."
        ),
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("enlace compartido")
        verbose_name_plural = _("enlaces compartidos")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(max_views__isnull=True)
                | models.Q(views__lte=models.F("max_views")),
                name="share_views_within_limit",
            ),
            models.CheckConstraint(
                condition=models.Q(expires_at__gt=models.F("created_at")),
                name="share_expires_after_creation",
            ),
        ]

    def __str__(self) -> str:
        return self.recipient or self.public_id

    def state(self, now: datetime.datetime | None = None) -> Share.State:
        """Revoked, expired or out of views (the first that applies, in that order), else
        active: what the recipient gets. The one rule for the pages and ``share_open``."""
        if self.revoked_at is not None:
            return Share.State.REVOKED
        if self.expires_at <= (now or timezone.now()):
            return Share.State.EXPIRED
        if self.max_views is not None and self.views >= self.max_views:
            return Share.State.EXHAUSTED
        return Share.State.ACTIVE
