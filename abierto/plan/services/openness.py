"""The municipal openness study: questionnaires and citizen contributions."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils.translation import gettext as _

from abierto.directory.models import Municipality

from ..models import (
    CitizenContribution,
    DimensionAnswer,
    OpennessDimension,
    OpennessQuestionnaire,
    OpennessStudy,
)
from ._audit import audit_record, jsonable
from .errors import PlanError

if TYPE_CHECKING:
    from django.contrib.auth.models import User


@transaction.atomic
def questionnaire_record(
    *,
    actor: User | None,
    study: OpennessStudy,
    municipality: Municipality,
    answered_on: datetime.date | None,
    answers: Mapping[OpennessDimension, Decimal | None],
) -> OpennessQuestionnaire:
    """Record the questionnaire a municipality answered, with a score per dimension if any."""
    if any(d.study_id != study.pk for d in answers):
        raise PlanError(_("Una dimensión no pertenece a este estudio."))
    if OpennessQuestionnaire.objects.filter(study=study, municipality=municipality).exists():
        raise PlanError(
            _("%(municipality)s ya respondió el cuestionario de este estudio.")
            % {"municipality": municipality.name}
        )
    questionnaire = OpennessQuestionnaire(
        study=study, municipality=municipality, answered_on=answered_on
    )
    questionnaire.full_clean()
    questionnaire.save()
    for dimension, score in answers.items():
        answer = DimensionAnswer(questionnaire=questionnaire, dimension=dimension, score=score)
        answer.full_clean()
        answer.save()
    audit_record(
        actor=actor,
        action="openness_questionnaire.recorded",
        target=questionnaire,
        changes={
            "municipality": municipality.code,
            "answers": {d.name: jsonable(score) for d, score in answers.items()},
        },
    )
    return questionnaire


@transaction.atomic
def contribution_record(
    *,
    actor: User | None,
    study: OpennessStudy,
    municipality: Municipality,
    received_on: datetime.date,
    summary: str = "",
    dimension: OpennessDimension | None = None,
) -> CitizenContribution:
    """Record a citizen contribution (no personal data) that validates the study."""
    if dimension is not None and dimension.study_id != study.pk:
        raise PlanError(_("La dimensión no pertenece a este estudio."))
    contribution = CitizenContribution(
        study=study,
        municipality=municipality,
        dimension=dimension,
        received_on=received_on,
        summary=summary.strip(),
    )
    contribution.full_clean()
    contribution.save()
    audit_record(
        actor=actor,
        action="citizen_contribution.recorded",
        target=contribution,
        changes={
            "municipality": municipality.code,
            "dimension": dimension.name if dimension else None,
        },
    )
    return contribution
