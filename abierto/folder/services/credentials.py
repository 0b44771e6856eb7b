"""Handing out a document as an SD-JWT VC: every copy that leaves the folder is logged."""

from __future__ import annotations

from django.db import transaction

from .. import actor_labels, credentials
from ..models import AccessEvent, Document
from .access import access_record


@transaction.atomic
def credential_download(*, document: Document, actor_label: str, ip: str | None = None) -> str:
    """The document as an SD-JWT VC with all its disclosures, for a person who holds it (the
    holder then chooses what to pass on); the download is logged with ``actor_label``."""
    issued = credentials.document_credential(document)
    access_record(
        action=AccessEvent.Action.DOWNLOAD,
        actor_label=actor_labels.channel(actor_label, "SD-JWT VC"),
        document=document,
        ip=ip,
    )
    return issued.present()
