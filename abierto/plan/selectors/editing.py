"""Who edits what: the commitments, reports, indicators and evidence a clerk may change."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, Q, QuerySet

from abierto.directory.models import Institution, Person
from abierto.directory.roles import Role
from abierto.directory.selectors import user_has_role

from ..models import (
    ActionLine,
    Commitment,
    Evidence,
    Indicator,
    IndicatorValue,
    Milestone,
    ProgressReport,
)
from .progress import CommitmentSummary, _summaries

if TYPE_CHECKING:
    from abierto.directory.selectors import AnyUser


# Who edits what ------------------------------------------------------------------------------


def institution_of(user: AnyUser) -> Institution | None:
    """The institution of the person linked to an account, if any."""
    if not user.is_authenticated:
        return None
    person = Person.objects.filter(user_id=user.pk).select_related("institution").first()
    return person.institution if person else None


def commitments_editable_by(user: AnyUser) -> QuerySet[Commitment]:
    """The commitments a user may update (milestones, reports, values, uploads)."""
    commitments = Commitment.objects.select_related("plan", "axis", "responsible")
    if not user.is_authenticated or not user.is_active:
        return commitments.none()
    if user_has_role(user, Role.FACILITATOR):
        return commitments.all()
    if not user_has_role(user, Role.AGENCY_CLERK):
        return commitments.none()
    institution = institution_of(user)
    if institution is None:
        return commitments.none()
    supported = Commitment.supporting.through.objects.filter(institution=institution).values(
        "commitment_id"
    )
    return commitments.filter(Q(responsible=institution) | Q(pk__in=supported))


def can_edit_commitment(user: AnyUser, commitment: Commitment) -> bool:
    return commitments_editable_by(user).filter(pk=commitment.pk).exists()


def commitment_for_editing(user: AnyUser, public_id: str) -> Commitment:
    """The commitment, if the user may edit it: ``DoesNotExist`` if there is none,
    ``PermissionDenied`` if it is someone else's."""
    commitment = Commitment.objects.select_related("plan", "axis", "responsible").get(
        public_id=public_id
    )
    if not can_edit_commitment(user, commitment):
        raise PermissionDenied
    return commitment


def editable_summaries(user: AnyUser) -> list[CommitmentSummary]:
    return _summaries(commitments_editable_by(user).order_by("plan", "kind", "number"))


def action_lines_of(commitment: Commitment) -> QuerySet[ActionLine]:
    return commitment.action_lines.prefetch_related(
        Prefetch("milestones", queryset=Milestone.objects.order_by("number"))
    ).order_by("number")


def reports_of(commitment: Commitment) -> QuerySet[ProgressReport]:
    return commitment.reports.select_related("session", "session__forum").prefetch_related(
        "evidence"
    )


def manual_indicators_of(commitment: Commitment) -> QuerySet[Indicator]:
    return commitment.indicators.filter(source=Indicator.Source.MANUAL)


def evidence_for_editor(user: AnyUser, public_id: str) -> Evidence:
    evidence = Evidence.objects.select_related("report__commitment").get(public_id=public_id)
    if not can_edit_commitment(user, evidence.report.commitment):
        raise PermissionDenied
    return evidence


# Uploads -------------------------------------------------------------------------------------


def indicator_by_code(code: str) -> Indicator | None:
    return Indicator.objects.select_related("commitment").filter(code=code.upper()).first()


def indicator_values_of(indicator: Indicator) -> QuerySet[IndicatorValue]:
    return indicator.values.select_related("municipality").order_by("-date", "municipality")
