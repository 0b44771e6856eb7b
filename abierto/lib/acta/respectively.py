"""Offices written once after a run of names and shared out "respectivamente": "Lic. A, Mtro. B y
Dr. C, en su carácter de Comisionado Presidente y Comisionados respectivamente", "los abogados A
y B, Secretario y Prosecretaria del Consejo, respectivamente"."""

import re

from .names import singular
from .people import Person
from .text import fold

_RESPECTIVELY_RE = re.compile(r"[,\s]+respectivamente\s*$", re.IGNORECASE)
_ROLE_PARTS_RE = re.compile(r"\s*,\s*(?:y\s+)?|\s+y\s+")


def share_out_respectively(people: list[Person]) -> None:
    """ "Lic. A, Mtro. B, y Dr. C, en su carácter de Comisionado Presidente y Comisionados
    respectivamente": the offices go to the names in order, a plural one to all the rest."""
    for last, person in enumerate(people):
        if person.role and _RESPECTIVELY_RE.search(person.role):
            _share_out_before(people, last)


_COMPLEMENT_RE = re.compile(r"^(?P<office>\S+)\s+(?P<complement>(?:de|del)\s.+)$")


def _share_out_before(people: list[Person], last: int) -> None:
    role = people[last].role or ""
    parts = [part for part in _ROLE_PARTS_RE.split(_RESPECTIVELY_RE.sub("", role)) if part]
    complement = _COMPLEMENT_RE.match(parts[-1]) if parts else None
    if complement and all(len(part.split()) == 1 for part in parts[:-1]):
        # "Secretario y Prosecretaria del Consejo, respectivamente": each of the Consejo.
        parts = [f"{part} {complement['complement']}" for part in parts[:-1]] + parts[-1:]
    first = last
    group = fold(singular(parts[-1])) if parts else ""
    while first > 0 and fold(people[first - 1].role or group) == group:
        first -= 1  # "los Comisionados Lic. A, …": the heading's office gave the first one
    run = people[first : last + 1]
    if len(parts) == len(run):
        offices = parts
    elif len(parts) < len(run) and fold(singular(parts[-1])) != fold(parts[-1]):
        offices = [*parts[:-1], *[singular(parts[-1])] * (len(run) - len(parts) + 1)]
    else:
        return
    for person, office in zip(run, offices, strict=True):
        person.role = office
