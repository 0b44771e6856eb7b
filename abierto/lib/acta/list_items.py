"""A list of people in prose cut into pieces, one per person.

Semicolons and list numbers always separate people; commas and "y" only before a whole
name ("Secretaría de Justicia y Derechos Humanos" is one office). A plural office heading a
group ("los Regidores: …", "los representantes de sociedad civil, …") is a piece of its own;
under it, old minutes may name each member by surname alone ("los ciudadanos diputados
Castrejón, Lozano y Siurob"). ``prose_list`` reads each piece's name and office.
"""

import re

from .given_names import GIVEN_NAMES
from .group_labels import LINE_LABEL_SPLIT
from .name_words import NOT_NAME_WORDS
from .names import (
    ROLE_WORDS,
    looks_like_name,
    split_name_role,
    strip_titles,
    strip_titles_and_office,
)
from .roster import REPRESENTED_BEFORE_RE
from .text import fold

HARD_SPLIT_RE = re.compile(
    # "así. como": OCR may put a dot inside the connector.
    # "…, asistidos por el licenciado …", "asistido del Secretario que autoriza, licenciado …":
    # the secretary who assists the body is one more.
    # "…, facilitador del Secretariado, y en voz de Leslie Serrano, Directora de …": the
    # presenter is one more; so is who acts as secretary.
    r";|(?:^|\s)\d{1,2}\s?[.)-]+\s(?=\S)|,?\s+(?:as[iít]\.?\s+como|adem[aá]s\s+de|"
    r"asistid[oa]s?\s+(?:por|del?(?=\s+[Ss]ecretari))|y\s+en\s+voz\s+de(?:l|\s+la)?)\s+|"
    # "…, Rector de la Universidad, y actuando como Secretario el M.A. …": the next one
    r",?\s+y\s+(?=(?:actuando|fungiendo)\s+como\s)|" + LINE_LABEL_SPLIT
)
# "Carlos Rangel Orona (presidente del Consejo) Jafia Pacheco Valtierra;": a role in brackets
# closes its person, and the next name may follow without a comma.
_SOFT_SPLIT_RE = re.compile(
    r"(,\s*[ye]\s+(?:de\s+)?|\s+[ye]\s+(?:de\s+)?|,|(?<=\))[ ]+(?=(?-i:[A-ZÁÉÍÓÚÑ])))",
    re.IGNORECASE,
)
# "los Consejeros Académicos con derecho a voz y voto: Verónica …": a plural office heads
# the names that follow its colon.
GROUP_HEADER_RE = re.compile(
    r"^\s*(?:(?:y|e)\s+)?(?:de\s+)?(?:(?:los|las)\s+)?(?:(?:c\.\s?c\.|cc\.|ciudadan[oa]s|senor[ae]s)\s*)?"
    r"(?P<office>(?:consejer|comisionad|regidor|sindic|vocal|concejal|"
    r"representante|integrante|diputad|magistrad|miembro|titular|invitad)[a-z]*s\b(?:(?!\by\s+l[oa]s\b)[^:]){0,80}):\s*"
)
# "Asistieron los representantes de sociedad civil, David Moreno, Silber Meza y Luis Pun;":
# a plural office with its article, then a comma and the names it governs.
COMMA_HEADER_RE = re.compile(
    r"^\s*(?:(?:y|e)\s+)?(?:los|las)\s+"
    # "las señoras y señores regidores, Name, …", "los ciudadanos regidores, …"
    r"(?:(?:senor(?:e|a)s|ciudadan[oa]s)\s+(?:[ye]\s+(?:senor(?:e|a)s|ciudadan[oa]s)\s+)?)?"
    r"(?P<office>(?:representante|integrante|consejer|regidor|"
    r"vocal|diputad|comisionad|miembro|titular)[a-z]*s\b(?:\s+(?:de|del|ante|en)\b[^,:;]{1,60})?),\s*"
)


# "los Regidores CC. Jesús Eduardo Noyola Bernal; …", "los señores Magistrados María Belinda
# Aguilar Díaz, …": a plural office, then the names it governs (after their courtesy title).
_TITLE_HEADER_RE = re.compile(
    # ("asistencia de los ciudadanos diputados …": the cue may have taken the article)
    r"^\s*(?:(?:y|e)\s+)?(?:(?:los|las)\s+(?:(?:senor(?:e|a)s|ciudadan[oa]s|c\.\s?c\.|cc\.)\s*)?|"
    r"(?:senor(?:e|a)s|ciudadan[oa]s)\s+)"
    r"(?P<office>(?:regidor|sindic|consejer|vocal|diputad|senador|comisionad|magistrad|"
    r"integrante|representante)[a-z]*s\b)\s+(?:(?:c\.\s?c\.|cc\.)\s*)?"
)


def comma_header(piece: str, folded: str) -> re.Match[str] | None:
    header = COMMA_HEADER_RE.match(folded) or _TITLE_HEADER_RE.match(folded)
    if header is None:
        return None
    rest = piece[header.end() :]
    # The heading alone, once the list is cut into pieces, or before the first name (or the
    # first surname: "los ciudadanos senadores Cruz, Garza y Reyes").
    return (
        header
        if not rest.strip()
        or whole_name_follows(rest)
        or bare_surname(_FIRST_ITEM_RE.split(rest, maxsplit=1)[0]) is not None
        else None
    )


_FIRST_ITEM_RE = re.compile(r",|\s+[ye]\s+")
# "…con asistencia de los ciudadanos diputados Aguirre Berlanga, Castrejón, Fabila y Siurob":
# old minutes name the members of a group by their surnames alone.
_SURNAME_ONLY_RE = re.compile(
    r"\s*(?P<surname>[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+(?:\s+(?:de\s+la\s+|del\s+|de\s+)?[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+)?)"
    r"\s*[.,;]?\s*"
)


def bare_surname(piece: str) -> str | None:
    """The surname (or two) a piece holds alone, under a group's heading."""
    match = _SURNAME_ONLY_RE.fullmatch(piece)
    if match is None:
        return None
    words = fold(match["surname"]).split()
    if any(word in ROLE_WORDS or word in NOT_NAME_WORDS for word in words):
        return None
    return match["surname"]


# Where a group's heading starts inside a piece, after the office of the person before it:
# "El Lic. Jorge Lozano Armengol, Presidente Municipal, los Regidores, C. Paulo …", "Dr. Miguel
# Ángel de los Santos Cruz, Síndico Municipal y Regidores: Dra. Silvia …".
_INNER_HEADING_RE = re.compile(
    r"(?:,\s*|\s+(?=y\s))(?=(?:y\s+)?(?:(?:los|las)\s+)?(?:(?:c\.\s?c\.|cc\.)\s*)?"
    r"(?:regidor|sindic|consejer|vocal|diputad|comisionad|magistrad)[a-z]*s\b)"
)


def _at_inner_headings(chunk: str) -> list[str]:
    """``chunk`` cut where a group's heading starts after a first person's office."""
    folded = fold(chunk)
    opening = GROUP_HEADER_RE.match(folded)  # "Consejeras y Consejeros Electorales: …" is one
    for match in _INNER_HEADING_RE.finditer(folded):
        if opening is not None and match.start() < opening.end():
            continue
        rest = chunk[match.end() :]
        rest_folded = folded[match.end() :]
        header = GROUP_HEADER_RE.match(rest_folded) or comma_header(rest, rest_folded)
        before = chunk[: match.start()]
        # After a person's office, or a pronoun ("además de usted, los comisionados A y B").
        if header is None or (split_name_role(before) is None and len(before.split()) > 2):
            continue
        return [chunk[: match.start()], *_at_inner_headings(rest)]
    return [chunk]


def split_items(span: str) -> list[tuple[int, str]]:
    """Cut a list into one piece per person.

    Semicolons and list numbers always separate people. "y" and commas separate
    them only when a person's name follows; otherwise they belong to a role
    ("Secretaría de Justicia y Derechos Humanos"). Where semicolons separate
    "Name, Role" items, a comma starts a new person only when a whole name
    stands between it and the next comma, after a piece that already has a name
    ("…(Infoem) y Representante Titular, Luis Gustavo Parra Noriega, Comisionado…").
    """
    semicolons = ";" in span.rstrip(" \t\n;.")  # (not one that only closes the list)
    pieces: list[tuple[int, str]] = []
    chunks = [
        (index, part)
        for index, chunk in enumerate(HARD_SPLIT_RE.split(span))
        for part in _at_inner_headings(chunk)
    ]
    for index, chunk in chunks:
        if not chunk.strip():
            continue
        header = GROUP_HEADER_RE.match(fold(chunk)) or comma_header(chunk, fold(chunk))
        if header:
            pieces.append((index, chunk[: header.end()]))
            chunk = chunk[header.end() :]
        parts = _SOFT_SPLIT_RE.split(chunk)
        # "los ciudadanos diputados Aguirre Berlanga, Castrejón, Fabila y Siurob": under a
        # group's heading, surnames alone are its members, one a piece.
        surnames = header is not None and bare_surname(parts[0]) is not None
        merged = [parts[0]]
        for index_in_chunk, (separator, part) in enumerate(
            zip(parts[1::2], parts[2::2], strict=True)
        ):
            if REPRESENTED_BEFORE_RE.search(fold(merged[-1][-40:])):
                starts = False  # the person represented, named after "en representación del"
            elif separator.strip() == "," and semicolons:
                starts = whole_name_follows(part) and split_name_role(merged[-1]) is not None
            elif separator.strip() in ("y", "e") and _inside_institution(merged[-1], part):
                starts = False  # "la Comisión de Juventud y Diversidad Sexual"
            elif surnames and (bare_surname(part) or comma_header(part, fold(part))):
                starts = True  # (", y de los ciudadanos senadores Cruz": the next group)
            else:
                starts = _starts_person(part) or _office_then_name(
                    merged[-1], part, parts[2 * index_in_chunk + 3 : 2 * index_in_chunk + 5]
                )
            if starts:
                merged.append(_CONTRACTED_BEFORE_OFFICE_RE.sub("", part))
            else:
                merged[-1] = f"{merged[-1]}{separator}{part}"
        pieces += [(index, piece) for piece in merged if piece.strip()]
    return pieces


_PROFESSION_RE = re.compile(
    r"\s*(?:licenciad[oa]|doctor(?:a)?|ingenier[oa]|maestr[oa]|profesor(?:a)?|contador(?:a)?|"
    r"arquitect[oa]|medic[oa]|médic[oa]|cirujan[oa])\s+(?:[a-záéíóúñ]+\s+){0,2}[A-ZÁÉÍÓÚÑ]"
)
_ARTICLE_RE = re.compile(r"^\s*(?:el|la)\s+(?=[A-ZÁÉÍÓÚÑ])")
_BRACKETED_END_RE = re.compile(r"\s*\([^()]{2,40}\)[\s.]*$")


def whole_name_follows(part: str) -> bool:
    head = re.split(r",|\s+[ye]\s+", part, maxsplit=1)[0]
    head = _ARTICLE_RE.sub("", head)  # ", el M.S.C. Arturo Silva Ibarra y el Dr. …"
    head = _BRACKETED_END_RE.sub("", head)  # "…, Name (secretarios); …": the office after it
    if not 2 <= len(head.split()) <= 10:
        return False  # cheap test first: this runs at every comma of a long list
    if not head.lstrip()[:1].isupper() and not _PROFESSION_RE.match(head):
        return False  # (", doctora Lucía de Haro Duarte": a degree written out)
    return looks_like_name(strip_titles(head).strip(" .;:"))


# "…de la Comisión de Juventud y Diversidad Sexual": an institution's name, still open.
_INSTITUTION_TAIL_RE = re.compile(
    r"\b(?:comision|comite|consejo|secretaria|subsecretaria|direccion|instituto|sistema|unidad|"
    r"coordinacion|procuraduria|fiscalia|universidad|facultad|escuela|junta|camara|tribunal|"
    # "…, Directora de Transparencia, Acceso a la Información Pública y Gestión Documental"
    r"director|directora|titular|jefa|jefe)\s+"
    r"(?:de(?:l|\s+la|\s+los|\s+las)?\s+)?(?:[a-z]+,?\s+){0,8}[a-z]+\s*$"
)


def _inside_institution(before: str, part: str) -> bool:
    """Whether " y " joins two words of an institution's name rather than two people: the
    text before ends inside one, and what follows starts with no given name or title."""
    if not _INSTITUTION_TAIL_RE.search(fold(before[-80:])):
        return False
    head = re.split(r",|\s+[ye]\s+", part, maxsplit=1)[0].split()
    if len(head) > 2:
        return False  # "… y Erik Mauricio Sánchez Medina": a whole name
    first = fold(part).split()[:1]
    untitled = fold(strip_titles(part)).split()[:1] == first  # no "C.", "Lic.", office before
    return bool(first) and untitled and first[0] not in GIVEN_NAMES


# "…, Luis Rodríguez Viramontes y el suplente de Sergio Salas Padilla;": an unnamed substitute
# for someone absent is an item of the list of its own (and names nobody present).
_UNNAMED_SUBSTITUTE_RE = re.compile(r"\s*(?:el|la)\s+suplente\s+de(?:l)?\s+(?=[A-ZÁÉÍÓÚÑ])")


# "…, y los funcionarios partidistas habilitados Lic. Ian Karla Schleske, …": a plural in small
# letters between the article and a titled name is the office of the run it heads.
TITLED_GROUP_RE = re.compile(
    r"\s*(?:[ye]\s+)?(?:los|las)\s+(?P<office>[a-záéíóúñ]{3,}s(?:\s+[a-záéíóúñ]{3,}s){0,3})\s+"
    r"(?=(?:Lic(?:da|do)?|Ing|Dra?|Mtr[oa]|Arq|Prof(?:a|r|ra)?|C|CC|LED|LCP(?:yAP)?)\.?\s+[A-ZÁÉÍÓÚÑ])"
)


_CONTRACTED_BEFORE_OFFICE_RE = re.compile(
    r"^\s*(?:del|al)\s+(?=(?i:regidor|sindic|s[ií]ndic|consejer|comisionad|vocal|secretari|"
    r"president|director|coordinador|titular|diputad|magistrad)[a-záéíóúñ]*\s+[A-ZÁÉÍÓÚÑ])"
)


_ARTICLE_OFFICE_RE = re.compile(
    r"\s*(?:el|la|del|de\s+la|al|a\s+la)\s+(?P<word>\w+)", re.IGNORECASE
)


def _office_then_name(before: str, part: str, following: list[str]) -> bool:
    """Whether ", y la Contralora Municipal, Lic. Mariana …" starts a person.

    An office with its article after "y", then a comma and a whole name, is the next
    person written office first, as the one before it was ("la Tesorera Municipal, C.P.
    Verónica Salgado Ibarra, y la Contralora …"), once the piece before has its name.
    """
    office = _ARTICLE_OFFICE_RE.match(part)
    return (
        office is not None
        and fold(office["word"]) in ROLE_WORDS
        and len(following) == 2
        and following[0].strip() == ","
        and whole_name_follows(following[1])
        and split_name_role(before) is not None
    )


def _starts_person(text: str) -> bool:
    if _UNNAMED_SUBSTITUTE_RE.match(text) or TITLED_GROUP_RE.match(text):
        return True
    # "…, y del Regidor Enrique Medina Torres, en su carácter de Vocal": the article that "de"
    # contracted before the office.
    text = _CONTRACTED_BEFORE_OFFICE_RE.sub("", text)
    parsed = split_name_role(text)
    if parsed is None:
        return False
    first = fold(text).split()
    if first and first[0] in ROLE_WORDS:
        # "… y Regidor Enrique Medina Torres": an office, then a whole name, is a person.
        return strip_titles_and_office(text.split(",")[0])[1] is not None
    return True
