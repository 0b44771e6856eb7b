"""The acta as a web page section and as a tagged PDF (WeasyPrint, no network)."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from urllib.request import url2pathname

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe
from weasyprint import HTML
from weasyprint.urls import URLFetcher

from abierto.lib.spanish import date_to_text

from ..models import Minutes
from .common import (
    ASSETS_DIR,
    LANGUAGE,
    TEMPLATES,
    _blocks_context,
    _local_iso,
    minutes_status_line,
    minutes_title,
)
from .markup import parse_minutes

# --- Web page ------------------------------------------------------------------


def minutes_html(minutes: Minutes) -> SafeString:
    """The acta as an escaped ``<section class="acta">`` for a web page (headings h2/h3)."""
    with translation.override("es-mx"):
        html = render_to_string(
            f"{TEMPLATES}/acta_section.html",
            {"minutes": minutes, **_blocks_context(parse_minutes(minutes.text), top=2)},
        )
    return mark_safe(html)  # noqa: S308 - the template escapes every value


# --- PDF ---------------------------------------------------------------------------


class LocalFilesOnly(URLFetcher):
    """A WeasyPrint fetcher that reads the files next to the templates and nothing else.

    Documents never need the network; refusing it also means text typed by a facilitator
    can never make the server fetch a URL.
    """

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> Any:
        parts = urlsplit(url)
        if parts.scheme != "file":
            raise ValueError(f"Refused to fetch {url!r}: documents only read local files.")
        path = Path(url2pathname(parts.path)).resolve()
        if not path.is_relative_to(ASSETS_DIR):
            raise ValueError(f"Refused to read {path}: outside {ASSETS_DIR}.")
        return super().fetch(url, headers)


def render_pdf(html: str) -> bytes:
    """A tagged PDF/UA-1 from ``html``; relative URLs resolve next to the templates."""
    document = HTML(string=html, base_url=ASSETS_DIR.as_uri() + "/", url_fetcher=LocalFilesOnly())
    pdf: bytes = document.write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True)
    return pdf


def minutes_pdf(minutes: Minutes) -> bytes:
    session = minutes.session
    with translation.override("es-mx"):
        html = render_to_string(
            f"{TEMPLATES}/acta.html",
            {
                "minutes": minutes,
                "session": session,
                "forum": session.forum,
                "title": minutes_title(minutes),
                "session_date": date_to_text(session.date),
                "language": LANGUAGE,
                "draft": minutes.status == Minutes.Status.DRAFT,
                "status_line": minutes_status_line(minutes),
                "created": _local_iso(minutes.created_at),
                "modified": _local_iso(minutes.approved_at or minutes.updated_at),
                **_blocks_context(parse_minutes(minutes.text), top=1),
            },
        )
    return render_pdf(html)
