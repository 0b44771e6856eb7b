"""People an acta shows taking part without listing them as present.

Many actas never write "estando presentes…" for everyone: the opening names the officers
who act ("el Comisionado Presidente Licenciado Juan López dio inicio…, instruyó al
Secretario Ejecutivo Lic. Andrés González…", "PRESIDENTE: DR. CUAUHTÉMOC PÉREZ
SECRETARIA: LIC. HILDA DÁVILA"), and stenographic versions name each speaker before
what they say ("Comisionada Presidenta Ximena Puente de la Mora: Muy buenas tardes…", read by
``speakers``).
Whoever opens, presides, acts as secretary or speaks was there. A person named where the
acta records an absence ("la inasistencia del diputado…") or a document ("un oficio
suscrito por la Dra. …") is not read as present. Signature blocks are not read either,
but the office printed under a signer's name fills in the role of an attendee who has none
(``signature_roles``).
"""

import itertools
import re

from .given_names import GIVEN_NAMES
from .name_run import OFFICE, TITLED_RE, name_run, title_starts
from .name_words import ROLE_WORDS
from .names import name_key, paired_offices
from .office_before import office_line_before, offices_before_names, role_before
from .people import ABSENT_RE, Person
from .text import clean_title, fold, is_abbreviation

_QUALIFIER = (
    r"(?:ejecutiv[oa]|tecnic[oa]|general|municipal|electoral|president[ea]|secretari[oa]|propietari[oa]|"
    r"suplente|ciudadan[oa]|provisional|del\s+consejo|del\s+comite)"
)
# An office before a name: "el Comisionado Presidente Licenciado Juan…", "SECRETARIA: LIC. …".
_OFFICER_RE = re.compile(
    rf"(?:(?<=^)|(?<=[\s(.:;,]))(?P<lead>(?:el|la|al|del|de\s+la|a\s+la)\s+)?"
    # "Primera Secretaria: Diputada …": the ordinal is part of the office.
    rf"(?P<office>(?:(?:primer[oa]?|segund[oa]|tercer[oa]?|cuart[oa])\s+)?{OFFICE}"
    rf"(?:\s+{_QUALIFIER}){{0,2}})\b(?P<colon>[ \t]*:)?[ \t]*(?=\S)"
)
# Where the acta records an absence or a document, the person named is not read as present.
_NOT_PRESENT_RE = re.compile(
    r"\b(?:suscrit|firmad|signad|emitid|girad|remitid|dirigid|enviad)[oa]s?\s+por\b|\boficio\b|"
    r"\bescrito\b|\bnombramiento\b|\ben\s+memoria\b|\bhomenaje\b|\bsit[oa]\s+en\b|\bcalle\b|"
    r"\bavenida\b|\bdomicilio\b|\brenuncia\b|"
    # "EL H. CABILDO AUTORIZA POR UNANIMIDAD A LA C. SOCORRO FERNÁNDEZ": whom it favours.
    r"\b(?:autoriza|aprueba|otorga|concede|expide)\s+(?:por\s+\w+\s+)?(?:a\s+la|al|a\s+los)\b|"
    # "Aprobación como Secretario del R. Ayuntamiento … al C. Lic. Name": whom it appoints.
    r"\b(?:aprobacion|designacion|ratificacion)\s+como\b|"
    # "el rector, ing. Luis Rivera Terrazas, no podía estar presente en esta sesión"
    r"\bno\s+(?:podia|pudo|puede|podra)\s+(?:estar\s+presente|asistir)\b"
)
_LOCATED_IN_RE = re.compile(r"\b(?:ubicad|localizad)[oa]s?\s+en\s+(?:la\s+)?\Z")
_CLAUSE_START_RE = re.compile(r"[.;]\s|\n")
# (a run of dots is a roll call's leader: "Name, Vocal ........ Justificó su inasistencia")
_CLAUSE_END_RE = re.compile(r"[;\n]|\.(?<!\.\.)(?!\.)")
_DELEGATE_ROLES = ("representante", "suplente", "enlace", "delegad")


def from_officers(text: str, folded: str) -> list[Person]:
    """Officers and titled people the opening names acting in the session."""
    people: list[Person] = []
    taken: list[tuple[int, int]] = []
    for match in _OFFICER_RE.finditer(folded):
        office = text[match.start("office") : match.end("office")]
        # At a clause's start, not after a speaker's colon: "…Molina: Consejera Adriana Favela."
        # is a roll call being read, not a person present.
        before = text[: match.start()].rstrip(" \t")[-1:]
        at_clause_start = not before.isalnum() and before != ":"
        titled = TITLED_RE.match(text, match.end()) is not None
        # "PRESIDENTE DR. … PÉREZ LUNA SECRETARIA M. EN C. …": a header of offices and names.
        chained = (
            bool(taken)
            and text[taken[-1][1] - 1].isalnum()
            and not text[taken[-1][1] : match.start()].strip()
        )
        if not (match["lead"] or match["colon"] or titled or at_clause_start or chained):
            continue
        if not office[0].isupper() and not match["lead"]:
            continue
        name, end = name_run(text, match.end())
        if name is None or not_present(folded, match.start(), end):
            continue
        taken.append((match.start(), end))
        role = office_role(office)
        after = role_after(text, end)
        if after and len(office.split()) == 1 and fold(after).startswith(_DELEGATE_ROLES):
            # "presidida por la Comisionada Ana Ibarra, representante suplente del organismo
            # garante": the office says in whose name the person sits in this body.
            role = after
        people.append(Person(name, role))
    runs: list[tuple[Person, str | None, int, int]] = []
    for match in TITLED_RE.finditer(text):
        if any(start <= match.start() < end for start, end in taken):
            continue
        name, end = name_run(text, match.end())
        if name is None or not_present(folded, match.start(), end):
            continue
        line_office = office_line_before(text, match.start())
        person = Person(name, line_office or role_after(text, end))
        office_before = None if line_office else role_before(text, match.start())
        runs.append((person, office_before, match.start(), end))
        people.append(person)
    offices_before_names(text, runs)
    _pair_offices(text, runs)
    return people


_JOINED_RE = re.compile(r"\s[ye]\s+$")


def _pair_offices(text: str, runs: list[tuple[Person, str | None, int, int]]) -> None:
    """ "ING. A e ING. B, Presidente y Secretaria del H. Ayuntamiento": the two offices after
    two titled names joined by "y" go to them in order."""
    for (first, _b, _s, first_end), (second, _b2, second_start, _e) in itertools.pairwise(runs):
        if first.role is not None or not second.role:
            continue
        # (a run's end may take in the "e" that joins it to the next)
        joined = _JOINED_RE.search(text, second_start - 6, second_start)
        if second_start - first_end > 6 or not joined:
            continue
        paired = paired_offices(second.role)
        if paired is not None:
            first.role, second.role = paired


# "Diputado Presidente Emilio …", "la Diputada Secretaria Josefina …": the legislator's title,
# then the office held in the body that meets.
_TITLE_BEFORE_OFFICE_RE = re.compile(
    r"^(?:diputad[oa]|senador(?:a)?)\s+(?=(?:president[ea]|vicepresident[ea]|secretari[oa]|"
    r"prosecretari[oa]|vocal)\b)",
    re.IGNORECASE,
)


def office_role(office: str) -> str | None:
    role = clean_title(" ".join(office.split()))
    role = _TITLE_BEFORE_OFFICE_RE.sub("", role)
    role = role[:1].upper() + role[1:]
    # "el titular C. Pedro Díaz": "titular" or "representante" alone says of what only elsewhere.
    return None if fold(role) in ("titular", "representante", "integrante") else role


def _abbreviation_stop(text: str, index: int) -> bool:
    word = _WORD_BEFORE_STOP_RE.search(text, 0, index + 1)
    return word is not None and (len(word[1]) == 1 or is_abbreviation(word[1]))


_WORD_BEFORE_STOP_RE = re.compile(r"(?<![\w.])(\w+)\.\Z")


def not_present(folded: str, position: int, end: int | None = None) -> bool:
    """Whether the clause around a mention records an absence, a document or an address."""
    window = folded[max(0, position - 120) : position]
    if _LOCATED_IN_RE.search(window):
        return True  # "UBICADA EN LA C. JUAN ENCERRADO #531": a street written "C."
    clauses = [
        found
        for found in _CLAUSE_START_RE.finditer(window)
        if not _abbreviation_stop(window, found.start())  # "del R. Ayuntamiento … al C. Lic."
    ]
    clause = window[clauses[-1].end() :] if clauses else window
    if end is not None:
        after = _CLAUSE_END_RE.search(folded, end, end + 120)
        clause += folded[end : after.start() if after else end + 120]
        line_start = folded.rfind("\n", 0, position) + 1
        line_end = folded.find("\n", position)
        if "|" in folded[line_start : line_end if line_end != -1 else len(folded)]:
            return True  # a table row: the tables reader reads it, with its attendance column
    if end is not None and _absent_later_in_sentence(folded, end):
        return True
    if end is not None:
        line_end = folded.find("\n", end)
        if _ABSENT_AT_LINE_END_RE.search(folded, end, line_end if line_end != -1 else len(folded)):
            return True  # "C. NAME, REPRESENTANTE DEL PARTIDO ACCIÓN NACIONAL. AUSENTE."
    if REPRESENTED_BEFORE_RE.search(folded, max(0, position - 40), position):
        return True  # "…, en representación del Mtro. Luis …": the one represented was absent
    return bool(ABSENT_RE.search(clause) or _NOT_PRESENT_RE.search(clause))


# A roll call's answer closing the line of the person it calls: absent.
_ABSENT_AT_LINE_END_RE = re.compile(
    r"[.,;:-][ \t]*(?:ausente|no\s+asistio|falta\s+justificada|inasistencia\s+justificada|"
    r"justifico\s+su\s+inasistencia)[ \t]*\.?[ \t]*$"
)


# "…, Magistrado …, en representación del Mtro. Miguel Mery Ayup, Presidente del Consejo": the
# person represented was not there (a scan may leave a speck or two between: "del M FO, E").
REPRESENTED_BEFORE_RE = re.compile(
    r"\b(?:en\s+representacion|en\s+suplencia|suplente)\s+de(?:l|\s+la)?(?:\s+\S{1,3}){0,3}[\s,]*$"
)


# "el Dr. Luis …, Director …; la Dra. María …, Jefa …, y el Mtro. Ernesto …, Jefe …, no
# asisten a la Sesión y en su lugar acuden …": a list whose verb, after all its names, says
# they were absent.
_PLURAL_ABSENT_RE = re.compile(
    r"\bno\s+(?:asisten|asistieron|acuden|acudieron|concurren|concurrieron|estan\s+presentes|"
    r"estuvieron\s+presentes|se\s+presentaron)\b"
)
_SENTENCE_END_RE = re.compile(r"[a-z]{5}\.\s")
MAX_ABSENT_LIST_CHARS = 500


def _absent_later_in_sentence(folded: str, end: int) -> bool:
    verb = _PLURAL_ABSENT_RE.search(folded, end, end + MAX_ABSENT_LIST_CHARS)
    return verb is not None and _SENTENCE_END_RE.search(folded, end, verb.start()) is None


def titled_run(line: str) -> list[Person] | None:
    """The people of a line that is a run of titled names: "LIC. ANA RUIZ DR. LUIS PAZ"."""
    starts = [match for match in TITLED_RE.finditer(line) if title_starts(line, match.start())]
    if len(starts) < 2:
        return None
    return from_officers(line, fold(line))


def role_after(text: str, end: int) -> str | None:
    """The office after a name and its comma: "…, Secretario Técnico, que…".

    A header list may close the name with a full stop and give the office as the next short
    sentence: "INVITADOS: LIC. ROBERTO RÍOS. Coordinador de Control Escolar.".
    """
    if text[max(0, end - 1) : end] == ".":
        sentence = _ROLE_SENTENCE_RE.match(text, end)
        if sentence and fold(sentence["role"]).split()[0] in ROLE_WORDS:
            return clean_title(sentence["role"])
        return None
    capacity = _CAPACITY_RE.match(text, end) if text[end - 1 : end].isalpha() else None
    if capacity:
        return clean_title(capacity["role"])  # "…AGUILAR con el carácter de Presidente…"
    if text[max(0, end - 1) : end] != ",":
        return None
    appointed = appointed_role(text, end)
    if appointed:
        return appointed
    # "Secretaria del H. Ayuntamiento": an initial's dot is no end of the office.
    match = _ROLE_AFTER_RE.match(text[end : end + 120])
    if match is None:
        return None
    role = _BACK_TO_BODY_RE.sub("", match["role"].strip())
    first = fold(role).split()[0] if role.split() else ""
    if first not in ROLE_WORDS or _names_someone(role):
        return None
    return clean_title(role)


def _names_someone(role: str) -> bool:
    """ "…MEJIA, SINDICO YARENI ALEJANDRA COVARRUBIAS FERRER, …": an office with a name after
    it is the next person's, not the office of the name before the comma."""
    words = role.split()[1:]
    return (
        len(words) >= 3
        and any(fold(word) in GIVEN_NAMES for word in words[:2])
        and not any(fold(word) in ROLE_WORDS for word in words)
        and all(word[:1].isupper() for word in words)
    )


_ROLE_AFTER_RE = re.compile(
    r"\s*(?:como\s+|en\s+su\s+(?:car[a-záéíóú]{1,2}cter|calidad)\s+de\s+)?"
    r"(?P<role>(?:[^,.;\n(]|(?<=\s[A-Z])\.(?=\s)){3,90})"
)
# "Secretario Ejecutivo de éste Organismo Público Local Electoral": the office's qualifier
# that points back at the body is no part of it.
_BACK_TO_BODY_RE = re.compile(
    r"\s+de(?:l)?\s+(?:est[ea]|[eé]ste|dich[oa]|mism[oa])\s.*$", re.IGNORECASE
)
# "…el DR. NAME con el carácter de Presidente del Consejo", "en su carácter de Secretaria".
_CAPACITY_RE = re.compile(
    r"[ \t]+(?:con\s+el|en\s+su)\s+(?i:car[a-záéíóú]{1,2}cter)\s+de\s+"
    r"(?P<role>[A-ZÁÉÍÓÚÑ][^,.;:\n(]{2,60}?)(?=\s*[,.;:\n(]|\s+(?:con|y|que|quien|para|de\s+la\s+sesi)\b)"
)
_ROLE_SENTENCE_RE = re.compile(r"[ \t]*(?P<role>[A-ZÁÉÍÓÚÑ][a-záéíóúñ][^,.;:\n(]{1,80})\.(?:\s|$)")


# "…, quien fue designado por el Consejo Divisional de … Jefe del Departamento de …, a partir…".
_APPOINTED_RE = re.compile(
    r"\s*quien(?:es)?\s+(?:fue|fueron|ha\s+sido|han\s+sido)\s+"
    r"(?:designad|nombrad|elegid|electo|ratificad)[oa]?s?\b(?P<clause>[^,.;\n]{3,200})"
)
_CAPITALISED_RE = re.compile(r"\b[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+")


def appointed_role(text: str, end: int) -> str | None:
    """The office a person was appointed to, in a relative clause after the name."""
    match = _APPOINTED_RE.match(text, end)
    if match is None:
        return None
    clause = match["clause"]
    for word in _CAPITALISED_RE.finditer(clause):
        if fold(word.group(0)) in ROLE_WORDS:
            return clean_title(clause[word.start() :]) or None
    return None


def roles_from_mentions(text: str, people: list[Person]) -> None:
    """Fill a missing role from the office written after the attendee's name elsewhere:
    "1. Bienvenida a cargo del Dr. Alfonso Pérez Romo, Presidente del Consejo Ciudadano (CC)…"."""
    missing = {name_key(person.name): person for person in people if not person.role}
    if not missing:
        return
    # A long acta names many titled people: reading each name whole is what costs, so only a
    # mention whose first words include the first word of a missing name is read.
    firsts = {key.split()[0] for key in missing}
    for match in TITLED_RE.finditer(text):
        head = name_key(text[match.end() : match.end() + 40]).split()[:4]
        if firsts.isdisjoint(head):
            continue
        name, end = name_run(text, match.end())
        person = missing.get(name_key(name)) if name else None
        if person is not None and not person.role:
            person.role = role_after(text, end)
