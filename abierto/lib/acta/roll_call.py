"""A roll call run into prose: "ciudadano Pablo Vázquez Ramírez, presente; …".

The secretary's reading of the list is often transcribed inline, each member followed by
the answer: "Name, presente;", "REGIDORA, NAME, Presente;", "Name (presente)". Only the
members marked present are read; those who "justificó su inasistencia" or joined later
carry no mark and are left out. A plural office written once before the run ("Concejales
Municipales Regidores: Name (presente), …") is the office of each name in it that has none.
"""

import re

from .names import looks_like_name, singular, split_name_role
from .people import Person

# ", presente", "(presente)", ": presente", closing one member's entry.
_MARK_RE = re.compile(r"\s*(?:,|\(|:|-)\s*presente\b\s*\)?(?=\s*(?:[;,.)\n]|y\s|$))")
# Where an entry starts at the latest: after a separator or a heading's colon.
_BOUNDARY_RE = re.compile(r"[;:.\n]|\)\s*,?|,\s*(?=y\s)")
MAX_ENTRY_CHARS = 160
MAX_GAP_CHARS = 200  # two marks further apart than this belong to different runs
# "Concejales Municipales Regidores:", "los Regidores:", "Síndicos:" before the run.
_PLURAL_OFFICE_RE = re.compile(
    r"(?:^|\s)(?:(?:los|las)\s+)?(?P<office>(?:[a-z]+(?:es|as|os)\s+){0,3}"
    r"(?:regidores|regidoras|sindicos|concejales|consejeros|consejeras|vocales|diputados|"
    r"diputadas|comisionados|comisionadas|integrantes|miembros))\s*:\s*$"
)


def from_inline_roll_call(text: str, folded: str) -> list[Person]:
    """The members a roll call run into prose marks present, with their offices."""
    marks = list(_MARK_RE.finditer(folded))
    people: list[Person] = []
    previous_end: int | None = None
    group_role: str | None = None
    for index, mark in enumerate(marks):
        near_previous = previous_end is not None and mark.start() - previous_end <= MAX_GAP_CHARS
        following = marks[index + 1] if index + 1 < len(marks) else None
        near_next = following is not None and following.start() - mark.end() <= MAX_GAP_CHARS
        if not (near_previous or near_next):
            previous_end = mark.end()
            continue  # one "presente" alone is a word of the narrative, not a roll call
        if not near_previous:
            group_role = None
        start = max(mark.start() - MAX_ENTRY_CHARS, previous_end or 0)
        boundaries = list(_BOUNDARY_RE.finditer(folded, start, mark.start()))
        entry_start = boundaries[-1].end() if boundaries else start
        heading_start = previous_end if near_previous and previous_end else max(0, entry_start - 80)
        office = _PLURAL_OFFICE_RE.search(folded, heading_start, entry_start)
        if office:
            group_role = singular(text[office.start("office") : office.end("office")])
        previous_end = mark.end()
        parsed = split_name_role(text[entry_start : mark.start()])
        if parsed is None or not looks_like_name(parsed[0]):
            continue
        name, role = parsed
        people.append(Person(name, role or group_role))
    return people
