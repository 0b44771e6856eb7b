"""Every forum of the state: the index with the installation map, and ``/foros/<slug>/…``.

A forum's pages are today's public pages (``views_public``) given that forum; a record asked
for under another forum's address is not found (404), so no page mixes two forums.
"""

from __future__ import annotations

import functools
from pathlib import Path

from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from abierto.lib import geo_svg

from . import selectors_forums, views_public
from .models import Agreement, Forum, InstallationStatus, Session

# The municipal boundaries the plan's coverage map draws (INEGI Marco Geoestadístico).
MAP_FILE = Path(__file__).resolve().parent.parent / "plan" / "data" / "municipios_edomex.geojson"


# The index lists the forums a page at a time, so that it costs the same with 126 forums.
FORUMS_PER_PAGE = 10


@functools.lru_cache(maxsize=1)
def _municipality_map() -> geo_svg.ProjectedMap:
    return geo_svg.project(geo_svg.load_features(MAP_FILE))


def _status_of_step(value: float) -> str:
    steps = InstallationStatus.choices
    index = max(0, min(len(steps) - 1, round(value)))
    return str(steps[index][1])


def installation_map_svg(
    rows: list[selectors_forums.InstallationRow], *, link_prefix: str = "#instalacion-"
) -> SafeString:
    """The installation layer: each municipality shaded by its step (none for no contact).

    Each area links to ``link_prefix`` and its INEGI code: the row of the index's table.
    """
    values = {row.municipality.code: float(row.step) for row in rows if row.step}
    installed = sum(1 for row in rows if row.step >= 3)
    labels = geo_svg.ChoroplethLabels(
        title=_("Instalación de STL municipales"),
        desc=_(
            "Municipios en camino a su STL: %(started)s de %(total)s; con STL instalado: "
            "%(installed)s. La tabla da el estado de cada uno."
        )
        % {"started": len(values), "total": len(rows), "installed": installed},
        legend_title=_("Estado"),
        no_data=str(InstallationStatus.NO_CONTACT.label),
        value=_status_of_step,
        legend_value=_status_of_step,
    )
    markup = geo_svg.choropleth_svg(
        _municipality_map(),
        values,
        labels=labels,
        chart_id="mapa-instalacion",
        id_prefix="inst-",
        link_prefix=link_prefix,
    )
    return mark_safe(markup)  # noqa: S308 - geo_svg escapes every text it writes


@require_safe
def forum_index(request: HttpRequest) -> HttpResponse:
    rows = selectors_forums.installation_layer()
    page = Paginator(selectors_forums.forum_list_public(), FORUMS_PER_PAGE).get_page(
        request.GET.get("pagina")
    )
    return render(
        request,
        "forum/public/forum_index.html",
        {
            "page": page,
            "forums": selectors_forums.with_session_figures(page),
            # /foros/: each forum's page is this and its slug (no reverse() per row).
            "forums_prefix": reverse("forum:forum_index"),
            "ical_label": _("iCalendar"),
            "installations": [row for row in rows if row.step],
            "map_svg": installation_map_svg(rows),
        },
    )


@require_safe
def forum_sessions(request: HttpRequest, slug: str) -> HttpResponse:
    return views_public.session_list(request, forum=selectors_forums.forum_by_slug(slug))


@require_safe
def forum_agreements(request: HttpRequest, slug: str) -> HttpResponse:
    return views_public.agreement_list(request, forum=selectors_forums.forum_by_slug(slug))


@require_safe
def forum_calendar(request: HttpRequest, slug: str) -> HttpResponse:
    return views_public.calendar_ics(request, forum=selectors_forums.forum_by_slug(slug))


def _session_of(forum: Forum, public_id: str) -> None:
    if not Session.objects.filter(forum=forum, public_id=public_id).exists():
        raise Http404


@require_safe
def forum_session_detail(request: HttpRequest, slug: str, public_id: str) -> HttpResponse:
    _session_of(selectors_forums.forum_by_slug(slug), public_id)
    return views_public.session_detail(request, public_id)


@require_safe
def forum_minutes_pdf(request: HttpRequest, slug: str, public_id: str) -> HttpResponse:
    _session_of(selectors_forums.forum_by_slug(slug), public_id)
    return views_public.minutes_pdf(request, public_id)


@require_safe
def forum_minutes_docx(request: HttpRequest, slug: str, public_id: str) -> HttpResponse:
    _session_of(selectors_forums.forum_by_slug(slug), public_id)
    return views_public.minutes_docx(request, public_id)


@require_safe
def forum_minutes_original(request: HttpRequest, slug: str, public_id: str) -> HttpResponse:
    _session_of(selectors_forums.forum_by_slug(slug), public_id)
    return views_public.minutes_original(request, public_id)


@require_safe
def forum_agreement_detail(request: HttpRequest, slug: str, public_id: str) -> HttpResponse:
    forum = selectors_forums.forum_by_slug(slug)
    if not Agreement.objects.filter(session__forum=forum, public_id=public_id).exists():
        raise Http404
    return views_public.agreement_detail(request, public_id)


@require_safe
def installation_declaration(request: HttpRequest, code: str) -> FileResponse:
    """The signed joint declaration of a municipality, as uploaded by the state facilitation."""
    installation = selectors_forums.installation_declaration(code)
    try:
        handle = installation.declaration_document.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    response = FileResponse(
        handle,
        content_type="application/pdf",
        filename=f"declaratoria-{installation.municipality.code}.pdf",
    )
    response["X-Content-Type-Options"] = "nosniff"
    patch_cache_control(response, public=True, max_age=3600)
    return response
