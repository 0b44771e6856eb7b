"""Attendees named only by their signatures: "…reunidos … los C.C. (Ciudadanos) que suscriben y
que componen el Ilustre Ayuntamiento …", then "Rúbricas\nTomás Anastasio\nEsteban Rosales …" at the
foot. Split from ``attendance``.
"""

import re

from .names import split_name_role
from .people import Person
from .signatures import office_line

# "…reunidos … los C.C. (Ciudadanos) que suscriben y que componen el Ilustre Ayuntamiento": the
# attendees are the names signed at the foot ("Rúbricas\nTomás Anastasio\nEsteban Rosales …").
_SIGNERS_ATTEND_RE = re.compile(
    r"\b(?:(?:que|quienes)\s+(?:suscriben|firman|al\s+calce\s+firman)|l[oa]s\s+suscrit[oa]s|"
    # "los integrantes del Comité cuyas firmas aparecen al final de la presente acta"
    r"cuyas\s+firmas\s+(?:aparecen|constan|se\s+encuentran|obran))\b"
)
MAX_SIGNERS = 40


def _names_under(text: str, start: int) -> list[Person]:
    """The names one a line from ``start`` (a signatures heading's end), up to a line that is
    no name; a blank line between them, and the office printed under each, are allowed."""
    people: list[Person] = []
    lines = text[start:].split("\n")
    if lines and split_name_role(lines[0].strip(" \t.,;")) is None:
        lines = lines[1:]  # "…, firmando al calce los que en ella intervinieron.": the cue's line
    for line in lines:
        line = line.strip(" \t.,;")
        if not line:
            continue
        if people and office_line(line) is not None:
            continue  # "PRESIDENTA DEL COMITÉ" under the name: ``roles_from_signatures`` reads it
        parsed = split_name_role(line)
        if parsed is None or len(people) >= MAX_SIGNERS:
            break
        people.append(Person(parsed[0], parsed[1]))
    return people


def signers_attending(
    text: str, folded: str, opening: tuple[int, int], signatures_start: int
) -> list[Person]:
    """The names signed under the signatures' heading, when the opening says the attendees
    are those who sign."""
    if not _SIGNERS_ATTEND_RE.search(folded, *opening):
        return []
    return _names_under(text, signatures_start)
