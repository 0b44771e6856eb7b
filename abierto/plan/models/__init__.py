"""The Local Action Plan: commitments, milestones, indicators, activities and caravans."""

from .activities import Activity, ActivityKind, ActivityService, ServiceType
from .commitments import (
    OGP_VALUE_FIELDS,
    ActionLine,
    ActionPlan,
    Commitment,
    Completion,
    Milestone,
    ThematicAxis,
)
from .indicators import Indicator, IndicatorValue
from .openness import (
    CitizenContribution,
    DimensionAnswer,
    OpennessDimension,
    OpennessQuestionnaire,
    OpennessStudy,
)
from .reports import Evidence, ProgressReport
from .uploads import Upload, UploadKind

__all__ = [
    "OGP_VALUE_FIELDS",
    "ActionLine",
    "ActionPlan",
    "Activity",
    "ActivityKind",
    "ActivityService",
    "CitizenContribution",
    "Commitment",
    "Completion",
    "DimensionAnswer",
    "Evidence",
    "Indicator",
    "IndicatorValue",
    "Milestone",
    "OpennessDimension",
    "OpennessQuestionnaire",
    "OpennessStudy",
    "ProgressReport",
    "ServiceType",
    "ThematicAxis",
    "Upload",
    "UploadKind",
]
