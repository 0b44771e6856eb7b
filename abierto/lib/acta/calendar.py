"""Sessions scheduled by the acta: an approved calendar, or the date of the next meeting.

A calendar is approved as a table (``Sesión | Fecha | Hora``) or in prose ("se
celebrarán el jueves 28 de octubre y el 9 de diciembre de 2021"), right after a
mention of "calendario" or of the next sessions. Only dates after the session
itself are kept, so the date of a law or a past session quoted nearby is not
taken for a scheduled one.
"""

import datetime
import re

from abierto.lib.spanish import ordinal_words_to_number

from .calendar_layouts import (
    SESSION_WORD_RE,
    Scheduled,
    cell_line_dates,
    date_of,
    dated_lines,
    has_date,
    is_cell,
    numbered_rows,
    pair_cells,
    table_dates,
)
from .text import clean_title, fold, matches_at_starts
from .when import find_day_months

__all__ = ["Scheduled", "has_date", "is_cell", "pair_cells", "read_calendar"]

_CUE_RE = re.compile(
    r"\bcalendario\b|\b(?:proxim[oa]s?|siguientes?)\s+(?:sesion(?:es)?|reunion(?:es)?)\b"
    r"|\bcelebrar\s+las\s+siguientes\b"
    # "Reunión el día 27 de agosto a las 2:30 pm, en …": a meeting fixed at a line's start.
    r"|(?m:^[ \t]*(?:[-•*][ \t]*)?(?:reunion|sesion)\s+(?:el|para\s+el)\s+dia\b)"
    # "Se acuerda reunirse nuevamente el día …", "quedando citados para el día …", "convocando a
    # la siguiente para el …", "Se convoca a los integrantes a la Segunda Sesión Ordinaria, que
    # tendrá verificativo el …": the next meeting fixed without "próxima sesión".
    r"|\breunir(?:se|nos)\s+(?:nuevamente|de\s+nuevo|el\s+(?:proximo|dia)\b)|"
    r"\bvolver\s+a\s+reunir(?:se|nos)\b"
    r"|\bquedando\s+(?:citad|convocad)[oa]s\b|\bconvocando\s+a\s+la\s+siguiente\b"
    r"|\bse\s+(?:convoca|cita|programa|programo|agenda|agendo)\s+(?:a\s+(?:los|las)\s+[a-z]+\s+)?"
    r"(?:a\s+)?la\s+[a-z]+\s+(?:sesion|reunion)\b"
)
# The words each cue starts with: the cue's branches are tried only where one stands (tried at
# every position of a 40 KB acta, the alternation took 7 ms of its parse).
_CUE_START_RE = re.compile(
    r"(?m:^(?=[ \t]*(?:[-•*][ \t]*)?(?:reunion|sesion)\b))"
    r"|\b(?=calendario|proxim|siguiente|celebrar|reunir|volver|quedando|convocando|se\s)"
)


def _cues(folded: str, end: int) -> list[re.Match[str]]:
    """The matches of ``_CUE_RE`` in ``folded[:end]``, without overlaps."""
    return matches_at_starts(_CUE_START_RE, _CUE_RE, folded, 0, end)


CALENDAR_SPAN = 300
_MEETING_LINE_RE = re.compile(
    r"[ \t]*(?:[-•*][ \t]*)?(?P<word>reunion|sesion)\s+(?:el|para\s+el)\s+dia\b"
)
_NEXT_RE = re.compile(r"\b(?:proxim[oa]|siguiente)\s+(?:sesion|reunion)\b")
_SESSION_PHRASE_RE = re.compile(
    # Each preceding word starts at a word's start: from every position inside a long word
    # the search took quadratic time.
    r"(?P<phrase>(?:(?<![\wºª°.])[\wºª°.]+\s+){0,2}"
    r"(?:sesion|reunion)(?:\s+(?:ordinaria|extraordinaria|solemne))?)"
)
_YEAR_RE = re.compile(r"\b(20\d\d|19\d\d)\b")


def read_calendar(
    text: str, folded: str, session_date: datetime.date | None, end: int
) -> list[Scheduled]:
    """Sessions scheduled in ``text[:end]``, in date order, once per date."""
    found: dict[datetime.date, Scheduled] = {}
    for cue in _cues(folded, end):
        if cue.group() == "calendario" and not _of_sessions(text, folded, cue.end(), end):
            continue
        paragraph_end = _paragraph_end(text, cue.end(), end)
        if _NEXT_RE.match(folded, cue.start()) and _is_heading(text, cue.start(), paragraph_end):
            # "DATOS DE LA SIGUIENTE REUNIÓN" heads lines such as "Fecha 9 de septiembre".
            paragraph_end = _lines_end(text, paragraph_end, end, lines=3)
        year_hint = _year_hint(folded, cue.start(), paragraph_end, session_date)
        default_title = _default_title(text, folded, cue)
        for item in _prose_dates(
            text, folded, cue.start(), paragraph_end, year_hint, default_title
        ):
            found.setdefault(item.date, item)
        for item in table_dates(text, folded, paragraph_end, end, year_hint, default_title):
            found.setdefault(item.date, item)
        for item in cell_line_dates(text, paragraph_end, end, year_hint, default_title):
            found.setdefault(item.date, item)
        for item in numbered_rows(text, folded, paragraph_end, end, year_hint):
            found.setdefault(item.date, item)
        for item in dated_lines(text, folded, paragraph_end, end, year_hint, default_title):
            found.setdefault(item.date, item)
    items = sorted(found.values(), key=lambda item: item.date)
    if session_date is not None:
        items = [item for item in items if item.date >= session_date]
    return items


def _of_sessions(text: str, folded: str, start: int, end: int) -> bool:
    """Whether a calendar names sessions before its first date ("calendario de sesiones",
    a "Sesión | Fecha" table), not steps of a process ("de entrevistas: 23 de septiembre")."""
    limit = min(end, start + CALENDAR_SPAN)
    dates = find_day_months(text[start:limit], folded[start:limit])
    first_date = start + dates[0].start if dates else limit
    return SESSION_WORD_RE.search(folded, start, first_date) is not None


def _is_heading(text: str, position: int, line_end: int) -> bool:
    line_start = text.rfind("\n", 0, position) + 1
    return len(text[line_start:line_end].split()) <= 8


def _lines_end(text: str, start: int, end: int, lines: int) -> int:
    position = start
    for _ in range(lines):
        following = text.find("\n", position + 1, end)
        if following == -1:
            return end
        position = following
    return position


def _paragraph_end(text: str, start: int, end: int) -> int:
    stop = text.find("\n", start, end)
    return end if stop == -1 else stop


def _year_hint(folded: str, start: int, end: int, session_date: datetime.date | None) -> int | None:
    """The calendar's year: written after the mention ("calendario … 2023"), else before it."""
    match = _YEAR_RE.search(folded, start, min(end, start + 400))
    if match is None:
        before = list(_YEAR_RE.finditer(folded, max(0, start - 120), start))
        match = before[-1] if before else None
    if match:
        return int(match.group(1))
    return session_date.year if session_date else None


def _default_title(text: str, folded: str, cue: re.Match[str]) -> str:
    meeting = _MEETING_LINE_RE.match(folded, cue.start())
    if meeting:
        return clean_title(text[meeting.start("word") : meeting.end("word")]).capitalize()
    if _NEXT_RE.match(folded, cue.start()):
        return clean_title(text[cue.start() : cue.end()]).capitalize()
    window = folded[cue.start() : cue.start() + 80]
    if "extraordinaria" in window:
        return "Sesión extraordinaria"
    if "ordinaria" in window:
        return "Sesión ordinaria"
    return "Sesión"


def _prose_dates(
    text: str, folded: str, start: int, end: int, year_hint: int | None, default_title: str
) -> list[Scheduled]:
    items: list[Scheduled] = []
    found = find_day_months(text[start:end], folded[start:end])
    # "el 28 de octubre y el 9 de diciembre de 2021": the year written last applies to all.
    trailing_year = next((item.value[2] for item in reversed(found) if item.value[2]), None)
    for item in found:
        day, month, year = item.value
        date = date_of(year or trailing_year or year_hint, month, day)
        if date is not None:
            items.append(
                Scheduled(date, _prose_title(text, folded, start + item.start, default_title))
            )
    return items


def _prose_title(text: str, folded: str, position: int, default_title: str) -> str:
    before = folded[max(0, position - 60) : position]
    matches = list(_SESSION_PHRASE_RE.finditer(before))
    match = matches[-1] if matches else None
    if match is not None:
        phrase_start = position - len(before) + match.start("phrase")
        phrase = clean_title(text[phrase_start : position - len(before) + match.end("phrase")])
        phrase = _ARTICLE_RE.sub("", phrase)  # "la Segunda Sesión Ordinaria"
        words = phrase.split()
        # "Segunda Sesión Ordinaria", not "IV. ACUERDOS Reunión": the ordinal numbers the session.
        if len(words) > 1 and _is_ordinal(words[0]) and fold(words[1]) in ("sesion", "reunion"):
            return phrase
    return default_title


_ARTICLE_RE = re.compile(r"^(?i:la|el|una|un)\s+")


def _is_ordinal(word: str) -> bool:
    try:
        ordinal_words_to_number(word.rstrip("."))
    except ValueError:
        return False
    return True
