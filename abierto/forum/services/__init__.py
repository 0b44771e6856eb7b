"""Every write of the forum: one transaction each, with its audit row."""

from .agenda import agenda_item_add, agenda_item_move, agenda_item_remove, agenda_item_update
from .agreements import agreement_create, agreement_follow_up
from .calendar import calendar_approve
from .errors import ForumError
from .forums import forum_create_municipal, forum_role_grant, installation_update
from .imports import ActaUpload, acta_import_commit, acta_import_discard, acta_read, acta_upload
from .materials import material_add, material_remove, session_recording_set
from .minutes import minutes_approve, minutes_generate, minutes_publish, minutes_update
from .observations import observation_add, observation_attend
from .roll_call import RollCallEntry, guest_add, roll_call_record
from .sessions import (
    session_cancel,
    session_close,
    session_convene,
    session_create,
    session_open,
    session_record_held,
    session_update,
)
from .votes import vote_record

__all__ = [
    "ActaUpload",
    "ForumError",
    "RollCallEntry",
    "acta_import_commit",
    "acta_import_discard",
    "acta_read",
    "acta_upload",
    "agenda_item_add",
    "agenda_item_move",
    "agenda_item_remove",
    "agenda_item_update",
    "agreement_create",
    "agreement_follow_up",
    "calendar_approve",
    "forum_create_municipal",
    "forum_role_grant",
    "guest_add",
    "installation_update",
    "material_add",
    "material_remove",
    "minutes_approve",
    "minutes_generate",
    "minutes_publish",
    "minutes_update",
    "observation_add",
    "observation_attend",
    "roll_call_record",
    "session_cancel",
    "session_close",
    "session_convene",
    "session_create",
    "session_open",
    "session_record_held",
    "session_recording_set",
    "session_update",
    "vote_record",
]
