"""Attendance laid out rather than told: tables, label blocks and roll calls.

A table with a name column (and often a role and an attendance column), a label followed by
one name per line ("Asistentes  Ana Cecilia Mata…"), or a roll call "Nombre …… Presente".
"""

import re
from dataclasses import dataclass, field

from .list_items import whole_name_follows
from .name_words import ROLE_WORDS
from .names import looks_like_name, singular, split_name_role, strip_titles, strip_titles_and_office
from .people import ABSENT_RE, Person
from .prose_list import people_in_list
from .roster import titled_run
from .run_together import wrapped_name
from .signatures import office_line
from .text import fold, squash

_LABEL_RE = re.compile(
    r"^(?:asistentes|presentes|participantes|integrantes\s+presentes|asistencia|lista\s+de\s+asistencia"
    r"|pase\s+de\s+lista(?=\s*[:|-]?\s*$))"
    # ("PRIMERO:\nLista de asistencia. SEGUNDO: …": an agenda's item, its stop after it)
    r"\s*(?![.,;])[:|-]?\s*"
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


def from_tables(text: str, folded: str) -> list[Person]:
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


MIN_BARE_ROWS = 2


def from_bare_tables(text: str) -> list[Person]:
    """A table of members without a header row: "C. Arturo Delgado Mejía | Presidente
    Municipal", or the office first ("SECRETARIO DEL AYUNTAMIENTO | LIC. JOSÉ …"), perhaps with
    an attendance cell. Read when at least two rows running have one name and one office."""
    people: list[Person] = []
    run: list[Person] = []
    previous_offset = -1
    for offset, cells in _rows(text):
        if previous_offset >= 0 and text.count("\n", previous_offset, offset) > 1:
            people += run if len(run) >= MIN_BARE_ROWS else []
            run = []
        previous_offset = offset
        person = _bare_row_person([cell for cell in cells if cell])
        if person is None:
            people += run if len(run) >= MIN_BARE_ROWS else []
            run = []
        elif person.name:
            run.append(person)  # (an absent member's row keeps the run going, unread)
    return people + (run if len(run) >= MIN_BARE_ROWS else [])


def _bare_row_person(cells: list[str]) -> Person | None:
    """The member a bare table's row names (with an empty name when the row marks an absence),
    or None when the row is not one name and one office."""
    if not 2 <= len(cells) <= 3:
        return None
    present = True
    if len(cells) == 3:
        mark = fold(cells[2]).strip(" .")
        if ABSENT_RE.search(mark):
            present = False
        elif not _PRESENT_VALUES_RE.match(mark):
            return None
    first, second = cells[0], cells[1]
    for name_cell, role_cell in ((first, second), (second, first)):
        head, office = strip_titles_and_office(squash(name_cell).strip(" .,;:"))
        role = squash(role_cell).strip(" .,;:")
        if (
            looks_like_name(head)
            and not office
            and not looks_like_name(strip_titles(role))
            and fold(role.split()[0]) in ROLE_WORDS
        ):
            return Person(head if present else "", role)
    return None


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
        if ABSENT_RE.search(value) or not _PRESENT_VALUES_RE.match(value.strip()):
            return None
    parsed = split_name_role(row[name_col])
    if parsed is None:
        return None
    name, role = parsed
    if role_col is not None and role_col < len(row) and row[role_col].strip():
        role = squash(row[role_col]).strip(" .;,")
    return Person(name, role or None)


# --- Label blocks and roll calls -------------------------------------------------------


def from_label_blocks(text: str, folded: str) -> list[Person]:
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
        # Each line of the block, with the people it lists after its institution (read once),
        # or the office printed under the name above it.
        block = [_block_line(first) or _BlockLine(first)] if first.strip() else []
        index += 1
        while index < len(lines) and len(block) < 60:
            if not lines[index].strip():
                # A scan or a table cell may leave a blank line between names, and the heading
                # one before its list: the block goes on when a name or a group follows it.
                following = index + 1
                if (
                    following < len(lines)
                    and lines[following].strip()
                    and _block_line(lines[following]) is not None
                ):
                    index = following
                    continue
                break
            if "|" in lines[index] or "\t" in lines[index]:
                break
            entry = _block_line(lines[index])
            if entry is None and block and office_line(lines[index]):
                # "Lic. Ana María Ruiz Pérez\nPresidenta del Comité": the office under the name
                entry = _BlockLine("", office=lines[index].strip(" .,;"))
            if entry is None:
                break
            block.append(entry)
            index += 1
        for entry in block:
            if entry.office:
                if people and people[-1].role is None:
                    people[-1].role = entry.office
                continue
            line = entry.line
            if ABSENT_RE.search(fold(line)) or _GROUP_LINE_HEADING_RE.match(line):
                continue
            if entry.served:
                people += entry.served
                continue
            run = titled_run(line)
            if run is not None:
                people += run
                continue
            parsed = split_name_role(line)
            if parsed and parsed[1] and whole_name_follows(parsed[1]):
                # "Asistentes: Ana María Ruiz Soto, Pedro Gómez Lara, Luis Mora Gil.": names
                # run on after commas, with no office between them
                people += people_in_list(line)
            elif parsed:
                people.append(Person(*parsed))
    return people


# "Instituto de Transparencia: Lic. Sofía Ramírez, Comisionada Presidenta; Mtro. Julio …": the
# institution that those listed after its colon come from.
_INSTITUTION_LINE_RE = re.compile(
    r"^[ \t]*(?P<institution>[A-ZÁÉÍÓÚÑ][^:\n]{2,80}):[ \t]+(?P<list>\S.*)$"
)


# "Por el Instituto de Transparencia:", "Sociedad civil:" alone on a line, over the names of those
# who come from it.
_GROUP_LINE_HEADING_RE = re.compile(r"^[ \t]*[A-ZÁÉÍÓÚÑa-záéíóúñ][^:\n]{2,80}:[ \t]*$")


@dataclass
class _BlockLine:
    """A line of a label block: its text, the people it lists after their institution, or the
    office printed under the name above it."""

    line: str
    served: list[Person] = field(default_factory=list)
    office: str = ""


def _block_line(line: str) -> _BlockLine | None:
    """``line`` as a label block's line when the block goes on with it (a name, or a group's
    heading or list), else None."""
    served = _institution_line(line)
    if served or split_name_role(line) is not None or _GROUP_LINE_HEADING_RE.match(line):
        return _BlockLine(line, served)
    return None


def _institution_line(line: str) -> list[Person]:
    """The people a line lists after the institution (or sector) they come from."""
    match = _INSTITUTION_LINE_RE.match(line)
    if match is None or split_name_role(match["institution"]) is not None:
        return []
    return people_in_list(match["list"])


def from_roll_call(text: str, folded: str) -> list[Person]:
    """ "Nombre …… Presente" a line; several on one line ("LIC. A CONSEJERO PRESIDENTE
    PRESENTE MTRO. B SECRETARIO EJECUTIVO PRESENTE"); under a line with a group's office
    alone ("CONSEJEROS ELECTORALES"), the entries without an office take it."""
    people: list[Person] = []
    group: str | None = None
    before = ("", "")  # the previous line, raw and folded: a name the break cut may start there
    for line, line_folded in zip(text.split("\n"), folded.split("\n"), strict=True):
        previous, before = before, (line, line_folded)
        if "|" in line or "\t" in line:
            before = ("", "")
            continue
        stripped = line_folded.strip()
        heading = _GROUP_LINE_RE.match(stripped.replace(" ", ""))
        if heading:
            group = singular(f"{heading['office']} {heading['qualifier'] or ''}").title().strip()
            before = ("", "")
            continue
        if not _ROLL_CALL_RE.match(stripped):
            if stripped:
                group = None
            continue
        offset = len(line_folded) - len(line_folded.lstrip())
        start = offset
        for mark in _PRESENT_MARK_RE.finditer(line_folded, offset):
            who = _HONORIFIC_COMMA_RE.sub(r"\1.", line[start : mark.start()].strip())
            first = start == offset
            start = mark.end()
            parsed = split_name_role(who)
            if parsed and looks_like_name(parsed[0]):
                name = _wrapped(previous, parsed[0]) if first and previous[0] else None
                people.append(Person(name or parsed[0], parsed[1] or group))
        before = ("", "")
    return people


def _wrapped(previous: tuple[str, str], name: str) -> str | None:
    """``name`` with the given names its roll call's line break left on ``previous`` (the line
    before, raw and folded), after that line's last mark and comma (``wrapped_name``)."""
    line, line_folded = previous
    if "presente" in line_folded or "asistio" in line_folded:
        marks = list(_PRESENT_MARK_RE.finditer(line_folded))
        line = line[marks[-1].end() :] if marks else line
    return wrapped_name(line.split(",")[-1], name)


# The mark after each name of a roll call, where several share a line.
_PRESENT_MARK_RE = re.compile(r"(?<![\s.:_|-])[\s.:_|-]++(?:presente|asistio|si\s+asistio)\b\.?")
# "MTRA, NOHEMÍ ARGÜELLO SOSA PRESENTE": a scan may read the title's dot as a comma.
_HONORIFIC_COMMA_RE = re.compile(r"^((?i:lic|licda|mtr[oa]|ing|dra?|arq|profr?a?)),(?=\s)")
# A group's office alone on its line, spaces dropped ("CON SEJEROS ELECTORALES" in a scan).
_GROUP_LINE_RE = re.compile(
    r"^(?P<office>(?:consejer|regidor|sindic|vocal|comisionad|magistrad|diputad|integrante|"
    r"representante)[a-z]*?s)(?P<qualifier>electorales|propietari[oa]s|suplentes|ciudadan[oa]s|"
    r"municipales|numerari[oa]s)?:?$"
)
