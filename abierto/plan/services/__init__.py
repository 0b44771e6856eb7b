"""Every write of the action plan: one transaction each, with its audit row."""

from .activities import activity_create, activity_set_status
from .errors import PlanError
from .indicators import indicator_value_record
from .milestones import action_line_create, milestone_create, milestone_set_status
from .openness import contribution_record, questionnaire_record
from .reports import EvidenceInput, evidence_add, progress_report_create
from .uploads import UploadCheck, upload_apply, upload_check

__all__ = [
    "EvidenceInput",
    "PlanError",
    "UploadCheck",
    "action_line_create",
    "activity_create",
    "activity_set_status",
    "contribution_record",
    "evidence_add",
    "indicator_value_record",
    "milestone_create",
    "milestone_set_status",
    "progress_report_create",
    "questionnaire_record",
    "upload_apply",
    "upload_check",
]
