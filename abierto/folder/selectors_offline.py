"""What a browser needs to verify a document by itself, without sending it to the server.

The verification page (``/v/#<token>``) keeps the token after ``#``: browsers never send a
URL's fragment, so the document reaches neither the server nor its logs. The page's script
checks the Ed25519 signature against the published keys (JWKS) and the revocation against
the issuer's status list, and needs, besides, what only the server knows and what is public
anyway: which issuer owns which key, the issuers' names, and each document type's name and
field labels. This module builds that bundle; the page's service worker caches it with the
keys and the status lists so that verification keeps working offline.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse

from .display import MASK, VISIBLE_CUTS_CHARACTERS, cuts_fields
from .formats import DOCUMENT_TYP, status_list_url
from .models import DocumentType, Issuer, IssuerKey

# Bump when the bundle's shape changes: the service worker keeps one cache per version.
BUNDLE_VERSION = 1


def _field_specs(document_type: DocumentType) -> list[dict[str, Any]]:
    """Each field's name, title and format, in the schema's order: what the page labels."""
    properties: dict[str, Any] = document_type.json_schema.get("properties", {})
    specs = []
    for name, spec in properties.items():
        if not isinstance(spec, dict):
            continue
        branches = spec.get("oneOf") or spec.get("anyOf") or ()
        specs.append(
            {
                "name": name,
                "title": str(spec.get("title", name)),
                "format": spec.get("format") if isinstance(spec.get("format"), str) else None,
                # A catalogue's words for its codes ("M" is "Mujer"), as display.py shows them.
                "labels": {
                    str(branch["const"]): str(branch["title"])
                    for branch in branches
                    if isinstance(branch, dict) and "const" in branch and "title" in branch
                },
            }
        )
    return specs


def verification_bundle() -> dict[str, Any]:
    """Issuers (name, published key ids, status list), document types, and the URLs to cache.

    Only public facts: the same keys as the JWKS, the same names as the verification page.
    """
    keys_by_issuer: dict[int, list[str]] = {}
    for issuer_id, kid in IssuerKey.objects.filter(retired_at__isnull=True).values_list(
        "issuer_id", "kid"
    ):
        keys_by_issuer.setdefault(issuer_id, []).append(kid)
    issuers = [
        {
            "slug": issuer.slug,
            "name": str(issuer),
            "kids": sorted(keys_by_issuer.get(issuer.pk, [])),
            "status_list": status_list_url(issuer.slug),
        }
        for issuer in Issuer.objects.select_related("institution").order_by("slug")
    ]
    types = [
        {
            "slug": kind.slug,
            "name": kind.name,
            "fields": _field_specs(kind),
            # Other people's CUTS, shown masked as on the server's page (display.public_fields).
            "masked": sorted(cuts_fields(kind)),
        }
        for kind in DocumentType.objects.order_by("slug")
    ]
    jwks_url = reverse("folder_public:jwks")
    page_url = reverse("folder_public:verify_page")
    return {
        "version": BUNDLE_VERSION,
        "site_url": settings.SITE_URL,
        "document_typ": DOCUMENT_TYP,
        "mask": {"prefix": MASK, "visible": VISIBLE_CUTS_CHARACTERS},
        "jwks": jwks_url,
        "issuers": issuers,
        "document_types": types,
        # What the service worker keeps for offline use: the page, its assets, the keys and
        # every issuer's status list (same-origin paths: the worker fetches them itself).
        "precache": [
            page_url,
            static("css/site.css"),
            static("css/folder.css"),
            static("js/verify-offline.js"),
            static("vendor/htmx.min.js"),
            static("img/favicon.svg"),
            jwks_url,
            reverse("folder_public:verify_bundle"),
        ]
        + [
            reverse("folder_public:status_list", args=[issuer["slug"]])
            for issuer in issuers
            if issuer["kids"]  # an issuer without a key has no list yet
        ],
    }
