"""The headings of an agenda: the "ORDEN DEL DÍA" (or "Temas:") that announces it, unless it
is the next meeting's; and where the minutes take up an item under its own title, written
again as a heading without its number ("NOMBRAMIENTO DEL RESPONSABLE DEL MÓDULO DE
ACCESO........" over the paragraph that settles it). Split from ``agenda``, whose
``item_positions`` also reads the items' numbers and the "punto N" mentions.
"""

import heapq
import re
from collections.abc import Iterable, Iterator

from .text import fold

_HEADING_RE = re.compile(
    r"\b(?:orden\s+del\s+dia|(?:puntos|asuntos|temas)\s+a\s+(?:tratar|desahogar)|"
    # "ORDEN DE LOS TRABAJOS", "Se propuso la siguiente agenda:"
    r"orden\s+de\s+los\s+trabajos|agenda\s+de\s+(?:la\s+sesion|trabajo)|siguiente\s+agenda)\b"
)
# A working minute's "Temas:", "Temas tratados:", "Agenda:" alone on its line (the newline
# first: a pattern that opens with a literal is searched for fast).
_LINE_HEADING_RE = re.compile(
    r"\n(?:temas(?:\s+tratados|\s+a\s+tratar)?|asuntos\s+tratados|agenda)[ \t]*:?[ \t]*(?=\n)"
)


def agenda_headings(folded: str) -> Iterator[re.Match[str]]:
    """The agenda's possible headings, in order, found as they are asked for (the first one
    followed by a list is the agenda's, most often near the top)."""
    return heapq.merge(
        _HEADING_RE.finditer(folded),
        _LINE_HEADING_RE.finditer(folded),
        key=lambda match: match.start(),
    )


# "IV. ACUERDOS / Reunión el día 6 de mayo a las 13:30. Lugar: … Orden del día 1. …": the agenda
# of the next meeting, agreed under the agreements, is not this session's.
_AGREEMENTS_HEADING_RE = re.compile(r"(?m)^[ \t]*(?:\S{1,4}[ \t]+)?acuerdos[ \t]*:?[ \t]*$")
_MEETING_ANNOUNCED_RE = re.compile(
    r"\b(?:(?:proxim[oa]|siguiente)\s+(?:sesion|reunion)|(?:sesion|reunion)\s+(?:el|para\s+el)\s+dia)\b"
)


def next_meeting_agenda(folded: str, heading: int) -> bool:
    window = folded[max(0, heading - 400) : heading]
    section = list(_AGREEMENTS_HEADING_RE.finditer(window))
    return bool(section) and _MEETING_ANNOUNCED_RE.search(window, section[-1].end()) is not None


# A title shorter than this is too common to say which item it is ("Asuntos generales" is
# found by its number, or not at all).
MIN_TITLE_CHARS = 24
# How much of a title must stand at the heading's line start: a heading may be cut or wrap.
TITLE_PREFIX_CHARS = 40


def title_positions(
    folded: str, titles: Iterable[tuple[int, str]], start: int, end: int
) -> list[tuple[int, int]]:
    """``(position, number)`` for each item whose title opens a line of ``folded[start:end]``."""
    found: list[tuple[int, int]] = []
    for number, title in titles:
        words = fold(title).split()
        prefix = ""
        for word in words:
            prefix = f"{prefix} {word}".strip()
            if len(prefix) >= TITLE_PREFIX_CHARS:
                break
        if len(prefix) < MIN_TITLE_CHARS:
            continue
        pattern = r"(?m)^[ \t]*" + r"\s+".join(re.escape(word) for word in prefix.split())
        match = re.compile(pattern).search(folded, start, end)
        if match is not None:
            found.append((match.start(), number))
    return found
