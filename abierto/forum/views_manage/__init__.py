"""The facilitator's pages: prepare, convene and run sessions, write and approve minutes.

Every POST calls one service. A refused operation (ForumError) is shown on the same page
with status 400 and nothing changed; htmx requests get only the fragment they replace.
"""

from .live import (
    live_calendar,
    live_follow_up,
    live_guest,
    live_minutes_approval,
    live_narrative,
    live_roll_call,
    live_time,
    live_vote,
    session_live,
)
from .minutes import convocation_letter, member_home, minutes_action, minutes_edit
from .sessions import (
    agenda_action,
    agenda_add,
    agenda_edit,
    session_cancel,
    session_convene,
    session_create,
    session_edit,
    session_list,
    session_manage,
    session_next_number,
)

__all__ = [
    "agenda_action",
    "agenda_add",
    "agenda_edit",
    "convocation_letter",
    "live_calendar",
    "live_follow_up",
    "live_guest",
    "live_minutes_approval",
    "live_narrative",
    "live_roll_call",
    "live_time",
    "live_vote",
    "member_home",
    "minutes_action",
    "minutes_edit",
    "session_cancel",
    "session_convene",
    "session_create",
    "session_edit",
    "session_list",
    "session_live",
    "session_manage",
    "session_next_number",
]
