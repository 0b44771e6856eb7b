"""The collegiate body that holds the session, as the acta names it.

"ACTA DE LA DÉCIMO QUINTA SESIÓN ORDINARIA DEL SECRETARIADO TÉCNICO LOCAL…", "Sesión
Número 383 del Colegio Académico", "En la Sala del Consejo Divisional de Ciencias Sociales
y Humanidades, … dio inicio la sesión": the body is the noun phrase after the session's
title, else one named on the first lines, else the longest mention in the opening.
"""

import itertools
import re

from abierto.lib.roman import from_roman
from abierto.lib.spanish import MONTHS, ordinal_words_to_number

from .body_phrase import MAX_BODY_WORDS, body_phrase
from .councils import legislature, named_council
from .text import clean_title, fold

_BODY_NOUNS = (
    r"(?:comite|subcomite|consejo|comision|secretariado|ayuntamiento|cabildo|pleno|junta|"
    r"organo\s+de\s+gobierno|asamblea|concejo|colegio|mesa\s+directiva|"
    # "Grupo de Trabajo …", "Grupo de Gobierno Abierto de Tlalnepantla", "Grupo Impulsor …"
    r"grupo(?=\s+(?:de|del|interinstitucional|coordinador|tecnico|impulsor|promotor|asesor)\s)|"
    r"diputacion\s+permanente|red(?=\s+(?:de|nacional|estatal|regional)\b)|"
    # "el Sistema Municipal de Protección Integral de Niñas, Niños y Adolescentes", "el Sistema
    # Estatal para la Igualdad entre Mujeres y Hombres": a system that sits as a body (not "el
    # Sistema Estatal Anticorrupción", whose committees do).
    r"sistema(?=\s+(?:municipal|estatal|nacional)\s+(?:de|para)\b))"
)
_BODY_START_RE = re.compile(rf"\b(?:(?:h\.|r\.|honorable|republicano|ilustre)\s*)?{_BODY_NOUNS}\b")
_ACTA_OF_RE = re.compile(
    rf"\b(?:acta|minuta)\s+(?:de\s+la|del|de\s+los|de\s+las)\s+(?={_BODY_NOUNS}\b)"
)
_AFTER_TITLE_RE = re.compile(
    r"\s*(?:(?:\d{4}|(?:numero|num\.|no\.|n[°º]\.?)\s*\d{1,4})\s+)?(?:del|de\s+la|de\s+los|de)\s+"
)
# A gazette's description of the seal in the margin ("Al margen un sello con el Escudo Nacional
# que dice Estados Unidos Mexicanos y el Honorable Ayuntamiento Constitucional de …"), to the
# end of its paragraph.
_SEAL_RE = re.compile(r"\bal\s+margen\s+(?:un|el|del)\s+sello\b[^\n]*")
_HONOURED_RE = re.compile(r"^(?:h\.|honorable)\s*")
_TITLED_NOUN_RE = re.compile(r"(?:honorable|h\.)\s*[A-ZÁÉÍÓÚÑ]")
_NOT_BODY_BEFORE_RE = re.compile(r"\b(?:sala|salon)\s+(?:de(?:l| la)?\s+)?$")


def read_body(text: str, folded: str, titles: list[re.Match[str]], opening_end: int) -> str:
    """The body's name: after the title, on the first lines, or its longest mention."""
    candidates: list[str] = []
    heading = _ACTA_OF_RE.search(folded, 0, min(len(folded), 400))
    if heading:
        # "ACTA DE LA COMISIÓN EDILICIA DE …": the acta is titled by the body itself.
        phrase = body_phrase(text, folded, heading.end())
        if phrase:
            candidates.append(phrase)
    for title in titles:
        # "sesión extraordinaria número 24 del Honorable Ayuntamiento de …"
        after = _AFTER_TITLE_RE.match(folded, title.end())
        if after:
            phrase = body_phrase(text, folded, after.end())
            if (
                phrase
                and not _NOT_BODY_START_RE.match(fold(phrase))
                and not _town(phrase)
                and not _SEAT_NOT_BODY_RE.match(fold(phrase))
            ):
                candidates.append(phrase)
    mentions: list[str] = []
    rooms: list[str] = []  # "En la Sala del Consejo Académico…": the body, if none is named
    first_mention = first_room = -1
    seals = [range(m.start(), m.end()) for m in _SEAL_RE.finditer(folded, 0, opening_end)]
    for match in _BODY_START_RE.finditer(folded, 0, opening_end):
        if not text[match.start()].isupper() and not _TITLED_NOUN_RE.match(text, match.start()):
            continue  # "a consideración del pleno" is no name; "el honorable Consejo …" is
        if any(match.start() in seal for seal in seals):
            continue  # the seal's legend names the institution, not the body that meets
        phrase = body_phrase(text, folded, _ordinal_lead(text, match.start()))
        if not phrase:
            continue
        if _NOT_BODY_BEFORE_RE.search(folded, max(0, match.start() - 25), match.start()):
            if _BUILDING_RE.search(fold(phrase)):
                continue  # "la Sala de Cabildo del Palacio Municipal": a room, named by its use
            rooms.append(phrase)
            first_room = match.start() if first_room < 0 else first_room
        else:
            mentions.append(phrase)
            first_mention = match.start() if first_mention < 0 else first_mention
    if not candidates:
        candidates = _heading_mentions(text, folded)
    if not candidates and (group := _GROUP_MEETING_RE.search(text, 0, opening_end)):
        # "8a reunión de Directores de la región II de la ANFEI", "Cuarta Reunión de Directores
        # de Zona": a meeting of the holders of one office is that group's.
        candidates = [_GROUP_END_RE.split(group["group"], maxsplit=1)[0].strip(" ,")]
    if not candidates and _room_names_the_body(text, first_room, first_mention):
        candidates = rooms[:1]
    if not candidates:
        candidates = mentions[:1] or rooms[:1]
    if not candidates:
        candidates = [legislature(text, opening_end)]
    if not candidates[0]:
        candidates = _later_mentions(text, folded, opening_end)[:1]
    if not candidates:
        return ""
    primary = candidates[0]
    key = fold(primary)
    best = primary
    for candidate in [*candidates, *mentions, *rooms]:
        candidate_key = fold(candidate)
        if not candidate_key.startswith(key) and not _HONOURED_RE.sub("", candidate_key).startswith(
            key
        ):
            continue  # ("de Ayuntamiento" in the title; "del H. Ayuntamiento de Tonalá" named)
        longer = len(candidate_key) > len(fold(best))
        same_but_mixed = (
            len(candidate_key) == len(fold(best)) and best.isupper() and not candidate.isupper()
        )
        if longer or same_but_mixed:
            best = candidate
    return named_council(best, [*mentions, *_heading_mentions(text, folded)])


def _town(phrase: str) -> bool:
    """ "esta Sesión Ordinaria de Tlaquepaque": one capitalised word, no body's noun nor an
    acronym, after the title names the town the body governs, not the body."""
    return (
        len(phrase.split()) == 1
        and not phrase.isupper()
        and _BODY_START_RE.search(fold(phrase)) is None
    )


# "PRIMERA SESIÓN ORDINARIA\nDEL ESTADO DE COAHUILA" (a letterhead's lines run together in a
# scan): a state, a municipality or a city is where a body sits, not a body.
_GROUP_MEETING_RE = re.compile(
    r"(?i:reuni[oó]n)\s+(?:[a-záéíóú]+\s+)?de\s+(?P<group>(?:Directores|Directoras|Coordinadores|"
    r"Rectores|Presidentes|Secretarios|Titulares|Enlaces|Jefes|Supervisores|Responsables)\b"
    r"[^,.;:\n]{0,60})"
)
_GROUP_END_RE = re.compile(
    r"\s+(?:con|para|que|dando|celebrad[oa]|el\s+d[ií]a|a\s+las|siendo|en\s+(?:la|el)\s+sede)\b"
)
_SEAT_NOT_BODY_RE = re.compile(rf"(?:estado|municipio|ciudad)\s+(?:de\s+)?(?!.*\b{_BODY_NOUNS}\b)")
# "Sesión Ordinaria de fecha 13 de febrero", "Segunda Sesión Ordinaria de julio de 2015": what
# follows the title is its date, not a body.
# ("ACTA DE LA PRIMERA SESIÓN ORDINARIA DEL PERIODO 2019-2021": a term, not a body)
_NOT_BODY_START_RE = re.compile(
    rf"(?:fecha|dia|{'|'.join(MONTHS)}|setiembre|\d+|periodo|ejercicio|ano|bienio|trienio|ciclo)\b"
)
_BUILDING_RE = re.compile(r"\b(?:palacio|edificio|recinto|auditorio)\b")
LATER_MENTION_CHARS = 3000


def _later_mentions(text: str, folded: str, opening_end: int) -> list[str]:
    """Bodies named after the opening (an agenda item "… DEL CABILDO DEL H. AYUNTAMIENTO DE
    MAZATLÁN …"), when the opening names none: rooms left out."""
    found: list[str] = []
    for match in _BODY_START_RE.finditer(folded, opening_end, opening_end + LATER_MENTION_CHARS):
        if not text[match.start()].isupper():
            continue
        if _NOT_BODY_BEFORE_RE.search(folded, max(0, match.start() - 25), match.start()):
            continue
        phrase = body_phrase(text, folded, _ordinal_lead(text, match.start()))
        if phrase and len(phrase.split()) > 1:
            found.append(phrase)
    return found


def _room_names_the_body(text: str, room: int, mention: int) -> bool:
    """Whether the room's owner is the body: "En la Sala del Consejo Académico …, dio inicio
    la Sesión 12.07 de este órgano colegiado. El Presidente dio la bienvenida al Ing. …,
    designado por el Consejo Divisional …": the room comes first and the other body is
    named only in a later sentence, so it acts in the narrative, not as the session's host."""
    if room < 0:
        return False
    if mention < 0:
        return True
    return mention > room and _SENTENCE_END_RE.search(text, room, mention) is not None


_SENTENCE_END_RE = re.compile(r"[a-záéíóúñ)]{2}\.\s+[A-ZÁÉÍÓÚÑ]")


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
            if _CONTINUED_RE.search(text, max(0, start - 8), start):
                continue  # "… EL H.\nCABILDO AUTORIZA …": the line goes on with a sentence
            stripped = _heading_body(stripped)
            phrase = clean_title(stripped) if len(stripped.split()) <= MAX_BODY_WORDS else ""
            phrase = phrase or body_phrase(text, folded, start)
            if phrase:
                found.append(phrase)
        elif (noun := _BODY_START_RE.search(folded, start, offset)) and (
            lead := _ordinal_lead(text, noun.start())
        ) < noun.start():
            # "ACTA DE LA SESIÓN 404 DEL VIGÉSIMO PRIMER CONSEJO ACADÉMICO, CELEBRADA …"
            phrase = body_phrase(text, folded, lead)
            if phrase:
                found.append(phrase)
    return found


# "AYUNTAMIENTO CONSTITUCIONAL DE MERIDA, YUCATAN, ESTADOS UNIDOS MEXICANOS ACTA DE SESION
# ORDINARIA …": the letterhead's body, its country, then the acta's title on the same line.
_TITLE_ON_LINE_RE = re.compile(r"\s+acta\s+(?:de|del|no\.?|num\.?|numero)\s")
_COUNTRY_RE = re.compile(r",?\s*estados\s+unidos\s+mexicanos\s*[.,]?\s*$")


def _heading_body(line: str) -> str:
    """The body a heading line names, without the acta's title after it or the country."""
    folded = fold(line)
    title = _TITLE_ON_LINE_RE.search(folded)
    if title:
        line, folded = line[: title.start()], folded[: title.start()]
    country = _COUNTRY_RE.search(folded)
    line = line[: country.start()] if country and country.start() else line
    # "COMITÉ DE TRANSPARENCIA o": a scan's speck after a name in capitals
    speck = _SPECK_AFTER_CAPITALS_RE.search(line)
    return line[: speck.start()] if speck else line


_SPECK_AFTER_CAPITALS_RE = re.compile(r"(?<=[A-ZÁÉÍÓÚÑ]{3})\s+[a-z]\W?$")


_CONTINUED_RE = re.compile(
    r"(?:\s|^)(?:H\.|R\.|HONORABLE|Honorable|EL|LA|DEL|DE|el|la|del|de)\s*\n\Z"
)
_TERM_NUMERAL_RE = re.compile(
    r"(?<![\w.])(?:(?:H\.|R\.|Honorable)\s*)?(?P<numeral>[IVXLC]{2,8})\s+\Z"
)
_ASSEMBLY_RE = re.compile(r"(?i:asamblea)\b")
_WORD_RE = re.compile(r"[A-Za-zÁÉÍÓÚÑáéíóúñ]+")


def _ordinal_lead(text: str, start: int) -> int:
    """Where a body's name starts when ordinal words come before its noun: "del Vigésimo
    Primer Consejo Académico", "el Cuarto Consejo Universitario" (the council's term is part
    of its name). Only capitalised words count; without them, ``start``. An assembly's ordinal
    counts its meetings ("la Tercera Asamblea General del Consejo …"): it is no name's."""
    if _ASSEMBLY_RE.match(text, start):
        return start
    window_start = max(0, start - 40)
    numeral = _TERM_NUMERAL_RE.search(text, window_start, start)
    if numeral:
        try:
            from_roman(numeral["numeral"])
        except ValueError:
            pass
        else:
            return numeral.start()  # "del H. XXXIX Ayuntamiento": the administration's term
    words = list(_WORD_RE.finditer(text, window_start, start))
    if not words or text[words[-1].end() : start].strip():
        return start
    for length in (3, 2, 1):
        if len(words) < length:
            continue
        chosen = words[-length:]
        if not all(word[0][0].isupper() and len(word[0]) > 3 for word in chosen):
            continue
        if any(text[a.end() : b.start()].strip() for a, b in itertools.pairwise(chosen)):
            continue
        try:
            ordinal_words_to_number(" ".join(word[0] for word in chosen))
        except ValueError:
            continue
        return chosen[0].start()
    return start
