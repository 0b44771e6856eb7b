"""One commitment: its indicators as charts described in words, its milestones and evidence."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from abierto.lib import published_figures, svg_charts

from .. import selectors
from ..models import Commitment, Evidence, Milestone
from .common import _number, _percent, _short_date, _svg


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
