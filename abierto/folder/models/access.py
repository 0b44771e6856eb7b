from __future__ import annotations

import datetime
from typing import Any, NoReturn

from django.db import models
from django.utils.translation import gettext_lazy as _

from abierto.directory.models import Institution
from abierto.lib.canonical_json import canonical_dumps

from .. import keys
from .documents import Document, Share

GENESIS_HASH = "0" * 64


class AppendOnlyError(RuntimeError):
    """The access log is append-only: its rows are never changed nor deleted."""


class AccessEventQuerySet(models.QuerySet["AccessEvent"]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("The access log cannot be updated.")

    def delete(self) -> NoReturn:
        raise AppendOnlyError("The access log cannot be deleted.")


class AccessEvent(models.Model):
    """One access to a citizen's data, chained to the previous one by a keyed hash.

    ``hash`` = HMAC(chain key, canonical JSON of the row's content and ``prev_hash``); ``seq``
    numbers the chain without gaps. Changing a row breaks its hash; removing one breaks the
    next row's ``prev_hash`` (or, for the last rows, the chain head); recomputing the chain
    needs the HMAC key, which is not in the database.
    """

    class Action(models.TextChoices):
        VIEW = "view", _("Consulta")
        DOWNLOAD = "download", _("Descarga")
        SHARE_CREATE = "share_create", _("Creación de enlace compartido")
        SHARE_VIEW = "share_view", _("Consulta mediante enlace compartido")
        SHARE_REVOKE = "share_revoke", _("Revocación de enlace compartido")
        VERIFY = "verify", _("Verificación")
        ISSUE = "issue", _("Emisión")
        REVOKE = "revoke", _("Revocación")
        EXPORT = "export", _("Exportación de datos (ARCO)")
        LOGIN = "login", _("Ingreso a la carpeta")
        REAUTH = "reauth", _("Confirmación de identidad")
        PROCEDURE_START = "proc_start", _("Inicio de un trámite")
        PROCEDURE_CONSENT = "proc_consent", _("Consentimiento para enviar datos a un trámite")
        PROCEDURE_WITHDRAW = "proc_withdraw", _("Retiro del consentimiento de un trámite")
        PROCEDURE_RECEIVE = "proc_receive", _("Entrega de datos a la dependencia del trámite")
        PROCEDURE_CHECK = "proc_check", _("Revisión de los datos del trámite")
        PROCEDURE_REJECT = "proc_reject", _("Rechazo de un trámite")

    seq = models.PositiveBigIntegerField(
        _("número"), unique=True, help_text=_("Posición en la cadena, sin huecos, desde 1.")
    )
    created_at = models.DateTimeField(_("fecha"), help_text=_("Cuándo ocurrió el acceso."))
    holder_index = models.CharField(
        _("índice de la CUTS"),
        max_length=64,  # indexed by (holder_index, -seq), below: what the log page reads
        help_text=_("Índice ciego de la CUTS de la persona cuyos datos se consultaron."),
    )
    action = models.CharField(
        _("acción"), max_length=14, choices=Action.choices, help_text=_("Qué se hizo.")
    )
    actor_label = models.CharField(
        _("quién"),
        max_length=200,
        help_text=_("Quién accedió: la persona titular, un enlace, un emisor, un verificador."),
    )
    agency = models.ForeignKey(
        Institution,
        verbose_name=_("dependencia"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Dependencia desde la que se accedió, si fue una."),
    )
    document = models.ForeignKey(
        Document,
        verbose_name=_("documento"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="access_events",
        help_text=_("Documento consultado, si fue uno."),
    )
    share = models.ForeignKey(
        Share,
        verbose_name=_("enlace compartido"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="access_events",
        help_text=_("Enlace por el que se accedió, si fue uno."),
    )
    ip_prefix = models.CharField(
        _("red de origen"),
        max_length=49,
        blank=True,
        help_text=_("Red de origen truncada (IPv4 /24, IPv6 /48), nunca la dirección completa."),
    )
    prev_hash = models.CharField(
        _("huella anterior"), max_length=64, help_text=_("Huella del evento anterior.")
    )
    hash = models.CharField(
        _("huella"), max_length=64, unique=True, help_text=_("Huella encadenada de este evento.")
    )

    objects = AccessEventQuerySet.as_manager()

    class Meta:
        ordering = ["seq"]
        verbose_name = _("acceso")
        verbose_name_plural = _("bitácora de accesos")
        indexes = [models.Index(fields=["holder_index", "-seq"])]

    def __str__(self) -> str:
        return f"#{self.seq} {self.get_action_display()}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AppendOnlyError("The access log cannot be updated.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("The access log cannot be deleted.")

    def chain_content(self, *, document_id: str | None, share_id: str | None) -> dict[str, Any]:
        """What the hash covers; ids of related rows are their public ids."""
        return chain_content(
            seq=self.seq,
            created_at=self.created_at,
            holder_index=self.holder_index,
            action=self.action,
            actor_label=self.actor_label,
            agency_id=self.agency_id,
            document_id=document_id,
            share_id=share_id,
            ip_prefix=self.ip_prefix,
            prev_hash=self.prev_hash,
        )

    def compute_hash(self, *, document_id: str | None, share_id: str | None) -> str:
        return chain_hash(self.chain_content(document_id=document_id, share_id=share_id))


def chain_content(
    *,
    seq: int,
    created_at: datetime.datetime,
    holder_index: str,
    action: str,
    actor_label: str,
    agency_id: int | None,
    document_id: str | None,
    share_id: str | None,
    ip_prefix: str,
    prev_hash: str,
) -> dict[str, Any]:
    """What an event's hash covers, from its values (for writers that insert rows directly)."""
    return {
        "seq": seq,
        "created_at": created_at.astimezone(datetime.UTC).isoformat(timespec="microseconds"),
        "holder_index": holder_index,
        "action": action,
        "actor_label": actor_label,
        "agency": agency_id,
        "document": document_id,
        "share": share_id,
        "ip_prefix": ip_prefix,
        "prev_hash": prev_hash,
    }


def chain_hash(content: dict[str, Any]) -> str:
    return keys.keyed_hash("access-chain", canonical_dumps(content))


class AccessChainHead(models.Model):
    """The end of the chain (one row): what a removal of the last events would contradict."""

    length = models.PositiveBigIntegerField(
        _("eventos"), default=0, help_text=_("Número de eventos de la cadena.")
    )
    last_hash = models.CharField(
        _("última huella"),
        max_length=64,
        default=GENESIS_HASH,
        help_text=_("Huella del último evento."),
    )

    class Meta:
        verbose_name = _("cabeza de la bitácora")
        verbose_name_plural = _("cabeza de la bitácora")

    def __str__(self) -> str:
        return f"{self.length} eventos"


class VerificationSpoolMark(models.Model):
    """How far the access log has taken in one spool file of verifications (services/
    verification_spool.py): moved in the same transaction as the events it chained."""

    name = models.CharField(
        _("archivo"), max_length=200, unique=True, help_text=_("Nombre del archivo de la cola.")
    )
    offset = models.PositiveBigIntegerField(
        _("posición"),
        default=0,
        help_text=_("Bytes del archivo ya registrados en la bitácora."),
    )

    class Meta:
        verbose_name = _("avance de la cola de verificaciones")
        verbose_name_plural = _("avances de la cola de verificaciones")

    def __str__(self) -> str:
        return f"{self.name}: {self.offset}"
