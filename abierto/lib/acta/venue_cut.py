"""How far a venue's text goes once ``venue`` has found where it starts: through the building's
seat and city and through the parts of its street address, to the clause that follows ("…, a las
10:12 horas", "…, se reunieron los integrantes"). Split from ``venue``, which reads where and how
a session was held.
"""

import re

from .text import clean_title, is_abbreviation

# A street address under a "Lugar" label: the session was held there.
ADDRESS_RE = re.compile(
    r"\b(?:blvd|boulevard|bulevar|calle|avenida|av|col|colonia|c\.\s?p|piso|esquina|carretera|km)\b\.?"
    r"(?=\s)|\bn(?:o|um|umero)\.?\s*\d"
)
_PLACE_END_RE = re.compile(
    # "en los salones C y D, del edificio G de la Cámara …, situada en avenida …": the room's
    # building and its address go on.
    # "…de Navojoa, Sonora, en Palacio Municipal, ubicado en …": the town, then the building.
    # "Palacio Legislativo de San Lázaro, en la Ciudad de México, sede de la Cámara de
    # Diputados, sito en …": the building's seat, and its city before it, go on.
    # "en la planta baja del edificio, área que ocupa la Presidencia del Comité": the premises
    # an office occupies, in apposition, go on.
    r"[;\n)]|,(?!\s*(?:ubicad|situad|sit[oa]\s+en\b|que\s+se\s+(?:ubica|encuentra)\b|"
    r"(?:area|oficinas?|instalaciones|espacio|lugar)\s+que\s+ocupa\b|"
    r"sede\s+(?:de|del|oficial)\b|"
    r"en\s+la\s+ciudad\s+de\s[^,;.\n]{2,40},\s*(?:sede\s|sit[oa]\s+en\b|ubicad|situad)|"
    r"(?:[a-z]+(?:\s+[a-z]+)?\s*,\s*)?en\s+(?:el\s+)?(?:edificio|palacio|recinto|inmueble)\b|"
    r"del?\s+(?:edificio|palacio|recinto|inmueble)\b))|\.(?=\s|$)"
    r"|\s+y\s+(?:videoconferencia|a\s+traves|por\s+medio|virtual|en\s+linea)"
    # "la aplicación Google Meet (enlace meet.google.com/…)": the meeting's link in brackets
    r"|\s*\((?=\s*(?:enlace|liga|link|url|https?:|id\b|contrasena|clave))"
    r"|\s+el\s+(?:dia\s+)?\d"  # "… EN LA UNIVERSIDAD DE GUANAJUATO EL 28 DE NOVIEMBRE …"
    # ("los C.", "los CC.": the stop is looked ahead to, so that the closing "\b" can match)
    r"|\s+(?:los\s+integrantes|las\s+personas|las\s+y\s+los|los\s+c(?=\.)|"
    r"(?:los|las)\s+(?:ciudadan[oa]s|senor[ae]s|c\.\s?c(?=\.)|cc(?=\.)|regidor[a-z]*|consejer[a-z]*|"
    r"comisionad[a-z]*|diputad[a-z]*|integrantes|miembros|municipes|ediles)|"
    r"bajo|estando|con\s+el\s+objeto|con\s+la\s+finalidad|a\s+traves|de\s+manera|de\s+forma|"
    r"siendo|para\s+celebrar|para\s+llevar|se\s+(?!ubica|encuentra|localiza|situa)[a-z]{3,}|tuvo\s+lugar|d[ai]o?\s+inicio|previa|en\s+terminos|con\s+fundamento|"
    r"(?:y\s+)?contando\s+con|en\s+(?:cabildo|junta|asamblea)\s+(?:ordinari|extraordinari|solemne)[oa]?|"
    r"en\s+(?:reunion|sesion)\s+(?:de|del|ordinari|extraordinari))\b",
)


def cut_place(text: str, folded: str, start: int) -> str | None:
    position = start
    limit = min(len(text), start + 250)
    while position < limit:
        stop = _PLACE_END_RE.search(folded, position, limit)
        if not stop:
            position = limit
            break
        inside_quotes = text.count('"', start, stop.start()) % 2 == 1
        if (
            inside_quotes
            or _closes_acronym(text, start, stop.start())
            or _address_goes_on(folded, start, stop.start())
            or (folded[stop.start()] == "," and _NAME_GOES_ON_RE.match(text, stop.start()))
            or (folded[stop.start()] == "." and _abbreviation_before(text, stop.start()))
            or (folded[stop.start()] == "\n" and _wrapped_line(text, stop.start()))
        ):
            position = stop.end()
            continue
        position = stop.start()
        break
    if position >= limit and limit < len(text):
        # Past the longest venue: cut at its last comma (or word), not inside a word.
        comma = text.rfind(",", start, limit)
        position = comma if comma > start else text.rfind(" ", start, limit)
    place = clean_title(text[start:position])
    return place or None


# "sala de sesiones del Pleno del Instituto Nacional de Transparencia, Acceso a la Información y
# Protección de Datos Personales": a comma inside an institution's name, which goes on with a
# capitalised word and its complement (not a city, a state or an address's part).
_NAME_GOES_ON_RE = re.compile(
    r",\s+(?!Ciudad\b|Estado\b|Municipio\b|Colonia\b|Delegaci|Alcald)[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+"
    r"\s+(?:a|de|del|y|e)\s+(?:(?:la|las|los|el)\s+)?[A-ZÁÉÍÓÚÑ]"
)


# The parts of a street address after its street: "avenida Juárez, número seis, colonia Centro".
_ADDRESS_PART_RE = re.compile(
    r",\s*(?:del?\s+)?(?:numero\b|num\.|no\.\s*\d|colonia\b|col\.|delegacion\b|alcaldia\b|c\.\s?p\.|"
    r"fraccionamiento\b|fracc\.|barrio\b|"
    r"codigo\s+postal\b|piso\b|esquina\b|entre\b|interior\b)"
)


def label_value_end(value: str) -> int:
    """Where a "Lugar:" label's value ends: its line, or a sentence's stop before the line
    goes on ("Lugar: Sala de Juntas, Cuarto Piso del Edificio México. Héctor Segura …" in a
    minute published as one paragraph); not the stop of an abbreviation ("Av. Juárez")."""
    for stop in _LABEL_SENTENCE_END_RE.finditer(value):
        if not _abbreviation_before(value, stop.start()):
            return stop.start()
    return len(value)


_LABEL_SENTENCE_END_RE = re.compile(r"\.(?=[ ]+[A-ZÁÉÍÓÚÑ])")


def _address_goes_on(folded: str, start: int, comma: int) -> bool:
    """Whether the comma at ``comma`` only separates the parts of the address the place gives.

    When the place is a street address ("edificio ubicado en avenida Juárez, número seis,
    colonia Centro") its number and neighbourhood belong to it; a building named before an
    address ("Sede Administrativa, sito en calle…") ends at its name.
    """
    addressed = ADDRESS_RE.search(folded, start, comma) or _SITED_RE.search(folded, start, comma)
    return bool(addressed) and bool(
        _ADDRESS_PART_RE.match(folded, comma) or _POSTAL_CODE_AHEAD_RE.match(folded, comma)
    )


# "…, sito en Congreso de la Unión 66, colonia El Parque": what follows is an address even when
# its street is named without "calle" or "avenida".
_SITED_RE = re.compile(r"\b(?:sit[oa]|ubicad[oa]|situad[oa])\s+en\b")


# "…, sito en calle Dante número catorce, Anzures, Miguel Hidalgo, Código Postal once mil …":
# the neighbourhood and the borough, unlabelled, before the postal code that closes the address.
_POSTAL_CODE_AHEAD_RE = re.compile(r",[^;.\n]{0,80}?\b(?:codigo\s+postal|c\.\s?p\.)")


def _closes_acronym(text: str, start: int, position: int) -> bool:
    """ "en la sede del Consejo Nacional … (CONAPRED), sito en …": a bracketed acronym."""
    opening = text.rfind("(", start, position)
    return (
        text[position] == ")"
        and opening != -1
        # "(en adelante CEGAIP)": the acronym the acta will use
        and bool(
            re.fullmatch(
                r"(?:en\s+adelante\s+(?:el\s+|la\s+)?)?[A-ZÁÉÍÓÚÑ0-9-]{2,15}",
                text[opening + 1 : position],
            )
        )
    )


MIN_WRAPPED_LINE = 55


def _wrapped_line(text: str, newline: int) -> bool:
    """Whether the line break at ``newline`` is only the margin of a paragraph ("REUNIDOS EN
    EL RECINTO\nOFICIAL DEL H. AYUNTAMIENTO …"): a long line that ends inside a phrase."""
    line_start = text.rfind("\n", 0, newline) + 1
    following = text[newline + 1 : newline + 3].lstrip(" \t")
    # "…, ubicado en Av.\nAbraham Lincoln #1290": the line ends with an abbreviation's stop.
    ends_inside = text[newline - 1 : newline].isalpha() or (
        text[newline - 1 : newline] == "." and _abbreviation_before(text, newline - 1)
    )
    return newline - line_start >= MIN_WRAPPED_LINE and ends_inside and following[:1].isalnum()


def _abbreviation_before(text: str, dot: int) -> bool:
    word = re.search(r"(\w+)$", text[max(0, dot - 6) : dot])
    if word is None:
        return False
    token = word.group(1)
    return len(token) <= 2 or is_abbreviation(token)
