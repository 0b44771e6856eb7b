"""The forum's record: who sits, when it meets, what it decides and what its minutes say."""

from .body import Forum, ForumKind, ForumRole, QuorumRule, Seat, Sector
from .decisions import Agreement, AgreementFollowUp, AgreementStatus, Ballot, Vote
from .imports import ActaImport, ActaImportPage
from .installation import Installation, InstallationStatus
from .materials import MinutesObservation, SessionMaterial
from .meeting_records import MeetingRecord
from .meetings import AgendaItem, Attendance, Convocation, Session
from .minutes import Minutes

__all__ = [
    "ActaImport",
    "ActaImportPage",
    "AgendaItem",
    "Agreement",
    "AgreementFollowUp",
    "AgreementStatus",
    "Attendance",
    "Ballot",
    "Convocation",
    "Forum",
    "ForumKind",
    "ForumRole",
    "Installation",
    "InstallationStatus",
    "MeetingRecord",
    "Minutes",
    "MinutesObservation",
    "QuorumRule",
    "Seat",
    "Sector",
    "Session",
    "SessionMaterial",
    "Vote",
]
