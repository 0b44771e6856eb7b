"""What the folder's pages share: the client's network, no caching of personal data, the
safe ``next`` target, downloads, and a citizen's document (else 404)."""

from __future__ import annotations

from typing import Any

from axes.helpers import get_client_ip_address
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.urls import reverse
from django.utils import translation
from django.utils.http import content_disposition_header, url_has_allowed_host_and_scheme

from .. import actor_labels, selectors
from ..models import Citizen, Document, Relation

HOLDER_LABEL = actor_labels.HOLDER


def client_ip(request: HttpRequest) -> str | None:
    return get_client_ip_address(request) or None


def private(response: HttpResponseBase) -> HttpResponseBase:
    """Personal data: never cached nor indexed. (The site's ``same-origin`` referrer policy
    already keeps these addresses from other sites; ``no-referrer`` would make browsers send
    ``Origin: null`` with the forms, which CSRF protection rightly refuses.)"""
    response["Cache-Control"] = "no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def next_url(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("folder:documents")


def add_form_errors(form: Any, exc: ValidationError) -> None:
    for message in exc.messages:
        form.add_error(None, message)


def holder_actor_label(citizen: Citizen, document: Document) -> str:
    """Who viewed, as the log stores it: in Spanish, whatever the interface language."""
    relations = selectors.document_relations(citizen, document)
    if Relation.HOLDER.value in relations or not relations:
        return HOLDER_LABEL
    with translation.override("es-mx"):
        relation = str(Relation(relations[0]).label)
    return actor_labels.stored(actor_labels.RELATIVE, relation=relation)


def citizen_document(citizen: Citizen, public_id: str) -> Document:
    try:
        return selectors.document_for_citizen(citizen, public_id)
    except Document.DoesNotExist:
        raise Http404 from None


def download(body: bytes | str, content_type: str, filename: str) -> HttpResponseBase:
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = (
        content_disposition_header(as_attachment=True, filename=filename) or ""
    )
    return private(response)
