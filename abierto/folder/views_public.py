"""Public pages of the folder: no login, nothing to enumerate, never an error on bad input."""

from __future__ import annotations

import json

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.http.response import ResponseHeaders
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from abierto.directory import ratelimit
from abierto.directory.lockout import network_of
from abierto.lib import metrics
from abierto.lib.status_list import MEDIA_TYPE

from . import selectors, selectors_offline, services
from .models import Issuer, IssuerKey

JWKS_MAX_AGE = 3600
VERIFY_RATE = "RATE_FOLDER_VERIFY_NETWORK"


def _within_budget(request: HttpRequest) -> bool:
    """Count this verification against its network's budget (IPv4 /24, IPv6 /64).

    Behind the proxy, the verifier's address, not the proxy's (``client_ip``); a network,
    not an address, because one machine holds a whole block of addresses (IPv6 above all).
    """
    network = network_of(ratelimit.client_ip(request))
    return network is None or ratelimit.allow_batched("folder-verify", network, VERIFY_RATE)


# What an Accept header asks for, by its text: verifiers send the same one every time.
# Emptied past ACCEPT_MEMO_SIZE, since anyone may send any header.
ACCEPT_MEMO_SIZE = 256
_wants_json_by_accept: dict[str, bool] = {}


def wants_json(request: HttpRequest) -> bool:
    accept = request.META.get("HTTP_ACCEPT", "")
    wanted = _wants_json_by_accept.get(accept)
    if wanted is None:
        preferred = request.get_preferred_type(["text/html", "application/json"])
        wanted = preferred == "application/json"
        if len(_wants_json_by_accept) >= ACCEPT_MEMO_SIZE:
            _wants_json_by_accept.clear()
        _wants_json_by_accept[accept] = wanted
    return wanted


HeaderStore = dict[str, tuple[str, str]]


def header_store(headers: dict[str, str]) -> HeaderStore:
    """Headers checked and converted once (``ResponseHeaders``' own conversion, which refuses
    newlines and non-Latin-1), in the form ``add_headers`` adds them to a response."""
    return dict(ResponseHeaders(headers)._store)


def add_headers(response: HttpResponse, store: HeaderStore) -> None:
    """Add what ``header_store`` prepared, where the response does not have them already (as
    ``headers.setdefault`` would, without converting them again on every request)."""
    own = response.headers._store
    for lower, pair in store.items():
        own.setdefault(lower, pair)


# What every answer of /v/<token> carries, whether JSON, HTML or a 429.
PUBLIC_HEADERS = header_store({"Cache-Control": "no-store", "X-Robots-Tag": "noindex, nofollow"})


VARY_ACCEPT = header_store({"Vary": "Accept"})


def _public(response: HttpResponse) -> HttpResponse:
    if response.has_header("Vary"):
        patch_vary_headers(response, ["Accept"])
    else:  # what patch_vary_headers would write, already converted
        response.headers._store.update(VARY_ACCEPT)
    response.headers._store.update(PUBLIC_HEADERS)
    return response


def _too_many(request: HttpRequest) -> HttpResponse:
    seconds = ratelimit.retry_after(VERIFY_RATE)
    if wants_json(request):
        message = _(
            "Demasiadas verificaciones desde su red. Espere %(seconds)s segundos e intente "
            "de nuevo."
        ) % {"seconds": seconds}
        response: HttpResponse = JsonResponse({"detail": message}, status=429)
    else:
        response = render(
            request, "folder/public/verify_limited.html", {"seconds": seconds}, status=429
        )
    response["Retry-After"] = str(seconds)
    return _public(response)


@require_GET
def jwks(request: HttpRequest) -> HttpResponse:
    response = JsonResponse(selectors.jwks())
    response["Cache-Control"] = f"public, max-age={JWKS_MAX_AGE}"
    response["Access-Control-Allow-Origin"] = "*"  # verifiers' web apps fetch it too
    return response


def verification_answer(request: HttpRequest, token: str, *, as_json: bool) -> HttpResponse:
    """What ``/v/<token>`` answers, in HTML or JSON (also from ``MachineVerificationMiddleware``,
    which answers machines before the middleware a verification does not need)."""
    if not _within_budget(request):
        metrics.verification_recorded("limited")
        return _too_many(request)
    result = selectors.verify_token(token)
    metrics.verification_recorded(result.status)
    if result.document is not None:
        # Authentic, whatever its status: its holder sees that it was checked. Spooled here,
        # before the answer leaves, and chained into the log later in batches. Behind the
        # proxy, from the verifier's network: else every scan would look like one network
        # and be coalesced into one log entry.
        services.verification_spool(document=result.document, ip=ratelimit.client_ip(request))
    if as_json:
        response: HttpResponse = JsonResponse(result.as_json())
    else:
        response = render(request, "folder/public/verify.html", {"result": result})
    return _public(response)


@require_GET
def verify(request: HttpRequest, token: str) -> HttpResponse:
    """The page a document's QR opens: is it authentic, current and unrevoked?"""
    return verification_answer(request, token, as_json=wants_json(request))


@require_GET
def verify_page(request: HttpRequest) -> HttpResponse:
    """The verification page of a QR in its current form, ``/v/#<token>``.

    The token stays after ``#``, which browsers never send: the page's script checks it
    against the published keys and the issuer's status list, and a service worker keeps
    those (and the page) for verifying offline. Nothing about the document reaches the
    server, so nothing is logged about it either (docs/dpia-carpeta.md says so).
    """
    response = render(
        request, "folder/public/verify_offline.html", {"time_zone": settings.TIME_ZONE}
    )
    response["X-Robots-Tag"] = "noindex, nofollow"
    # The site's layout carries a CSRF token (the language form): not for shared caches.
    # Offline, the service worker serves the copy it fetched without cookies.
    response["Cache-Control"] = "no-cache"
    return response


@require_GET
def verify_bundle(request: HttpRequest) -> HttpResponse:
    response = JsonResponse(selectors_offline.verification_bundle())
    response["Cache-Control"] = f"public, max-age={JWKS_MAX_AGE}"
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_GET
def verify_worker(request: HttpRequest) -> HttpResponse:
    """The service worker of ``/v/``, served from there so that its scope covers the page."""
    response = render(
        request,
        "folder/public/verify-sw.js",
        {
            # JSON is JavaScript: the values reach the script as they are, with no escaping.
            "config": mark_safe(  # noqa: S308 -- json.dumps of two strings made here
                json.dumps(
                    {
                        "cache": f"abierto-verificacion-v{selectors_offline.BUNDLE_VERSION}",
                        "bundle": reverse("folder_public:verify_bundle"),
                    }
                )
            ),
        },
        content_type="text/javascript; charset=utf-8",
    )
    # Browsers look for a new worker at most daily anyway; never keep an old one longer.
    response["Cache-Control"] = "no-cache"
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
