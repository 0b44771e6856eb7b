"""The circles' published aggregates: computed from the records, passed through disclosure
control (``abierto.lib.disclosure``), stored as ``PublishedFigure`` rows, and offered to the
commitment's page and the open-data catalogue through ``abierto.lib.published_figures``.

What is counted: participants who have not withdrawn, each in the last phase they reached,
by cohort (cohorts whose records were deleted by retention are left out); the circles held
by cohort (sessions, not people); and for each instrument, the participants evaluated at least
twice and the mean change of their mean item score from the first to the last application.
A withdrawn participant is excluded from every figure published after the withdrawal.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import Count, QuerySet
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from abierto.directory.services import audit_record
from abierto.lib import disclosure, published_figures

from . import sealing
from .models import PHASE_ORDER, Application, Cohort, Participant, Phase, PublishedFigure

if TYPE_CHECKING:
    from django.contrib.auth.models import User

Measure = PublishedFigure.Measure


def _current_phases() -> dict[str, dict[str, int]]:
    """Participants (not withdrawn) by cohort label and the last phase each one reached."""
    counts: dict[str, dict[str, int]] = {}
    cohorts = Cohort.objects.filter(retained_until__isnull=True).order_by("start_date", "pk")
    for cohort in cohorts:
        counts[str(cohort)] = dict.fromkeys(PHASE_ORDER, 0)
    participants = Participant.objects.filter(
        status=Participant.Status.ACTIVE, cohort__retained_until__isnull=True
    ).prefetch_related("milestones", "cohort")
    for participant in participants:
        reached = [PHASE_ORDER.index(m.phase) for m in participant.milestones.all()]
        if reached:
            counts[str(participant.cohort)][PHASE_ORDER[max(reached)]] += 1
    return counts


def _mean(scores: dict[str, int]) -> float:
    return sum(scores.values()) / len(scores)


def _score_changes() -> dict[str, list[float]]:
    """For each instrument, the change of each participant's mean item score (last minus first)."""
    series: dict[tuple[str, int], list[tuple[Any, float]]] = defaultdict(list)
    applications = Application.objects.filter(
        participant__status=Participant.Status.ACTIVE,
        participant__cohort__retained_until__isnull=True,
    ).select_related("participant", "instrument")
    for application in applications:
        scores = sealing.unseal_json(
            application.participant.public_id, "scores", application.scores_sealed
        )
        key = (application.instrument.name, application.participant_id)
        series[key].append((application.date, _mean(scores)))
    changes: dict[str, list[float]] = defaultdict(list)
    for (instrument, _participant), points in series.items():
        if len(points) >= 2:
            points.sort(key=lambda point: point[0])
            changes[instrument].append(points[-1][1] - points[0][1])
    return changes


def compute() -> list[dict[str, Any]]:
    """The figures that may be published, as rows of ``PublishedFigure``."""
    rows: list[dict[str, Any]] = []
    with translation.override("es-mx"):
        everyone, total = _("Todas"), _("Total")
        labels = {phase.value: str(phase.label) for phase in Phase}
        counts = _current_phases()
        table = disclosure.protect_table(counts, columns=PHASE_ORDER)
        for row in [*table.rows, disclosure.TOTAL]:
            for column in [*PHASE_ORDER, disclosure.TOTAL]:
                value = table.get(row, column)
                rows.append(
                    {
                        "cohort": everyone if row == disclosure.TOTAL else row,
                        "measure": Measure.PARTICIPANTS,
                        "category": total if column == disclosure.TOTAL else labels[column],
                        "value": value,
                    }
                )
        circles = Cohort.objects.filter(retained_until__isnull=True).annotate(n=Count("circles"))
        for cohort in circles.order_by("start_date", "pk"):
            rows.append(
                {"cohort": str(cohort), "measure": Measure.CIRCLES, "category": total,
                 "value": cohort.n}
            )  # fmt: skip
        for instrument, changes in sorted(_score_changes().items()):
            shown = len(changes) >= disclosure.THRESHOLD
            evaluated = disclosure.round_to_base(len(changes)) if shown else None
            rows.append(
                {"cohort": everyone, "measure": Measure.EVALUATED, "category": instrument,
                 "value": evaluated}
            )  # fmt: skip
            rows.append(
                {"cohort": everyone, "measure": Measure.SCORE_CHANGE, "category": instrument,
                 "value": disclosure.protect_mean(changes)}
            )  # fmt: skip
    return rows


@transaction.atomic
def figures_publish(*, actor: User | None) -> int:
    """Replace the published figures with freshly computed ones; the number of figures."""
    rows = compute()
    now = timezone.now()
    PublishedFigure.objects.all().delete()
    figures = PublishedFigure.objects.bulk_create(
        PublishedFigure(
            order=order,
            cohort=row["cohort"],
            measure=row["measure"],
            category=row["category"],
            value=None if row["value"] is None else Decimal(str(row["value"])),
            suppressed=row["value"] is None,
            published_at=now,
        )
        for order, row in enumerate(rows)
    )
    audit_record(
        actor=actor,
        action="circles.figures.published",
        target=figures[0],
        changes={"figures": len(figures), "suppressed": sum(f.suppressed for f in figures)},
    )
    return len(figures)


def published() -> QuerySet[PublishedFigure]:
    """The public figures, as last published."""
    return PublishedFigure.objects.order_by("order")


def _page_for_commitment(public_id: str) -> str:
    if public_id and Cohort.objects.filter(commitment_public_id=public_id).exists():
        return reverse("circles:public")
    return ""


def register_source() -> None:
    column = published_figures.FigureColumn
    published_figures.register(
        published_figures.FigureSource(
            slug="circulos-restaurativos",
            title=gettext_lazy("Círculos restaurativos: avance agregado"),
            description=gettext_lazy(
                "Avance agregado de los círculos restaurativos con jóvenes que egresan de "
                "centros de asistencia social: personas por fase, círculos realizados y cambio "
                "medio en los instrumentos de evaluación. Ninguna cifra se refiere a menos de 5 "
                "personas: las cifras pequeñas, y las que permitirían deducirlas, se suprimen; "
                "las demás se redondean a múltiplos de 5."
            ),
            keywords=["justicia restaurativa", "círculos restaurativos", "mediación"],
            rows=published,
            columns=[
                column("cohort", PublishedFigure._meta.get_field("cohort").help_text, "cohort"),
                column(
                    "measure",
                    PublishedFigure._meta.get_field("measure").help_text,
                    "get_measure_display",
                ),
                column(
                    "category", PublishedFigure._meta.get_field("category").help_text, "category"
                ),
                column(
                    "value", PublishedFigure._meta.get_field("value").help_text, "value", "number"
                ),
                column(
                    "suppressed",
                    PublishedFigure._meta.get_field("suppressed").help_text,
                    "suppressed",
                    "boolean",
                ),
                column(
                    "published_at",
                    PublishedFigure._meta.get_field("published_at").help_text,
                    "published_at",
                    "datetime",
                ),
            ],
            page_for_commitment=_page_for_commitment,
            link_text=gettext_lazy("Avance agregado de los círculos restaurativos"),
            modified_field="published_at",
            excluded_fields=frozenset({"id", "order"}),
        )
    )
