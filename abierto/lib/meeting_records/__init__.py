"""Pure readers of a meeting's own records: the participants report (CSV) and the
transcript (WebVTT), and the name matching both need."""

from .clock import parse_datetime
from .errors import MeetingRecordError
from .names import best_match, fold, name_tokens, same_person, strip_role_tag
from .participants import (
    Connection,
    Participant,
    ParticipantsReport,
    merge,
    parse_participants,
)
from .webvtt import Cue, format_offset, parse_webvtt, recording_start

__all__ = [
    "Connection",
    "Cue",
    "MeetingRecordError",
    "Participant",
    "ParticipantsReport",
    "best_match",
    "fold",
    "format_offset",
    "merge",
    "name_tokens",
    "parse_datetime",
    "parse_participants",
    "parse_webvtt",
    "recording_start",
    "same_person",
    "strip_role_tag",
]
