"""Public pages of the folder: no login, nothing to enumerate, never an error on bad input."""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_GET

from abierto.directory import ratelimit
from abierto.lib import metrics
from abierto.lib.status_list import MEDIA_TYPE

from . import selectors, services
from .models import Issuer, IssuerKey

JWKS_MAX_AGE = 3600


def _client_ip(request: HttpRequest) -> str:
    # Behind the proxy, the verifier's address, not the proxy's: otherwise every scan would
    # look like one network and be coalesced into one log entry.
    return ratelimit.client_ip(request) or ""


@require_GET
def jwks(request: HttpRequest) -> HttpResponse:
    response = JsonResponse(selectors.jwks())
    response["Cache-Control"] = f"public, max-age={JWKS_MAX_AGE}"
    response["Access-Control-Allow-Origin"] = "*"  # verifiers' web apps fetch it too
    return response


@require_GET
def verify(request: HttpRequest, token: str) -> HttpResponse:
    """The page a document's QR opens: is it authentic, current and unrevoked?"""
    result = selectors.verify_token(token)
    metrics.verification_recorded(result.status)
    if result.document is not None:
        # Authentic, whatever its status: its holder sees that it was checked.
        services.verification_record(document=result.document, ip=_client_ip(request))
    if request.get_preferred_type(["text/html", "application/json"]) == "application/json":
        response: HttpResponse = JsonResponse(result.as_json())
    else:
        response = render(request, "folder/public/verify.html", {"result": result})
    patch_vary_headers(response, ["Accept"])
    response["Cache-Control"] = "no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@require_GET
def status_list(request: HttpRequest, issuer_slug: str) -> HttpResponse:
    """The issuer's Status List Token; cacheable, with an ETag for conditional requests."""
    issuer = Issuer.objects.filter(slug=issuer_slug).first()
    if issuer is None:
        raise Http404
    try:
        token = selectors.status_list_token(issuer)
    except IssuerKey.DoesNotExist:
        raise Http404 from None
    etag = selectors.etag_for(token)
    max_age = settings.FOLDER_STATUS_LIST_TTL
    if etag in [tag.strip() for tag in request.headers.get("If-None-Match", "").split(",")]:
        response = HttpResponse(status=304)
    else:
        response = HttpResponse(token, content_type=MEDIA_TYPE)
    response["ETag"] = etag
    response["Cache-Control"] = f"public, max-age={max_age}"
    response["Access-Control-Allow-Origin"] = "*"
    return response
