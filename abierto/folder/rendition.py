"""The printable rendition of a folder document: a tagged PDF with a QR that verifies it.

The PDF is a convenience copy: what counts is the signed token, and the QR (and the address
printed under it) carries that whole token to the public verification page. Rendering uses
no network and reads no file: the style is inlined and the QR is a ``data:`` URI.

Printed documents are official Spanish texts whatever the language of the interface.
"""

from __future__ import annotations

import datetime
from typing import Any
from urllib.parse import urlsplit

import segno
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from weasyprint import HTML
from weasyprint.urls import URLFetcher

from abierto.lib import safe_time

from . import selectors
from .display import DATE_FORMAT, display_fields
from .models import Document, VerificationStatus

LANGUAGE = "es-MX"
DATETIME_FORMAT = DATE_FORMAT + ", H:i"


def local_datetime(moment: datetime.datetime | None) -> str:
    if moment is None:
        return ""
    with translation.override("es-mx"):
        return safe_time.format_moment(moment, DATETIME_FORMAT)


def qr_data_uri(content: str) -> str:
    """An SVG QR code as a ``data:`` URI (the pages' CSP allows ``img-src data:``)."""
    return segno.make(content, error="m").svg_data_uri(scale=4, border=4)


class DataOnly(URLFetcher):
    """A WeasyPrint fetcher that reads ``data:`` URIs and nothing else."""

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> Any:
        if urlsplit(url).scheme != "data":
            raise ValueError(f"Refused to fetch {url!r}: the rendition reads no resource.")
        return super().fetch(url, headers)


STATUS_TEXT = {
    VerificationStatus.VALID: "Vigente",
    VerificationStatus.REVOKED: "REVOCADO: el emisor lo dejó sin efecto",
    VerificationStatus.EXPIRED: "VENCIDO",
    VerificationStatus.INVALID: "No válido",
}


STATUS_LABEL = {
    VerificationStatus.VALID: _("Vigente"),
    VerificationStatus.REVOKED: _("Revocado"),
    VerificationStatus.EXPIRED: _("Vencido"),
    VerificationStatus.INVALID: _("No válido"),
}


def document_context(document: Document) -> dict[str, Any]:
    """What both the web page and the PDF show of a document."""
    status = document.verification_status()
    verification = selectors.verification_url(document)
    return {
        "document": document,
        "type_name": document.document_type.name,
        "issuer_name": str(document.issuer),
        "fields": display_fields(document.document_type, selectors.document_fields(document)),
        "issued": local_datetime(document.issued_at),
        "expires": local_datetime(document.expires_at),
        "status": status.value,
        "status_text": STATUS_TEXT[status],
        "status_label": STATUS_LABEL[status],
        "verification_url": verification,
        "qr_uri": qr_data_uri(verification),
    }


def document_pdf(document: Document) -> bytes:
    """A tagged PDF/UA-1 of the document, with its verification QR and address."""
    with translation.override("es-mx"):
        html = render_to_string(
            "folder/citizen/pdf/rendition.html",
            {
                **document_context(document),
                "language": LANGUAGE,
                "title": f"{document.document_type.name} · {document.public_id}",
                "created": safe_time.local(document.issued_at)[0].replace(microsecond=0),
                "printed": local_datetime(timezone.now()),
            },
        )
    rendered = HTML(string=html, base_url="data:,", url_fetcher=DataOnly())
    pdf: bytes = rendered.write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True)
    return pdf


def filename(document: Document, extension: str) -> str:
    return f"{document.document_type.slug}-{document.public_id}.{extension}"
