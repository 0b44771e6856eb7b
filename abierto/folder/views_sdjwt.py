"""SD-JWT VC addresses: issuer metadata and type metadata (public), and the holder's download."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase, JsonResponse
from django.views.decorators.http import require_GET

from . import auth, credentials, rendition, services
from .models import Citizen, DocumentType, Issuer
from .views.common import citizen_document, client_ip, download, holder_actor_label

METADATA_MAX_AGE = 3600
MEDIA_TYPE = "application/dc+sd-jwt"


def _published(data: dict[str, object]) -> HttpResponse:
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    response["Cache-Control"] = f"public, max-age={METADATA_MAX_AGE}"
    response["Access-Control-Allow-Origin"] = "*"  # wallets and verifiers' web apps read it
    return response


@require_GET
def issuer_metadata(request: HttpRequest, issuer_slug: str) -> HttpResponse:
    """JWT VC Issuer Metadata, at ``/.well-known/jwt-vc-issuer`` + the path of ``iss``; the
    ``iss`` URL itself answers the same."""
    issuer = Issuer.objects.filter(slug=issuer_slug).first()
    if issuer is None:
        raise Http404
    return _published(credentials.issuer_metadata(issuer))


@require_GET
def type_metadata(request: HttpRequest, type_slug: str) -> HttpResponse:
    """SD-JWT VC Type Metadata of a document type: what its ``vct`` URL answers."""
    document_type = DocumentType.objects.filter(slug=type_slug).first()
    if document_type is None:
        raise Http404
    return _published(credentials.type_metadata(document_type))


@auth.citizen_required
def document_sdjwt(request: HttpRequest, public_id: str, *, citizen: Citizen) -> HttpResponseBase:
    """The document as an SD-JWT VC with every disclosure, for a wallet; logged."""
    document = citizen_document(citizen, public_id)
    try:
        token = services.credential_download(
            document=document,
            actor_label=holder_actor_label(citizen, document),
            ip=client_ip(request),
        )
    except services.SigningKeyMissingError as exc:
        return HttpResponse(exc.messages[0], status=503, content_type="text/plain; charset=utf-8")
    return download(token, MEDIA_TYPE, rendition.filename(document, "sd-jwt"))
