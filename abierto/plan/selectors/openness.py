"""The municipal openness study, summarised by dimension."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Avg, Count

from abierto.directory.models import Municipality

from ..models import (
    CitizenContribution,
    DimensionAnswer,
    OpennessQuestionnaire,
    OpennessStudy,
)
from .progress import HUNDRED, ONE_DECIMAL

# The municipal openness study ----------------------------------------------------------------


@dataclass(frozen=True)
class DimensionSummary:
    name: str
    number: int
    questionnaires: int  # questionnaires that answered the dimension
    contributions: int
    average_score: Decimal | None


@dataclass(frozen=True)
class OpennessSummary:
    study: OpennessStudy
    dimensions: list[DimensionSummary]
    questionnaires: int
    contributions: int
    municipalities_contributing: int
    municipalities_total: int

    @property
    def participation_rate(self) -> Decimal:
        """Share of the state's municipalities with citizen contributions, in %, one decimal."""
        if not self.municipalities_total:
            return Decimal("0.0")
        return (
            Decimal(self.municipalities_contributing) * HUNDRED / Decimal(self.municipalities_total)
        ).quantize(ONE_DECIMAL, rounding=ROUND_HALF_UP)


def openness_study_summary(study: OpennessStudy | None = None) -> OpennessSummary | None:
    """The latest study (or ``study``) with its counts and participation rate; None if none."""
    study = study or OpennessStudy.objects.order_by("-year", "-pk").first()
    if study is None:
        return None
    dimensions = [
        DimensionSummary(
            name=dimension.name,
            number=dimension.number,
            questionnaires=dimension.n_answers,
            contributions=dimension.n_contributions,
            average_score=_avg_score(dimension.pk),
        )
        for dimension in study.dimensions.annotate(
            n_answers=Count("answers", distinct=True),
            n_contributions=Count("contributions", distinct=True),
        ).order_by("number")
    ]
    contributions = CitizenContribution.objects.filter(study=study)
    return OpennessSummary(
        study=study,
        dimensions=dimensions,
        questionnaires=OpennessQuestionnaire.objects.filter(study=study).count(),
        contributions=contributions.count(),
        municipalities_contributing=contributions.values("municipality").distinct().count(),
        municipalities_total=Municipality.objects.count(),
    )


def _avg_score(dimension_id: int) -> Decimal | None:
    average = DimensionAnswer.objects.filter(
        dimension_id=dimension_id, score__isnull=False
    ).aggregate(a=Avg("score"))["a"]
    return None if average is None else Decimal(average).quantize(ONE_DECIMAL, ROUND_HALF_UP)
