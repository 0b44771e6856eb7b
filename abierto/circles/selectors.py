"""Every read of the circles, each with its permission check; every read of a participant's
record writes an access-log row (who, when, what) in the same transaction."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from . import sealing
from .access import is_assigned, require_assigned, require_mediation_staff
from .figures import published as published  # re-exported: the public figures
from .models import (
    PHASE_ORDER,
    AccessEvent,
    Application,
    Circle,
    Cohort,
    Instrument,
    Milestone,
    Participant,
    Phase,
)

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser, User

    AnyUser = User | AnonymousUser


def cohorts_for(user: AnyUser) -> QuerySet[Cohort]:
    """The cohorts a mediation staff member is assigned to."""
    require_mediation_staff(user)
    return Cohort.objects.filter(staff=user.pk).select_related("institution")


def cohort_for_staff(user: AnyUser, public_id: str) -> Cohort:
    try:
        cohort = Cohort.objects.select_related("institution").get(public_id=public_id)
    except Cohort.DoesNotExist:
        # Who may not see the cohort learns nothing of its existence.
        require_mediation_staff(user)
        raise Http404 from None
    require_assigned(user, cohort)
    return cohort


def current_phase(participant: Participant) -> str:
    reached = [PHASE_ORDER.index(m.phase) for m in participant.milestones.all()]
    return PHASE_ORDER[max(reached)] if reached else ""


@dataclass(frozen=True)
class ParticipantRow:
    """A line of the cohort's list: the pseudonym, never the name."""

    participant: Participant
    phase_label: str
    circles: int


def participant_rows(user: AnyUser, cohort: Cohort) -> list[ParticipantRow]:
    require_assigned(user, cohort)
    participants = cohort.participants.prefetch_related("milestones", "attendance")
    labels = dict(Phase.choices)
    rows = []
    for participant in participants:
        if participant.withdrawn:
            rows.append(ParticipantRow(participant, "", 0))
            continue
        phase = current_phase(participant)
        rows.append(
            ParticipantRow(
                participant, str(labels.get(phase, "")), len(participant.attendance.all())
            )
        )
    return rows


def participants_for_attendance(user: AnyUser, cohort: Cohort) -> QuerySet[Participant]:
    """Who may attend a circle: accepted and not withdrawn."""
    require_assigned(user, cohort)
    return cohort.participants.filter(
        status=Participant.Status.ACTIVE, accepted_on__isnull=False
    ).order_by("pseudonym")


def participant_for_staff(user: AnyUser, public_id: str) -> Participant:
    """The participant, for a write by the assigned staff (no record is read)."""
    try:
        participant = Participant.objects.select_related("cohort").get(public_id=public_id)
    except Participant.DoesNotExist:
        require_mediation_staff(user)
        raise Http404 from None
    require_assigned(user, participant.cohort)
    return participant


@dataclass(frozen=True)
class ScorePoint:
    date: datetime.date
    mean: float
    scores: dict[str, int]


@dataclass(frozen=True)
class ParticipantRecord:
    participant: Participant
    name: str = ""
    birth_date: datetime.date | None = None
    age: int | None = None
    milestones: list[Milestone] = field(default_factory=list)
    circles: list[Circle] = field(default_factory=list)
    scores: dict[Instrument, list[ScorePoint]] = field(default_factory=dict)


def _log(user: User, participant: Participant, action: str) -> None:
    AccessEvent.objects.create(
        cohort=participant.cohort,
        participant=participant,
        pseudonym=participant.pseudonym,
        user=user,
        action=action,
    )


def _user(user: AnyUser) -> User:
    from django.contrib.auth.models import User as UserModel

    if not isinstance(user, UserModel):
        raise PermissionDenied
    return user


@transaction.atomic
def participant_record(user: AnyUser, public_id: str) -> ParticipantRecord:
    """One participant's follow-up record, logged. Of a withdrawn participant only the
    withdrawal is returned: nothing else of theirs is shown any more."""
    participant = participant_for_staff(user, public_id)
    _log(_user(user), participant, AccessEvent.Action.VIEW)
    if participant.withdrawn:
        return ParticipantRecord(participant)
    identity = sealing.unseal_identity(participant.public_id, participant.identity_sealed)
    scores: dict[Instrument, list[ScorePoint]] = {}
    applications = Application.objects.filter(participant=participant).select_related("instrument")
    for application in applications.order_by("date", "pk"):
        answers = sealing.unseal_json(participant.public_id, "scores", application.scores_sealed)
        mean = sum(answers.values()) / len(answers)
        scores.setdefault(application.instrument, []).append(
            ScorePoint(application.date, mean, answers)
        )
    return ParticipantRecord(
        participant,
        name=identity.name,
        birth_date=identity.birth_date,
        age=identity.age_on(timezone.localdate()),
        milestones=sorted(participant.milestones.all(), key=lambda m: PHASE_ORDER.index(m.phase)),
        circles=list(Circle.objects.filter(attendance__participant=participant).order_by("date")),
        scores=scores,
    )


@transaction.atomic
def participant_document(user: AnyUser, public_id: str, which: str) -> sealing.Document:
    """A consent document ("consent" or "guardian"), logged; 404 when there is none or the
    participant withdrew."""
    participant = participant_for_staff(user, public_id)
    sealed = {
        "consent": participant.consent_sealed,
        "guardian": participant.guardian_consent_sealed,
    }.get(which)
    if sealed is None or participant.withdrawn:
        raise Http404
    action = {
        "consent": AccessEvent.Action.CONSENT_DOCUMENT,
        "guardian": AccessEvent.Action.GUARDIAN_DOCUMENT,
    }[which]
    _log(_user(user), participant, action)
    return sealing.unseal_document(participant.public_id, which, sealed)


def access_log(user: AnyUser, cohort: Cohort) -> QuerySet[AccessEvent]:
    """Who read which participant's record, and when: for the cohort's staff."""
    require_assigned(user, cohort)
    return cohort.access_events.select_related("user")


def instruments() -> QuerySet[Instrument]:
    return Instrument.objects.prefetch_related("items")


def may_see(user: AnyUser, cohort: Cohort) -> bool:
    return is_assigned(user, cohort)
