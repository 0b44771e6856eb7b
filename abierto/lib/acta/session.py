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

from abierto.lib.spanish import ordinal_words_to_number, words_to_number

from .body import read_body
from .convocation import date_in_year, read_convocation
from .masthead import acta_start
from .session_times import end_time, session_date, start_time
from .text import fold, squash
from .venue import (
    is_venue,
    labelled_modality,
    place_has_address,
    read_modality,
    read_place,
)

OPENING_FALLBACK = 3000
_KIND_RE = r"(?P<kind>ordinari[ao]|extraordinari[ao]|extra-ordinari[ao]|solemne)"
_TITLE_RE = re.compile(
    # "Sesión 512 Ordinaria": the number may come between the noun and the kind.
    r"\b(?:sesion|reunion)(?:es)?(?:\s*:\s*|\s+)(?:(?P<plain>\d{1,4})\s+)?"
    r"(?:(?:de|con)\s+caracter\s+(?:de\s+)?)?"
    rf"(?:publica\s+)?{_KIND_RE}\b"
)
_COUNCIL_KIND_RE = re.compile(
    r"\ben\s+(?:cabildo|junta|asamblea|consejo)\s+(?P<kind>ordinari|extraordinari|solemne)[oa]?\b"
    # "ACTA DE ASAMBLEA GENERAL ORDINARIA", "se celebra la Asamblea General Ordinaria": an
    # assembly is a meeting, and its kind is the session's.
    r"|\basamblea\s+(?:general\s+)?(?P<assembly>ordinari|extraordinari)a\b"
)
_NUMBER_AFTER_RE = re.compile(
    # "SESIÓN ORDINARIA NÚMERO 12", "… No. XV", "… NÚMERO (31)"
    r"\s*(?:publica\s+)?(?:n[uo]m(?:ero)?\.?|no\.?|n\s?[°o]\.?)\s*\(?\s*"
    r"(?P<number>\d{1,3}|[ivxlc]{1,7})\b"
    # "SESIÓN ORDINARIA NÚMERO CINCUENTA Y SEIS (56)": a cardinal in words.
    r"|\s*(?:n[uo]m(?:ero)?\.?|no\.)\s+(?P<cardinal>[a-z]+(?:\s+[a-z]+){0,3})"
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
# "tercera sesión de trabajo", "la segunda reunión", "la Tercera Asamblea General": an ordinal
# with no kind after it.
_UNTITLED_RE = re.compile(
    r"\b(?:sesion|reunion|asamblea)\b(?!\s+(?:del?\s+)?(?:dia|fecha|anterior|pasada))"
)
_MONTHS = (
    r"(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|"
    r"noviembre|diciembre)\b"
)
_NUMBER_LABEL_RE = re.compile(
    r"\b(?:no\.?|numero|num\.?)\s+de\s+(?:minuta|acta|sesion|reunion)\s*:?\s*(?P<number>[\w.ºª°]+(?:\s+[a-z]+)?)"
    # "ACTA: NÚMERO 59": a colon after the noun (in a heading, or read so by OCR)
    # "ACTA NÚMERO (31) DE LA SESIÓN": the number may stand in brackets.
    # "ACTA DE LA SESIÓN DE PLENO NÚMERO 351": the body's noun between them.
    r"|\b(?:acta|sesion|reunion|minuta)(?:\s+de(?:l|\s+la)?\s+[a-z]{4,})?\s*:?\s+[\"']?"
    r"(?:numero|no\.?|num\.?|n\s?[°ºo]\.?)\s*\(?\s*(?P<acta>\d{1,4})\b"
    # "Acta número cincuenta de la sesión ordinaria": a cardinal in words.
    r"|\b(?:acta|sesion|reunion|minuta)\s+numero\s+(?P<worded>[a-z]+(?:\s+[a-z]+){0,3})"
    # "MINUTA CUARENTA Y TRES SEXAGÉSIMA TERCERA LEGISLATURA …": a cardinal heading the document.
    r"|^[^\n]{0,12}?\b(?:acta|minuta)\s+(?P<worded_head>(?:un|uno|dos|tres|cuatro|cinco|seis|"
    r"siete|ocho|nueve|diez|once|doce|trece|catorce|quince|dieci[a-z]+|veint[a-z]+|treinta|"
    r"cuarenta|cincuenta|sesenta|setenta|ochenta|noventa|cien|ciento|[a-z]+cientos|mil)\b"
    r"(?:\s+[a-z]+){0,3})"
    # "Acta 7/2016", "ACTA 066/2014": the acta's number within its year, as a heading; not
    # "la aprobación del acta 6/2016", which cites another one.
    r"|(?<!del\s)(?<!el\s)(?<!al\s)\bacta\s+(?P<yearly>\d{1,4})\s*/\s*(?:\d{4}|\d{2})\b(?![/\d-])"
    # "ACTA DE LA SESIÓN 404 DEL VIGÉSIMO PRIMER CONSEJO": a plain number after the noun, not
    # a day ("la sesión 29 de enero").
    rf"|\b(?:sesion|reunion)\s+(?P<plain>\d{{1,4}})\s+(?=del?\s+(?!{_MONTHS})|ordinari|extraordinari)"
    # "procediendo a llevar a cabo la sesión de Cabildo 68, en los términos …"
    rf"|\bsesion\s+(?:ordinaria\s+|extraordinaria\s+)?de\s+cabildo\s+(?:no\.\s*|numero\s+)?"
    rf"(?P<council>\d{{1,4}})\b(?!\s*(?:de\s+{_MONTHS}|/|-))"
    # "ACTA 21.- En la Ciudad de Tijuana…": the acta's number heading its first line.
    # "Acta 827" alone on a heading's line (a scan's speck after it allowed).
    r"|(?:^|\n)[^\n]{0,12}?\bacta\s+(?P<headed>\d{1,4})"
    r"(?:[ \t]*(?:\.-|\.|-)[ \t]|(?:[ \t]+[a-z])?[ \t]*\n)"
    # "ACTA: 20/EXT./11-06-19": the number, then the kind's abbreviation and the date.
    r"|\bacta\s*:?\s*(?P<composite>\d{1,4})\s*/\s*(?:ext|ord|sol|esp|urg)[a-z]*\.?\s*/"
    # "Número: 21 Foja: 22 Sesión pública …": a catalogue's label heading the document.
    r"|\A\s*(?:numero|no\.)\s*:\s*(?P<labelled>\d{1,4})\b"
    # "ACTA DE SESIÓN DE AYUNTAMIENTO 19/2008/SO": number, year and kind on the title's line.
    r"|\A[^\n]{0,80}?\bacta\b[^\n]{0,60}?\b(?P<coded>\d{1,4})\s*/\s*(?:19|20)\d{2}\s*/\s*"
    r"(?:so|se|ss|ord|ext|sol)\b"
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
    elif council := _COUNCIL_KIND_RE.search(folded, 0, opening_end):
        # "reunidos en la Sala Capitular en cabildo extraordinario", "en junta ordinaria"
        kind = council["kind"] or council["assembly"]
        info.kind = {"o": "ordinaria", "e": "extraordinaria", "s": "solemne"}[kind[0]]
    info.number = _session_number(text, folded, titles, opening_end)
    code = _session_code(text, folded)
    if code is not None:
        info.kind = info.kind or code[0]
        info.number = code[1] if info.number is None else info.number
    info.body = read_body(text, folded, titles, opening_end)
    convocation_spans: list[tuple[int, int]] = []
    yearless: list[tuple[int, int]] = []
    info.convocation = read_convocation(text, folded, opening_end, convocation_spans, yearless)
    info.date = session_date(text, folded, opening_end, convocation_spans)
    if info.convocation is not None and yearless and info.date is not None:
        info.convocation["date"] = date_in_year(yearless[0], info.date.year)
    info.start_time, range_end = start_time(text, folded, opening_end, convocation_spans)
    info.end_time = end_time(text, folded, opening_end) or range_end
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

# "ACTA DE LA SESIÓN SO-03-2020", "CT/SE/01/2021": the session's code, its kind abbreviated
# ("SO" ordinaria, "SE" extraordinaria), its number and its year, in the heading's capitals.
_SESSION_CODE_RE = re.compile(
    r"(?<![a-z0-9])(?P<kind>so|se)[ \t]*[-/.]?[ \t]*(?P<number>\d{1,3})"
    r"[ \t]*[-/.][ \t]*(?:19|20)\d{2}(?!\d)"
)
SESSION_CODE_SPAN = 400


def _session_code(text: str, folded: str) -> tuple[str, int] | None:
    """The kind and number a session's code in the heading gives, if it has one."""
    for match in _SESSION_CODE_RE.finditer(folded, 0, min(len(folded), SESSION_CODE_SPAN)):
        if text[match.start() : match.start() + 2].isupper() and int(match["number"]):
            kind = "ordinaria" if match["kind"] == "so" else "extraordinaria"
            return kind, int(match["number"])
    return None


def _session_number(
    text: str, folded: str, titles: list[re.Match[str]], opening_end: int
) -> int | None:
    for title in titles[:3]:
        if _OF_THE_MONTH_RE.match(folded, title.end()):
            continue  # "la segunda Sesión ordinaria de Cabildo del mes de noviembre": in the month
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
        if after and after["cardinal"]:
            number = _cardinal_prefix(after["cardinal"])
            if number is not None:
                return number
        elif after:
            try:
                return ordinal_words_to_number(
                    after["number"] or after["dotted"] or after["slashed"] or after["qualified"]
                )
            except ValueError:
                pass
    start = acta_start(folded)  # a gazette's issue number is not the session's
    for match in _NUMBER_LABEL_RE.finditer(folded, start, max(opening_end, start + 600)):
        if _OTHER_SESSION_RE.search(
            folded, max(0, match.start() - 20), match.start()
        ) or _cites_approved_minutes(folded, match.start()):
            continue
        if match["worded"] or match["worded_head"]:
            number = _cardinal_prefix(match["worded"] or match["worded_head"])
            if number is not None:
                return number
            continue
        raw = (
            match["acta"]
            or match["headed"]
            or match["labelled"]
            or match["composite"]
            or match["yearly"]
            or match["coded"]
            or match["plain"]
            or match["council"]
            or text[match.start("number") : match.end("number")]
        )
        for candidate in (raw, raw.split()[0]):
            if candidate.strip(".").isdigit():
                return int(candidate.strip("."))  # "Acta No. 1542/26/2017"
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
        if _LOOSE_NUMBER_RE.search(text, 0, match.start()):
            continue
        number = _ordinal_before(text[max(0, match.start() - 60) : match.start()])
        if number is not None:
            return number
    return None


_OF_THE_MONTH_RE = re.compile(r"(?:[^.;]|\.(?=\s+[a-z])){0,30}?\bdel\s+mes\b")
_BRACKETED_NUMBER_RE = re.compile(
    r"\s*\(\s*(?:[IVXLCivxlc]{1,7}|\d{1,3}\s*[aªoº°]?\.?)\s*\)[\s,]*$"
)
_ACTA_NUMBER_RE = re.compile(r"\b(?:acta|minuta)\s+\d{1,4}\s*$")
# A bare number before the title that is no ordinal: the page's number printed before the
# first line ("1 SESIÓN ORDINARIA PÚBLICA DE CABILDO …"), a leaf ("Número: 21 Foja: 22 Sesión
# pública ordinaria").
_LOOSE_NUMBER_RE = re.compile(
    r"(?:\A\s*|\b(?i:fojas?|hojas?|folio|p[aá]gina|p[aá]g\.)\s*:?\s*"
    # "TOMO II. - NÚMERO 49": the issue of a Diario de los Debates
    r"|\b(?i:tomo)\s+[IVXLC\d]+\b[^\n]{0,12}?\b(?i:n[uú]mero|n[uú]m\.)\s*)\d{1,4}\s+\Z"
)


_TENS = frozenset(["treinta", "cuarenta", "cincuenta", "sesenta", "setenta", "ochenta", "noventa"])


def _cardinal_prefix(words: str) -> int | None:
    """The longest cardinal that starts ``words``: "cincuenta de la sesion" -> 50; a scan's "v"
    for "y" after a multiple of ten is read as "y" ("cuarenta v tres")."""
    split = words.split()
    split = [
        "y" if word == "v" and index and split[index - 1] in _TENS else word
        for index, word in enumerate(split)
    ]
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


def _missing_date_warning(text: str, folded: str, opening_end: int) -> str:
    masked = re.search(r"\b\d{1,2}\s+(?:de\s+)?x{2,}[\sx]*de\s+\d{4}", folded[:opening_end])
    if masked:
        snippet = squash(text[masked.start() : masked.end()])
        return f"La fecha de la sesión no se puede leer: «{snippet}»."
    return "No se encontró la fecha de la sesión en el encabezado."
