"""The one error the meeting-record parsers raise: its message is for the facilitator."""

from __future__ import annotations


class MeetingRecordError(ValueError):
    """A participants report or transcript that cannot be read; ``message`` is in Spanish."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
