"""Reads of the action plan, each with its access rule, and the figures computed from records.

Two rules live here and only here:

- **Progress** of a commitment (``commitment_progress``) is the weighted share of its
  milestones that are met: Σ weight of met milestones ÷ Σ weight of all milestones that are
  not cancelled * 100, rounded *down* to one decimal (so 100 % means every milestone is met).
  A met milestone counts fully, any other counts nothing; a cancelled one leaves the
  calculation. No milestones means 0 %. The completion level on the IRM scale follows from
  it (``completion_for``).
- **Who edits a commitment** (``commitments_editable_by``): the facilitation edits all of
  them; an agency clerk edits those whose responsible or supporting institution is the
  clerk's own (``user.person.institution``); nobody else edits any.

Coverage figures (municipalities visited, services delivered, people served) are counted from
the held caravan visits, never typed.

The package is split by concern (``progress``, ``editing``, ``public``, ``activities``,
``openness``, ``opendata``); every name is re-exported here, so callers import
``abierto.plan.selectors`` as before.
"""

from __future__ import annotations

from .activities import (
    Coverage,
    MunicipalityCoverage,
    activity_kinds,
    activity_list_public,
    activity_public,
    coverage,
)
from .editing import (
    action_lines_of,
    can_edit_commitment,
    commitment_for_editing,
    commitments_editable_by,
    editable_summaries,
    evidence_for_editor,
    indicator_by_code,
    indicator_values_of,
    institution_of,
    manual_indicators_of,
    reports_of,
)
from .opendata import (
    action_lines_ordered,
    opendata_activities,
    opendata_activity_services,
    opendata_commitments,
    opendata_coverage_by_municipality,
    opendata_indicator_values,
    opendata_milestones,
    search_activities,
    search_commitments,
)
from .openness import (
    DimensionSummary,
    OpennessSummary,
    openness_study_summary,
)
from .progress import (
    HUNDRED,
    ONE_DECIMAL,
    SUBSTANTIAL_FROM,
    CommitmentSummary,
    commitment_progress,
    commitment_summary,
    completion_for,
    progress_of,
)
from .public import (
    ActionLineDetail,
    AxisSummary,
    CommitmentDetail,
    IndicatorSummary,
    PlanOverview,
    SeriesPoint,
    commitment_detail_public,
    commitment_list_public,
    evidence_public,
    indicator_series,
    indicator_summary,
    plan_current,
    plan_overview,
)

__all__ = [
    "HUNDRED",
    "ONE_DECIMAL",
    "SUBSTANTIAL_FROM",
    "ActionLineDetail",
    "AxisSummary",
    "CommitmentDetail",
    "CommitmentSummary",
    "Coverage",
    "DimensionSummary",
    "IndicatorSummary",
    "MunicipalityCoverage",
    "OpennessSummary",
    "PlanOverview",
    "SeriesPoint",
    "action_lines_of",
    "action_lines_ordered",
    "activity_kinds",
    "activity_list_public",
    "activity_public",
    "can_edit_commitment",
    "commitment_detail_public",
    "commitment_for_editing",
    "commitment_list_public",
    "commitment_progress",
    "commitment_summary",
    "commitments_editable_by",
    "completion_for",
    "coverage",
    "editable_summaries",
    "evidence_for_editor",
    "evidence_public",
    "indicator_by_code",
    "indicator_series",
    "indicator_summary",
    "indicator_values_of",
    "institution_of",
    "manual_indicators_of",
    "opendata_activities",
    "opendata_activity_services",
    "opendata_commitments",
    "opendata_coverage_by_municipality",
    "opendata_indicator_values",
    "opendata_milestones",
    "openness_study_summary",
    "plan_current",
    "plan_overview",
    "progress_of",
    "reports_of",
    "search_activities",
    "search_commitments",
]
