"""Offices written once after a run of names and shared out "respectivamente": "Lic. A, Mtro. B y
Dr. C, en su carácter de Comisionado Presidente y Comisionados respectivamente", "los abogados A
y B, Secretario y Prosecretaria del Consejo, respectivamente"."""

import re

from .names import ROLE_WORDS, singular
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
        person.role, person.group_role = office, False


def share_closing_plural(people: list[Person], chunks: list[int]) -> None:
    """ "A, B, C, secretarios; D, E": an office in the plural after the last name of a run
    separated by commas is the office of every name of the run that has none ("secretario",
    in the case written). ``chunks[i]`` is the part of the list, between semicolons, of
    ``people[i]``."""
    for index, person in enumerate(people):
        if not person.role or person.group_role:
            continue  # (a group's office, given to each of its names, closes no run)
        # "…, Rocío Gamiño y Julieta Mejía, secretarios" was already shared by the last two;
        # so was "…, José Sánchez y Alejandro Zazueta, Regidores del H. Ayuntamiento".
        shared = (
            index > 0
            and chunks[index - 1] == chunks[index]
            and people[index - 1].role == (person.role)
        )
        if " " in person.role.strip():
            # An office of several words closes the run only when the last two shared it.
            single = person.role
            if not shared or fold(single.split()[0]) not in ROLE_WORDS:
                continue
        else:
            single = singular(person.role)
            plural = fold(single) != fold(person.role)
            if not (plural or shared) or fold(single) not in ROLE_WORDS:
                continue
        person.role = single[0].lower() + single[1:] if person.role[0].islower() else single
        before = index - 1
        while (
            before >= 0
            and chunks[before] == chunks[index]
            # "de los diputados A (presidenta), B, C (secretarios)": the office written after
            # the run is more exact than the group's.
            and (people[before].role in (None, person.role) or people[before].group_role)
        ):
            people[before].role, people[before].group_role = person.role, False
            before -= 1
