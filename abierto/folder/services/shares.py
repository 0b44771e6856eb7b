"""Sharing: links to chosen documents that expire, run out and can be revoked."""

from __future__ import annotations

import datetime
import secrets
from collections.abc import Iterable

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import actor_labels
from ..formats import secret_hash
from ..models import AccessEvent, Citizen, Document, Share
from .access import access_record
from .errors import (
    FolderError,
    ShareExhaustedError,
    ShareExpiredError,
    ShareNotFoundError,
    ShareRevokedError,
)

HOLDER_LABEL = actor_labels.HOLDER


@transaction.atomic
def share_create(
    *,
    citizen: Citizen,
    documents: Iterable[Document],
    expires_at: datetime.datetime,
    max_views: int | None = None,
    recipient: str = "",
    disclosures: dict[str, list[str]] | None = None,
) -> tuple[Share, str]:
    """A share of some of the citizen's documents; the raw token is returned once.

    ``disclosures`` maps a document's public id to the only claims the share reveals of it
    (selective disclosure, as an SD-JWT VC); a document not in it is shown whole.
    """
    from ..selectors import documents_for_citizen

    chosen = list({document.pk: document for document in documents}.values())
    if not chosen:
        raise FolderError(_("Elija al menos un documento para compartir."))
    own = set(
        documents_for_citizen(citizen)
        .filter(pk__in=[document.pk for document in chosen])
        .values_list("pk", flat=True)
    )
    if len(own) != len(chosen):
        raise FolderError(_("Solo puede compartir documentos de su carpeta."))
    now = timezone.now()
    if expires_at <= now:
        raise FolderError(_("La fecha de vencimiento debe ser futura."))
    if expires_at > now + datetime.timedelta(days=settings.FOLDER_SHARE_MAX_DAYS):
        raise FolderError(
            _("Un enlace puede durar hasta %(days)s días.")
            % {"days": settings.FOLDER_SHARE_MAX_DAYS}
        )
    if max_views is not None and max_views < 1:
        raise FolderError(_("El número de consultas debe ser al menos 1."))
    selection = _checked_disclosures(chosen, disclosures or {})
    token = secrets.token_urlsafe(32)
    share = Share.objects.create(
        citizen=citizen,
        token_hash=secret_hash(token),
        recipient=recipient.strip()[:200],
        created_at=now,
        expires_at=expires_at,
        max_views=max_views,
        disclosures=selection,
    )
    share.documents.set(chosen)
    access_record(
        action=AccessEvent.Action.SHARE_CREATE,
        actor_label=actor_labels.channel(HOLDER_LABEL, "SD-JWT VC") if selection else HOLDER_LABEL,
        citizen=citizen,
        share=share,
    )
    return share, token


def _checked_disclosures(
    chosen: list[Document], disclosures: dict[str, list[str]]
) -> dict[str, list[str]]:
    """The selection in schema order, each claim one the document's type can disclose."""
    from ..credentials import disclosable_claims

    by_id = {document.public_id: document for document in chosen}
    selection: dict[str, list[str]] = {}
    for public_id, names in disclosures.items():
        document = by_id.get(public_id)
        if document is None:
            raise FolderError(_("Solo puede elegir datos de los documentos que comparte."))
        if not isinstance(names, list | tuple | set) or not names:
            raise FolderError(_("Elija al menos un dato de cada documento que revela en parte."))
        available = [claim.name for claim in disclosable_claims(document.document_type)]
        unknown = set(names) - set(available)
        if unknown:
            raise FolderError(
                _("«%(type)s» no tiene el dato «%(name)s».")
                % {"type": document.document_type.name, "name": sorted(map(str, unknown))[0][:40]}
            )
        selection[public_id] = [name for name in available if name in names]
    return selection


@transaction.atomic
def share_open(raw_token: str, *, ip: str | None = None) -> Share:
    """Open a share: count one view (atomically) and log it; refuse it with a typed error."""
    share = (
        Share.objects.select_for_update()
        .select_related("citizen")
        .filter(token_hash=secret_hash(str(raw_token)))
        .first()
    )
    if share is None:
        raise ShareNotFoundError(_("El enlace no existe."))
    state = share.state()
    if state == Share.State.REVOKED:
        raise ShareRevokedError(_("Su titular revocó este enlace."))
    if state == Share.State.EXPIRED:
        raise ShareExpiredError(_("El enlace venció."))
    if state == Share.State.EXHAUSTED:
        raise ShareExhaustedError(_("El enlace ya se consultó las veces permitidas."))
    Share.objects.filter(pk=share.pk).update(views=F("views") + 1)
    share.refresh_from_db(fields=["views"])
    label = actor_labels.stored(actor_labels.SHARE, recipient=share.recipient or share.public_id)
    access_record(
        action=AccessEvent.Action.SHARE_VIEW,
        actor_label=actor_labels.channel(label, "SD-JWT VC") if share.disclosures else label,
        citizen=share.citizen,
        share=share,
        ip=ip,
    )
    return share


@transaction.atomic
def share_revoke(*, citizen: Citizen, share: Share) -> Share:
    locked = Share.objects.select_for_update().filter(pk=share.pk, citizen=citizen).first()
    if locked is None:
        raise ShareNotFoundError(_("El enlace no existe."))
    if locked.revoked_at is None:
        locked.revoked_at = timezone.now()
        locked.save(update_fields=["revoked_at"])
        access_record(
            action=AccessEvent.Action.SHARE_REVOKE,
            actor_label=HOLDER_LABEL,
            citizen=citizen,
            share=locked,
        )
    return locked
