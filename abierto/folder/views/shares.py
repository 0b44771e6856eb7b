"""The citizen's share links (create, list, revoke) and the recipient's page of a share."""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from .. import auth, credentials, reauth, rendition, selectors, services
from ..display import Field
from ..forms_disclosure import SelectiveShareForm
from ..models import Citizen, Document, Share
from .common import (
    add_form_errors,
    client_ip,
    private,
)

NEW_SHARE = "folder.new_share"

# Shares ----------------------------------------------------------------------------------------


def share_url(token: str) -> str:
    return settings.SITE_URL + reverse("folder_shared:open", args=[token])


@never_cache
@require_http_methods(["GET", "POST"])
@reauth.required(reauth.SHARE)  # citizen_required, and a recent proof of identity to create
def shares(request: HttpRequest, *, citizen: Citizen) -> HttpResponseBase:
    own = selectors.documents_for_citizen(citizen)
    form = SelectiveShareForm(
        request.POST or None, documents=own, relations=selectors.relations_by_document(citizen, own)
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            share, token = services.share_create(
                citizen=citizen,
                documents=data["documents"],
                expires_at=timezone.now() + datetime.timedelta(hours=data["duration"]),
                max_views=data["max_views"],
                recipient=data["recipient"],
                disclosures=data["disclosures"],
            )
        except ValidationError as exc:
            add_form_errors(form, exc)
        else:
            # Shown once, on the next page; never in a URL, never stored in clear.
            request.session[NEW_SHARE] = {"public_id": share.public_id, "token": token}
            return redirect("folder:shares")
    new_share = request.session.pop(NEW_SHARE, None)
    created = None
    if isinstance(new_share, dict):
        link = share_url(new_share["token"])
        created = {
            "share": selectors.shares_for_citizen(citizen)
            .filter(public_id=new_share["public_id"])
            .first(),
            "url": link,
            "qr": rendition.qr_data_uri(link),
        }
    now = timezone.now()
    listed = [
        (share, state.value, state.label, credentials.disclosure_summary(share))
        for share in selectors.shares_for_citizen(citizen)
        for state in [share.state(now)]
    ]
    return private(
        render(
            request,
            "folder/citizen/shares.html",
            {
                "form": form,
                "created": created,
                "shares": listed,
                "has_documents": own.exists(),
            },
            status=400 if request.method == "POST" else 200,
        )
    )


@require_POST
@auth.citizen_required
def share_revoke(request: HttpRequest, public_id: str, *, citizen: Citizen) -> HttpResponseBase:
    try:
        share = selectors.share_for_citizen(citizen, public_id)
    except Share.DoesNotExist:
        raise Http404 from None
    services.share_revoke(citizen=citizen, share=share)
    messages.success(request, _("El enlace quedó revocado: ya no abre."))
    return redirect("folder:shares")


SHARE_GONE = {
    Share.State.REVOKED: gettext_lazy("Su titular revocó este enlace."),
    Share.State.EXPIRED: gettext_lazy("Este enlace venció."),
    Share.State.EXHAUSTED: gettext_lazy("Este enlace ya se consultó las veces permitidas."),
}


def _share_gone(request: HttpRequest, state: Share.State) -> HttpResponseBase:
    return private(
        render(
            request,
            "folder/citizen/shared_gone.html",
            {"reason": SHARE_GONE.get(state, SHARE_GONE[Share.State.EXPIRED])},
            status=410,
        )
    )


@never_cache
@require_http_methods(["GET", "POST"])
def shared_open(request: HttpRequest, token: str) -> HttpResponseBase:
    """The recipient's page. GET only asks to open, so that link previews in chat apps
    do not spend the views; the POST opens (counts and logs) and shows the documents."""
    try:
        share = selectors.share_for_token(token)
    except Share.DoesNotExist:
        raise Http404 from None
    if request.method == "GET":
        state = share.state()
        if state != Share.State.ACTIVE:
            return _share_gone(request, state)
        return private(
            render(
                request,
                "folder/citizen/shared_intro.html",
                {"share": share, "count": share.documents.count()},
            )
        )
    try:
        share = services.share_open(token, ip=client_ip(request))
    except services.ShareNotFoundError:
        raise Http404 from None
    except services.ShareUnavailableError:
        return _share_gone(request, Share.objects.get(pk=share.pk).state())
    shown = [_shared_document(share, document) for document in selectors.share_documents(share)]
    return private(
        render(request, "folder/citizen/shared.html", {"share": share, "documents": shown})
    )


def _shared_document(share: Share, document: Document) -> dict[str, Any]:
    """What the recipient sees of a document: whole, or only the claims its holder chose,
    with their SD-JWT VC presentation (and no QR: it would carry every field)."""
    context = rendition.document_context(document)
    names = share.disclosures.get(document.public_id)
    if names:
        shared = credentials.shared_credential(document, names)
        context.update(
            fields=[Field(label, value) for label, value in shared.claims],
            presentation=shared.presentation,
            selective=True,
            verification_url="",
            qr_uri="",
        )
    return context
