"""Attendees named only by their signatures: "…reunidos … los C.C. (Ciudadanos) que suscriben y
que componen el Ilustre Ayuntamiento …", then "Rúbricas\nTomás Anastasio\nEsteban Rosales …" at the
foot (one name a line, or side by side in a table's cells); or, when the acta names no one
else, the signers whom the closing says took part ("…, firmando al calce los que en ella
intervinieron."). Split from ``attendance``.
"""

import re

from .names import split_name_role
from .people import Person
from .signatures import office_line, signers

# "…reunidos … los C.C. (Ciudadanos) que suscriben y que componen el Ilustre Ayuntamiento": the
# attendees are the names signed at the foot ("Rúbricas\nTomás Anastasio\nEsteban Rosales …").
_SIGNERS_ATTEND_RE = re.compile(
    r"\b(?:(?:que|quienes)\s+(?:suscriben|firman|al\s+calce\s+firman)|l[oa]s\s+suscrit[oa]s|"
    # "los integrantes del Comité cuyas firmas aparecen al final de la presente acta"
    # "las personas cuyos nombres y firmas aparecen al final de la presente acta"
    r"cuy[oa]s\s+(?:nombres\s+y\s+)?firmas\s+(?:aparecen|constan|se\s+encuentran|obran))\b"
)
MAX_SIGNERS = 40


def _names_under(text: str, start: int) -> list[Person]:
    """The names one a line from ``start`` (a signatures heading's end), up to a line that is
    no name; a blank line between them, and the office printed under each, are allowed."""
    people: list[Person] = []
    lines = text[start:].split("\n")
    if lines and not all(split_name_role(cell) for cell in _cells(lines[0])):
        lines = lines[1:]  # "…, firmando al calce los que en ella intervinieron.": the cue's line
    for line in lines:
        # "ROSA MARÍA GARCÍA OLMEDO          JUANA SANTIAGO PÉREZ": signatures side by side
        cells = _cells(line)
        if not cells:
            continue
        if people and all(office_line(cell) is not None for cell in cells):
            continue  # "PRESIDENTA DEL COMITÉ" under the name: ``roles_from_signatures`` reads it
        parsed_cells = [split_name_role(cell) for cell in cells]
        if any(parsed is None for parsed in parsed_cells) or len(people) >= MAX_SIGNERS:
            break
        people += [Person(parsed[0], parsed[1]) for parsed in parsed_cells if parsed]
    return people


_COLUMN_GAP_RE = re.compile(r"[ \t]*\|[ \t]*|\t+|[ ]{3,}")  # (a table's cells, or a layout's gap)


def _cells(line: str) -> list[str]:
    """The names side by side on a signatures' line ("ROSA MARÍA GARCÍA | JUANA SANTIAGO")."""
    cells = (cell.strip(" \t.,;") for cell in _COLUMN_GAP_RE.split(line))
    return [cell for cell in cells if cell]


def signers_attending(
    text: str, folded: str, opening: tuple[int, int], signatures_start: int
) -> list[Person]:
    """The names signed under the signatures' heading, when the opening says the attendees
    are those who sign."""
    if not _SIGNERS_ATTEND_RE.search(folded, *opening):
        return []
    if signatures_start >= len(text.rstrip()):
        # No heading or formula announces the signatures: the names at the foot are theirs.
        signatures_start = _foot_names_start(text)
    return _names_under(text, signatures_start)


def _foot_names_start(text: str) -> int:
    """Where the run of lines of names (one or more a line) that ends the text starts."""
    start = len(text.rstrip())
    while start > 0:
        line_start = text.rfind("\n", 0, start - 1) + 1
        cells = _cells(text[line_start:start])
        if cells and not all(split_name_role(cell) or office_line(cell) for cell in cells):
            break
        start = line_start
    return start


def signers_only(text: str, folded: str, after: int) -> list[Person]:
    """The signers at the foot, with the office printed under each, for an acta that names
    no one else but closes saying those who took part sign ("…, firmando al calce los que en
    ella intervinieron." over "MTRA. ANA MARÍA RUIZ SOTO / PRESIDENTA DEL COMITÉ")."""
    found = signers(text, after)
    if not found or not _SIGNED_BY_THOSE_PRESENT_RE.search(
        folded, max(0, found[0].start - CLOSING_CHARS), found[0].start
    ):
        return []
    people: list[Person] = []
    for signer in found:
        parsed = split_name_role(signer.name)
        if parsed is not None:
            people.append(Person(parsed[0], signer.office or parsed[1]))
    return people


# "firmando al calce los que en ella intervinieron", "firman los asistentes para constancia"
_SIGNED_BY_THOSE_PRESENT_RE = re.compile(
    r"\bfirma(?:ndo|n|ron)?\b[^.]{0,80}?\b(?:los|las|quienes)\s+(?:que\s+)?(?:en\s+(?:ella|el|la\s+misma)\s+)?"
    r"(?:intervinieron|participaron|asistieron|estuvieron\s+presentes)"
    r"|\bfirma(?:ndo|n|ron)?\s+(?:al\s+calce\s+|al\s+margen\s+)?(?:los|las)\s+"
    r"(?:asistentes|presentes|participantes)\b"
)
CLOSING_CHARS = 600
