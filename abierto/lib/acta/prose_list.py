"""One attendance list written as prose, read into people: "Ana Ruiz, Presidenta; Luis Gil…".

``attendance`` finds where a list starts and ends; ``list_items`` cuts it into pieces, one per
person; this module reads each piece's name and office: a plural office heading a group ("los
Regidores: …", "las diputadas …"), written once after a run ("…; (REGIDORES)", "…, todos
ellos Regidores Propietarios") or shared by two names ("Ana Ruiz y Luis Gil, representantes
de …"), a person introduced by a title inside a piece ("…, y actuando en la Secretaría el
titular C. Pedro Díaz Leal").
"""

import re

from .given_names import GIVEN_NAMES
from .group_labels import (
    LINE_LABEL_RE,
    PARTY_LABEL_RE,
    Label,
    is_party,
    party_representative,
    without_party,
)
from .list_items import (
    COMMA_HEADER_RE,
    GROUP_HEADER_RE,
    TITLED_GROUP_RE,
    bare_surname,
    comma_header,
    split_items,
    whole_name_follows,
)
from .names import (
    ROLE_WORDS,
    TITLE_COMMA_RE,
    name_key,
    paired_offices,
    singular,
    split_name_role,
    strip_titles_and_office,
)
from .office_before import bare_office, lone_office, office_first_list
from .people import ABSENT_RE, Person
from .respectively import share_closing_plural, share_out_respectively
from .roster import REPRESENTED_BEFORE_RE
from .run_together import split_run_together
from .text import fold, squash

_GROUP_OFFICE_RE = re.compile(
    r"(?:(?:los|las|y|de)\s+)*(?:c\.\s*c\.|cc\.|ciudadanos|ciudadanas)?\s*"
    r"(?P<office>regidores|regidoras|sindicos|sindicas|municipes|ediles|"
    r"consejeros(?:\s+(?:electorales|ciudadanos))?|consejeras(?:\s+(?:electorales|ciudadanas))?|"
    r"comisionados|comisionadas|vocales|diputados|diputadas|magistrados|magistradas)\b"
)


# "ausencias justificadas de los regidores", "inasistencia del": absences heading names.
_ABSENCES_HEAD_RE = re.compile(r"[a-z]*(?:\s+justificad[oa]s?)?\s+de(?:l|\s+l[oa]s?)?\s")
_SPECK_RE = re.compile(r"(?<=\s)[*\u00b7](?=\s)")  # a scan's speck between two words


_DASHED_ASIDE_RE = re.compile(r"(?<=,)\s*-[^-\n,;]{3,60}-(?=\s*,)")
_AND_SEMICOLON_RE = re.compile(r"\s+[ye]\s*;(?=\s*[A-ZÁÉÍÓÚÑ])")
_AND_COMMA_RE = re.compile(r"\s+([ye]),\s+(?=[A-ZÁÉÍÓÚÑ][a-záéíóúñ])")
# "…, Ivón, Salazar Morales (PRD), …": a given name alone between commas, before surnames.
_GIVEN_NAME_COMMA_RE = re.compile(
    r"(?:(?<=^)|(?<=[,;)]\s))(?P<given>[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+),\s+"
    r"(?=(?P<surnames>[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+(?:\s+[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+){0,2})\s*(?:[(,;]|$))"
)
_BRACKET_CLOSES_RE = re.compile(r"(?P<person>[^()]{3,80}\([^()]{2,120}\))\s*,")
# "…(PRD, Rocío Sarmiento (PAN Adriana Terrazas (MORENA)": a party's bracket a scan left open.
_OPEN_PARTY_RE = re.compile(r"\((?P<party>[A-Z]{2,8}),?\s+(?=[A-ZÁÉÍÓÚÑ][a-záéíóúñ])")


def _with_specks_mended(span: str) -> str:
    """A list's separators that a scan's specks added or lost: a comma after a given name
    that the person's surnames follow, and a party's bracket left open before the next name."""

    def given(match: re.Match[str]) -> str:
        surnames = match["surnames"].split()
        if fold(match["given"]) in GIVEN_NAMES and not any(
            fold(word) in GIVEN_NAMES for word in surnames
        ):
            return f"{match['given']} "
        return match.group()

    def party(match: re.Match[str]) -> str:
        return f"({match['party']}), " if is_party(match["party"]) else match.group()

    return _without_title_commas(_OPEN_PARTY_RE.sub(party, _GIVEN_NAME_COMMA_RE.sub(given, span)))


_WHOLE_NAME_AHEAD_RE = re.compile(r"\s+[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+\s+[A-ZÁÉÍÓÚÑ]")


def _without_title_commas(span: str) -> str:
    """ "Ingeniero Civil, Víctor Manuel May Vera": the comma between a degree written out and
    the name it titles separates no two items of the list."""
    commas = [
        match.end("title")
        for match in TITLE_COMMA_RE.finditer(fold(span))
        if _WHOLE_NAME_AHEAD_RE.match(span, match.end())
    ]
    for comma in reversed(commas):
        span = span[:comma] + span[comma + 1 :]
    return span


def people_in_list(span: str) -> list[Person]:
    span = _with_specks_mended(_SPECK_RE.sub("", span))
    span = _AND_COMMA_RE.sub(r" \1 ", span)  # "…Michel Rodríguez y, Carmina Palacios Ibarra"
    span = _AND_SEMICOLON_RE.sub(";", span)  # "…Yolanda Montes Martínez y; Juan Carlos Guzmán"
    span = _DASHED_ASIDE_RE.sub(
        "", span
    )  # "los Comisionados A y B, -los tres del órgano garante-,"
    if ";" not in span.rstrip(" \t\n;.") and (office_first := office_first_list(span)) is not None:
        return office_first
    people: list[Person] = []
    grouped: set[int] = set()  # ids of those whose office is only their group's
    group_role: str | None = None
    group_label: Label | None = None  # a label at a line's start heading a group
    chunk_of: dict[int, int] = {}  # each person's part of the list, between semicolons
    headed = False  # whether a heading with a colon gave the group's office
    current_chunk = 0
    run_start = 0  # the first person an office written after the run would name
    last_chunk = -1
    pending_office: str | None = None  # an office with its article, before the name it names
    absent_chunk = -1  # the part of the list that a heading of absences governs
    behalf, behalf_chunk = "", -1  # "por la Escuela de Medicina," and the part it heads
    for chunk, piece in split_items(span):
        previous_chunk, last_chunk = last_chunk, chunk
        if chunk != current_chunk:
            headed, current_chunk = False, chunk  # a semicolon ends what a heading governs
        piece_folded = fold(piece)
        trailing = _TRAILING_OFFICE_RE.match(piece_folded)
        if trailing:
            # "…, C. Luis Paz; (REGIDORES), Mtra. Ana Ruiz, Síndico": the office written once
            # after a run of names is the office of those in the run that have none.
            office = singular(piece[trailing.start("office") : trailing.end("office")])
            for person in people[run_start:]:
                person.role = person.role or office
            run_start = len(people)
            piece = piece[trailing.end() :]
            piece_folded = piece_folded[trailing.end() :]
            if not piece.strip():
                continue
        absent = ABSENT_RE.search(piece_folded)
        if absent:
            if _ABSENCES_HEAD_RE.match(piece_folded, absent.end()):
                absent_chunk = chunk  # "…, así como dos ausencias justificadas de A y B"
            continue
        if chunk == absent_chunk:
            continue
        closing = _CLOSING_OFFICE_RE.match(piece_folded)
        if closing and people:
            # "…; HUMBERTO BECERRA BATISTA, MARIA DEL REFUGIO QUINTERO URQUIZA; Regidores
            # Municipales.": the office that closes a run is that of its names without one.
            office = singular(squash(piece[closing.start("office") : closing.end("office")]))
            for person in people[run_start:]:
                person.role = person.role or office
            run_start = len(people)
            continue
        piece_label: Label | None = None
        label = LINE_LABEL_RE.match(piece_folded)
        if label and (not piece[label.end() :].strip() or whole_name_follows(piece[label.end() :])):
            # "Presidenta: Name, de Morena;\nSecretarias y Secretarios: Name, …": the label
            # is the office of the name after it, or of the group after it when plural.
            piece_label = Label(piece[label.start("office") : label.end("office")])
            if piece_label.plural:
                group_label, group_role, piece_label = piece_label, None, None
            piece = piece[label.end() :]
            piece_folded = piece_folded[label.end() :]
            if not piece.strip():
                continue
        party_role: str | None = None
        party = PARTY_LABEL_RE.match(piece)
        if party and whole_name_follows(piece[party.end() :]):
            party_role = party_representative(party["party"])
            piece = piece[party.end() :]
            piece_folded = piece_folded[party.end() :]
        header = GROUP_HEADER_RE.match(piece_folded) or comma_header(piece, piece_folded)
        if header:
            group_label = None
            office = piece[header.start("office") : header.end("office")]
            group_role = singular(_ANAPHORIC_RE.sub("", squash(office)))
            if header.re is COMMA_HEADER_RE:
                group_role = office.lstrip()[0] + group_role[1:]  # the case the acta wrote
            headed = True
            piece = piece[header.end() :]
            if not piece.strip():
                continue
        represented = _ON_BEHALF_RE.match(piece)
        if represented and not split_name_role(represented["behalf"]):
            behalf, behalf_chunk = squash(represented["behalf"]), chunk
            piece = piece[represented.end() :]
        group = _group_office(piece)
        if group:
            group_role = group
        parsed = split_name_role(piece)
        if (represented_by := _REPRESENTED_BY_RE.match(piece)) is not None:
            # "Fundación Ciudadana A.C., representada por Laura Méndez Ríos": the organisation
            # is no person; who speaks for it is, as its representative.
            delegate = split_name_role(represented_by["who"])
            if delegate is not None:
                organisation = squash(represented_by["organisation"])
                parsed = (delegate[0], delegate[1] or f"Representante de {organisation}")
        if parsed is None and (closed := _BRACKET_CLOSES_RE.match(piece)) is not None:
            # "y Héctor Acosta Félix (Auditor Superior del Estado), Uno de los acuerdos …": the
            # role's bracket closes the last person; the prose after it is no part of the list.
            parsed = split_name_role(closed["person"])
        embedded = _embedded_person(piece, group_role)
        if parsed is None and (
            (lone := lone_office(piece)) is not None
            or (not people and pending_office is None and (lone := bare_office(piece)) is not None)
        ):
            pending_office = lone  # "…, la C. Síndica, Miriam Rubio Vega, …": the name's
            continue
        before_name, pending_office = pending_office, None
        if parsed is None and headed and group_role and (surname := bare_surname(piece)):
            parsed = (surname, None)  # "los ciudadanos diputados Aguirre Berlanga, Castrejón"
        if parsed is None:
            # "…del H. Ayuntamiento los C.C. Mariano Orozco": the person follows a title.
            people += [embedded] if embedded else []
            continue
        name, role = parsed
        collective = _COLLECTIVE_OFFICE_RE.match(fold(role)) if role else None
        if role and collective:
            # "…, Miriam Sánchez y Ramón Martínez, todos ellos Regidores Propietarios del
            # Ayuntamiento": the office of every name of the run that has none.
            role = singular(squash(role[collective.start("office") : collective.end("office")]))
            for person in people[run_start:]:
                person.role = person.role or role
            run_start = len(people) + 1
        role = role or before_name
        name = without_party(name)
        if role and is_party(role):
            role = None  # "…, del PAN": the member's party
        role = role or party_role
        labelled = piece_label or group_label
        if labelled and not role:
            role = labelled.office_of(name)
        if (
            embedded
            and embedded.role
            and embedded.role != group_role
            and name_key(embedded.name) == name_key(name)
        ):
            # "en el Salón Juárez, los ciudadanos Ana Ruiz, Secretaria …": what comes before
            # the title that introduces the person is no part of the office.
            role = embedded.role
        if headed and role and role == strip_titles_and_office(piece.split(",")[0])[1]:
            # "los Vocales de dicha Comisión: Regidor Luis Paz": the heading gives the office
            # in this body; the one before the name is the person's post elsewhere.
            role = group_role
        if (
            embedded
            and name_key(embedded.name) != name_key(name)
            and name_key(embedded.name) not in name_key(name)
        ):
            # "Carlos Rodríguez, y actuando en la Secretaría el titular C. Pedro Díaz Leal"
            people += [Person(name, None), embedded]
            continue
        paired = paired_offices(role) if role else None
        if paired and people and people[-1].role is None and previous_chunk == chunk:
            # "ING. A e ING. B, Presidente y Secretaria del H. Ayuntamiento": in order.
            people[-1].role, role = paired
        shared = _shared_office(role)
        if (
            shared
            and people
            and (people[-1].role is None or id(people[-1]) in grouped)
            and previous_chunk == chunk
        ):
            # "Oscar Vergara Gómez y Marco Antonio Ramírez representantes del Poder …"; after
            # "los Regidores, …", "la Lic. A y Lic. B, en su carácter de Síndicos".
            people[-1].role = shared
        if behalf_chunk == chunk and not (shared or role):
            shared = f"{group_role} {behalf}" if group_role else behalf
        from_group = not (shared or role) and bool(group_role)
        # (an office that is only the group's yields to an exact one read elsewhere)
        people.append(Person(name, shared or role or group_role, group_role=from_group))
        chunk_of[id(people[-1])] = chunk
        if from_group:
            grouped.add(id(people[-1]))
    share_out_respectively(people)
    share_closing_plural(people, [chunk_of.get(id(person), -1) for person in people])
    return [person for joined in people for person in split_run_together(joined)]


# "…; Regidores Municipales.", "…, todos ellos Regidores Propietarios del Ayuntamiento,"
_CLOSING_OFFICE_RE = re.compile(
    r"^\s*(?:(?:todos|todas)\s+(?:ellos|ellas)\s+|(?:ambos|ambas)\s+)?"
    r"(?P<office>(?:regidor|sindic|consejer|vocal|concejal|diputad|comisionad|integrante|edil)[a-z]*s"
    r"(?:\s+(?:municipales|propietari[oa]s|suplentes|electorales|ciudadan[oa]s))?)"
    r"(?:\s+del?\s+(?:h\.\s*|honorable\s+)?(?:ayuntamiento|cabildo|consejo|comite|congreso)\b[^,;.]{0,40})?"
    r"\s*[.,;]?\s*$"
)
_COLLECTIVE_OFFICE_RE = re.compile(
    r"(?:(?:todos|todas)\s+(?:ellos|ellas)|ambos|ambas)\s+(?P<office>\w+s(?:\s+(?!del?\b)\w+s)?)\b"
)
_TRAILING_OFFICE_RE = re.compile(
    r"^\s*\(\s*(?P<office>(?:regidor|sindic|consejer|vocal|concejal|diputad|comisionad|integrante)"
    r"[a-z]*s)\s*\)\s*,?\s*"
)


def _shared_office(role: str | None) -> str | None:
    """An office in the plural after two names, in the singular for each: "representantes
    del Poder Legislativo" -> "representante del Poder Legislativo"."""
    if not role:
        return None
    first, _, rest = role.partition(" ")
    single = singular(first)
    if fold(single) == fold(first) or fold(single) not in ROLE_WORDS:
        return None
    single = first[0] + single[1:]  # the case the acta wrote
    return f"{single} {rest}".strip()


# "Vocales de dicha Comisión", "Integrantes del mismo": the qualifier points back at the body.
_ANAPHORIC_RE = re.compile(
    r"\s+(?:de(?:l)?\s+(?:dich[oa]|est[ea]|mism[oa]|la\s+misma|el\s+mismo)(?:\s+[A-ZÁÉÍÓÚ]\w*)?"
    r"|siguientes)\s*$",  # "los señores concejales siguientes:"
    re.IGNORECASE,
)
# "…: por la Escuela de Medicina, doctor Name, …; por la Facultad de Derecho, licenciado …":
# whom the names of this part of the list sit for.
_REPRESENTED_BY_RE = re.compile(
    r"^\s*(?P<organisation>[A-ZÁÉÍÓÚÑ][^;:]{2,120}?),?\s+representad[oa]s?\s+por\s+"
    r"(?:(?:el|la)\s+)?(?P<who>\S.*)$",
    re.DOTALL,
)
_ON_BEHALF_RE = re.compile(
    r"^\s*(?P<behalf>por\s+(?:la|el|los|las)\s+[A-Za-zÁÉÍÓÚÑáéíóúñ][^,;:]{2,90}?)\s*,\s*(?=\S)"
)


def _group_office(piece: str) -> str | None:
    """The plural office that heads a list: "los C.C. Regidores …" -> "Regidor"."""
    markers = list(_EMBEDDED_RE.finditer(piece))
    segment = piece[markers[-1].start() :] if markers else piece
    position = len(segment) - len(segment.lstrip())
    group = _GROUP_OFFICE_RE.match(fold(segment), position)
    if group is None and (titled := TITLED_GROUP_RE.match(piece)) is not None:
        # "…, y los funcionarios partidistas habilitados Lic. Ian Karla Schleske, …": any
        # plural in small letters between the article and a titled name heads the run.
        return singular(titled["office"])
    return singular(segment[group.start("office") : group.end("office")]) if group else None


# A courtesy title in the middle of a piece introduces a person: "…, y actuando en la
# Secretaría el titular C. Pedro Díaz Leal".
_EMBEDDED_RE = re.compile(
    r"(?:(?<=\s)|^)(?:C\.\s?C\.|CC\.|C\.|Lic(?:da|do)?\.|Lcd[oa]\.|Mtr[oa]\.|Dr(?:a)?\.|Ing\.|Arq\.|Prof(?:r|ra|a)?\.|"
    r"Sr(?:a)?\.|[Cc]iudadan[oa]s?|Licenciad[oa]|Maestr[oa]|Doctor(?:a)?|Ingenier[oa])\s+"
)


def _embedded_person(piece: str, group_role: str | None) -> Person | None:
    markers = [
        marker
        for marker in _EMBEDDED_RE.finditer(piece)
        # "…, en representación del Mtro. Miguel …": the clause is the representative's office
        if marker.start() > 0 and not REPRESENTED_BEFORE_RE.search(fold(piece[: marker.start()]))
    ]
    if not markers:
        return None
    parsed = split_name_role(piece[markers[-1].start() :])
    if parsed is None:
        return None
    name, role = parsed
    return Person(name, role or _acting_office(piece[: markers[-1].start()]) or group_role)


# "…, y actuando en la Secretaría el titular C. Pedro Díaz Leal", "fungiendo como Secretaria
# la Lic. …": the office the person fills in this session.
_ACTING_RE = re.compile(
    r"\b(?:actuando|fungiendo|en\s+funciones)\s+(?:en\s+la|como|de)\s+"
    r"(?P<office>secretari[ao]|presidencia|president[ea])\b(?P<rest>.{0,30})$"
)


def _acting_office(before: str) -> str | None:
    match = _ACTING_RE.search(fold(before))
    if match is None:
        return None
    feminine = re.search(r"\bla\b", match["rest"]) is not None
    if match["office"].startswith("secretari"):
        return "Secretaria" if feminine else "Secretario"
    return "Presidenta" if feminine else "Presidente"
