"""The session's identity: body, number, kind, date, times, modality, place, convocation.

These facts sit in the opening of an acta, either in a heading ("ACTA DE LA
DÉCIMO QUINTA SESIÓN ORDINARIA DEL SECRETARIADO TÉCNICO LOCAL…"), in the
opening sentence ("siendo las once horas… del día…, en la Sala…") or in a
header table ("Fecha | Hora | Lugar"). Each reader looks in the *opening*, the
text before the agenda, so dates and times of the narrative (a law's
publication, the next session) are not mistaken for the session's own.
"""

import datetime
import re
from dataclasses import dataclass, field
from typing import Any

from abierto.lib.spanish import ordinal_words_to_number, words_to_number

from .body import read_body
from .convocation import read_convocation
from .text import fold, sentences, squash
from .venue import (
    is_venue,
    labelled_modality,
    place_has_address,
    read_modality,
    read_place,
)
from .when import Found, find_dates, find_times

OPENING_FALLBACK = 3000
_KIND_RE = r"(?P<kind>ordinari[ao]|extraordinari[ao]|extra-ordinari[ao]|solemne)"
_TITLE_RE = re.compile(
    # "Sesión 512 Ordinaria": the number may come between the noun and the kind.
    r"\b(?:sesion|reunion)(?:es)?(?:\s*:\s*|\s+)(?:(?P<plain>\d{1,4})\s+)?"
    r"(?:(?:de|con)\s+caracter\s+(?:de\s+)?)?"
    rf"(?:publica\s+)?{_KIND_RE}\b"
)
_NUMBER_AFTER_RE = re.compile(
    r"\s*(?:publica\s+)?(?:n[uo]m(?:ero)?\.?|no\.?|n\s?[°o]\.?)\s*(?P<number>\d{1,3}|[ivxlc]{1,7})\b"
    # "sesión ordinaria 1.08": the number, then the year's last two digits.
    r"|[ \t]+(?P<dotted>\d{1,3})\.\d{2}\b(?![.\d])"
    # "SESIÓN ORDINARIA 39/2018": the number within the year.
    r"|[ \t]+(?P<slashed>\d{1,3})\s*/\s*(?:\d{4}|\d{2})\b(?![/\d])"
    # "SESIÓN ORDINARIA PRIVADA 17": the session's number after its character, not a day.
    r"|[ \t]+(?:privada|publica|abierta|cerrada)[ \t]+(?P<qualified>\d{1,3})\b"
    r"(?!\s*(?:de\s|/|\.\d|:))"
)
# "Sesión 12.07", "ACTA DE LA SESIÓN 8.09": a session numbered within its year.
_DOTTED_NUMBER_RE = re.compile(r"\b(?:sesion|reunion)\s+(?P<number>\d{1,3})\.\d{2}\b(?![.\d])")
# "tercera sesión de trabajo", "la segunda reunión": an ordinal with no kind after it.
_UNTITLED_RE = re.compile(r"\b(?:sesion|reunion)\b(?!\s+(?:del?\s+)?(?:dia|fecha|anterior|pasada))")
_MONTHS = (
    r"(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|"
    r"noviembre|diciembre)\b"
)
_NUMBER_LABEL_RE = re.compile(
    r"\b(?:no\.?|numero|num\.?)\s+de\s+(?:minuta|acta|sesion|reunion)\s*:?\s*(?P<number>[\w.ºª°]+(?:\s+[a-z]+)?)"
    # "ACTA: NÚMERO 59": a colon after the noun (in a heading, or read so by OCR)
    r"|\b(?:acta|sesion|reunion|minuta)\s*:?\s+[\"']?(?:numero|no\.?|num\.?|n\s?[°ºo]\.?)\s*(?P<acta>\d{1,4})\b"
    # "Acta número cincuenta de la sesión ordinaria": a cardinal in words.
    r"|\b(?:acta|sesion|reunion|minuta)\s+numero\s+(?P<worded>[a-z]+(?:\s+[a-z]+){0,3})"
    # "Acta 7/2016", "ACTA 066/2014": the acta's number within its year, as a heading; not
    # "la aprobación del acta 6/2016", which cites another one.
    r"|(?<!del\s)(?<!el\s)(?<!al\s)\bacta\s+(?P<yearly>\d{1,4})\s*/\s*(?:\d{4}|\d{2})\b(?![/\d-])"
    # "ACTA DE LA SESIÓN 404 DEL VIGÉSIMO PRIMER CONSEJO": a plain number after the noun, not
    # a day ("la sesión 29 de enero").
    rf"|\b(?:sesion|reunion)\s+(?P<plain>\d{{1,4}})\s+(?=del?\s+(?!{_MONTHS})|ordinari|extraordinari)"
    # "ACTA 21.- En la Ciudad de Tijuana…": the acta's number heading its first line.
    r"|(?:^|\n)[^\n]{0,12}?\bacta\s+(?P<headed>\d{1,4})[ \t]*(?:\.-|\.|-)[ \t]"
    # "ACTA: 20/EXT./11-06-19": the number, then the kind's abbreviation and the date.
    r"|\bacta\s*:?\s*(?P<composite>\d{1,4})\s*/\s*(?:ext|ord|sol|esp|urg)[a-z]*\.?\s*/"
    # "Número: 21 Foja: 22 Sesión pública …": a catalogue's label heading the document.
    r"|\A\s*(?:numero|no\.)\s*:\s*(?P<labelled>\d{1,4})\b"
)
# "Aprobada por el Colegio Académico en su Sesión Número 390" names another session.
_OTHER_SESSION_RE = re.compile(r"\b(?:en\s+su|en\s+la|aprobad[oa]\s+en)\s+$")


# "Se aprobó el acta 118 de la sesión ordinaria del 24 de noviembre": the minutes of another
# session, approved in this one; its kind and number are not this session's.
_APPROVED_MINUTES_RE = re.compile(
    r"\baprob\w*\s+(?:de\s+)?(?:el\s+|del\s+|las?\s+)?actas?\s+"
    r"(?:(?:n[uo]m(?:ero)?\.?|no\.?)\s*)?(?:\d{1,4}\s+)?(?:de\s+la|del?)\s+$"
)


def _cites_approved_minutes(folded: str, position: int) -> bool:
    return _APPROVED_MINUTES_RE.search(folded, max(0, position - 60), position) is not None


@dataclass
class SessionInfo:
    """What the opening says about the session."""

    body: str = ""
    number: int | None = None
    kind: str | None = None
    date: datetime.date | None = None
    start_time: datetime.time | None = None
    end_time: datetime.time | None = None
    modality: str | None = None
    place: str | None = None
    convocation: dict[str, str | None] | None = None
    warnings: list[str] = field(default_factory=list)


def read_session(text: str, folded: str, opening_end: int) -> SessionInfo:
    """Read the session's identity from ``text`` (normalised) and its folded copy."""
    opening_end = opening_end if opening_end > 200 else _fallback_opening(text)
    info = SessionInfo()
    titles = [
        match
        for match in _TITLE_RE.finditer(folded)
        if match.start() < opening_end and not _cites_approved_minutes(folded, match.start())
    ]
    if not titles:
        titles = [
            match
            for match in _TITLE_RE.finditer(folded, 0, min(len(folded), OPENING_FALLBACK * 2))
            if not _cites_approved_minutes(folded, match.start())
        ][:1]
    if titles:
        kind = titles[0]["kind"].replace("-", "")
        info.kind = {"o": "ordinaria", "e": "extraordinaria", "s": "solemne"}[kind[0]]
    info.number = _session_number(text, folded, titles, opening_end)
    info.body = read_body(text, folded, titles, opening_end)
    convocation_spans: list[tuple[int, int]] = []
    info.convocation = read_convocation(text, folded, opening_end, convocation_spans)
    info.date = _session_date(text, folded, opening_end, convocation_spans)
    info.start_time, range_end = _start_time(text, folded, opening_end, convocation_spans)
    info.end_time = _end_time(text, folded, opening_end) or range_end
    info.modality = labelled_modality(folded, opening_end) or read_modality(folded[:opening_end])
    info.place = read_place(text, folded, opening_end)
    if info.modality is None and (
        (info.place and is_venue(info.place)) or place_has_address(folded, opening_end)
    ):
        info.modality = "presencial"
    if not info.body:
        info.warnings.append("No se encontró el nombre del órgano colegiado en el encabezado.")
    if info.date is None:
        info.warnings.append(_missing_date_warning(text, folded, opening_end))
    if info.start_time is None:
        info.warnings.append("No se encontró la hora de inicio de la sesión.")
    return info


# Without an agenda, the opening ends at the second section of the minute ("II. COMPROMISOS
# PREVIOS"), so a "rueda de prensa virtual" told in it does not make the session virtual.
_SECTION_HEADING_RE = re.compile(
    r"(?m)^[ \t]*(?:II|III|IV|2|3|4)[ \t]?[.)-]+[ \t]*[A-ZÁÉÍÓÚÑ]{3,}[A-ZÁÉÍÓÚÑ ,]*$"
)


def _fallback_opening(text: str) -> int:
    limit = min(len(text), OPENING_FALLBACK)
    heading = _SECTION_HEADING_RE.search(text, 200, limit)
    return heading.start() if heading else limit


# --- Number -----------------------------------------------------------------------


def _session_number(
    text: str, folded: str, titles: list[re.Match[str]], opening_end: int
) -> int | None:
    for title in titles[:3]:
        before = text[max(0, title.start() - 60) : title.start()]
        loose = _LOOSE_NUMBER_RE.search(text, 0, title.start())
        number = None if loose else _ordinal_before(before)
        after = _NUMBER_AFTER_RE.match(folded, title.end())
        # "ACTA 28 SESIÓN ORDINARIA PRIVADA 17": the acta is 28, the session 17.
        acta_then_session = bool(
            after and after["qualified"] and _ACTA_NUMBER_RE.search(fold(before))
        )
        if number is not None and not acta_then_session:
            return number
        if title["plain"]:
            return int(title["plain"])
        if after:
            try:
                return ordinal_words_to_number(
                    after["number"] or after["dotted"] or after["slashed"] or after["qualified"]
                )
            except ValueError:
                pass
    for match in _NUMBER_LABEL_RE.finditer(folded, 0, max(opening_end, 600)):
        if _OTHER_SESSION_RE.search(
            folded, max(0, match.start() - 20), match.start()
        ) or _cites_approved_minutes(folded, match.start()):
            continue
        if match["worded"]:
            number = _cardinal_prefix(match["worded"])
            if number is not None:
                return number
            continue
        raw = (
            match["acta"]
            or match["headed"]
            or match["labelled"]
            or match["composite"]
            or match["yearly"]
            or match["plain"]
            or text[match.start("number") : match.end("number")]
        )
        for candidate in (raw, raw.split()[0]):
            try:
                return ordinal_words_to_number(candidate.strip("."))
            except ValueError:
                continue
    limit = min(len(folded), max(opening_end, 600))
    for dotted in _DOTTED_NUMBER_RE.finditer(folded, 0, limit):
        if not _OTHER_SESSION_RE.search(folded, max(0, dotted.start() - 20), dotted.start()):
            return int(dotted["number"])
    if titles:
        return None
    for match in _UNTITLED_RE.finditer(folded, 0, limit):
        if _OTHER_SESSION_RE.search(folded, max(0, match.start() - 20), match.start()):
            continue
        number = _ordinal_before(text[max(0, match.start() - 60) : match.start()])
        if number is not None:
            return number
    return None


_BRACKETED_NUMBER_RE = re.compile(
    r"\s*\(\s*(?:[IVXLCivxlc]{1,7}|\d{1,3}\s*[aªoº°]?\.?)\s*\)[\s,]*$"
)
_ACTA_NUMBER_RE = re.compile(r"\b(?:acta|minuta)\s+\d{1,4}\s*$")
# A bare number before the title that is no ordinal: the page's number printed before the
# first line ("1 SESIÓN ORDINARIA PÚBLICA DE CABILDO …"), a leaf ("Número: 21 Foja: 22 Sesión
# pública ordinaria").
_LOOSE_NUMBER_RE = re.compile(
    r"(?:\A\s*|\b(?i:fojas?|hojas?|folio|p[aá]gina|p[aá]g\.)\s*:?\s*)\d{1,4}\s+\Z"
)


def _cardinal_prefix(words: str) -> int | None:
    """The longest cardinal that starts ``words``: "cincuenta de la sesion" -> 50."""
    split = words.split()
    for length in range(len(split), 0, -1):
        try:
            number = words_to_number(" ".join(split[:length]))
        except ValueError:
            continue
        return number if number > 0 else None
    return None


def _ordinal_before(before: str) -> int | None:
    """The ordinal that ends ``before``: "Décimo Quinta", "15a.", "XV", "Novena"; the same
    number repeated in brackets after it is passed over ("VIGÉSIMA NOVENA (XXIX) SESIÓN")."""
    words = _BRACKETED_NUMBER_RE.sub("", before).split()
    for length in (3, 2, 1):
        if len(words) < length:
            continue
        candidate = " ".join(words[-length:]).strip(",;:")
        if fold(candidate).strip(".") in ("la", "de", "el", "una", "del", "i"):
            continue
        try:
            return ordinal_words_to_number(candidate.rstrip(".") if length > 1 else candidate)
        except ValueError:
            continue
    return None


# --- Date and times -------------------------------------------------------------

# "Aprobada en la sesión 13.07, celebrada el 7 de noviembre": a dotted session number is no
# sentence end, so the cue reaches the date over it.
_REFERENCE_CUES_RE = re.compile(
    r"(?:convoca|oficio|publicad|aprobad|mediante|pasado|decreto|ley|acuerdo|reforma|"
    r"emitid|suscrit|recibid|vigente|celebrada el pasado)(?:[^.]|\.\d){0,80}$"
)
_SESSION_CUES_RE = re.compile(
    r"(?:siendo|a\s+las|horas|celebrada\s+el|fecha|del\s+dia|el\s+dia|hoy)[^.]{0,60}$"
)


def _session_date(
    text: str, folded: str, opening_end: int, skip: list[tuple[int, int]]
) -> datetime.date | None:
    dates = [
        found
        for found in find_dates(text[:opening_end], folded[:opening_end])
        if not _inside(found, skip)
    ]
    if not dates:
        return None
    for found in dates:
        before = folded[max(0, found.start - 90) : found.start]
        if _SESSION_CUES_RE.search(before) and not _REFERENCE_CUES_RE.search(before[-50:]):
            return found.value
    for found in dates:
        if not _REFERENCE_CUES_RE.search(folded[max(0, found.start - 60) : found.start]):
            return found.value
    return dates[0].value


def _inside(found: Found[Any], spans: list[tuple[int, int]]) -> bool:
    return any(start <= found.start < end for start, end in spans)


_RANGE_JOIN_RE = re.compile(r"^\s*(?:a|al|-|y|hasta)\s+(?:las\s+)?$")


def _start_time(
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
    stated = next((t for t in times[1:] if _STATED_RE.search(folded, 0, t.start)), None)
    if stated is not None and _alone_on_its_line(text, first.start, first.end):
        # A header's "12:00 HRS." is the hour convened; "Siendo las doce horas con catorce
        # minutos … se da inicio" is when the session began.
        return stated.value, None
    return first.value, None


_STATED_RE = re.compile(r"\bsiendo\s+(?:las\s+)?$")
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


_CLOSING_RE = re.compile(
    r"se\s+(?:da|dio|declara|declaro|tiene)\s+por\s+(?:concluid|terminad|clausurad|finalizad|cerrad)|"
    r"se\s+(?:levanta|levanto|clausura|clausuro|concluye|concluyo|cierra|cerro|termina|termino)\b|"
    r"(?:concluida|clausurada|terminada|finalizada|levantada)\s+la\s+(?:presente\s+)?(?:sesion|reunion)|"
    r"hora\s+de\s+(?:termino|conclusion|cierre|finalizacion|clausura)|"
    r"(?:da|dio)\s+por\s+(?:concluid|terminad|clausurad)"
)


def _end_time(text: str, folded: str, opening_end: int) -> datetime.time | None:
    closings = [
        match for match in _CLOSING_RE.finditer(folded) if match.start() >= opening_end // 2
    ]
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


def _missing_date_warning(text: str, folded: str, opening_end: int) -> str:
    masked = re.search(r"\b\d{1,2}\s+(?:de\s+)?x{2,}[\sx]*de\s+\d{4}", folded[:opening_end])
    if masked:
        snippet = squash(text[masked.start() : masked.end()])
        return f"La fecha de la sesión no se puede leer: «{snippet}»."
    return "No se encontró la fecha de la sesión en el encabezado."
