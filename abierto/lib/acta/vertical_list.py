"""A list set one person a line after a heading that ends with a colon ("…verificó la
asistencia de los siguientes integrantes del Pleno:"), bulleted or not, with group headings
("Asistencia presencial") between its entries. Split from ``attendance``, which finds where a
list in prose may start and asks this module first.
"""

import re

from .name_words import ROLE_WORDS
from .names import looks_like_name, split_name_role
from .people import ABSENT_RE, Person
from .text import clean_title, fold

MAX_LIST_CHARS = 1800

# "…verificó la asistencia de los siguientes integrantes del Pleno:" at a line's end, then one
# person a line ("Francisco Javier Acuña Llamas, Comisionado Presidente."), blank lines
# between them allowed; a scan's bullet may be read as "-", "•" or a stray letter.
_COLON_AT_LINE_END_RE = re.compile(r"[^\n:]{0,200}:[ \t]*\n")
# "En carácter de representantes del Poder Ejecutivo Federal: por la Secretaría de Gobernación,
# el Doctor José Zamora Grant, Director General Adjunto …;": who the person represents, and the
# group's heading before it, come before the name.
_REPRESENTING_RE = re.compile(
    r"^(?:[^:\n]{3,120}:\s*)?(?:por\s+(?:la|el|los|las)\s+[^,\n]{3,120},\s*)(?=(?:el|la)\s+[A-ZÁÉÍÓÚÑ])"
)
_BULLET_RE = re.compile(r"^(?:[-\u2013\u2014\u2022*\u00b7+]+\s*|[eoy]\s+(?=[A-ZÁÉÍÓÚÑ]))")
MAX_VERTICAL_LINE_CHARS = 160


# "Todos ellos, del Sistema …", "Asimismo, se llevó a cabo …": a sentence after the list, not
# the end of its last entry.
_SENTENCE_OPENER_RE = re.compile(
    r"(?:Todos|Todas|Asimismo|Se|El|La|Los|Las|Lo|En|Con|Para|Siendo|Acto|Una|Un)\b"
)


def _group_heading(line: str, following: list[str]) -> bool:
    """ "Asistencia presencial", "Invitado:" over bulleted entries: a group's heading."""
    words = line.rstrip(":").split()
    if not 1 <= len(words) <= 3 or "," in line or any(char.isdigit() for char in line):
        return False
    if line.endswith(".") or not line[:1].isupper():
        return False  # "Ejecutiva." ends the entry wrapped before it
    after = next((later.strip() for later in following if later.strip()), "")
    return _BULLET_RE.match(after) is not None


def _bulleted_lines(block: str) -> list[str]:
    """The block's lines, a bulleted entry wrapped at the margin joined back: "e Lic. Name,
    Encargado del Despacho de la Secretaría Técnica de la Secretaria" / "Ejecutiva."."""
    lines: list[str] = []
    open_entry = False  # the last line began with a bullet and has not ended its sentence
    raws = block.split("\n")
    for index, raw in enumerate(raws):
        line = raw.strip()
        if not line:
            lines.append(line)
            continue
        bulleted = _BULLET_RE.match(line) is not None
        heading = not bulleted and _group_heading(line, raws[index + 1 :])
        opener = _SENTENCE_OPENER_RE.match(line) is not None
        if open_entry and not (bulleted or heading or opener) and lines and lines[-1]:
            lines[-1] = f"{lines[-1]} {line}"
        else:
            lines.append(line)
            open_entry = bulleted
        open_entry = open_entry and not lines[-1].endswith((".", ";", ":"))
    return lines


def vertical_list(text: str, start: int) -> list[Person]:
    """The list after a heading that ends its line with a colon, one person a line (at
    least two), up to the first line that is no name."""
    colon = _COLON_AT_LINE_END_RE.match(text, start)
    if colon is None:
        return []
    people: list[Person] = []
    lines = _bulleted_lines(text[colon.end() : colon.end() + MAX_LIST_CHARS])
    for index, raw in enumerate(lines):
        line = _REPRESENTING_RE.sub("", _BULLET_RE.sub("", raw.strip()))
        if not line or _group_heading(line, lines[index + 1 :]):
            continue
        if len(line) > MAX_VERTICAL_LINE_CHARS or ABSENT_RE.search(fold(line)):
            break
        if people and people[-1].role is None and fold(line.split()[0]) in ROLE_WORDS:
            # "MTRO. ALEJANDRO FERNÁNDEZ CAMPILLO\nSUBSECRETARIO DE EDUCACIÓN … Y PRESIDENTE DE
            # LA H. JUNTA DIRECTIVA": the office on the line under the name.
            people[-1].role = clean_title(line)
            continue
        parsed = split_name_role(line.rstrip(" ."))
        if parsed is None or not looks_like_name(parsed[0]):
            break
        people.append(Person(*parsed))
    return people if len(people) >= 2 else []
