"""Lines of action and milestones: the only inputs of a commitment's progress."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import ActionLine, Commitment, Milestone
from ._audit import audit_record, changes_between
from .errors import PlanError

if TYPE_CHECKING:
    from django.contrib.auth.models import User


@transaction.atomic
def action_line_create(
    *, actor: User | None, commitment: Commitment, title: str, description: str = ""
) -> ActionLine:
    """Add a line of action (or phase) with the next number of its commitment."""
    Commitment.objects.select_for_update().get(pk=commitment.pk)
    number = (commitment.action_lines.aggregate(n=Max("number"))["n"] or 0) + 1
    line = ActionLine(
        commitment=commitment, number=number, title=title.strip(), description=description.strip()
    )
    line.full_clean()
    line.save()
    audit_record(
        actor=actor,
        action="action_line.created",
        target=line,
        changes={"commitment": commitment.code, "number": number, "title": line.title},
    )
    return line


@transaction.atomic
def milestone_create(
    *,
    actor: User | None,
    action_line: ActionLine,
    title: str,
    weight: int = 1,
    due_date: datetime.date | None = None,
) -> Milestone:
    """Add a pending milestone with the next number of its line of action."""
    ActionLine.objects.select_for_update().get(pk=action_line.pk)
    number = (action_line.milestones.aggregate(n=Max("number"))["n"] or 0) + 1
    milestone = Milestone(
        action_line=action_line,
        number=number,
        title=title.strip(),
        weight=weight,
        due_date=due_date,
        status=Milestone.Status.PENDING,
    )
    milestone.full_clean()
    milestone.save()
    audit_record(
        actor=actor,
        action="milestone.created",
        target=milestone,
        changes={"code": milestone.code, "title": milestone.title, "weight": weight},
    )
    return milestone


def check_status(
    status: str, met_on: datetime.date | None, *, today: datetime.date | None = None
) -> str | None:
    """Why a status and date of fulfilment do not go together, or None if they do."""
    today = today or timezone.localdate()
    if status not in Milestone.Status.values:
        return _("Estado desconocido.")
    if status == Milestone.Status.MET and met_on is None:
        return _("Un hito cumplido necesita su fecha de cumplimiento.")
    if status != Milestone.Status.MET and met_on is not None:
        return _("Solo los hitos cumplidos llevan fecha de cumplimiento.")
    if met_on is not None and met_on > today:
        return _("La fecha de cumplimiento no puede ser posterior a hoy.")
    return None


def set_status(
    *, actor: User | None, milestone: Milestone, status: str, met_on: datetime.date | None
) -> bool:
    """Change a milestone's status inside the caller's transaction; True if it changed."""
    problem = check_status(status, met_on)
    if problem:
        raise PlanError(problem)
    before = {"status": milestone.status, "met_on": milestone.met_on}
    after = {"status": status, "met_on": met_on}
    changes = changes_between(before, after)
    if not changes:
        return False
    milestone.status = status
    milestone.met_on = met_on
    milestone.save(update_fields=["status", "met_on", "updated_at"])
    audit_record(
        actor=actor,
        action="milestone.status_changed",
        target=milestone,
        changes={"code": milestone.code, **changes},
    )
    return True


@transaction.atomic
def milestone_set_status(
    *,
    actor: User | None,
    milestone: Milestone,
    status: str,
    met_on: datetime.date | None = None,
) -> Milestone:
    """Mark a milestone met (with its date), under way, pending or cancelled."""
    locked = (
        Milestone.objects.select_for_update()
        .select_related("action_line__commitment")
        .get(pk=milestone.pk)
    )
    set_status(actor=actor, milestone=locked, status=status, met_on=met_on)
    return locked
