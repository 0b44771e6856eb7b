"""The forum in the public API: sessions with their agenda, attendance, votes, agreements and
minutes, and the agreements with their follow-up.

A package split by concern (``params``, ``schemas``, ``routes``); the router and every schema
are re-exported here, so ``abierto.forum.api.<name>`` keeps working.
"""

from .params import (
    AGREEMENT_ID,
    SESSION_ID,
    AgreementStatusParam,
    ForumSlug,
    InstitutionId,
    Search,
    SessionId,
    SessionKind,
    SessionStatus,
    Year,
)
from .routes import get_agreement, get_session, list_agreements, list_sessions, router
from .schemas import (
    AgendaItemOut,
    AgreementBriefOut,
    AgreementDetailOut,
    AgreementOut,
    AttendanceOut,
    ConvocationOut,
    FollowUpOut,
    InstitutionOut,
    MinutesOut,
    QuorumOut,
    SessionDetailOut,
    SessionOut,
    SessionRefOut,
    VoteCountsOut,
    VoteOut,
)

__all__ = [
    "AGREEMENT_ID",
    "SESSION_ID",
    "AgendaItemOut",
    "AgreementBriefOut",
    "AgreementDetailOut",
    "AgreementOut",
    "AgreementStatusParam",
    "AttendanceOut",
    "ConvocationOut",
    "FollowUpOut",
    "ForumSlug",
    "InstitutionId",
    "InstitutionOut",
    "MinutesOut",
    "QuorumOut",
    "Search",
    "SessionDetailOut",
    "SessionId",
    "SessionKind",
    "SessionOut",
    "SessionRefOut",
    "SessionStatus",
    "VoteCountsOut",
    "VoteOut",
    "Year",
    "get_agreement",
    "get_session",
    "list_agreements",
    "list_sessions",
    "router",
]
