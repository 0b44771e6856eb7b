"""The plan's commitments, lines of action, milestones, progress reports and indicators."""

from __future__ import annotations

from decimal import Decimal

from abierto.directory.models import Institution
from abierto.forum.models import Session

from .. import services
from ..models import (
    ActionLine,
    ActionPlan,
    Commitment,
    Indicator,
    Milestone,
    ProgressReport,
    ThematicAxis,
)
from .data import COMMITMENTS, DESCRIPTIONS, INDICATORS, REPORTS, SESSION_15_DATE, SYSTEM


def _commitments(
    plan: ActionPlan, axes: dict[int, ThematicAxis], institutions: dict[str, Institution]
) -> dict[tuple[str, int], Commitment]:
    result = {}
    for kind, number, axis, title, responsible, supporting, ogp, end, lines in COMMITMENTS:
        problem, objective = DESCRIPTIONS[(kind, number)]
        commitment, created = Commitment.objects.get_or_create(
            plan=plan,
            kind=kind,
            number=number,
            defaults={
                "axis": axes[axis],
                "title": title,
                "public_problem": problem,
                "objective": objective,
                "responsible": institutions[responsible],
                "ogp_access_to_information": ogp[0],
                "ogp_civic_participation": ogp[1],
                "ogp_public_accountability": ogp[2],
                "ogp_technology": ogp[3],
                "end_date": end,
            },
        )
        if created:
            commitment.supporting.set([institutions[a] for a in supporting])
        elif not commitment.public_problem and not commitment.objective:
            # A database loaded before the descriptions existed gets them; an edited one keeps
            # its own text.
            commitment.public_problem, commitment.objective = problem, objective
            commitment.save(update_fields=["public_problem", "objective", "updated_at"])
        result[(kind, number)] = commitment
        for line_number, (line_title, milestones) in enumerate(lines, start=1):
            line = ActionLine.objects.filter(commitment=commitment, number=line_number).first()
            if line is None:
                line = services.action_line_create(
                    actor=SYSTEM, commitment=commitment, title=line_title
                )
            for m_number, (m_title, weight, due, (status, met_on)) in enumerate(
                milestones, start=1
            ):
                if Milestone.objects.filter(action_line=line, number=m_number).exists():
                    continue
                milestone = services.milestone_create(
                    actor=SYSTEM, action_line=line, title=m_title, weight=weight, due_date=due
                )
                services.milestone_set_status(
                    actor=SYSTEM, milestone=milestone, status=status, met_on=met_on
                )
    return result


def _reports(commitments: dict[tuple[str, int], Commitment], session: Session | None) -> None:
    day = session.date if session else SESSION_15_DATE
    for key, text in REPORTS.items():
        commitment = commitments[key]
        if ProgressReport.objects.filter(commitment=commitment, date=day).exists():
            continue
        services.progress_report_create(
            actor=SYSTEM, commitment=commitment, date=day, text=text, session=session
        )


def _indicators(commitments: dict[tuple[str, int], Commitment]) -> None:
    for order, (key, code, name, unit, source, target, target_date, value) in enumerate(INDICATORS):
        indicator, _created = Indicator.objects.get_or_create(
            code=code,
            defaults={
                "commitment": commitments[key],
                "name": name,
                "unit": unit,
                "source": source,
                "baseline": Decimal(0),
                "target": target,
                "target_date": target_date,
                "order": order,
            },
        )
        if value is not None:
            services.indicator_value_record(
                actor=SYSTEM,
                indicator=indicator,
                date=SESSION_15_DATE,
                value=value,
                note="Reportado en la Décimo Quinta Sesión Ordinaria del STL.",
            )
