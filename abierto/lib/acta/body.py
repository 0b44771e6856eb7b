"""The collegiate body that holds the session, as the acta names it.

"ACTA DE LA DÉCIMO QUINTA SESIÓN ORDINARIA DEL SECRETARIADO TÉCNICO LOCAL…", "Sesión
Número 383 del Colegio Académico", "En la Sala del Consejo Divisional de Ciencias Sociales
y Humanidades, … dio inicio la sesión": the body is the noun phrase after the session's
title, else one named on the first lines, else the longest mention in the opening.
"""

import itertools
import re

from abierto.lib.spanish import MONTHS, ordinal_words_to_number

from .councils import OF_LEGISLATURE_RE, is_ordinal, legislature, named_council
from .names import is_honorific
from .text import clean_title, fold, squash

_BODY_NOUNS = (
    r"(?:comite|subcomite|consejo|comision|secretariado|ayuntamiento|cabildo|pleno|junta|"
    r"organo\s+de\s+gobierno|asamblea|grupo\s+de\s+trabajo|concejo|colegio|mesa\s+directiva|"
    r"diputacion\s+permanente)"
)
_BODY_START_RE = re.compile(rf"\b(?:(?:h\.|r\.|honorable|republicano|ilustre)\s*)?{_BODY_NOUNS}\b")
_ACTA_OF_RE = re.compile(
    rf"\b(?:acta|minuta)\s+(?:de\s+la|del|de\s+los|de\s+las)\s+(?={_BODY_NOUNS}\b)"
)
_AFTER_TITLE_RE = re.compile(
    r"\s*(?:(?:\d{4}|(?:numero|num\.|no\.|n[°º]\.?)\s*\d{1,4})\s+)?(?:del|de\s+la|de\s+los|de)\s+"
)
_TITLED_NOUN_RE = re.compile(r"(?:honorable|h\.)\s*[A-ZÁÉÍÓÚÑ]")
_NOT_BODY_BEFORE_RE = re.compile(r"\b(?:sala|salon)\s+(?:de(?:l| la)?\s+)?$")
_CONNECTORS = frozenset(
    ["de", "del", "la", "las", "los", "y", "e", "para", "el", "a", "esta", "este", "dicha", "dicho"]
)
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
        # "Comisión de Juventud y Deporte Segundo Periodo Ordinario de Sesiones": the
        # legislative period is when the body meets, not part of its name.
        "periodo",
        # A letterhead's address after the name: "AYUNTAMIENTO DE ZACATECAS AV. HÉROES …".
        "av",
        "avenida",
        "calle",
        "col",
        "colonia",
        "tel",
    ]
)
_TOKEN_RE = re.compile(r"([ ]*)(,?)([ ]*)([^\s,;:()\[\]\"“”|]+)")
MAX_BODY_WORDS = 25


def read_body(text: str, folded: str, titles: list[re.Match[str]], opening_end: int) -> str:
    """The body's name: after the title, on the first lines, or its longest mention."""
    candidates: list[str] = []
    heading = _ACTA_OF_RE.search(folded, 0, min(len(folded), 400))
    if heading:
        # "ACTA DE LA COMISIÓN EDILICIA DE …": the acta is titled by the body itself.
        phrase = _body_phrase(text, folded, heading.end())
        if phrase:
            candidates.append(phrase)
    for title in titles:
        # "sesión extraordinaria número 24 del Honorable Ayuntamiento de …"
        after = _AFTER_TITLE_RE.match(folded, title.end())
        if after:
            phrase = _body_phrase(text, folded, after.end())
            if phrase and not _NOT_BODY_START_RE.match(fold(phrase)):
                candidates.append(phrase)
    mentions: list[str] = []
    rooms: list[str] = []  # "En la Sala del Consejo Académico…": the body, if none is named
    first_mention = first_room = -1
    for match in _BODY_START_RE.finditer(folded, 0, opening_end):
        if not text[match.start()].isupper() and not _TITLED_NOUN_RE.match(text, match.start()):
            continue  # "a consideración del pleno" is no name; "el honorable Consejo …" is
        phrase = _body_phrase(text, folded, _ordinal_lead(text, match.start()))
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
        if not candidate_key.startswith(key):
            continue
        longer = len(candidate_key) > len(fold(best))
        same_but_mixed = (
            len(candidate_key) == len(fold(best)) and best.isupper() and not candidate.isupper()
        )
        if longer or same_but_mixed:
            best = candidate
    return named_council(best, [*mentions, *_heading_mentions(text, folded)])


# "Sesión Ordinaria de fecha 13 de febrero", "Segunda Sesión Ordinaria de julio de 2015": what
# follows the title is its date, not a body.
_NOT_BODY_START_RE = re.compile(rf"(?:fecha|dia|{'|'.join(MONTHS)}|setiembre|\d+)\b")
_BUILDING_RE = re.compile(r"\b(?:palacio|edificio|recinto|auditorio)\b")
# "Pleno de esta Comisión Estatal…": the body's name, without the acta's demonstrative.
_DEMONSTRATIVE_RE = re.compile(r"\s+de\s+(esta|este|dicha|dicho)\s+", re.IGNORECASE)
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
        phrase = _body_phrase(text, folded, _ordinal_lead(text, match.start()))
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
            phrase = clean_title(stripped) if len(stripped.split()) <= MAX_BODY_WORDS else ""
            phrase = phrase or _body_phrase(text, folded, start)
            if phrase:
                found.append(phrase)
        elif (noun := _BODY_START_RE.search(folded, start, offset)) and (
            lead := _ordinal_lead(text, noun.start())
        ) < noun.start():
            # "ACTA DE LA SESIÓN 404 DEL VIGÉSIMO PRIMER CONSEJO ACADÉMICO, CELEBRADA …"
            phrase = _body_phrase(text, folded, lead)
            if phrase:
                found.append(phrase)
    return found


_WORD_RE = re.compile(r"[A-Za-zÁÉÍÓÚÑáéíóúñ]+")


def _ordinal_lead(text: str, start: int) -> int:
    """Where a body's name starts when ordinal words come before its noun: "del Vigésimo
    Primer Consejo Académico", "el Cuarto Consejo Universitario" (the council's term is part
    of its name). Only capitalised words count; without them, ``start``."""
    window_start = max(0, start - 40)
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
        wrapped = _wrapped_line_end(text, position)
        if wrapped is not None:
            position = wrapped  # "…del Consejo Ciudadano de Radio\nUniversidad Autónoma de…"
        match = _TOKEN_RE.match(text, position)
        if not match and _stray_colon(text, position):
            position = text.index(":", position) + 1
            continue
        if not match:
            break
        token_start, token_end = match.start(4), match.end(4)
        if _SPECK_QUOTE_RE.match(text, token_start):
            token_start += 1  # a scan's speck read as a quote: "del 'Municipio de Benito Juárez"
        token = text[token_start:token_end]
        folded_token = folded[token_start:token_end].strip(".")
        if first:
            first = False
            words.append((token_start, token_end))
            position = token_end
            if _SENTENCE_END_TOKEN_RE.search(token):
                break
            continue
        if match.group(2) and not _comma_continues(text, folded, token_end):
            break
        if folded_token in _CONNECTORS:
            if not pending and folded_token not in _RUN_STARTERS:
                break  # "Ayuntamiento los C.C. …": an article alone does not continue a name
            pending.append((token_start, token_end))
        elif (
            folded_token in _STOP_WORDS
            or not (token[0].isupper() or token[0].isdigit())
            or (any(c.isdigit() for c in token) and not _acronym_follows(text, token_end))
            or (is_honorific(token) and not _adjective(text, folded, token, token_end))
        ):
            break  # "del Presidente del Consejo Dr. Alberto Padilla": the name ends at "Dr."
        else:
            words.extend(pending)
            pending = []
            words.append((token_start, token_end))
            if _SENTENCE_END_TOKEN_RE.search(token):
                break  # "…Sesión Ordinaria de Cabildo. Secretario de Gobierno le solicito…"
        position = token_end
    while words and is_ordinal(text[words[-1][0] : words[-1][1]]):
        words.pop()  # "… y Deporte Segundo Periodo": the period's ordinal is not the name's
    if not words:
        return ""
    phrase = squash(text[words[0][0] : words[-1][1]]).strip(" .,;:")
    phrase = _STRAY_COLON_RE.sub(" ", phrase)
    phrase = _SPECK_QUOTE_RE.sub("", phrase)  # "del 'Municipio de Benito Juárez" in a scan
    # "Comisión de Juventud y Deporte de la Sexagésima Tercera Legislatura": the legislature
    # the committee belongs to changes every three years; the committee's name does not.
    if not is_ordinal(phrase.split()[0]):
        # "Primera Diputación Permanente de la Sexagésima Octava Legislatura": a body numbered
        # within its legislature is named with it.
        phrase = OF_LEGISLATURE_RE.sub("", phrase)
    phrase = _DEMONSTRATIVE_RE.sub(
        lambda match: " del " if fold(match[1]) in ("este", "dicho") else " de la ", phrase
    )
    return phrase if len(phrase) > 3 else ""


MIN_WRAPPED_LINE_CHARS = 45  # a line of prose wrapped at the margin, not a short heading


def _wrapped_line_end(text: str, position: int) -> int | None:
    """Where the next line starts, when the name goes on past a line wrapped at the margin."""
    newline = re.match(r"[ ]*\n[ ]*(?=[A-ZÁÉÍÓÚÑ])", text[position : position + 8])
    if newline is None:
        return None
    line_start = text.rfind("\n", 0, position) + 1
    if position - line_start < MIN_WRAPPED_LINE_CHARS:
        return None
    following = text[position + newline.end() :].split(maxsplit=4)
    before = text[max(line_start, position - 30) : position].split()
    if not following or not before or _LIST_MARKER_RE.match(following[0]):
        return None  # "… Anticorrupción\nI. DATOS GENERALES": a new section, not the name
    if _in_capitals(before[-1]) != _line_in_capitals(following):
        return None  # "…del Consejo de Rectores\nUNIVERSIDAD DE …": another heading
    return position + newline.end()


def _line_in_capitals(words: list[str]) -> bool:
    """Whether a line is written in capitals, judged by its first word of two letters or more.

    A heading's numeral misread by OCR ("I." read as "E") is one letter, which says nothing:
    "…Anticorrupción\nE DATOS GENERALES DE LA REUNIÓN" is a new heading, not the name going on.
    """
    for word in words[:4]:
        if sum(char.isalpha() for char in word) > 1:
            return _in_capitals(word)
    return False


_LIST_MARKER_RE = re.compile(r"^(?:[IVXL]{1,6}|\d{1,3}|[a-z])[.)-]")


def _in_capitals(word: str) -> bool:
    letters = [char for char in word if char.isalpha()]
    return len(letters) > 1 and all(char.isupper() for char in letters)


_SPECK_QUOTE_RE = re.compile("(?<=\\s)['\u2018\u2019](?=[A-ZÁÉÍÓÚÑ])")
_STRAY_COLON_RE = re.compile(r"[ ]*:[ ]+(?=(?:Y|E|DE|DEL|PARA)[ ])")


def _stray_colon(text: str, position: int) -> bool:
    """ "RENDICIÓN DE CUENTAS: Y COMBATE A LA CORRUPCIÓN": in a name written in capitals, a
    colon that a connector and another capitalised word follow is a slip (often of OCR)."""
    following = re.match(
        r"[ ]*:[ ]+(?:Y|E|DE|DEL|PARA)[ ]+[A-ZÁÉÍÓÚÑ]{2}", text[position : position + 20]
    )
    return following is not None and text[max(0, position - 3) : position].strip().isupper()


def _adjective(text: str, folded: str, token: str, token_end: int) -> bool:
    """ "Consejo Ciudadano de Radio…": a title written out, with no dot and a connector after
    it, qualifies the body; "Consejo Doctor Alberto…" starts a person's name."""
    following = folded[token_end : token_end + 12].split()
    return "." not in token and bool(following) and following[0] in _RUN_STARTERS


def _acronym_follows(text: str, token_end: int) -> bool:
    """ "Radio Universidad … 94.5 FM XHUAA": a figure an acronym follows belongs to the name;
    in a heading in capitals, "MONTERREY 15 DE NOVIEMBRE" is a date."""
    following = text[token_end : token_end + 12].split()
    return (
        bool(following)
        and following[0].isalpha()
        and following[0].isupper()
        and fold(following[0]) not in _CONNECTORS
    )


_SENTENCE_END_TOKEN_RE = re.compile(r"[a-záéíóúñ]{3}\.$")


def _comma_continues(text: str, folded: str, token_end: int) -> bool:
    following = folded[token_end : token_end + 25].split()
    return bool(following) and following[0] in ("a", "de", "del", "y", "e")
