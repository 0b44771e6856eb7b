"""Progress of a commitment, weighted by its milestones, and its level on the IRM scale."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal

from django.utils import timezone

from ..models import (
    Commitment,
    Completion,
    Milestone,
)

HUNDRED = Decimal(100)
ONE_DECIMAL = Decimal("0.1")
SUBSTANTIAL_FROM = Decimal(50)


# Progress ------------------------------------------------------------------------------------


def progress_of(milestones: Iterable[tuple[str, int]]) -> Decimal:
    """The weighted progress of ``(status, weight)`` pairs, by the rule in the module doc."""
    met = total = 0
    for status, weight in milestones:
        if status == Milestone.Status.CANCELLED:
            continue
        total += weight
        if status == Milestone.Status.MET:
            met += weight
    if total == 0:
        return Decimal("0.0")
    return (Decimal(met) * HUNDRED / Decimal(total)).quantize(ONE_DECIMAL, rounding=ROUND_DOWN)


def commitment_progress(commitment: Commitment) -> Decimal:
    """Progress in % (0.0 to 100.0) of a commitment, weighted by its milestones' weights."""
    pairs = Milestone.objects.filter(action_line__commitment=commitment).values_list(
        "status", "weight"
    )
    return progress_of(pairs)


def completion_for(progress: Decimal, *, started: bool) -> Completion:
    """IRM level: not started (nothing met nor under way), limited (< 50 %), substantial
    (50 % up to, not including, 100 %), complete (100 %)."""
    if progress >= HUNDRED:
        return Completion.COMPLETE
    if progress >= SUBSTANTIAL_FROM:
        return Completion.SUBSTANTIAL
    if progress > 0 or started:
        return Completion.LIMITED
    return Completion.NOT_STARTED


@dataclass(frozen=True)
class CommitmentSummary:
    commitment: Commitment
    progress: Decimal
    completion: Completion
    milestones_total: int
    milestones_met: int
    next_milestone: Milestone | None
    overdue: int

    @property
    def completion_label(self) -> str:
        return str(self.completion.label)


def _summaries(
    commitments: Iterable[Commitment], today: datetime.date | None = None
) -> list[CommitmentSummary]:
    commitments = list(commitments)
    today = today or timezone.localdate()
    by_commitment: dict[int, list[Milestone]] = defaultdict(list)
    milestones = (
        Milestone.objects.filter(action_line__commitment__in=[c.pk for c in commitments])
        .select_related("action_line")
        .order_by("due_date", "action_line__number", "number")
    )
    for milestone in milestones:
        by_commitment[milestone.action_line.commitment_id].append(milestone)
    summaries = []
    for commitment in commitments:
        own = by_commitment[commitment.pk]
        progress = progress_of((m.status, m.weight) for m in own)
        open_ones = [m for m in own if m.is_open]
        started = any(m.status != Milestone.Status.PENDING for m in own)
        summaries.append(
            CommitmentSummary(
                commitment=commitment,
                progress=progress,
                completion=completion_for(progress, started=started),
                milestones_total=sum(1 for m in own if m.status != Milestone.Status.CANCELLED),
                milestones_met=sum(1 for m in own if m.status == Milestone.Status.MET),
                next_milestone=next((m for m in open_ones if m.due_date), None)
                or (open_ones[0] if open_ones else None),
                overdue=sum(1 for m in open_ones if m.is_overdue(today)),
            )
        )
    return summaries


def commitment_summary(commitment: Commitment) -> CommitmentSummary:
    return _summaries([commitment])[0]
