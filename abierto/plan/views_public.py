"""The plan's public pages: the plan at a glance, each commitment, the coverage map, the agenda
of activities and its calendar feed.

Thin views: reads go through ``selectors`` (where progress and coverage are computed, never
typed), charts and the map are drawn on the server by ``abierto.lib.svg_charts`` and
``abierto.lib.geo_svg``, each with a table beside it. Filters come from GET parameters; a
value that does not validate is left out of the query and named in a message, with status
400.
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from django import forms
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.formats import date_format, number_format
from django.utils.http import content_disposition_header, http_date
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_safe

from abierto.directory.selectors import municipality_list
from abierto.forum import selectors_forums as forum_selectors
from abierto.forum import views_forums as forum_views
from abierto.lib import geo_svg, published_figures, svg_charts

from . import agenda_feed, selectors
from .models import Activity, Commitment, Evidence, Milestone

PAGE_SIZE = 20
MAP_FILE = Path(__file__).resolve().parent / "data" / "municipios_edomex.geojson"
FIRST_DATE = datetime.date(2000, 1, 1)
LAST_DATE = datetime.date(2100, 12, 31)


def _svg(markup: str) -> SafeString:
    return mark_safe(markup)  # noqa: S308 - svg_charts and geo_svg escape every text they write


def _number(value: Decimal | float | int) -> str:
    """A figure the Mexican way (``113,000``, ``72.5``), without useless decimals."""
    decimal = Decimal(str(value))
    places = 0 if decimal == decimal.to_integral_value() else 1
    return number_format(decimal, places, force_grouping=True)


def _percent(value: Decimal | float | int) -> str:
    return f"{_number(value)} %"


def _short_date(day: datetime.date) -> str:
    return date_format(day, "SHORT_DATE_FORMAT")


def _page(request: HttpRequest, items: QuerySet[Any]) -> Page[Any]:
    return Paginator(items, PAGE_SIZE).get_page(request.GET.get("pagina"))


def _disposition(filename: str, *, attachment: bool = True) -> str:
    return content_disposition_header(as_attachment=attachment, filename=filename) or ""


# The plan at a glance --------------------------------------------------------------------------


def _commitment_label(commitment: Commitment) -> str:
    return f"{commitment.code} · {commitment.title}"


def progress_chart(summaries: Sequence[selectors.CommitmentSummary], *, chart_id: str) -> str:
    return svg_charts.progress_bars(
        [
            svg_charts.Progress(
                _commitment_label(summary.commitment),
                float(summary.progress),
                _percent(summary.progress),
            )
            for summary in summaries
        ],
        title=_("Avance de cada compromiso, según sus hitos cumplidos"),
        chart_id=chart_id,
        empty_message=_("Aún no hay compromisos registrados."),
    )


@require_safe
def overview(request: HttpRequest) -> HttpResponse:
    plan = selectors.plan_overview()
    coverage = selectors.coverage()
    context: dict[str, Any] = {"overview": plan, "coverage": coverage}
    if plan is not None:
        kinds = [
            (kind, label, [s for s in plan.commitments if s.commitment.kind == kind])
            for kind, label in Commitment.Kind.choices
        ]
        context.update(
            progress_svg=_svg(progress_chart(plan.commitments, chart_id="avance-compromisos")),
            groups=[(kind, label, rows) for kind, label, rows in kinds if rows],
            coverage_svg=_svg(
                svg_charts.progress_bars(
                    [
                        svg_charts.Progress(
                            _("Municipios visitados por las caravanas"),
                            float(coverage.percent_visited),
                            _("%(visited)s de %(total)s")
                            % {
                                "visited": coverage.municipalities_visited,
                                "total": coverage.municipalities_total,
                            },
                        )
                    ],
                    title=_("Cobertura de las caravanas"),
                    chart_id="cobertura-resumen",
                )
            ),
            installation_svg=_svg(
                svg_charts.progress_bars(
                    [_installed_progress()],
                    title=_("Instalación de STL municipales"),
                    chart_id="instalacion-resumen",
                )
            ),
        )
    return render(request, "plan/public/overview.html", context)


def _installed_progress() -> svg_charts.Progress:
    """The installation layer on the dashboard: municipalities with their own STL."""
    summary = forum_selectors.installation_summary()
    return svg_charts.Progress(
        _("Municipios con STL municipal instalado"),
        100.0 * summary.installed / summary.total if summary.total else 0.0,
        _("%(visited)s de %(total)s") % {"visited": summary.installed, "total": summary.total},
    )


# One commitment ------------------------------------------------------------------------------


@dataclass(frozen=True)
class IndicatorView:
    summary: selectors.IndicatorSummary
    series: list[selectors.SeriesPoint]
    chart: SafeString

    @property
    def indicator(self) -> Any:
        return self.summary.indicator


@dataclass(frozen=True)
class MilestoneView:
    milestone: Milestone
    overdue: bool


def indicator_description(
    indicator: Any, series: Sequence[selectors.SeriesPoint], *, series_label: str
) -> str:
    """The chart's data in words: every value of a short series, the ends of a long one."""
    if not series:
        return _("Aún no hay valores registrados.")
    if len(series) > svg_charts.MAX_LISTED:
        first, last = series[0], series[-1]
        text = _(
            "%(series)s: %(n)s valores, del %(first)s (%(first_value)s) al %(last)s "
            "(%(last_value)s)."
        ) % {
            "series": series_label,
            "n": len(series),
            "first": _short_date(first.date),
            "first_value": _number(first.value),
            "last": _short_date(last.date),
            "last_value": _number(last.value),
        }
    else:
        listed = "; ".join(f"{_short_date(p.date)}: {_number(p.value)}" for p in series)
        text = _("%(series)s por fecha: %(values)s.") % {"series": series_label, "values": listed}
    if indicator.target is not None:
        if indicator.target_date is not None:
            text += " " + _("Meta: %(target)s para el %(date)s.") % {
                "target": _number(indicator.target),
                "date": _short_date(indicator.target_date),
            }
        else:
            text += " " + _("Meta: %(target)s.") % {"target": _number(indicator.target)}
    return text


def indicator_chart(
    summary: selectors.IndicatorSummary, series: Sequence[selectors.SeriesPoint], *, chart_id: str
) -> str:
    indicator = summary.indicator
    unit = indicator.unit
    series_label = unit.capitalize() if unit else _("Valor")
    return svg_charts.line_chart(
        [(point.date, float(point.value)) for point in series],
        title=indicator.name,
        desc=indicator_description(indicator, series, series_label=series_label),
        chart_id=chart_id,
        target=float(indicator.target) if indicator.target is not None else None,
        target_date=indicator.target_date,
        target_label=_("Meta"),
        series_label=series_label,
        step=True,
        date_label=_short_date,
        value_label=_number,
        empty_message=_("Aún no hay valores registrados."),
    )


@require_safe
def commitment_detail(request: HttpRequest, public_id: str) -> HttpResponse:
    try:
        detail = selectors.commitment_detail_public(public_id)
    except Commitment.DoesNotExist as exc:
        raise Http404 from exc
    today = timezone.localdate()
    lines = [
        (line, [MilestoneView(milestone=m, overdue=m.is_overdue(today)) for m in line.milestones])
        for line in detail.action_lines
    ]
    indicators = []
    for index, summary in enumerate(detail.indicators, start=1):
        series = selectors.indicator_series(summary.indicator)
        chart = indicator_chart(summary, series, chart_id=f"indicador-{index}")
        indicators.append(IndicatorView(summary=summary, series=series, chart=_svg(chart)))
    line_chart = svg_charts.progress_bars(
        [
            svg_charts.Progress(
                f"{line.line.number}. {line.line.title}",
                float(line.progress),
                _percent(line.progress),
            )
            for line in detail.action_lines
        ],
        title=_("Avance por línea de acción"),
        chart_id="avance-lineas",
    )
    return render(
        request,
        "plan/public/commitment_detail.html",
        {
            "detail": detail,
            "commitment": detail.commitment,
            "summary": detail.summary,
            "progress_svg": _svg(
                svg_charts.progress_bars(
                    [
                        svg_charts.Progress(
                            _("Avance del compromiso"),
                            float(detail.summary.progress),
                            _percent(detail.summary.progress),
                        )
                    ],
                    title=_("Avance del compromiso, según sus hitos cumplidos"),
                    chart_id="avance-compromiso",
                )
            ),
            "lines_svg": _svg(line_chart) if len(detail.action_lines) > 1 else None,
            "lines": lines,
            "indicators": indicators,
            # Aggregates of apps that plan may not import (the restorative circles).
            "figure_links": published_figures.links_for_commitment(detail.commitment.public_id),
        },
    )


@require_safe
def evidence_download(request: HttpRequest, public_id: str) -> FileResponse:
    """The file of a progress report's evidence; media are never served by their URL."""
    try:
        evidence = selectors.evidence_public(public_id)
    except Evidence.DoesNotExist as exc:
        raise Http404 from exc
    if not evidence.file:
        raise Http404
    try:
        handle = evidence.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    response = FileResponse(handle, as_attachment=True, filename=Path(evidence.file.name).name)
    patch_cache_control(response, public=True, max_age=3600)
    return response


# Coverage map ----------------------------------------------------------------------------------


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


# Agenda ------------------------------------------------------------------------------------------


class When:
    UPCOMING = "proximas"
    PAST = "pasadas"
    ALL = "todas"

    choices = (
        (UPCOMING, gettext_lazy("Próximas")),
        (PAST, gettext_lazy("Pasadas")),
        (ALL, gettext_lazy("Todas")),
    )


class AgendaFilterForm(forms.Form):
    municipio = forms.ChoiceField(label=gettext_lazy("Municipio"), required=False)
    tipo = forms.ChoiceField(label=gettext_lazy("Tipo de actividad"), required=False)
    desde = forms.DateField(
        label=gettext_lazy("Desde"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    hasta = forms.DateField(
        label=gettext_lazy("Hasta"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, data: Any) -> None:
        super().__init__(data)
        municipio = self.fields["municipio"]
        tipo = self.fields["tipo"]
        assert isinstance(municipio, forms.ChoiceField)
        assert isinstance(tipo, forms.ChoiceField)
        municipio.choices = [("", _("Todos"))] + [
            (m.code, m.name) for m in municipality_list().order_by("name")
        ]
        tipo.choices = [("", _("Todos"))] + [(k.slug, k.name) for k in selectors.activity_kinds()]

    def clean_desde(self) -> datetime.date | None:
        return _in_range(self.cleaned_data.get("desde"))

    def clean_hasta(self) -> datetime.date | None:
        return _in_range(self.cleaned_data.get("hasta"))

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("desde"), cleaned.get("hasta")
        if start and end and start > end:
            self.add_error("hasta", _("La fecha final no puede ser anterior a la inicial."))
        return cleaned


def _in_range(day: datetime.date | None) -> datetime.date | None:
    if day is not None and not FIRST_DATE <= day <= LAST_DATE:
        raise forms.ValidationError(_("Indique una fecha entre los años 2000 y 2100."))
    return day


def _filtered(form: forms.Form) -> dict[str, Any]:
    """The filters that validated; the others are dropped (their errors stay on the form)."""
    form.is_valid()
    return {name: value for name, value in form.cleaned_data.items() if value not in ("", None)}


def _activities(chosen: dict[str, Any]) -> QuerySet[Activity]:
    return selectors.activity_list_public(
        municipality=chosen.get("municipio") or None,
        kind=chosen.get("tipo") or None,
        date_from=chosen.get("desde"),
        date_to=chosen.get("hasta"),
    )


@require_safe
def agenda(request: HttpRequest) -> HttpResponse:
    form = AgendaFilterForm(request.GET)
    chosen = _filtered(form)
    dated = "desde" in chosen or "hasta" in chosen
    when = request.GET.get("cuando", "")
    if when not in {When.UPCOMING, When.PAST, When.ALL}:
        when = When.ALL if dated else When.UPCOMING
    activities = _activities(chosen)
    today = timezone.localdate()
    if when == When.UPCOMING:
        activities = activities.filter(date__gte=today)
    elif when == When.PAST:
        activities = activities.filter(date__lt=today).order_by("-date", "-start_time", "-id")
    page = _page(request, activities)
    return render(
        request,
        "plan/public/agenda.html",
        {
            "form": form,
            "filtered": bool(chosen),
            "when": when,
            "when_choices": When.choices,
            "page": page,
            "feed_url": _feed_url(request),
        },
        status=400 if form.errors else 200,
    )


def _feed_url(request: HttpRequest) -> str:
    """The calendar feed with the agenda's filters (not its page nor its tab)."""
    query = request.GET.copy()
    for name in ("cuando", "pagina"):
        query.pop(name, None)
    url = reverse("plan:agenda_ics")
    return f"{url}?{query.urlencode()}" if query else url


@require_safe
def activity_detail(request: HttpRequest, public_id: str) -> HttpResponse:
    try:
        activity = selectors.activity_public(public_id)
    except Activity.DoesNotExist as exc:
        raise Http404 from exc
    services = list(activity.services.all())
    return render(
        request,
        "plan/public/activity_detail.html",
        {
            "activity": activity,
            "location": agenda_feed.activity_location(activity),
            "services": services,
            "services_total": sum(service.count for service in services),
            "institutions": list(activity.institutions.all()),
        },
    )


@require_safe
def agenda_ics(request: HttpRequest) -> HttpResponse:
    """Every public activity, or those of the agenda's filters (municipality, kind, dates)."""
    form = AgendaFilterForm(request.GET)
    chosen = _filtered(form)
    if form.errors:
        problems = "; ".join(
            f"{form.fields[name].label}: {' '.join(str(error) for error in errors)}"
            for name, errors in form.errors.items()
        )
        return HttpResponse(
            _("Filtros no válidos: %(problems)s") % {"problems": problems},
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    activities = list(_activities(chosen))
    body = agenda_feed.activities_ics(activities)
    response = HttpResponse(body, content_type=agenda_feed.CONTENT_TYPE)
    response["Content-Disposition"] = _disposition("agenda-plan-edomex.ics", attachment=False)
    response["ETag"] = agenda_feed.feed_etag(body)
    last_modified = agenda_feed.feed_last_modified(activities)
    if last_modified is not None:
        response["Last-Modified"] = http_date(last_modified.timestamp())
    patch_cache_control(response, public=True, max_age=3600)
    conditional = get_conditional_response(
        request,
        etag=response["ETag"],
        last_modified=int(last_modified.timestamp()) if last_modified else None,
        response=response,
    )
    return conditional or response
