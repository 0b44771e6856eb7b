"""ARCO requests: a citizen asks the issuer to rectify or cancel a document; its staff answer."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from abierto.directory.services import audit_record

from ..models import ArcoRequest, Citizen, Document
from .errors import FolderError


@transaction.atomic
def arco_request_file(*, citizen: Citizen, document: Document, kind: str, text: str) -> ArcoRequest:
    """File a request about one of the citizen's documents (the view got it through
    ``document_for_citizen``); its issuer's staff see it in their list."""
    text = text.strip()
    if not text:
        raise FolderError(_("Describa qué dato está mal o por qué pide la cancelación."))
    if kind not in ArcoRequest.Kind.values:
        raise FolderError(_("Elija rectificación o cancelación."))
    if ArcoRequest.objects.filter(
        citizen=citizen, document=document, kind=kind, status=ArcoRequest.Status.PENDING
    ).exists():
        raise FolderError(_("Ya tiene una solicitud de este tipo en trámite sobre este documento."))
    request = ArcoRequest(citizen=citizen, document=document, kind=kind, text=text)
    request.full_clean()
    request.save()
    audit_record(
        actor=citizen.user,
        action="folder.arco.filed",
        target=request,
        changes={"kind": kind, "document": document.public_id},
    )
    return request


@transaction.atomic
def arco_request_resolve(
    *, actor: User, arco_request: ArcoRequest, status: str, response: str
) -> ArcoRequest:
    """Answer a pending request; only staff of the document's issuer (the view checks it
    through ``arco_requests_for_staff``; checked again here)."""
    from ..selectors import arco_requests_for_staff

    locked = (
        arco_requests_for_staff(actor).select_for_update(of=("self",)).filter(pk=arco_request.pk)
    ).first()
    if locked is None:
        raise PermissionDenied
    if locked.status != ArcoRequest.Status.PENDING:
        raise FolderError(
            _("Esta solicitud ya fue resuelta (%(status)s).")
            % {"status": locked.get_status_display()}
        )
    if status not in (ArcoRequest.Status.RESOLVED, ArcoRequest.Status.REJECTED):
        raise FolderError(_("Elija si la solicitud se atendió o es improcedente."))
    response = response.strip()
    if not response:
        raise FolderError(_("Escriba la respuesta: la persona la verá en su Carpeta."))
    locked.status = status
    locked.response = response
    locked.resolved_by = actor
    locked.resolved_at = timezone.now()
    locked.full_clean()
    locked.save()
    audit_record(
        actor=actor, action="folder.arco.resolved", target=locked, changes={"status": status}
    )
    return locked
