"""The plan at a glance: every commitment's progress as bars, with a table beside them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from abierto.forum import selectors_forums as forum_selectors
from abierto.lib import svg_charts

from .. import selectors
from ..models import Commitment
from .common import _percent, _svg


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
