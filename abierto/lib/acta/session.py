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

from abierto.lib.spanish import ordinal_words_to_number

from .convocation import read_convocation
from .text import clean_title, fold, sentences, squash
from .venue import is_venue, read_modality, read_place
from .when import Found, find_dates, find_times

OPENING_FALLBACK = 3000
_KIND_RE = r"(?P<kind>ordinari[ao]|extraordinari[ao]|extra-ordinari[ao]|solemne)"
_TITLE_RE = re.compile(
    r"\b(?:sesion|reunion)(?:es)?\s*:?\s+(?:(?:de|con)\s+caracter\s+(?:de\s+)?)?"
    rf"(?:publica\s+)?{_KIND_RE}\b"
)
_NUMBER_AFTER_RE = re.compile(
    r"\s*(?:publica\s+)?(?:n[uo]m(?:ero)?\.?|no\.?|n\s?[°o]\.?)\s*(?P<number>\d{1,3}|[ivxlc]{1,7})\b"
)
_NUMBER_LABEL_RE = re.compile(
    r"\b(?:no\.?|numero|num\.?)\s+de\s+(?:minuta|acta|sesion|reunion)\s*:?\s*(?P<number>[\w.ºª°]+(?:\s+[a-z]+)?)"
    r"|\b(?:acta|sesion|reunion|minuta)\s+(?:numero|no\.?|num\.?|n\s?[°ºo]\.?)\s*(?P<acta>\d{1,4})\b"
)
# "Aprobada por el Colegio Académico en su Sesión Número 390" names another session.
_OTHER_SESSION_RE = re.compile(r"\b(?:en\s+su|en\s+la|aprobad[oa]\s+en)\s+$")

# --- The collegiate body ----------------------------------------------------------

_BODY_NOUNS = (
    r"(?:comite|subcomite|consejo|comision|secretariado|ayuntamiento|cabildo|pleno|junta|"
    r"organo\s+de\s+gobierno|asamblea|grupo\s+de\s+trabajo|concejo|colegio|mesa\s+directiva)"
)
_BODY_START_RE = re.compile(rf"\b(?:(?:h\.|honorable|ilustre)\s*)?{_BODY_NOUNS}\b")
_NOT_BODY_BEFORE_RE = re.compile(r"\b(?:sala|salon)\s+(?:de(?:l| la)?\s+)?$")
_CONNECTORS = frozenset(["de", "del", "la", "las", "los", "y", "e", "para", "el", "a"])
_RUN_STARTERS = frozenset(["de", "del", "y", "e", "para", "a"])
_STOP_WORDS = frozenset(
    [
        "en",
        "al",
        "siendo",
        "celebrada",
        "celebrado",
        "celebrar",
        "acta",
        "sesion",
        "sesiones",
        "ordinaria",
        "extraordinaria",
        "solemne",
        "con",
        "que",
        "por",
        "fecha",
        "hora",
        "lugar",
        "realizada",
        "realizado",
        "bajo",
        "mediante",
        "se",
        "quien",
        "cuya",
        "cuyo",
        "previa",
        "reunidos",
        "reunidas",
        "presentes",
        "estando",
        "dia",
        "numero",
        "no",
        "orden",
        "asistencia",
        "minuta",
        "lista",
        "siendo",
        "correspondiente",
        "verificada",
        "llevada",
        "ante",
        "conforme",
        "durante",
        "desde",
        "hasta",
        "sobre",
    ]
)
_TOKEN_RE = re.compile(r"([ ]*)(,?)([ ]*)([^\s,;:()\[\]\"“”|]+)")
MAX_BODY_WORDS = 25


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
    opening_end = opening_end if opening_end > 200 else min(len(text), OPENING_FALLBACK)
    info = SessionInfo()
    titles = [match for match in _TITLE_RE.finditer(folded) if match.start() < opening_end]
    if not titles:
        titles = list(_TITLE_RE.finditer(folded, 0, min(len(folded), OPENING_FALLBACK * 2)))[:1]
    if titles:
        kind = titles[0]["kind"].replace("-", "")
        info.kind = {"o": "ordinaria", "e": "extraordinaria", "s": "solemne"}[kind[0]]
    info.number = _session_number(text, folded, titles, opening_end)
    info.body = _body(text, folded, titles, opening_end)
    convocation_spans: list[tuple[int, int]] = []
    info.convocation = read_convocation(text, folded, opening_end, convocation_spans)
    info.date = _session_date(text, folded, opening_end, convocation_spans)
    info.start_time, range_end = _start_time(text, folded, opening_end, convocation_spans)
    info.end_time = _end_time(text, folded, opening_end) or range_end
    info.modality = read_modality(folded[:opening_end])
    info.place = read_place(text, folded, opening_end)
    if info.modality is None and info.place and is_venue(info.place):
        info.modality = "presencial"
    if not info.body:
        info.warnings.append("No se encontró el nombre del órgano colegiado en el encabezado.")
    if info.date is None:
        info.warnings.append(_missing_date_warning(text, folded, opening_end))
    if info.start_time is None:
        info.warnings.append("No se encontró la hora de inicio de la sesión.")
    return info


# --- Number -----------------------------------------------------------------------


def _session_number(
    text: str, folded: str, titles: list[re.Match[str]], opening_end: int
) -> int | None:
    for title in titles[:3]:
        before = text[max(0, title.start() - 60) : title.start()]
        number = _ordinal_before(before)
        if number is not None:
            return number
        after = _NUMBER_AFTER_RE.match(folded, title.end())
        if after:
            try:
                return ordinal_words_to_number(after["number"])
            except ValueError:
                pass
    for match in _NUMBER_LABEL_RE.finditer(folded, 0, max(opening_end, 600)):
        if _OTHER_SESSION_RE.search(folded, max(0, match.start() - 20), match.start()):
            continue
        raw = match["acta"] or text[match.start("number") : match.end("number")]
        for candidate in (raw, raw.split()[0]):
            try:
                return ordinal_words_to_number(candidate.strip("."))
            except ValueError:
                continue
    return None


def _ordinal_before(before: str) -> int | None:
    """The ordinal that ends ``before``: "Décimo Quinta", "15a.", "XV", "Novena"."""
    words = before.split()
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


# --- Body -------------------------------------------------------------------------


def _body(text: str, folded: str, titles: list[re.Match[str]], opening_end: int) -> str:
    candidates: list[str] = []
    for title in titles:
        after = re.match(r"\s*(?:\d{4}\s+)?(?:del|de\s+la|de\s+los|de)\s+", folded[title.end() :])
        if after:
            phrase = _body_phrase(text, folded, title.end() + after.end())
            if phrase:
                candidates.append(phrase)
    mentions: list[str] = []
    for match in _BODY_START_RE.finditer(folded, 0, opening_end):
        if _NOT_BODY_BEFORE_RE.search(folded, max(0, match.start() - 25), match.start()):
            continue
        phrase = _body_phrase(text, folded, match.start())
        if phrase:
            mentions.append(phrase)
    if not candidates:
        candidates = _heading_mentions(text, folded) or mentions[:1]
    if not candidates:
        return ""
    primary = candidates[0]
    key = fold(primary)
    best = primary
    for candidate in [*candidates, *mentions]:
        candidate_key = fold(candidate)
        if not candidate_key.startswith(key):
            continue
        longer = len(candidate_key) > len(fold(best))
        same_but_mixed = (
            len(candidate_key) == len(fold(best)) and best.isupper() and not candidate.isupper()
        )
        if longer or same_but_mixed:
            best = candidate
    return best


def _heading_mentions(text: str, folded: str) -> list[str]:
    """A body named on one of the first lines: "Comité de Selección: Sistema Estatal…"."""
    offset = 0
    found: list[str] = []
    for line in text.split("\n")[:12]:
        stripped = line.strip()
        start = offset + len(line) - len(line.lstrip())
        offset += len(line) + 1
        if not stripped:
            continue
        if _BODY_START_RE.match(folded, start):
            phrase = clean_title(stripped) if len(stripped.split()) <= MAX_BODY_WORDS else ""
            phrase = phrase or _body_phrase(text, folded, start)
            if phrase:
                found.append(phrase)
    return found


def _body_phrase(text: str, folded: str, start: int) -> str:
    """The noun phrase naming a body that starts at ``start``.

    Capitalised words and connectors ("de", "del", "y") continue it; a stop word,
    a lower-case word, a digit, a paragraph break or a bracket ends it. A comma
    continues it only before a capitalised word followed soon by a connector, as
    in "Instituto de Transparencia, Acceso a la Información Pública, …".
    """
    words: list[tuple[int, int]] = []
    pending: list[tuple[int, int]] = []
    position = start
    first = True
    while len(words) < MAX_BODY_WORDS:
        match = _TOKEN_RE.match(text, position)
        if not match:
            break
        token_start, token_end = match.start(4), match.end(4)
        token = text[token_start:token_end]
        folded_token = folded[token_start:token_end].strip(".")
        if first:
            first = False
            words.append((token_start, token_end))
            position = token_end
            continue
        if match.group(2) and not _comma_continues(text, folded, token_end):
            break
        if folded_token in _CONNECTORS:
            if not pending and folded_token not in _RUN_STARTERS:
                break  # "Ayuntamiento los C.C. …": an article alone does not continue a name
            pending.append((token_start, token_end))
        elif (
            folded_token in _STOP_WORDS or not token[0].isupper() or any(c.isdigit() for c in token)
        ):
            break
        else:
            words.extend(pending)
            pending = []
            words.append((token_start, token_end))
        position = token_end
    if not words:
        return ""
    phrase = squash(text[words[0][0] : words[-1][1]]).strip(" .,;:")
    return phrase if len(phrase) > 3 else ""


def _comma_continues(text: str, folded: str, token_end: int) -> bool:
    following = folded[token_end : token_end + 25].split()
    return bool(following) and following[0] in ("a", "de", "del", "y", "e")


# --- Date and times -------------------------------------------------------------

_REFERENCE_CUES_RE = re.compile(
    r"(?:convoca|oficio|publicad|aprobad|mediante|pasado|decreto|ley|acuerdo|reforma|"
    r"emitid|suscrit|recibid|vigente|celebrada el pasado)[^.]{0,80}$"
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
    return first.value, None


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
