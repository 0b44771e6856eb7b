"""Retention: a cohort's participants' records are deleted ``CIRCLES_RETENTION_DAYS`` after
the cohort ends. What stays: the cohort itself, its circles (sessions, without attendance),
the audit rows and the access log (which names only pseudonyms that no longer lead to anyone).
The published figures are recomputed at once, so the deleted people leave them too."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import transaction

from abierto.directory.services import audit_record

from .figures import figures_publish
from .models import Application, Attendance, Cohort, Milestone, Participant

if TYPE_CHECKING:
    from django.contrib.auth.models import User


@dataclass
class RetentionReport:
    cohorts: list[str] = field(default_factory=list)
    participants: int = 0
    milestones: int = 0
    attendance: int = 0
    applications: int = 0

    def lines(self) -> list[str]:
        return [
            f"Generaciones vencidas: {len(self.cohorts)}",
            *(f"  {name}" for name in self.cohorts),
            f"Personas participantes suprimidas: {self.participants}",
            f"Hitos suprimidos: {self.milestones}",
            f"Asistencias suprimidas: {self.attendance}",
            f"Aplicaciones de instrumentos suprimidas: {self.applications}",
        ]


def cohorts_due(today: datetime.date) -> list[Cohort]:
    limit = today - datetime.timedelta(days=settings.CIRCLES_RETENTION_DAYS)
    return list(
        Cohort.objects.filter(retained_until__isnull=True, end_date__isnull=False)
        .filter(end_date__lt=limit)
        .order_by("end_date", "pk")
    )


def retention_apply(
    *, actor: User | None, today: datetime.date, dry_run: bool = False
) -> RetentionReport:
    """Delete the participants' records of every cohort past its retention period, one
    transaction per cohort, each with its audit row (the counts)."""
    report = RetentionReport()
    for cohort in cohorts_due(today):
        with transaction.atomic():
            participants = Participant.objects.filter(cohort=cohort)
            counts = {
                "participants": participants.count(),
                "milestones": Milestone.objects.filter(participant__cohort=cohort).count(),
                "attendance": Attendance.objects.filter(participant__cohort=cohort).count(),
                "applications": Application.objects.filter(participant__cohort=cohort).count(),
            }
            report.cohorts.append(str(cohort))
            report.participants += counts["participants"]
            report.milestones += counts["milestones"]
            report.attendance += counts["attendance"]
            report.applications += counts["applications"]
            if dry_run:
                continue
            participants.delete()  # milestones, attendance and applications cascade
            cohort.retained_until = today
            cohort.save(update_fields=["retained_until", "updated_at"])
            audit_record(
                actor=actor,
                action="circles.retention.applied",
                target=cohort,
                changes={**counts, "retention_days": settings.CIRCLES_RETENTION_DAYS},
            )
    if report.cohorts and not dry_run:
        figures_publish(actor=actor)
    return report
