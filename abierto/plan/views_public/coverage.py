"""The coverage map of the 125 municipalities, with its table."""

from __future__ import annotations

import functools

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_safe

from abierto.forum import selectors_forums as forum_selectors
from abierto.forum import views_forums as forum_views
from abierto.lib import geo_svg

from .. import selectors
from .common import MAP_FILE, _number, _svg


@functools.lru_cache(maxsize=1)
def municipality_map() -> geo_svg.ProjectedMap:
    """The 125 municipalities projected once per process: the boundaries never change."""
    return geo_svg.project(geo_svg.load_features(MAP_FILE))


def _activities_label(value: float) -> str:
    count = round(value)
    return ngettext("%(n)s actividad", "%(n)s actividades", count) % {"n": _number(count)}


def coverage_map(coverage: selectors.Coverage) -> str:
    values = {row.municipality.code: row.activities for row in coverage.per_municipality}
    with_activities = [row for row in coverage.per_municipality if row.activities]
    desc = _("Municipios con actividades realizadas: %(n)s de %(total)s.") % {
        "n": len(with_activities),
        "total": coverage.municipalities_total,
    }
    if with_activities:
        top = max(with_activities, key=lambda row: (row.activities, row.municipality.code))
        desc += " " + _("Con más actividades: %(name)s (%(count)s).") % {
            "name": top.municipality.name,
            "count": _activities_label(top.activities),
        }
    desc += " " + _("La tabla «Cifras por municipio» da las cifras de cada uno.")
    labels = geo_svg.ChoroplethLabels(
        title=_("Actividades realizadas por municipio"),
        desc=desc,
        legend_title=_("Actividades realizadas"),
        no_data=_("Sin actividades"),
        value=_activities_label,
        legend_value=_number,
    )
    return geo_svg.choropleth_svg(
        municipality_map(), values, labels=labels, chart_id="mapa", link_prefix="#municipio-"
    )


@require_safe
def coverage(request: HttpRequest) -> HttpResponse:
    data = selectors.coverage()
    installation = forum_selectors.installation_layer()
    return render(
        request,
        "plan/public/coverage.html",
        {
            "coverage": data,
            "map_svg": _svg(coverage_map(data)),
            "installation_svg": forum_views.installation_map_svg(
                installation, link_prefix=reverse("forum:forum_index") + "#instalacion-"
            ),
            "installation": forum_selectors.installation_summary(installation),
            "activities_total": sum(row.activities for row in data.per_municipality),
        },
    )
