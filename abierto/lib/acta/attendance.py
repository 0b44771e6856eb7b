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
from dataclasses import dataclass

from .names import (
    ROLE_WORDS,
    looks_like_name,
    name_key,
    singular,
    split_name_role,
    strip_titles,
)
from .text import fold, squash

MAX_LIST_CHARS = 1800


@dataclass
class Person:
    """One attendee as read from the acta."""

    name: str
    role: str | None


_PROSE_CUE_RE = re.compile(
    r"\b(?:(?:estando|estan|encontrandose|se\s+encuentran|se\s+encontraban|estuvieron|hallandose)"
    r"\s+(?:tambien\s+)?presentes?\b"
    r"|(?:contando\s+)?con\s+la\s+(?:asistencia|presencia|participacion)\s+de(?:l|\s+la|\s+los|\s+las)?\b"
    r"|\basistencia\s+de(?:l|\s+la|\s+los|\s+las)?\b"
    r"|\b(?:asisten|asistieron|asistio|concurren|concurrieron)\b(?:\s+(?:a\s+la\s+presente\s+(?:reunion|sesion)|"
    r"como\s+invitad[oa]s?(?:\s+especial(?:es)?)?|en\s+calidad\s+de\s+invitad[oa]s?))?"
    r"|\b(?:reunid[oa]s|se\s+reunieron|se\s+reunen|congregad[oa]s)\b"
    r"|\bbajo\s+la\s+presidencia\s+de(?:l|\s+la)?\b)"
)
_ABSENT_RE = re.compile(
    r"\b(?:ausente|ausencia|falt[oa]|faltando|justific|no\s+asisti|inasistencia|sin\s+aviso)"
)
_LIST_STOP_RE = re.compile(
    r"\b(?:faltando|con\s+el\s+objeto|con\s+el\s+proposito|con\s+la\s+finalidad|con\s+el\s+fin|a\s+fin\s+de|"
    r"para\s+(?:el\s+tratamiento|celebrar|llevar|desahogar|dar)|la\s+presidencia|por\s+lo\s+que|"
    r"acto\s+seguido|se\s+procede|se\s+procedio|quienes?\s+(?:verific|declar|firman|integran)|"
    r"de\s+conformidad|en\s+terminos|declar[oa]|verificad[oa]|una\s+vez|orden\s+del\s+dia|"
    r"estando|encontrandose)\b"
)
_HARD_SPLIT_RE = re.compile(
    r";|(?:^|\s)\d{1,2}\s?[.)-]+\s(?=\S)|,?\s+(?:as[ií]\s+como|adem[aá]s\s+de)\s+"
)
_SOFT_SPLIT_RE = re.compile(r"(,\s*y\s+(?:de\s+)?|\s+y\s+(?:de\s+)?|,)", re.IGNORECASE)
# "los Consejeros Académicos con derecho a voz y voto: Verónica …": a plural office heads
# the names that follow its colon.
_GROUP_HEADER_RE = re.compile(
    r"^\s*(?:(?:y|e)\s+)?(?:(?:los|las)\s+)?(?P<office>(?:consejer|comisionad|regidor|sindic|vocal|"
    r"representante|integrante|diputad|magistrad|miembro|titular|invitad)[a-z]*s\b(?:(?!\by\s+l[oa]s\b)[^:]){0,80}):\s*"
)
_GROUP_OFFICE_RE = re.compile(
    r"(?:(?:los|las|y)\s+)*(?:c\.\s*c\.|cc\.|ciudadanos|ciudadanas)?\s*"
    r"(?P<office>regidores|regidoras|sindicos|municipes|ediles|consejeros(?:\s+(?:electorales|ciudadanos))?|"
    r"consejeras(?:\s+(?:electorales|ciudadanas))?|comisionados|comisionadas|vocales|diputados|magistrados)\b"
)
_LABEL_RE = re.compile(
    r"^(?:asistentes|presentes|participantes|integrantes\s+presentes|asistencia|lista\s+de\s+asistencia)"
    r"\s*[:|-]?\s*"
)
# The name ends before the run of separators, which is taken whole: trying every split of a
# line of ":::::" took quadratic time.
_ROLL_CALL_RE = re.compile(
    r"^(?P<who>.+?)(?<![\s.:_|-])[\s.:_|-]++(?:presente|asistio|si\s+asistio)\s*\.?$"
)
_TABLE_NAME_HEADER = ("nombre", "integrante", "asistente", "persona", "servidor")
_TABLE_ROLE_HEADER = ("cargo", "puesto", "rol", "calidad", "caracter", "representacion", "funcion")
_TABLE_PRESENCE_HEADER = ("asistencia", "presente", "asistio", "estatus", "situacion")
_PRESENT_VALUES_RE = re.compile(
    r"^(?:presente|si|x|asistio|asistencia|✓|✔|p|virtual|presencial|en linea)\b"
)


def read_attendance(text: str, folded: str, signatures_start: int) -> list[Person]:
    """Everyone the acta records as present, once each, in order of first mention."""
    people: list[Person] = []
    region = text[:signatures_start]
    region_folded = folded[:signatures_start]
    people += _from_tables(region, region_folded)
    people += _from_label_blocks(region, region_folded)
    people += _from_prose(region, region_folded)
    people += _from_roll_call(region, region_folded)
    return _unique(people)


def _unique(people: list[Person]) -> list[Person]:
    seen: dict[str, Person] = {}
    for person in people:
        key = name_key(person.name)
        if not key:
            continue
        if key in seen:
            if seen[key].role is None and person.role:
                seen[key].role = person.role
            continue
        seen[key] = person
    return list(seen.values())


# --- Prose --------------------------------------------------------------------------


def _from_prose(text: str, folded: str) -> list[Person]:
    people: list[Person] = []
    for cue in _PROSE_CUE_RE.finditer(folded):
        start = cue.end()
        end = _list_end(text, folded, start)
        span = text[start:end]
        span_folded = folded[start:end]
        colon = re.search(r"a\s+saber\s*:|:\s", span_folded)
        if colon and colon.start() < 200 and not _GROUP_HEADER_RE.match(span_folded):
            span = span[colon.end() :]
            span_folded = span_folded[colon.end() :]
        people += _people_in_list(span)
    return people


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
    pieces = _split_items(span)
    for piece in pieces:
        piece_folded = fold(piece)
        if _ABSENT_RE.search(piece_folded):
            continue
        header = _GROUP_HEADER_RE.match(piece_folded)
        if header:
            office = piece[header.start("office") : header.end("office")]
            group_role = singular(squash(office))
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
    r"Sr(?:a)?\.|Ciudadan[oa]s?)\s+"
)


def _embedded_person(piece: str, group_role: str | None) -> Person | None:
    markers = [marker for marker in _EMBEDDED_RE.finditer(piece) if marker.start() > 0]
    if not markers:
        return None
    parsed = split_name_role(piece[markers[-1].start() :])
    if parsed is None:
        return None
    name, role = parsed
    return Person(name, role or group_role)


def _split_items(span: str) -> list[str]:
    """Cut a list into one piece per person.

    Semicolons and list numbers always separate people. "y" and commas separate
    them only when a person's name follows; otherwise they belong to a role
    ("Secretaría de Justicia y Derechos Humanos"). Where semicolons separate
    "Name, Role" items, a comma starts a new person only when a whole name
    stands between it and the next comma, after a piece that already has a name
    ("…(Infoem) y Representante Titular, Luis Gustavo Parra Noriega, Comisionado…").
    """
    semicolons = ";" in span
    pieces: list[str] = []
    for chunk in _HARD_SPLIT_RE.split(span):
        if not chunk.strip():
            continue
        header = _GROUP_HEADER_RE.match(fold(chunk))
        if header:
            pieces.append(chunk[: header.end()])
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
        pieces += [piece for piece in merged if piece.strip()]
    return pieces


def _whole_name_follows(part: str) -> bool:
    head = re.split(r",|\s+y\s+", part, maxsplit=1)[0]
    if not 2 <= len(head.split()) <= 10 or not head.lstrip()[:1].isupper():
        return False  # cheap test first: this runs at every comma of a long list
    return looks_like_name(strip_titles(head).strip(" .;:"))


def _starts_person(text: str) -> bool:
    parsed = split_name_role(text)
    if parsed is None:
        return False
    first = fold(text).split()
    return not (first and first[0] in ROLE_WORDS)


# --- Tables ---------------------------------------------------------------------------


def _rows(text: str) -> list[tuple[int, list[str]]]:
    rows: list[tuple[int, list[str]]] = []
    offset = 0
    for line in text.split("\n"):
        if "|" in line or "\t" in line:
            cells = [cell.strip() for cell in re.split(r"\s*\|\s*|\t+", line)]
            rows.append((offset, cells))
        offset += len(line) + 1
    return rows


def _from_tables(text: str, folded: str) -> list[Person]:
    people: list[Person] = []
    rows = _rows(text)
    index = 0
    while index < len(rows):
        offset, cells = rows[index]
        header = [fold(cell) for cell in cells]
        name_col = _column(header, _TABLE_NAME_HEADER)
        if name_col is None:
            index += 1
            continue
        role_col = _column(header, _TABLE_ROLE_HEADER)
        presence_col = _column(header, _TABLE_PRESENCE_HEADER)
        index += 1
        previous_offset = offset
        while index < len(rows):
            row_offset, row = rows[index]
            if text.count("\n", previous_offset, row_offset) > 2:
                break
            if _column([fold(cell) for cell in row], _TABLE_NAME_HEADER) is not None:
                break
            previous_offset = row_offset
            index += 1
            person = _table_person(row, name_col, role_col, presence_col)
            if person:
                people.append(person)
    return people


def _column(header: list[str], words: tuple[str, ...]) -> int | None:
    for position, cell in enumerate(header):
        if len(cell) <= 40 and any(re.search(rf"\b{word}", cell) for word in words):
            return position
    return None


def _table_person(
    row: list[str], name_col: int, role_col: int | None, presence_col: int | None
) -> Person | None:
    if name_col >= len(row):
        return None
    if presence_col is not None:
        value = fold(row[presence_col]) if presence_col < len(row) else ""
        if _ABSENT_RE.search(value) or not _PRESENT_VALUES_RE.match(value.strip()):
            return None
    parsed = split_name_role(row[name_col])
    if parsed is None:
        return None
    name, role = parsed
    if role_col is not None and role_col < len(row) and row[role_col].strip():
        role = squash(row[role_col]).strip(" .;,")
    return Person(name, role or None)


# --- Label blocks and roll calls -------------------------------------------------------


def _from_label_blocks(text: str, folded: str) -> list[Person]:
    people: list[Person] = []
    lines = text.split("\n")
    folded_lines = folded.split("\n")
    index = 0
    while index < len(lines):
        label = _LABEL_RE.match(folded_lines[index].strip())
        if not label:
            index += 1
            continue
        first = lines[index].strip()[label.end() :]
        block = [first] if first.strip() else []
        index += 1
        while index < len(lines) and lines[index].strip() and len(block) < 60:
            if "|" in lines[index] or "\t" in lines[index]:
                break
            if split_name_role(lines[index]) is None:
                break
            block.append(lines[index])
            index += 1
        for line in block:
            if _ABSENT_RE.search(fold(line)):
                continue
            parsed = split_name_role(line)
            if parsed:
                people.append(Person(*parsed))
    return people


def _from_roll_call(text: str, folded: str) -> list[Person]:
    people: list[Person] = []
    for line, line_folded in zip(text.split("\n"), folded.split("\n"), strict=True):
        if "|" in line or "\t" in line:
            continue
        match = _ROLL_CALL_RE.match(line_folded.strip())
        if not match:
            continue
        who = line.strip()[: match.end("who")]
        parsed = split_name_role(who)
        if parsed and looks_like_name(parsed[0]):
            people.append(Person(*parsed))
    return people
