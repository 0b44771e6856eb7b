"""When the session was held: its date, and the hours it began and ended, read in the opening.

A date or time cited by the opening (a convocation's, a decree's, the next session's) is not
the session's own; where the opening gives two hours, the one at which the session was
installed is when it began, and a header's hour alone on its line is only the hour convened.
"""

import datetime
import re
from typing import Any

from abierto.lib.spanish import WEEKDAYS

from .text import fold, sentences
from .when import Found, find_dates, find_times

# "Aprobada en la sesión 13.07, celebrada el 7 de noviembre": a dotted session number is no
# sentence end, so the cue reaches the date over it.
_REFERENCE_CUES_RE = re.compile(
    r"(?:convoca|oficio|publicad|aprobad|mediante|pasado|decreto|ley|acuerdo|reforma|"
    r"emitid|suscrit|recibid|vigente|celebrada el pasado)(?:[^.]|\.\d){0,80}$"
)
_SESSION_CUES_RE = re.compile(
    r"(?:siendo|a\s+las|horas|celebrada\s+el|fecha|del\s+dia|el\s+dia|hoy)[^.]{0,60}$"
)


def session_date(
    text: str, folded: str, opening_end: int, skip: list[tuple[int, int]]
) -> datetime.date | None:
    dates = [
        found
        for found in find_dates(text[:opening_end], folded[:opening_end])
        if not _inside(found, skip)
    ]
    if not dates:
        return None
    headed = _dated_heading(text, dates[0])
    if headed is not None:
        return headed
    for found in dates:
        before = folded[max(0, found.start - 90) : found.start]
        if _SESSION_CUES_RE.search(before) and not _REFERENCE_CUES_RE.search(before[-50:]):
            return found.value
    for found in dates:
        if not _REFERENCE_CUES_RE.search(folded[max(0, found.start - 60) : found.start]):
            return found.value
    return dates[0].value


MAX_HEADING_LINE = 3
_WEEKDAYS = frozenset(["", *(fold(day) for day in WEEKDAYS)])  # "" too: the date alone


def _dated_heading(text: str, found: Found[Any]) -> datetime.date | None:
    """ "19 De Septiembre De 2022" or "27 de mayo de 2025" alone on one of the first lines (a
    weekday allowed): the heading's date is the session's, whatever dates the opening cites
    after it. (Not a gazette's "22 DE SEPTIEMBRE DE 2008 NÚMERO EXTRAORDINARIO 693".)"""
    line_start = text.rfind("\n", 0, found.start) + 1
    line_end = text.find("\n", found.end)
    line_end = len(text) if line_end == -1 else line_end
    if text.count("\n", 0, line_start) >= MAX_HEADING_LINE:
        return None
    rest = fold(text[line_start : found.start] + text[found.end : line_end]).strip(" \t.,-")
    return found.value if rest in _WEEKDAYS else None


def _inside(found: Found[Any], spans: list[tuple[int, int]]) -> bool:
    return any(start <= found.start < end for start, end in spans)


_RANGE_JOIN_RE = re.compile(r"^\s*(?:a|al|-|y|hasta)\s+(?:las\s+)?$")


def start_time(
    text: str, folded: str, opening_end: int, skip: list[tuple[int, int]]
) -> tuple[datetime.time | None, datetime.time | None]:
    times = [
        found
        for found in find_times(text[:opening_end], folded[:opening_end])
        if not _inside(found, skip) and not _in_decision(text, folded, found.start)
    ]
    if not times:
        return None, None
    first = times[0]
    if len(times) > 1 and _RANGE_JOIN_RE.match(folded[first.end : times[1].start]):
        return first.value, times[1].value
    installed = next(
        (
            t
            for t in times[1:]
            if _INSTALLED_BEFORE_RE.search(folded, max(0, t.start - 90), t.start)
        ),
        None,
    )
    if installed is not None:
        # "siendo las 14:00 horas … se reunieron …. Habiendo el quórum, se dio por instalada la
        # sesión a las 14:05 horas": the session began when it was installed.
        return installed.value, None
    stated = next((t for t in times[1:] if _STATED_RE.search(folded, 0, t.start)), None)
    if stated is not None and _alone_on_its_line(text, first.start, first.end):
        # A header's "12:00 HRS." is the hour convened; "Siendo las doce horas con catorce
        # minutos … se da inicio" is when the session began.
        return stated.value, None
    return first.value, None


_STATED_RE = re.compile(r"\bsiendo\s+(?:las\s+)?$")
_INSTALLED_BEFORE_RE = re.compile(
    r"\b(?:instalad[oa]|abiert[oa])\s+(?:formal\s*mente\s+|legal\s*mente\s+)?(?:la\s+)?"
    r"(?:presente\s+)?(?:sesion|reunion)\b[^.;]{0,30}\ba\s+las\s+$"
)
MAX_HEADER_TIME_LINE = 24


def _alone_on_its_line(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : len(text) if line_end == -1 else line_end]
    return len(line.strip()) <= MAX_HEADER_TIME_LINE


_DECISION_RE = re.compile(
    r"\bse\s+(?:acuerda|acordo|aprueba|aprobo|celebrar[aá]n?|llevar[aá]n?\s+a\s+cabo)\b|\bproxim[oa]s?\b|"
    r"\bsiguientes?\s+sesion|\bpor\s+(?:unanimidad|mayoria)\b|\ben\s+lo\s+sucesivo\b"
)


def sentence_around(text: str, position: int) -> tuple[int, int]:
    """The span of the sentence of ``text`` that holds ``position``."""
    start = max(0, position - 600)
    for begin, end in sentences(text[start : position + 600], start):
        if begin <= position < end:
            return begin, end
    return max(0, position - 200), min(len(text), position + 200)


def _in_decision(text: str, folded: str, position: int) -> bool:
    """Whether a time belongs to a decision ("las sesiones se celebrarán a las 13 horas")."""
    begin, end = sentence_around(text, position)
    return bool(_DECISION_RE.search(folded, begin, end))


CLOSING_RE = re.compile(
    r"se\s+(?:da|dio|declara|declaro|tiene)\s+por\s+(?:concluid|terminad|clausurad|finalizad|cerrad)|"
    r"se\s+(?:levanta|levanto|clausura|clausuro|concluye|concluyo|cierra|cerro|termina|termino)\b|"
    r"(?:concluida|clausurada|terminada|finalizada|levantada)\s+la\s+(?:presente\s+)?(?:sesion|reunion)|"
    r"hora\s+de\s+(?:termino|conclusion|cierre|finalizacion|clausura)|"
    r"(?:da|dio)\s+por\s+(?:concluid|terminad|clausurad)|"
    # "se declaró formalmente cerrada la décima sesión"
    r"declar[oa]\s+(?:formalmente\s+)?(?:cerrad|clausurad|concluid|terminad)[oa]\b|"
    # "…, declarando clausurando la sesión de Cabildo No. 68, siendo las 13:19 …"
    r"\b(?:declarando\s+|dando\s+por\s+)?(?:clausurando|clausurad[oa]|concluid[oa]|terminad[oa])"
    r"\s+la\s+(?:presente\s+)?(?:sesion|reunion)\b|"
    # "se procedía a CLAUSURAR la primera sesión extraordinaria del año 2021 …, siendo las 15 …"
    # "…, la Presidenta Municipal clausuró la sesión a las 9:40 …"
    r"\b(?:clausurar|concluir|levantar|clausuro|concluyo|levanto|clausuraron|concluyeron)"
    r"\s+la\s+(?:[a-z]+\s+){0,3}(?:sesion|reunion)\b"
)


# "Hora de término: 10:30 horas" among the header's labels, before the opening.
_END_LABEL_RE = re.compile(
    r"(?m)^[ \t]*hora\s+de\s+(?:termino|conclusion|cierre|clausura|finalizacion)[ \t]*:[^\n]*"
)


def end_time(text: str, folded: str, opening_end: int) -> datetime.time | None:
    labelled = _END_LABEL_RE.search(folded)
    if labelled:
        times = find_times(text[labelled.start() : labelled.end()], labelled.group())
        if times:
            return times[0].value
    closings = list(CLOSING_RE.finditer(folded, opening_end // 2))
    for closing in reversed(closings):
        window_start, window_end = sentence_around(text, closing.start())
        # "…se clausura la sesión. Siendo las catorce horas con diez minutos del mismo día.":
        # the time may come in the sentence after the closing formula.
        window_end = sentence_around(text, min(len(text) - 1, window_end + 1))[1]
        times = find_times(text[window_start:window_end], folded[window_start:window_end])
        if not times:
            continue
        anchor = closing.start() - window_start
        nearest = min(times, key=lambda found: abs(found.start - anchor))
        return nearest.value
    return None
