"""The noun phrase that names a body, read word by word from where it starts: "Secretariado
Técnico Local de Gobierno Abierto del Estado de México", "Instituto de Transparencia, Acceso a la
Información Pública, …". ``body`` decides where a body is named; this module reads how far its
name goes.
"""

import re

from .councils import OF_LEGISLATURE, OF_LEGISLATURE_RE, is_ordinal
from .names import is_honorific
from .text import fold, squash

# "Comité Técnico del Fideicomiso denominado Fondo para el Desarrollo …": a name given by its
# participle goes on as the body's name does.
_NAMING = ("denominado", "denominada", "denominados", "denominadas")
_CONNECTORS = frozenset(
    [
        *("de", "del", "la", "las", "los", "y", "e", "para", "el", "a"),
        *("esta", "este", "dicha", "dicho"),
        *_NAMING,
    ]
)
_RUN_STARTERS = frozenset(["de", "del", "y", "e", "para", "a", *_NAMING])
_DECIDING_VERBS = (
    "autoriza",
    "autorizo",
    "aprueba",
    "aprobo",
    "acuerda",
    "acordo",
    "determina",
    "determino",
    "resuelve",
    "resolvio",
    "designa",
    "designo",
    "instruye",
    "instruyo",
    "otorga",
    "otorgo",
    "expide",
    "expidio",
)
# "EL C. SECRETARIO DEL HONORABLE AYUNTAMIENTO DICE: BUENOS DÍAS, …": the body, then its
# officer's words, in a transcript's capitals.
_SPEAKING_VERBS = (
    "dice",
    "manifiesta",
    "expresa",
    "expone",
    "senala",
    "comenta",
    "menciona",
    "informa",
    "pregunta",
    "responde",
    "indica",
)
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
        # "COMISIÓN DE ASUNTOS MUNICIPALES SEGUNDO AÑO DE EJERCICIO CONSTITUCIONAL": the
        # legislature's year, not the committee's name (its ordinal is dropped below).
        "ano",
        # A letterhead's address after the name: "AYUNTAMIENTO DE ZACATECAS AV. HÉROES …".
        "av",
        "avenida",
        "calle",
        "col",
        "colonia",
        "tel",
        # "EL H. CABILDO AUTORIZA POR UNANIMIDAD …": the body, then what it decides.
        *_DECIDING_VERBS,
        *_SPEAKING_VERBS,
    ]
)
_TOKEN_RE = re.compile(r"([ ]*)(,?)([ ]*)([^\s,;:()\[\]\"“”|]+)")
MAX_BODY_WORDS = 25

# "del Sistema Anticorrupción del estado de Coahuila de Zaragoza": the state or municipality
# a body belongs to, written in lower case, then its proper name.
_JURISDICTION_RE = re.compile(r"(?:estado|municipio)\s+de\s+(?=[A-ZÁÉÍÓÚÑ])")
# "Pleno de esta Comisión Estatal…": the body's name, without the acta's demonstrative.
_DEMONSTRATIVE_RE = re.compile(r"\s+de\s+(esta|este|dicha|dicho)\s+", re.IGNORECASE)


def body_phrase(text: str, folded: str, start: int) -> str:
    """The noun phrase naming a body that starts at ``start``.

    Capitalised words and connectors ("de", "del", "y") continue it; a stop word,
    a lower-case word, a digit, a paragraph break or a bracket ends it. A comma
    continues it only before a capitalised word followed soon by a connector, as
    in "Instituto de Transparencia, Acceso a la Información Pública, …".
    """
    words: list[tuple[int, int]] = []
    pending: list[tuple[int, int]] = []
    skipped: list[tuple[int, int]] = []  # the meeting's kind, inside an assembly's name
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
        if match.group(2) and not (
            _comma_continues(text, folded, token_end)
            # "Segunda Diputación Permanente, de la Sexagésima Séptima Legislatura"
            or _LEGISLATURE_AFTER_RE.match(folded, token_start)
        ):
            break
        if (
            folded_token in _WITH
            and (pending or words)
            and _NAME_WORD_AFTER_RE.match(text, token_end)
        ):
            # "Consejo Consultivo para la Atención de Personas con Discapacidad": "con" before a
            # capitalised word goes on with the name (not "Cabildo con la asistencia de …").
            pending.append((token_start, token_end))
            position = token_end
            continue
        if (
            folded_token in _SESSION_KINDS
            and words
            and _BODY_GOES_ON_RE.match(text, token_end)
            and not pending
        ):
            # "ASAMBLEA GENERAL ORDINARIA DE LA ASOCIACIÓN DE COLONOS …": the meeting's kind
            # inside the assembly's name is no part of it
            skipped.append((token_start, token_end))
            position = token_end
            continue
        if folded_token in _CONNECTORS:
            if not pending and folded_token not in _RUN_STARTERS:
                break  # "Ayuntamiento los C.C. …": an article alone does not continue a name
            pending.append((token_start, token_end))
        elif (
            folded_token in _STOP_WORDS
            or not (
                token[0].isupper()
                or token[0].isdigit()
                or (pending and _JURISDICTION_RE.match(text, token_start))
            )
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
    end = words[-1][1]
    named = _QUOTED_NAME_RE.match(text, end)
    if named is not None:
        # 'SOCIEDAD COOPERATIVA DE PRODUCCIÓN "MUJERES DEL TOTONACAPAN", S.C. DE R.L.': the
        # name in quotes, and the legal form after it, are the body's
        end = named.end()
    else:
        form = _LEGAL_FORM_RE.match(text, end)
        end = form.end() if form is not None else end
    phrase = squash(_without_skipped(text, words[0][0], end, skipped)).strip(" ,;:")
    if not _LEGAL_FORM_END_RE.search(phrase):
        phrase = phrase.strip(" .,;:")  # (a legal form keeps its last stop: "A.C.")
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


def _without_skipped(text: str, start: int, end: int, skipped: list[tuple[int, int]]) -> str:
    """``text[start:end]`` without the skipped words inside it."""
    kept, position = [], start
    for skip_start, skip_end in skipped:
        if start <= skip_start and skip_end <= end:
            kept.append(text[position:skip_start])
            position = skip_end
    return "".join([*kept, text[position:end]])


_SESSION_KINDS = frozenset(["ordinaria", "extraordinaria", "ordinario", "extraordinario"])
_BODY_GOES_ON_RE = re.compile(r"\s+(?i:de\s+la|del|de\s+los|de)\s+[A-ZÁÉÍÓÚÑ]")
# 'ASOCIACIÓN DE COLONOS "LOS VERGELES DE OAXTEPEC", A.C.', 'Asociación Civil “Amigos del Río”'
_LEGAL_FORM = (
    r"(?:,?\s*(?:A\.\s?C\.|S\.\s?C\.(?:\s+(?:de|DE)\s+R\.\s?L\.)?(?:\s+(?:de|DE)\s+C\.\s?V\.)?|"
    r"I\.\s?A\.\s?P\.|S\.\s?A\.(?:\s+(?:de|DE)\s+C\.\s?V\.)?))"
)
_QUOTED_NAME_RE = re.compile(r"\s*[\"“][^\"“”\n]{2,80}[\"”]" + _LEGAL_FORM + "?")
_LEGAL_FORM_RE = re.compile(_LEGAL_FORM)
_LEGAL_FORM_END_RE = re.compile(_LEGAL_FORM + r"$")


MIN_WRAPPED_LINE_CHARS = 40  # a line of prose wrapped at the margin, not a short heading


_TITLE_AT_LINE_END_RE = re.compile(r"(?:^|\s)(?:H|R|HONORABLE|Honorable)\.?\Z")


def _wrapped_line_end(text: str, position: int) -> int | None:
    """Where the next line starts, when the name goes on past a line wrapped at the margin."""
    newline = re.match(r"[ ]*\n[ ]*(?=[A-ZÁÉÍÓÚÑ])", text[position : position + 8])
    if newline is None:
        return None
    line_start = text.rfind("\n", 0, position) + 1
    if _TITLE_AT_LINE_END_RE.search(text, max(line_start, position - 12), position):
        return position + newline.end()  # "EL H.\nCABILDO": the title, then its noun
    if position - line_start < MIN_WRAPPED_LINE_CHARS:
        return None
    following = text[position + newline.end() :].split(maxsplit=4)
    before = text[max(line_start, position - 30) : position].split()
    if not following or not before or _LIST_MARKER_RE.match(following[0]):
        return None  # "… Anticorrupción\nI. DATOS GENERALES": a new section, not the name
    if _SECTION_LINE_RE.match(fold(text[position + newline.end() : position + newline.end() + 40])):
        return None  # "…DEL COMITÉ TÉCNICO\nPASE DE LISTA": the minute's first section
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


# The headings that open a minute's sections, on a line of their own after its title.
_SECTION_LINE_RE = re.compile(
    r"(?:(?:pase\s+de\s+lista|lista\s+de\s+(?:asistencia|asistentes|presentes)|asistentes|"
    r"presentes|participantes|orden\s+del\s+dia|antecedentes|acuerdos|desarrollo\s+de\s+la)\b"
    r"|(?:fecha|hora|lugar)\s*:)"
)
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
    it, qualifies the body, as it does before a stop or a colon; "Consejo Doctor Alberto…"
    starts a person's name."""
    if "." in token:
        return False
    gap = folded[token_end : token_end + 12]
    blank = gap[: len(gap) - len(gap.lstrip())]
    following = gap.split()
    # "los integrantes del Consejo Ciudadano: Alicia …": no name follows the word itself;
    # "…DE PARTICIPACIÓN CIUDADANA\nEn Zapopan": nor does one after the name's line ends.
    return (
        not following
        or "\n" in blank
        or following[0] in _RUN_STARTERS
        or not following[0][0].isalpha()
    )


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
_WITH = frozenset(["con"])
_NAME_WORD_AFTER_RE = re.compile(
    r"[ ]+(?!(?:Lic|Licda|Licdo|Dra?|Ing|Mtr[oa]|Arq|C|Profr?a?)\.)"
    r"[A-ZÁÉÍÓÚÑ][A-ZÁÉÍÓÚÑa-záéíóúñ]{3,}\b"
)
_LEGISLATURE_AFTER_RE = re.compile(rf"{OF_LEGISLATURE}\b")


def _comma_continues(text: str, folded: str, token_end: int) -> bool:
    following = folded[token_end : token_end + 25].split()
    return bool(following) and following[0] in ("a", "de", "del", "y", "e")
