"""Names a page ran together with no separator between them: "ALFREDO GUTIÉRREZ ORTIZ MENA JOSÉ
RAMÓN COSSÍO DÍAZ" in a header, "Fernando Humberto Rosales Bretón Joel Sánchez Roldán" in a prose
list whose comma a scan lost. A name is cut before a given name that follows a surname.
"""

import re

from .given_names import GIVEN_NAMES
from .people import Person
from .text import fold

_PARTICLES = frozenset(["de", "del", "la", "las", "los", "y", "e"])


def run_together_names(run: str) -> list[str]:
    """ "ALFREDO GUTIÉRREZ ORTIZ MENA JOSÉ RAMÓN COSSÍO DÍAZ": names run together with no
    separator, cut before a given name that follows a surname."""
    names: list[str] = []
    current: list[str] = []
    for word in run.split():
        folded = fold(word).strip(".")
        previous = fold(current[-1]).strip(".") if current else ""
        # "JUANA DE JESÚS": not after a particle, which a surname goes on from
        after_surname = (
            len(current) >= 2 and previous not in GIVEN_NAMES and previous not in _PARTICLES
        )
        if folded in GIVEN_NAMES and after_surname:
            names.append(" ".join(current))
            current = []
        current.append(word)
    if current:
        names.append(" ".join(current))
    return names


_STOP_INSIDE_NAME_RE = re.compile(r"(?<=[a-záéíóúñ]{3})\.(?=\s+[A-ZÁÉÍÓÚÑ][a-záéíóúñ])")
MIN_RUN_TOGETHER_WORDS = 6
MIN_PART_WORDS = 3  # "Eric Omar Rodolfo Juárez …" is one person with three given names


def split_run_together(person: Person) -> list[Person]:
    """ "Fernando Humberto Rosales Bretón Joel Sánchez Roldán": two names whose comma a scan
    lost, cut before a given name that follows a surname; each part keeps the office. A speck
    read as a stop inside a name ("Jorge Ramón. Morales Díaz") is dropped."""
    person.name = _STOP_INSIDE_NAME_RE.sub("", person.name)
    words = person.name.split()
    if len(words) < MIN_RUN_TOGETHER_WORDS:
        return [person]
    parts = run_together_names(person.name)
    if len(parts) < 2 or any(len(part.split()) < MIN_PART_WORDS for part in parts):
        return [person]
    return [Person(part, person.role, person.group_role) for part in parts]


def wrapped_name(before: str, name: str) -> str | None:
    """``name`` with the given names a line break left on the line before, when ``before`` (the
    text from the last comma to the break) runs into it: "…, Juan David García Camarena Marco" +
    "Antonio Fuentes Ontiveros" -> "Marco Antonio Fuentes Ontiveros" (an absent member, named
    and not answering, then the one who did). None when nothing of ``before`` belongs to it."""
    if ":" in before or not before.rstrip()[-1:].isalpha():
        return None  # "CARRILLO RINCÓN FRANCISCO JAVIER.-": a line closed by its mark is whole
    names = run_together_names(" ".join([*before.split(), *name.split()]))
    last = names[-1] if len(names) >= 2 else ""
    joined = " ".join(name.split())
    if len(last) <= len(joined) or not last.endswith(joined):
        return None
    return last
