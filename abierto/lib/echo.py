"""Bounds on what an error message repeats of what a client sent.

An error that quotes the offending value helps the client find it, but a megabyte field
should not come back whole (nor fill the logs): a quoted value is cut to ``ECHO_MAX_CHARS``.
"""

from __future__ import annotations

import re

ECHO_MAX_CHARS = 40
_QUOTED = re.compile(r"""'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*\"""", re.DOTALL)


def clip(text: str, limit: int = ECHO_MAX_CHARS) -> str:
    """``text`` if it is short, else its first ``limit`` characters and an ellipsis."""
    return text if len(text) <= limit else text[:limit] + "…"


def clip_quoted(message: str, limit: int = ECHO_MAX_CHARS) -> str:
    """Cut every quoted value in ``message`` (as ``repr`` or JSON quote them) to ``limit``
    characters, then the whole message to a few times that."""

    def cut(match: re.Match[str]) -> str:
        quoted = match.group(0)
        if len(quoted) <= limit + 2:
            return quoted
        return quoted[: limit + 1] + "…" + quoted[-1]

    return clip(_QUOTED.sub(cut, message), limit * 6)
