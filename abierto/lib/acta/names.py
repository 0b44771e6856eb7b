"""People's names in actas: courtesy titles, offices and roles around them.

An acta writes "Lic. Ana Laura Benítez Olvera, Representante de Sociedad Civil",
"el Comisionado Presidente Juan Pérez", "Consejera Electoral, Nayma Enríquez" or
"Mtro. Gregorio González Nava Director General de…". These helpers separate the
person's name (titles removed, as the platform stores names) from the role, and
tell a name from an institution or an ordinary phrase, which is what keeps
"Secretaría de la Contraloría" or "Derechos Humanos" out of attendance lists.
"""

import re

from .given_names import GIVEN_NAMES
from .name_words import NOT_NAME_WORDS, PLACE_NAMES, ROLE_WORDS
from .text import clean_title, fold, squash

__all__ = [
    "ROLE_WORDS",
    "TITLE_COMMA_RE",
    "is_honorific",
    "looks_like_name",
    "name_key",
    "singular",
    "split_name_role",
    "strip_titles",
]

MAX_NAME_WORDS = 8

# Courtesy and academic titles written before a name. Matched on folded text. "Ma." is not
# one: in Mexican names it abbreviates María ("Ma. Magdalena Peraza Guerra").
_HONORIFIC = (
    # A degree written out with its field: "Licenciado en Administración de Empresas",
    # "Maestra en Ciencias de la Educación": the field is a word and its "de …" complements.
    r"(?:(?:licenciad[oa]|maestr[oa]|doctor(?:a)?|ingenier[oa])\s+en\s+[a-z]+"
    r"(?:\s+(?:de|del|en|y|e)(?:\s+(?:la|las|los|el))?\s+[a-z]+)*(?=[\s,])|"
    # ("el C.P Antonio Prieto": a public accountant's title, its last stop lost in a scan)
    r"c\.?\s*c\.|cc\.|c\.\s*p\.|c\.\s?p(?=\s+[a-z]{2})|c\.|lic(?:da|do)?\.|lcd[ao]?\.|licenciad[oa]s?|mtr[oa]\.|mto\.|maestr[oa]s?|"
    r"abogad[oa]s?|doctores|ingenieros|senores|"
    # Degrees written out as the profession: "Comunicóloga", "Sociólogo", "Politólogo"
    r"[a-z]{3,}olog[oa]s?\b|pedagog[oa]s?\b|economistas?\b|"
    r"m\.\s*en\s*(?:[a-z]\.){2,3}|m\.\s*en\s*[a-z]+\.?|dr(?:a)?\.|doctor(?:a)?|ing\.|"
    # Degrees written out with their branch: "ingeniero químico", "cirujano dentista", "médico
    # veterinario zootecnista", "químico farmacobiólogo".
    r"ingenier[oa](?:\s+(?:quimic[oa]|civil|industrial|agronom[oa]|mecanic[oa]|electricista|"
    r"topograf[oa]|zootecnista))?|cirujan[oa]\s+dentista|"
    r"medic[oa](?:\s+(?:veterinari[oa](?:\s+zootecnista)?|cirujan[oa]))?|"
    r"quimic[oa]\s+farmaco\s?biolog[oa]|arq\.|arquitect[oa]|"
    r"prof(?:a|r|ra)?\.|profesor(?:a)?|sr(?:a|ita)?\.|senor(?:a|ita)?|don|dona|"
    r"contador(?:a)?(?:\s+public[oa](?:\s+certificad[oa])?)?|cp\.|psic\.|abog\.|mvz\.|mag\.|ciudadan[oa]s?|l\.\s*a\.\s*e\.|"
    r"lae\.?|dip\.|mc\.|m\.\s*s\.\s*c\.|m\.\s*c\.|"
    # Undotted degrees and the plural "CC": "LED Hector Paul López" (licenciado en Derecho),
    # "LCPyAP Dulce María" (en Ciencias Políticas y Administración Pública), "los CC Mayra …"
    r"(?:led|lcp(?:yap)?|lri|lcc|lap)\.?(?=\s|$)|cc(?=\s|$)|"
    # Nursing: "ENFRA. MARÍA GUADALUPE ESTRADA", "Enf. Luis Ruiz"
    r"enf(?:ra?)?\.|enfermer[oa]s?\b|"
    # Two-letter degrees: "M.D." (maestro en derecho), "M.A.", "L.D.", "L.I.", "I.Q.", "T.S."
    # (trabajadora social)
    r"(?:m\.\s*[da]\.|l\.\s*[cdi]\.|i\.\s*q\.|t\.\s*s\.)(?!\s?[a-z]\.)|"
    # Degrees of the sciences and of design: "Fís.", "Quím.", "Biól.", "Q.F.B.", "D.C.G.", "D.I."
    r"fis\.|quim\.|biol\.|q\.\s*f\.\s*b\.|d\.\s*c\.\s*g\.|d\.\s*i\.|"
    # Any other degree in three or four dotted initials: "L.C.C.", "M.B.A.", "T.A.E.", "L.E.M."
    r"(?:[a-z]\.\s?){3,4}(?=\s))"
)
# Offices that stand before a name ("el Comisionado Presidente Juan Pérez").
_OFFICE = (
    r"(?:comisionad[oa]s?|consejer[oa]s?|regidor(?:a|es|as)?|sindic[oa]s?|diputad[oa]s?|"
    r"magistrad[oa]s?|senador(?:a|es|as)?|presidente|presidenta|alcalde(?:sa)?|secretari[oa]|"
    r"facilitador(?:a)?|vocal(?:es)?|rector(?:a)?|encargad[oa]|"
    r"titular|coordinador(?:a)?|director(?:a)?|contralor(?:a)?|tesorer[oa]|fiscal|auditor(?:a)?|"
    r"integrantes?|representantes?|suplente|invitad[oa]s?|municipal|constitucional|general|electoral|"
    r"ciudadan[oa]s?|tecnic[oa]|ejecutiv[oa]|propietari[oa]s?|municipes?|ediles?|primer[oa]?|segund[oa]|"
    r"alumn[oa]s?|estudiantes?|"
    r"tercer[oa]?|cuart[oa]|quint[oa]|sext[oa]|septim[oa]|octav[oa]|noven[oa]|decim[oa])"
)
_HONORIFIC_RE = re.compile(rf"{_HONORIFIC}")
# "de los diputados Luis Paz": the preposition before an article leads into the list.
_ARTICLES = r"(?:el|la|los|las|y|e|a|al|de(?=\s+l[oa]s?\s))"
_SPEAKER_SELF_RE = re.compile(r"^(?:[ye]\s+)?(?:el|la)\s+de\s+la\s+voz\s+", re.IGNORECASE)
_HONORIFICS_RE = re.compile(rf"^(?:{_ARTICLES}\s+|{_HONORIFIC}\s*)+")
_LEADING_RE = re.compile(rf"^(?:{_ARTICLES}\s+|{_HONORIFIC}\s*|{_OFFICE}\s+(?=\S))+")
_OFFICE_WORD_RE = re.compile(rf"{_OFFICE}")
_PARTICLES = frozenset(["de", "del", "la", "las", "los", "y", "e", "da", "van", "von", "di"])
_INITIAL_RE = re.compile(r"^[A-ZÁÉÍÓÚÑ]\.$")
# Nouns that head an institution's name and never a person's ("Cámara de Comercio"), though
# some are surnames too ("Manuel Cámara Zavala"): only before "de" or an adjective of country.
_INSTITUTION_HEADS = frozenset(["camara", "sindicato", "confederacion", "federacion", "union"])
_OF_WORDS = frozenset(["de", "del", "nacional", "mexicana", "mexicano", "estatal"])
# Any apostrophe inside a surname: O'Farril, O\u00b4Farril (acute accent), O\u2019Farril.
_WORD_RE = re.compile("^[A-ZÁÉÍÓÚÑÜ][A-Za-zÁÉÍÓÚÑÜáéíóúñü'\u00b4\u2019`-]*\\.?$")


# "…, Ciudadanos Consejeros: Ingeniero Civil, Víctor Manuel May Vera, …": a degree written out
# and set apart by a comma from the name it titles (matched on folded text).
TITLE_COMMA_RE = re.compile(rf"(?:(?<=^)|(?<=[\s,:;]))(?P<title>{_HONORIFIC}),(?=\s)")


def is_honorific(word: str) -> bool:
    """Whether ``word`` is a courtesy title: "Dr.", "Lic.", "Mtra.", "C.P.", "M.S.C."."""
    return bool(_HONORIFIC_RE.fullmatch(fold(word.strip(" ,;:"))))


def strip_titles(text: str) -> str:
    """Remove courtesy titles and leading offices from a name: "Lic. Ana Ruiz" -> "Ana Ruiz"."""
    return strip_titles_and_office(text)[0]


def strip_titles_and_office(text: str) -> tuple[str, str | None]:
    """Like ``strip_titles``, also returning the office written before the name.

    "el Comisionado Presidente Juan Pérez" -> ("Juan Pérez", "Comisionado Presidente");
    "los C.C. Regidores Ana Ruiz" -> ("Ana Ruiz", "Regidor").
    """
    text = squash(text).strip(" ,;:.-|")
    text = _SPEAKER_SELF_RE.sub("", text)  # "y la de la voz Romina …": the speaker herself
    match = _HONORIFICS_RE.match(fold(text))
    if match and match.end() < len(text) and text[match.end() - 1] in " .":
        text = text[match.end() :].lstrip(" ,")
    folded = fold(text)
    match = _LEADING_RE.match(folded)
    if match and match.end() < len(text):
        rest = text[match.end() :].lstrip(" ,")
        if looks_like_name(rest):
            words = text[: match.end()].split()
            office = [word for word in words if _OFFICE_WORD_RE.fullmatch(fold(word).strip(".,"))]
            return rest.strip(" ,;:"), singular(" ".join(office)) if office else None
    long_office = _long_office_before(text)
    if long_office is not None:
        return long_office
    return text.strip(" ,;:"), None


MAX_OFFICE_WORDS = 10
# An office this long, written before the name, is the person's, whatever follows the name.
LONG_OFFICE_WORDS = 4


def _long_office_before(text: str) -> tuple[str, str] | None:
    """ "Encargado del Despacho por Ministerio de Ley Juan Antonio Garibaldi Hernández": an
    office with its complements, then a name that starts with a common given name."""
    words = text.split()
    if len(words) < 4 or not _OFFICE_WORD_RE.fullmatch(fold(words[0]).strip(".,")):
        return None
    for index in range(2, min(len(words) - 1, MAX_OFFICE_WORDS + 1)):
        if is_honorific(words[index - 1]):
            return None  # "Presidente del Consejo Dr. Name": the title's reading applies
        if fold(words[index]) in GIVEN_NAMES and words[index - 1][:1].isupper():
            rest = " ".join(words[index:])
            if looks_like_name(rest):
                return rest.strip(" ,;:"), clean_title(" ".join(words[:index]))
    return None


def singular(office: str) -> str:
    """ "Regidores" -> "Regidor", "Consejeros Electorales" -> "Consejero Electoral"; the
    complement after "de" keeps its number ("Representantes de los partidos políticos" ->
    "Representante de los partidos políticos")."""
    out = []
    words = office.split()
    for index, word in enumerate(words):
        lower = fold(word)
        if index and lower in ("de", "del"):
            out += words[index:]
            break
        if lower.endswith("es") and lower[:-2].endswith(("r", "l", "n")):
            word = word[:-2]
        elif lower.endswith("s") and len(lower) > 3:
            word = word[:-1]
        out.append(word)
    result = " ".join(out)
    return result[:1].upper() + result[1:]


def looks_like_name(text: str) -> bool:
    """Whether ``text`` reads as a person's name: capitalised words and particles only."""
    words = text.replace(",", " ").split()
    if not 2 <= len(words) <= MAX_NAME_WORDS:
        return False
    if not words[0][:1].isupper() or fold(words[0]) in _PARTICLES:
        # "de la División de Ciencias…", "DE VILLA ESPERANZA": a name starts with a given
        # name, in capitals.
        return False
    if " ".join(fold(word).strip(".") for word in words) in PLACE_NAMES:
        return False
    if fold(words[0]) in _INSTITUTION_HEADS and fold(words[1]) in _OF_WORDS:
        return False  # "Cámara de Comercio, Servicios y Turismo …": an institution
    capitalised = 0
    previous = ""
    for index, word in enumerate(words):
        folded = fold(word).strip(".")
        if index > 0 and _INITIAL_RE.match(word):
            capitalised += 1  # "Edgar A. Amador Zamora": a middle initial, not the word "a"
            previous = folded
            continue
        if folded in ("la", "las", "los") and previous == "de":
            previous = folded
            continue  # "De los Reyes", "de la Mora", "de las Casas"
        previous = folded
        if folded in NOT_NAME_WORDS or folded in ROLE_WORDS:
            return False
        if folded in _PARTICLES:
            continue
        if not (_WORD_RE.match(word) or _INITIAL_RE.match(word)):
            return False
        capitalised += 1
    return capitalised >= 2 and not _PARTICLES.issuperset(fold(words[-1]).split())


def split_name_role(text: str) -> tuple[str, str | None] | None:
    """Split "Title Name, Role" (or "Role, Name", or "Name Role") into name and role.

    Returns None when no person's name can be found in ``text``.
    """
    # A scan's stray marks: "el «doctor Juan …", "Neus Peniche - Sala" (a line's hyphen).
    text = _SPACED_HYPHEN_RE.sub(" ", _STRAY_MARKS_RE.sub("", squash(text))).strip(" ,;:.-|")
    if not text:
        return None
    bracketed = _BRACKETED_ROLE_RE.match(text)
    if bracketed:
        # "Lic. Rosalío Medina Martínez (Secretario Técnico del sistema…)", the bracket perhaps
        # left open where the line was cut.
        head, office = strip_titles_and_office(bracketed["name"])
        if looks_like_name(head):
            return head, _clean_role(bracketed["role"]) or office
    slashed = _SLASHED_ROLE_RE.match(text)
    if slashed:
        # "Ana María Ruiz Soto / Presidenta": a slash between the name and the office.
        head, office = strip_titles_and_office(slashed["name"])
        if looks_like_name(head):
            return head, _clean_role(slashed["role"]) or office
    parts = [part.strip() for part in text.split(",")]
    head, office = strip_titles_and_office(parts[0])
    if looks_like_name(head):
        if office and len(office.split()) >= LONG_OFFICE_WORDS:
            return head, office  # "Encargado del Despacho por Ministerio de Ley Name, …"
        role = ", ".join(part for part in parts[1:] if part) or None
        return head, _clean_role(role) or office
    if len(parts) > 1:
        tail, tail_office = strip_titles_and_office(parts[1])
        if looks_like_name(tail):
            role = ", ".join(part for part in [parts[0], *parts[2:]] if part) or None
            return tail, _clean_role(role) or tail_office
    return _split_at_role_word(head)


_STRAY_MARKS_RE = re.compile(r"[«»]|(?<=\s)\"(?=[a-záéíóúñ])|^\"(?=[a-záéíóúñ])")
_SPACED_HYPHEN_RE = re.compile(
    r"(?<=[a-záéíóúñ]) - (?=[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+\b(?!\s*[,;]?\s*[a-záéíóúñ]))"
)
_SLASHED_ROLE_RE = re.compile(r"^(?P<name>[^/,()]{4,80}?)\s+/\s+(?P<role>[^/]{3,150})$")
_BRACKETED_ROLE_RE = re.compile(r"^(?P<name>[^(),]{4,120}?)\s*\((?P<role>[^()]{3,150})\)?$")


def _split_at_role_word(text: str) -> tuple[str, str | None] | None:
    """Split "Gregorio González Nava Director General de ..." at the first office word."""
    words = text.split()
    for index in range(2, min(len(words), MAX_NAME_WORDS) + 1):
        name = " ".join(words[:index])
        rest = words[index:]
        if not looks_like_name(name):
            break
        if not rest:
            return name, None
        word = fold(rest[0]).strip(".,")
        # "Roberto Parra Vargas representando al Consejo Consultivo": whom the person stands for
        if (
            word in ROLE_WORDS
            or fold(singular(word)) in ROLE_WORDS
            or word in ("en", "representando")
        ):
            return name, _clean_role(" ".join(rest))
    return None


_ROLE_TAIL_RE = re.compile(
    r"\s*[,;]?\s*\b(?:en\s+su\s+calidad\s+de|en\s+calidad\s+de|como)"
    r"(?:\s+invitad[oa]s?(?:\s+especial(?:es)?)?)?\s*$",
    re.IGNORECASE,
)


_DANGLING_AND_RE = re.compile(r"[,;]?\s+(?:y|e)$", re.IGNORECASE)
_ARTICLE_BEFORE_OFFICE_RE = re.compile(
    r"^(?:[ye]\s+)?(?:el|la|del|de\s+la|al|a\s+la)\s+(?=\S)", re.IGNORECASE
)
# "…, quien funge como Presidenta del Comité": the office, after the relative that serves it.
_SERVING_AS_RE = re.compile(r"quien\s+(?:funge|act[uú]a)\s+como\s+", re.IGNORECASE)
_NOT_A_ROLE_RE = re.compile(
    r"^(?:y|e|o|que|quien|quienes|se|lo|la|el)\b|^(?!representando\b)\w+(?:ando|iendo)\b",
    re.IGNORECASE,
)


def _clean_role(role: str | None) -> str | None:
    if role is None:
        return None
    role = clean_title(role)
    article = _ARTICLE_BEFORE_OFFICE_RE.match(role)
    if article and fold(role[article.end() :]).split()[0].strip(".,") in ROLE_WORDS:
        rest = role[article.end() :]
        # "…; y de la Vocal, C.P. Name": the office after the list's "y"; not "…, y del
        # Comisionado Roberto …", which is the next person.
        joined = article[0].split()[0].lower() in ("y", "e")
        if not (joined and looks_like_name(strip_titles_and_office(rest)[0])):
            role = rest  # "EL SECRETARIO EJECUTIVO, LIC. …": the office, no article
    if _NOT_A_ROLE_RE.match(role) and not _SERVING_AS_RE.match(role):
        return None
    role = re.sub(
        r"^(?:en su calidad de|como|quien funge como|quien act[uú]a como|en calidad de|"
        r"en su car[a-záéíóú]{1,2}cter de|"
        r"con el car[a-záéíóú]{1,2}cter de|por parte del?|por parte de la|"
        r"presid(?:e|i[oó])\s+la\s+(?:reuni[oó]n|sesi[oó]n)\s+(?:el|la))\s+",
        "",
        role,
        flags=re.I,
    )
    role = _ROLE_TAIL_RE.sub("", role)
    role = _DANGLING_AND_RE.sub("", role)  # "Síndico Administrativo, y conforme a …" cut
    role = _SHARED_TAIL_RE.sub("", role)
    acting = _ACTING_AS_RE.search(role)
    if acting:
        # "Subgerente de Análisis Jurídico…, en su carácter de Prosecretario de dicho órgano
        # colegiado": the office held in this body, not the post held elsewhere.
        role = _ANAPHORIC_TAIL_RE.sub("", acting["office"]).strip(" ,.")
    return role.strip(" \"'“”") or None


_ACTING_AS_RE = re.compile(
    r"(?:,|\s+y)\s*(?:en\s+su\s+(?:car[a-záéíóú]{1,2}cter|calidad)\s+de|en\s+calidad\s+de|quien\s+funge\s+como)\s+"
    r"(?P<office>[^,;]{3,80})$",
    re.IGNORECASE,
)
_ANAPHORIC_TAIL_RE = re.compile(
    r"\s+(?:de|del)\s+(?:dich[oa]|est[ea]|mism[oa])\b.*$|\s+del\s+mismo$", re.IGNORECASE
)


# "Director Jurídico, ambos integrantes del Comité…", "Directores de Área, estos últimos
# servidores públicos adscritos a …": what the list's members share is no part of the last
# one's office.
_SHARED_TAIL_RE = re.compile(
    r"\s*,\s*(?:ambos|ambas|todos|todas|ambos\s+dos|quienes|mismos|mismas|"
    r"(?:estos|estas|estos\s+dos|estas\s+dos)\s+(?:[uú]ltim[oa]s|tres|dos))\b.*$",
    re.IGNORECASE | re.DOTALL,
)


def name_key(name: str) -> str:
    """A key to tell whether two spellings name the same person."""
    return " ".join(re.sub(r"[^a-z0-9 ]", " ", fold(name)).split())


_PAIRED_OFFICES_RE = re.compile(r"^(?P<first>\w+)\s+(?:y|e)\s+(?P<second>\w+)\b")


def paired_offices(role: str) -> tuple[str, str] | None:
    """ "Presidente y Secretaria del H. Ayuntamiento" -> ("Presidente", "Secretaria del H.
    Ayuntamiento"): two offices written for two names, in their order; None otherwise."""
    paired = _PAIRED_OFFICES_RE.match(role)
    if paired is None:
        return None
    if fold(paired["first"]) not in ROLE_WORDS or fold(paired["second"]) not in ROLE_WORDS:
        return None
    return paired["first"], role[paired.start("second") :]
