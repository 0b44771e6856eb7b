"""The ARCO access right: everything the folder holds about a citizen, in one zip.

``data.json`` has every record (folder, account, carnets, documents with their certified
data, shares, the access log, ARCO requests); ``documentos/`` has each document as the PDF
rendition and as the signed original (``.jws``), which anyone can verify with the published
keys. Secrets (password, PIN, second factor, carnet QR secret) are never exported: only
their hashes exist, and those are useless to their owner.
"""

from __future__ import annotations

import datetime
import io
import json
import zipfile
from typing import Any

from django.utils import timezone

from . import rendition, selectors
from .models import Citizen
from .selectors_procedures import procedure_requests_for_citizen

README = """Carpeta Ciudadana del Estado de México: sus datos

Este archivo contiene todo lo que la Carpeta Ciudadana guarda sobre usted, generado el {date}.

- data.json: su carpeta, su cuenta, sus carnets, sus documentos con los datos certificados,
  los enlaces que ha compartido, la bitácora completa de accesos y sus solicitudes ARCO.
- documentos/*.pdf: la versión imprimible de cada documento, con su código QR de verificación.
- documentos/*.jws: el documento original firmado por la dependencia emisora (JWS compacto con
  EdDSA); puede verificarse con las claves públicas publicadas en /.well-known/jwks.json.

Su contraseña, su PIN y su segundo factor nunca se exportan: la Carpeta no los guarda en claro.
"""


def _iso(moment: datetime.datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None


def citizen_data(citizen: Citizen) -> dict[str, Any]:
    """Every record about the citizen, as JSON-ready data."""
    user = citizen.user
    documents = []
    for document in selectors.documents_for_citizen(citizen):
        documents.append(
            {
                "id": document.public_id,
                "type": document.document_type.slug,
                "type_name": document.document_type.name,
                "issuer": document.issuer.slug,
                "issuer_name": str(document.issuer),
                "relation": selectors.document_relations(citizen, document),
                "agency_reference": document.agency_reference,
                "status": document.status,
                "issued_at": _iso(document.issued_at),
                "expires_at": _iso(document.expires_at),
                "revoked_at": _iso(document.revoked_at),
                "revocation_reason": document.revocation_reason or None,
                "fields": selectors.document_fields(document),
                "files": {
                    "pdf": "documentos/" + rendition.filename(document, "pdf"),
                    "signed": "documentos/" + rendition.filename(document, "jws"),
                },
            }
        )
    return {
        "generated_at": timezone.now().isoformat(),
        "folder": {
            "id": citizen.public_id,
            "cuts": citizen.cuts,
            "created_at": _iso(citizen.created_at),
            "activated_at": _iso(citizen.activated_at),
        },
        "account": {
            "username": user.get_username() if user else None,
            "date_joined": _iso(user.date_joined) if user else None,
            "last_login": _iso(user.last_login) if user else None,
        },
        "carnets": [
            {
                "serial": carnet.serial,
                "status": carnet.status,
                "issued_at": _iso(carnet.issued_at),
                "status_changed_at": _iso(carnet.status_changed_at),
            }
            for carnet in citizen.carnets.order_by("issued_at")
        ],
        "documents": documents,
        "shares": [
            {
                "id": share.public_id,
                "recipient": share.recipient or None,
                "documents": [document.public_id for document in share.documents.all()],
                "created_at": _iso(share.created_at),
                "expires_at": _iso(share.expires_at),
                "max_views": share.max_views,
                "views": share.views,
                "revoked_at": _iso(share.revoked_at),
            }
            for share in selectors.shares_for_citizen(citizen)
        ],
        "access_log": {
            "intact": selectors.access_log_intact_for(citizen),
            "events": [
                {
                    "seq": event.seq,
                    "at": _iso(event.created_at)
                    if getattr(event, "detailed", False)
                    else timezone.localdate(event.created_at).isoformat(),
                    "action": event.action,
                    "action_name": str(event.get_action_display()),
                    "who": event.actor_label,
                    "agency": str(event.agency) if event.agency else None,
                    "document": event.document.public_id if event.document else None,
                    "share": event.share.public_id if event.share else None,
                    "network": selectors.event_network(event) or None,
                    "prev_hash": event.prev_hash,
                    "hash": event.hash,
                }
                for event in selectors.access_events_for(citizen)
            ],
        },
        "arco_requests": [
            {
                "id": request.public_id,
                "document": request.document.public_id,
                "kind": request.kind,
                "text": request.text,
                "status": request.status,
                "response": request.response or None,
                "created_at": _iso(request.created_at),
                "resolved_at": _iso(request.resolved_at),
            }
            for request in selectors.arco_requests_for_citizen(citizen)
        ],
        "procedure_requests": [
            {
                "id": item.public_id,
                "procedure": item.procedure.code,
                "agency": str(item.procedure.issuer),
                "status": item.status,
                "evidence": item.evidence,
                "created_at": _iso(item.created_at),
                "consented_at": _iso(item.consented_at),
                "received_at": _iso(item.received_at),
                "checked_at": _iso(item.checked_at),
                "closed_at": _iso(item.closed_at),
                "rejection_reason": item.rejection_reason or None,
                "result": item.result.public_id if item.result else None,
            }
            for item in procedure_requests_for_citizen(citizen)
        ],
    }


def citizen_zip(citizen: Citizen) -> bytes:
    """The zip of ``data.json``, a README and every document as PDF and signed original."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "data.json", json.dumps(citizen_data(citizen), ensure_ascii=False, indent=2)
        )
        archive.writestr("LEAME.txt", README.format(date=rendition.local_datetime(timezone.now())))
        for document in selectors.documents_for_citizen(citizen):
            archive.writestr(
                "documentos/" + rendition.filename(document, "pdf"),
                rendition.document_pdf(document),
            )
            archive.writestr(
                "documentos/" + rendition.filename(document, "jws"),
                selectors.document_token(document),
            )
    return buffer.getvalue()
