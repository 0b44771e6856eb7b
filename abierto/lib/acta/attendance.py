"""Who was present: the roll call in prose, as a numbered list, a table or a label block.

Actas record attendance in a handful of ways: a sentence after a cue ("estando
presentes…", "con la asistencia de…", "encontrándose presentes…") whose items
are separated by semicolons or commas; a numbered list "1. Mtro. …, Director…";
a table with a name column and often a role and an attendance column; a label
followed by one name per line ("Asistentes  Ana Cecilia Mata…"); or a roll
call "Nombre …… Presente". Each reader returns people with the courtesy titles
removed; people marked absent are dropped, and signature blocks are never read,
since someone who only signs was not necessarily there.
"""

import re

from .layouts import from_label_blocks, from_roll_call, from_tables
from .names import (
    ROLE_WORDS,
    looks_like_name,
    name_key,
    singular,
    split_name_role,
    strip_titles,
    strip_titles_and_office,
)
from .people import ABSENT_RE, Person, unique
from .roll_call import from_inline_roll_call
from .roster import (
    from_narrative,
    from_officers,
    roles_from_mentions,
    welcomed,
)
from .signature_roles import roles_from_signatures
from .speakers import from_speakers
from .text import fold, squash

__all__ = ["Person", "read_attendance"]

MAX_LIST_CHARS = 1800

_PROSE_CUE_RE = re.compile(
    r"\b(?:(?:estando|estan|encontrandose|se\s+encuentran|se\s+encontraban|estuvieron|hallandose)"
    r"\s+(?:tambien\s+)?presentes?\b"
    r"|(?:contando\s+)?con\s+la\s+(?:asistencia|presencia|participacion)\s+de(?:l|\s+la|\s+los|\s+las)?\b"
    r"|\basistencia\s+de(?:l|\s+la|\s+los|\s+las)?\b"
    r"|\b(?:asisten|asistieron|asistio|concurren|concurrieron)\b(?:\s+(?:a\s+la\s+presente\s+(?:reunion|sesion)|"
    r"como\s+invitad[oa]s?(?:\s+especial(?:es)?)?|en\s+calidad\s+de\s+invitad[oa]s?))?"
    r"|\b(?:reunid[oa]s|se\s+reunieron|se\s+reunen|congregad[oa]s)\b"
    r"|\bbajo\s+la\s+presidencia\s+de(?:l|\s+la)?\b"
    # "corroborándose la presencia también de la Comisionada…", "integrado por: …"
    r"|\bpresencia\s+(?:tambien\s+)?de(?:l|\s+la|\s+los|\s+las)?\b|\bintegrad[oa]s?\s+por\b)"
)
_LIST_STOP_RE = re.compile(
    r"\b(?:faltando|con\s+el\s+objeto|con\s+el\s+proposito|con\s+la\s+finalidad|con\s+el\s+fin|a\s+fin\s+de|"
    r"para\s+(?:el\s+tratamiento|celebrar|llevar|desahogar|dar)|la\s+presidencia|por\s+lo\s+que|"
    r"acto\s+seguido|se\s+procede|se\s+procedio|quienes?\s+(?:verific|declar|firman|integran|comparec)|"
    r"de\s+conformidad|en\s+terminos|declar[oa]|verificad[oa]|una\s+vez|orden\s+del\s+dia|"
    r"estando|encontrandose|en\s+tanto|se\s+instal\w*|conforme\s+a)\b"
)
_HARD_SPLIT_RE = re.compile(
    # "así. como": OCR may put a dot inside the connector.
    # "…, asistidos por el licenciado …": the secretary who assists the body is one more.
    r";|(?:^|\s)\d{1,2}\s?[.)-]+\s(?=\S)|,?\s+(?:as[iít]\.?\s+como|adem[aá]s\s+de|"
    r"asistid[oa]s?\s+por)\s+"
)
_SOFT_SPLIT_RE = re.compile(r"(,\s*y\s+(?:de\s+)?|\s+y\s+(?:de\s+)?|,)", re.IGNORECASE)
# "los Consejeros Académicos con derecho a voz y voto: Verónica …": a plural office heads
# the names that follow its colon.
_GROUP_HEADER_RE = re.compile(
    r"^\s*(?:(?:y|e)\s+)?(?:de\s+)?(?:(?:los|las)\s+)?(?P<office>(?:consejer|comisionad|regidor|sindic|vocal|"
    r"representante|integrante|diputad|magistrad|miembro|titular|invitad)[a-z]*s\b(?:(?!\by\s+l[oa]s\b)[^:]){0,80}):\s*"
)
_GROUP_OFFICE_RE = re.compile(
    r"(?:(?:los|las|y|de)\s+)*(?:c\.\s*c\.|cc\.|ciudadanos|ciudadanas)?\s*"
    r"(?P<office>regidores|regidoras|sindicos|sindicas|municipes|ediles|"
    r"consejeros(?:\s+(?:electorales|ciudadanos))?|consejeras(?:\s+(?:electorales|ciudadanas))?|"
    r"comisionados|comisionadas|vocales|diputados|diputadas|magistrados|magistradas)\b"
)


def read_attendance(
    text: str, folded: str, signatures_start: int, opening_end: int | None = None
) -> list[Person]:
    """Everyone the acta records as present, once each, in order of first mention.

    ``opening_end`` is where the opening ends (the agenda's start): officers named there
    ("el Comisionado Presidente Lic. Juan López dio inicio…") took part in the session.
    """
    people: list[Person] = []
    region = text[:signatures_start]
    region_folded = folded[:signatures_start]
    opening = min(signatures_start, opening_end or _first_paragraph_end(text))
    people += from_tables(region, region_folded)
    people += from_label_blocks(region, region_folded)
    people += _from_prose(region, region_folded)
    people += from_roll_call(region, region_folded)
    people += from_inline_roll_call(region, region_folded)
    people += from_speakers(region, region_folded)
    people += from_officers(text[:opening], folded[:opening])
    people += welcomed(text[:opening], folded[:opening])
    people += from_narrative(region, region_folded)
    people = unique(people)
    roles_from_mentions(region, people)
    roles_from_signatures(text, people)
    return people


def _first_paragraph_end(text: str) -> int:
    """Without an agenda, the opening is the first paragraph (at most 1500 characters)."""
    limit = min(len(text), 1500)
    line_end = text.find("\n", 300, limit)
    return limit if line_end == -1 else line_end


# --- Prose --------------------------------------------------------------------------


def _from_prose(text: str, folded: str) -> list[Person]:
    people: list[Person] = []
    for cue in _PROSE_CUE_RE.finditer(folded):
        start = _after_preamble(text, folded, cue.end())
        vertical = _vertical_list(text, folded, start)
        if vertical:
            people += vertical
            continue
        end = _list_end(text, folded, start)
        span = text[start:end]
        span_folded = folded[start:end]
        colon = re.search(r"a\s+saber\s*:|:\s", span_folded)
        if (
            colon
            and colon.start() < 200
            and not _GROUP_HEADER_RE.match(span_folded)
            # "…, así como de los Vocales de dicha Comisión: Regidor …": the colon closes a
            # heading of the list's second group, not a preamble before the list.
            and not _GROUP_HEADER_RE.match(_HARD_SPLIT_RE.split(span_folded[: colon.end()])[-1])
        ):
            span = span[colon.end() :]
            span_folded = span_folded[colon.end() :]
        people += _people_in_list(span)
    return people


# "…verificó la asistencia de los siguientes integrantes del Pleno:" at a line's end, then one
# person a line ("Francisco Javier Acuña Llamas, Comisionado Presidente."), blank lines
# between them allowed; a scan's bullet may be read as "-", "•" or a stray letter.
_COLON_AT_LINE_END_RE = re.compile(r"[^\n:]{0,200}:[ \t]*\n")
_BULLET_RE = re.compile(r"^(?:[-\u2013\u2014\u2022*\u00b7]+\s*|[eoy]\s+(?=[A-ZÁÉÍÓÚÑ]))")
MAX_VERTICAL_LINE_CHARS = 160


def _vertical_list(text: str, folded: str, start: int) -> list[Person]:
    colon = _COLON_AT_LINE_END_RE.match(text, start)
    if colon is None:
        return []
    people: list[Person] = []
    for raw in text[colon.end() : colon.end() + MAX_LIST_CHARS].split("\n"):
        line = _BULLET_RE.sub("", raw.strip())
        if not line:
            continue
        if len(line) > MAX_VERTICAL_LINE_CHARS or ABSENT_RE.search(fold(line)):
            break
        parsed = split_name_role(line.rstrip(" ."))
        if parsed is None or not looks_like_name(parsed[0]):
            break
        people.append(Person(*parsed))
    return people if len(people) >= 2 else []


# "estando reunidos en la Sala de Cabildo para celebrar Sesión Extraordinaria: Ana Ruiz, …":
# the words between the cue and a colon say why they met; the list follows the colon.
_PREAMBLE_RE = re.compile(r"[^;:.\n]{0,160}?:\s*")


def _after_preamble(text: str, folded: str, start: int) -> int:
    """Where the list starts when a purpose ("para celebrar …") stands before its colon."""
    preamble = _PREAMBLE_RE.match(folded, start)
    if (
        preamble is None
        or not _LIST_STOP_RE.search(folded, start, preamble.end())
        or not _whole_name_follows(text[preamble.end() : preamble.end() + 200])
    ):
        return start
    return preamble.end()


def _list_end(text: str, folded: str, start: int) -> int:
    limit = min(len(text), start + MAX_LIST_CHARS)
    stop = _LIST_STOP_RE.search(folded, start, limit)
    if stop:
        limit = stop.start()
    next_cue = _PROSE_CUE_RE.search(folded, start, limit)
    if next_cue:
        limit = next_cue.start()
    paragraph = text.find("\n\n", start, limit)
    if paragraph != -1:
        limit = paragraph
    for match in re.finditer(r"\.(?=\s+[A-ZÁÉÍÓÚ¿])", text[start:limit]):
        dot = start + match.start()
        if _closes_abbreviation(text, dot):
            continue
        return dot
    return limit


def _closes_abbreviation(text: str, dot: int) -> bool:
    word = re.search(r"(?:^|[\s(])([\w.]+)$", text[max(0, dot - 12) : dot])
    if not word:
        return False
    token = word.group(1)
    bare = token.replace(".", "")
    if bare.isdigit() and len(bare) <= 2:
        return True  # a list marker "2."
    return len(bare) <= 3 or fold(bare) in (
        "lic",
        "licda",
        "mtro",
        "mtra",
        "prof",
        "profa",
        "profra",
        "arq",
        "ing",
    )


def _people_in_list(span: str) -> list[Person]:
    people: list[Person] = []
    group_role: str | None = None
    headed = False  # whether a heading with a colon gave the group's office
    current_chunk = 0
    run_start = 0  # the first person an office written after the run would name
    for chunk, piece in _split_items(span):
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
        if ABSENT_RE.search(piece_folded):
            continue
        header = _GROUP_HEADER_RE.match(piece_folded)
        if header:
            office = piece[header.start("office") : header.end("office")]
            group_role = singular(_ANAPHORIC_RE.sub("", squash(office)))
            headed = True
            piece = piece[header.end() :]
            if not piece.strip():
                continue
        group = _group_office(piece)
        if group:
            group_role = group
        parsed = split_name_role(piece)
        embedded = _embedded_person(piece, group_role)
        if parsed is None:
            # "…del H. Ayuntamiento los C.C. Mariano Orozco": the person follows a title.
            people += [embedded] if embedded else []
            continue
        name, role = parsed
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
        people.append(Person(name, role or group_role))
    return people


_TRAILING_OFFICE_RE = re.compile(
    r"^\s*\(\s*(?P<office>(?:regidor|sindic|consejer|vocal|concejal|diputad|comisionad|integrante)"
    r"[a-z]*s)\s*\)\s*,?\s*"
)


# "Vocales de dicha Comisión", "Integrantes del mismo": the qualifier points back at the body.
_ANAPHORIC_RE = re.compile(
    r"\s+(?:de(?:l)?\s+(?:dich[oa]|est[ea]|mism[oa]|la\s+misma|el\s+mismo)(?:\s+[A-ZÁÉÍÓÚ]\w*)?)\s*$",
    re.IGNORECASE,
)


def _group_office(piece: str) -> str | None:
    """The plural office that heads a list: "los C.C. Regidores …" -> "Regidor"."""
    markers = list(_EMBEDDED_RE.finditer(piece))
    segment = piece[markers[-1].start() :] if markers else piece
    position = len(segment) - len(segment.lstrip())
    group = _GROUP_OFFICE_RE.match(fold(segment), position)
    return singular(segment[group.start("office") : group.end("office")]) if group else None


# A courtesy title in the middle of a piece introduces a person: "…, y actuando en la
# Secretaría el titular C. Pedro Díaz Leal".
_EMBEDDED_RE = re.compile(
    r"(?:(?<=\s)|^)(?:C\.\s?C\.|CC\.|C\.|Lic(?:da|do)?\.|Mtr[oa]\.|Dr(?:a)?\.|Ing\.|Arq\.|Prof(?:r|ra|a)?\.|"
    r"Sr(?:a)?\.|[Cc]iudadan[oa]s?|Licenciad[oa]|Maestr[oa]|Doctor(?:a)?|Ingenier[oa])\s+"
)


def _embedded_person(piece: str, group_role: str | None) -> Person | None:
    markers = [marker for marker in _EMBEDDED_RE.finditer(piece) if marker.start() > 0]
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


def _split_items(span: str) -> list[tuple[int, str]]:
    """Cut a list into one piece per person.

    Semicolons and list numbers always separate people. "y" and commas separate
    them only when a person's name follows; otherwise they belong to a role
    ("Secretaría de Justicia y Derechos Humanos"). Where semicolons separate
    "Name, Role" items, a comma starts a new person only when a whole name
    stands between it and the next comma, after a piece that already has a name
    ("…(Infoem) y Representante Titular, Luis Gustavo Parra Noriega, Comisionado…").
    """
    semicolons = ";" in span
    pieces: list[tuple[int, str]] = []
    for index, chunk in enumerate(_HARD_SPLIT_RE.split(span)):
        if not chunk.strip():
            continue
        header = _GROUP_HEADER_RE.match(fold(chunk))
        if header:
            pieces.append((index, chunk[: header.end()]))
            chunk = chunk[header.end() :]
        parts = _SOFT_SPLIT_RE.split(chunk)
        merged = [parts[0]]
        for separator, part in zip(parts[1::2], parts[2::2], strict=True):
            if separator.strip() == "," and semicolons:
                starts = _whole_name_follows(part) and split_name_role(merged[-1]) is not None
            else:
                starts = _starts_person(part)
            if starts:
                merged.append(part)
            else:
                merged[-1] = f"{merged[-1]}{separator}{part}"
        pieces += [(index, piece) for piece in merged if piece.strip()]
    return pieces


_ARTICLE_RE = re.compile(r"^\s*(?:el|la)\s+(?=[A-ZÁÉÍÓÚÑ])")


def _whole_name_follows(part: str) -> bool:
    head = re.split(r",|\s+y\s+", part, maxsplit=1)[0]
    head = _ARTICLE_RE.sub("", head)  # ", el M.S.C. Arturo Silva Ibarra y el Dr. …"
    if not 2 <= len(head.split()) <= 10 or not head.lstrip()[:1].isupper():
        return False  # cheap test first: this runs at every comma of a long list
    return looks_like_name(strip_titles(head).strip(" .;:"))


def _starts_person(text: str) -> bool:
    parsed = split_name_role(text)
    if parsed is None:
        return False
    first = fold(text).split()
    if first and first[0] in ROLE_WORDS:
        # "… y Regidor Enrique Medina Torres": an office, then a whole name, is a person.
        return strip_titles_and_office(text.split(",")[0])[1] is not None
    return True
