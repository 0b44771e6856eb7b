"""Offices written before titled names: "…: Presidente Municipal, M.B.A. Ulises Mejía Haro,
Síndica Municipal, T.A.E. Ruth Calderón Babún, Dra. Fátima …", "El C. Secretario de Gobierno
Municipal, Dr. Juan …". Read for ``roster.from_officers``.
"""

import re

from .name_words import ROLE_WORDS
from .people import Person
from .text import clean_title, fold


def offices_before_names(text: str, titled: list[tuple[Person, str | None, int, int]]) -> None:
    """ "…: Presidente Municipal, M.B.A. Ulises Mejía Haro, Síndica Municipal, T.A.E. Ruth
    Calderón Babún, Dra. Fátima …": in a run of titled names joined by commas whose first
    has an office before it, each office is the one before the name, not the one after."""
    run_starts_with_office = False
    previous_end = -1
    for person, before, start, end in titled:
        joined = previous_end >= 0 and not _RUN_BREAK_RE.search(text, previous_end, start)
        if not joined:
            # "…, Ana Ruiz, Presidenta, C. Luis Gil": after a comma the office may close the
            # name before, untitled; a run opens with an office only after a clause's start.
            run_starts_with_office = before is not None and _opens_clause(text, start)
        if run_starts_with_office:
            person.role = before
        previous_end = end


_RUN_BREAK_RE = re.compile(r"[.;:\n](?=\s)")
# The office before a titled name: "…, Síndica Municipal, T.A.E. Ruth …", "El C. Secretario
# de Gobierno Municipal, Dr. Juan …".
_OFFICE_BEFORE_RE = re.compile(
    r"(?:^|[,;:\n\"\u201c]|(?<=\S)\.)\s*(?:(?:El|La)\s+)?(?:C\.\s+)?"
    r"(?P<office>[A-ZÁÉÍÓÚÑ][^,;:.\n\"\u201c]{2,80}?)\s*,\s*$"
)


def role_before(text: str, start: int) -> str | None:
    match = _OFFICE_BEFORE_RE.search(text, max(0, start - 100), start)
    if match is None or fold(match["office"]).split()[0] not in ROLE_WORDS:
        return None
    return clean_title(match["office"])


_CLAUSE_OFFICE_RE = re.compile(
    r"(?:^|[;:\n\"\u201c]|(?<=\S)\.)\s*(?:(?:El|La)\s+)?(?:C\.\s+)?"
    r"[A-ZÁÉÍÓÚÑ][^,;:.\n\"\u201c]{2,80}?\s*,\s*$"
)


def _opens_clause(text: str, start: int) -> bool:
    return _CLAUSE_OFFICE_RE.search(text, max(0, start - 100), start) is not None
