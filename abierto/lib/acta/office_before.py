"""Offices written before titled names: "…: Presidente Municipal, M.B.A. Ulises Mejía Haro,
Síndica Municipal, T.A.E. Ruth Calderón Babún, Dra. Fátima …", "El C. Secretario de Gobierno
Municipal, Dr. Juan …". Read for ``roster.from_officers``.
"""

import itertools
import re

from .name_words import NOT_NAME_WORDS, ROLE_WORDS
from .names import is_honorific, looks_like_name, singular, strip_titles, strip_titles_and_office
from .people import Person
from .text import clean_title, fold, squash


def offices_before_names(text: str, titled: list[tuple[Person, str | None, int, int]]) -> None:
    """ "…: Presidente Municipal, M.B.A. Ulises Mejía Haro, Síndica Municipal, T.A.E. Ruth
    Calderón Babún, Dra. Fátima …": in a run of titled names joined by commas whose first
    has an office before it, each office is the one before the name, not the one after."""
    run_starts_with_office = False
    previous_end = -1
    for person, before, start, end in titled:
        joined = previous_end >= 0 and not _RUN_BREAK_RE.search(text, previous_end, start)
        if not joined:
            # "…, Ana Ruiz, Presidenta, C. Luis Gil": after a comma the office may close the
            # name before, untitled; a run opens with an office only after a clause's start.
            run_starts_with_office = before is not None and _opens_clause(text, start)
        if run_starts_with_office:
            person.role = before
        previous_end = end


_RUN_BREAK_RE = re.compile(r"[.;:\n](?=\s)")
# The office before a titled name: "…, Síndica Municipal, T.A.E. Ruth …", "El C. Secretario
# de Gobierno Municipal, Dr. Juan …".
# ("…, la Presidenta del Comité, Mtra. Ana …", "…y solicitó al Secretario Técnico, Ing. …": the
# article in lower case, or the office addressed after a verb.)
_OFFICE_BEFORE_RE = re.compile(
    r"(?:(?:^|[,;:\n\"\u201c]|(?<=\S)\.)\s*(?:(?:El|La|el|la|del|de\s+la)\s+)?|(?<=\s)(?:al|a\s+la)\s+)"
    r"(?:C\.\s+)?(?P<office>[A-ZÁÉÍÓÚÑ][^,;:.\n\"\u201c]{2,80}?)\s*,\s*$"
)


def role_before(text: str, start: int) -> str | None:
    match = _OFFICE_BEFORE_RE.search(text, max(0, start - 100), start)
    if match is None or fold(match["office"]).split()[0] not in ROLE_WORDS:
        return None
    return clean_title(match["office"])


# An office opening the line, closed by a full stop, before the title: "2DO. REGIDOR. C. BENITO
# QUINTANILLA COPALCUA.", "Síndico Procurador.- Lic. …", "Comisario: Lic. …" (one member a
# line).
_LINE_OFFICE_RE = re.compile(
    r"(?:^|\n)[ \t]*(?P<office>(?:(?P<ordinal>\d{1,2}\s?(?i:er|ro|do|to|vo|mo|no|o|a|°|º)\.?)\s+)?"
    r"[A-ZÁÉÍÓÚÑ][^,;:.\n]{2,60}?)[ \t]*(?:\.-?|:)[ \t]*\Z"
)


def office_line_before(text: str, start: int) -> str | None:
    """The office written at the line's start before a titled name, one member a line."""
    match = _LINE_OFFICE_RE.search(text, max(0, start - 80), start)
    if match is None:
        return None
    office = match["office"]
    words = fold(office[len(match["ordinal"] or "") :]).split()
    if not words or words[0] not in ROLE_WORDS:
        return None
    return clean_title(office)


# (After a comma only with its article: "…, la Presidenta del Comité, Mtra. Ana …" opens a
# phrase, where "…, Ana Ruiz, Presidenta, C. Luis Gil" closed the name before; or addressed
# after a verb: "…y solicitó al Secretario Técnico, Ing. …".)
_CLAUSE_OFFICE_RE = re.compile(
    r"(?:(?:^|[;:\n\"\u201c]|(?<=\S)\.)\s*(?:(?:El|La)\s+)?|,\s*(?:el|la|del|de\s+la)\s+|"
    r"(?<=\s)(?:al|a\s+la)\s+)(?:C\.\s+)?"
    r"[A-ZÁÉÍÓÚÑ][^,;:.\n\"\u201c]{2,80}?\s*,\s*$"
)


def _opens_clause(text: str, start: int) -> bool:
    return _CLAUSE_OFFICE_RE.search(text, max(0, start - 100), start) is not None


# --- Lists written office first -----------------------------------------------------------
# "…, Magistrado Presidente del Tribunal …, Jorge Ignacio Pérez Castañeda, quien preside este
# Comité, Consejero de la Judicatura Francisco Javier Mercado Flores, Encargada de Despacho de
# la Oficialía Mayor …, C.P. María Dolores Gutierrez Balboa, Director de la Unidad Jurídica y
# Asesoría Interna, Licenciado Vicente … y la Directora de la Unidad de Transparencia, Maestra
# en Derecho Elsa …, Secretaria Técnica del Comité": each office goes with the name after it.
_SEGMENT_SPLIT_RE = re.compile(
    r"\s*,\s*|\s+y\s+(?=(?:el|la)\s+[A-ZÁÉÍÓÚÑ]|(?:Licenciad|Maestr|Doctor|Ingenier|Contador|"
    r"C\.|Lic\.|Mtr[oa]\.|Dra?\.|Ing\.)\S*\s+[A-ZÁÉÍÓÚÑ])"
)
# "y el", "los C.C." (the plural courtesy title heading offices of several: "LOS C.C. PRESIDENTE
# MUNICIPAL, NAME, Y EL SECRETARIO GENERAL, NAME")
_LEADING_ARTICLE_RE = re.compile(
    r"^(?:y\s+|e\s+)?(?:(?:el|la|los|las)\s+)?(?:c\.\s?c\.\s*|cc\.\s*|c\.\s+)?", re.IGNORECASE
)
_PARTICLES = frozenset(["de", "del", "la", "las", "los", "y", "e"])
MIN_OFFICE_FIRST_PAIRS = 2


def _office(segment: str) -> bool:
    words = fold(segment).split()
    if not words or words[0].strip(".") not in ROLE_WORDS:
        return False
    if fold(singular(words[0])) != words[0]:
        return False  # "integrantes del Comité…": a plural heads the list
    return not looks_like_name(strip_titles(segment))


_LONE_OFFICE_RE = re.compile(
    # ("…, así como del Secretario Técnico, Name": the article after "de" or "a" too)
    r"(?:^|,)\s*(?i:el|la|del|de\s+la|al|a\s+la)\s+(?:[cC]\.\s*)?"
    r"(?P<office>[A-ZÁÉÍÓÚÑ][^,;:.]{2,60}?)\s*$"
)


def lone_office(piece: str) -> str | None:
    """ "la C. Síndica" closing a piece: an office with its article and no name, whose holder
    is named in the next piece ("…, la C. Síndica, Miriam Rubio Vega, …")."""
    match = _LONE_OFFICE_RE.search(piece)
    if match is None or not _office(match["office"]):
        return None
    return clean_title(match["office"])


def bare_office(piece: str) -> str | None:
    """ "Secretaria Ejecutiva" alone, opening a list after "con la asistencia de la": an office
    whose article the cue took, named in the next piece."""
    segment = _CITIZEN_RE.sub("", piece.strip(" ,;:"))  # "C. Secretario del R. Ayuntamiento"
    words = segment.split()
    if (
        not segment[:1].isupper()
        or len(words) > MAX_BARE_OFFICE_WORDS
        or any(is_honorific(word) for word in words)  # "Presidente del Consejo Dr. Name"
        or not _office(segment)
    ):
        return None
    return clean_title(segment)


MAX_BARE_OFFICE_WORDS = 6
_CITIZEN_RE = re.compile(r"^[cC]\.\s*(?=[A-ZÁÉÍÓÚÑ])")


def _office_and_name(segment: str) -> tuple[str, str] | None:
    """ "Consejero de la Judicatura Francisco Javier Mercado Flores" -> office, name."""
    words = segment.split()
    if not words or fold(words[0]).strip(".") not in ROLE_WORDS:
        return None
    for index in range(1, len(words) - 1):
        folded = fold(words[index]).strip(".")
        if folded in _PARTICLES or folded in NOT_NAME_WORDS or folded in ROLE_WORDS:
            continue
        if index > 1 and fold(words[index - 1]) in ("de", "del"):
            continue  # "de Gobierno": a name does not start right after "de"
        name = " ".join(words[index:])
        if looks_like_name(name):
            return " ".join(words[:index]), name
    return None


def office_first_list(span: str) -> list[Person] | None:
    """The people of a comma list written "Office, Name, Office, Name", or None when the list
    is not written that way (its first office and name are not in that order)."""
    kinds: list[tuple[str, str, str]] = []  # (kind, office, name)
    for raw in _SEGMENT_SPLIT_RE.split(span):
        segment = squash(_LEADING_ARTICLE_RE.sub("", raw.strip(" .;:")))
        if not segment:
            continue
        name, office_before = strip_titles_and_office(segment)
        if looks_like_name(name) and not office_before and not _office(segment):
            kinds.append(("name", "", name))
        elif (both := _office_and_name(segment)) is not None:
            kinds.append(("both", clean_title(both[0]), both[1]))
        elif _office(segment):
            kinds.append(("office", clean_title(segment), ""))
        else:
            kinds.append(("other", "", ""))
    pairs = sum(
        1
        for (kind, _o, _n), (after, _o2, _n2) in itertools.pairwise(kinds)
        if kind == "office" and after == "name"
    )
    first_index = next((i for i, (kind, _o, _n) in enumerate(kinds) if kind != "other"), 0)
    if (
        not kinds
        or kinds[first_index][0] != "office"
        or first_index + 1 >= len(kinds)
        or kinds[first_index + 1][0] != "name"
        or pairs < MIN_OFFICE_FIRST_PAIRS
    ):
        return None
    people: list[Person] = []
    pending: str | None = None
    for index, (kind, office, name) in enumerate(kinds):
        following = kinds[index + 1][0] if index + 1 < len(kinds) else "end"
        if kind == "office":
            if following == "name":
                pending = office
            elif people and people[-1].role:
                people[-1].role = f"{people[-1].role}, {office}"  # "…, Secretaria Técnica"
            elif people:
                people[-1].role = office
        elif kind == "name":
            people.append(Person(name, pending))
            pending = None
        elif kind == "both":
            people.append(Person(name, office))
            pending = None
        else:
            pending = None
    return people
