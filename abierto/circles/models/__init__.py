"""The restorative circles: cohorts, participants, circles, instruments, published figures."""

from .cohorts import AssistanceItem, Attendance, Circle, Cohort, Organisation
from .figures import PublishedFigure
from .instruments import Application, Instrument, InstrumentItem
from .participants import PHASE_ORDER, AccessEvent, Milestone, Participant, Phase

__all__ = [
    "PHASE_ORDER",
    "AccessEvent",
    "Application",
    "AssistanceItem",
    "Attendance",
    "Circle",
    "Cohort",
    "Instrument",
    "InstrumentItem",
    "Milestone",
    "Organisation",
    "Participant",
    "Phase",
    "PublishedFigure",
]
