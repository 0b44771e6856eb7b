"""Read the text of an acta into the structured session that ``parse_acta`` prints.

``parse_acta_text`` never raises on odd input and always returns the complete
schema: what could not be read is null or empty and explained in ``warnings``,
so an import can show the facilitator what to fill in by hand. Each part is read
by its own module (session, attendance, agenda, agreements, calendar); a bug in
one of them costs that part and a warning, never the rest of the acta.
"""

import re
from collections.abc import Callable
from typing import Any, TypeVar

from .agenda import Agenda, read_agenda
from .agreements import Agreement, approved_minutes, read_agreements
from .attendance import Person, read_attendance
from .calendar import Scheduled, read_calendar
from .narrative import read_narratives
from .normalize import normalize_text
from .session import SessionInfo, read_session
from .signatures import block_start
from .text import fold

T = TypeVar("T")

_SIGNATURES_RE = re.compile(
    r"(?m)^[ \t]*(?:firmas|firmas\s+de\s+los\s+asistentes|rubricas)[ \t:]*$"
    r"|firmando\s+al\s+(?:calce|margen)|firman\s+al\s+(?:calce|margen)"
    r"|para\s+constancia\s*,?\s+firman|firman\s+(?:la\s+presente|los\s+que|quienes|las\s+personas)"
)
INTERNAL_ERROR = "No se pudo leer {part} por un error interno del lector; revíselo a mano."


def empty_result() -> dict[str, Any]:
    """The schema with nothing read."""
    return {
        "body": "",
        "session": {
            "number": None,
            "kind": None,
            "date": None,
            "start_time": None,
            "end_time": None,
            "modality": None,
            "place": None,
        },
        "convocation": None,
        "attendees": [],
        "agenda": [],
        "agreements": [],
        "scheduled_sessions": [],
        "warnings": [],
    }


def parse_acta_text(text: str) -> dict[str, Any]:
    """Parse the text of an acta into the ``parse_acta`` JSON schema."""
    result = empty_result()
    warnings: list[str] = result["warnings"]
    text = normalize_text(text)
    if not text:
        warnings.append("El texto del acta está vacío.")
        return result
    folded = fold(text)

    agenda = _guarded(warnings, "el orden del día", Agenda, lambda: read_agenda(text, folded))
    warnings += agenda.warnings
    # A gazette prints only the items it publishes: "4.- …", "5.- APROBACIÓN DEL …", "6.- …".
    titled = any(item.title for item in agenda.items)
    result["agenda"] = [
        {"number": item.number, "title": item.title, "presenter": item.presenter, "narrative": ""}
        for item in agenda.items
        if item.title or not titled
    ]

    opening_end = agenda.start if agenda.items else 0
    session = _guarded(
        warnings,
        "los datos de la sesión",
        SessionInfo,
        lambda: read_session(text, folded, opening_end),
    )
    warnings += session.warnings
    result["body"] = session.body
    result["session"] = {
        "number": session.number,
        "kind": session.kind,
        "date": session.date.isoformat() if session.date else None,
        "start_time": session.start_time.strftime("%H:%M") if session.start_time else None,
        "end_time": session.end_time.strftime("%H:%M") if session.end_time else None,
        "modality": session.modality,
        "place": session.place,
    }
    result["convocation"] = session.convocation

    signatures = _signatures_start(text, folded, agenda.end)
    # A block of names over offices in capitals may also be an attendance list written the same
    # way: attendance stops only at a signature cue, and roles_from_signatures reads the block.
    cue = _SIGNATURES_RE.search(folded, agenda.end)
    attendance_end = cue.end() if cue else len(folded)
    people = _guarded(
        warnings,
        "la asistencia",
        list[Person],
        lambda: read_attendance(text, folded, attendance_end, opening_end),
    )
    if not people:
        warnings.append("No se encontró la lista de asistencia.")
    result["attendees"] = [{"name": person.name, "role": person.role} for person in people]

    agreements = _guarded(
        warnings,
        "los acuerdos",
        list[Agreement],
        lambda: read_agreements(text, folded, agenda, signatures),
    )
    result["agreements"] = [
        {
            "code": item.code,
            "text": item.text,
            "vote": item.vote,
            "agenda_item": item.agenda_item,
            "approves_minutes_of": approved_minutes(item.text),
        }
        for item in agreements
    ]

    narratives = _guarded(
        warnings,
        "el desarrollo de los puntos",
        dict[int, str],
        lambda: read_narratives(text, folded, agenda, agreements, signatures),
    )
    for entry in result["agenda"]:
        entry["narrative"] = narratives.get(entry["number"], "")

    scheduled = _guarded(
        warnings,
        "el calendario",
        list[Scheduled],
        lambda: read_calendar(text, folded, session.date, signatures),
    )
    result["scheduled_sessions"] = [
        {"date": item.date.isoformat(), "title": item.title} for item in scheduled
    ]
    return result


def _guarded(warnings: list[str], part: str, default: Callable[[], T], read: Callable[[], T]) -> T:
    """Run one reader; if it fails, note it and go on with an empty ``default()``."""
    try:
        return read()
    except Exception:  # one reader's bug must not lose the rest of the acta
        warnings.append(INTERNAL_ERROR.format(part=part))
        return default()


def _signatures_start(text: str, folded: str, after: int) -> int:
    """Where the signatures start: after a cue ("Firmas", "firman al calce"), or where the
    block of names over their offices at the foot starts."""
    match = _SIGNATURES_RE.search(folded, after)
    cue = match.end() if match else len(folded)
    block = block_start(text, after)
    return min(cue, block) if block is not None else cue
