"""An attendee as read from the acta, and how several readings of one person merge.

Readers find the same person more than once: in the roll call ("Ximena Puente") and as a
speaker ("Comisionada Presidenta Ximena Puente de la Mora: …"). ``unique`` keeps one entry
per person, the fullest spelling of the name and the first role given (or a fuller one that
extends it: "Comisionada" in the roll call, "Comisionada Presidente" as a speaker).
"""

import re
from dataclasses import dataclass

from .given_names import GIVEN_NAMES
from .names import name_key

ABSENT_RE = re.compile(
    r"\b(?:ausente|ausencia|falt[oa]|faltando|justific|no\s+asisti|inasist|sin\s+aviso|"
    # "la Regidora Linda Higuera Gutiérrez, solicitó licencia para esta sesión"
    r"(?:solicit\w*|con|de|goza\w*\s+de)\s+licencia\b)"
)


@dataclass
class Person:
    """One attendee as read from the acta."""

    name: str
    role: str | None
    # The role is only the group's ("los Ciudadanos Diputados:" before a roll call): an office
    # another reading gives the person ("PRIMER SECRETARIO: DIP. …") is more exact.
    group_role: bool = False


def unique(people: list[Person]) -> list[Person]:
    """Once per person, in order of first mention.

    A name that is the start of a longer one ("Ximena Puente", "Ximena Puente de la Mora")
    is the same person: the longer spelling is kept, with the role of whichever reading gave
    one (the longer's first).
    """
    seen: dict[str, Person] = {}
    reordered: dict[str, str] = {}  # the words of a name in any order -> its key
    for person in people:
        key = name_key(person.name)
        if not key:
            continue
        key = reordered.setdefault(" ".join(sorted(key.split())), key)
        if key in seen:
            kept = seen[key]
            if (kept.group_role or not kept.role) and person.role and not person.group_role:
                kept.role, kept.group_role = person.role, False
            elif not kept.role:
                kept.role, kept.group_role = person.role, person.group_role
            else:
                kept.role = fuller_role(kept.role, person.role)
            if _surname_first(seen[key].name) and not _surname_first(person.name):
                # "HERNÁNDEZ VÁZQUEZ ÁNGEL GERARDO.- Presente." in a roll call by surnames:
                # the name as written elsewhere, given name first
                seen[key].name = person.name
            continue
        seen[key] = person
    keys = list(seen)
    merged: dict[str, Person] = {}
    for key in keys:
        longer = next(
            (
                other
                for other in keys
                if other != key
                and len(key.split()) >= 2
                and (other.startswith(key + " ") or _surnames_of(key, other))
            ),
            None,
        )
        if longer is None:
            merged.setdefault(key, seen[key])
            continue
        kept, short = seen[longer], seen[key]
        kept.role = fuller_role(kept.role, short.role)
        # The person keeps the place of the first mention.
        merged.setdefault(longer, kept)
    return list(merged.values())


_PARTICLES = frozenset(["de", "del", "la", "las", "los", "y"])


def _surname_first(name: str) -> bool:
    """ "HERNÁNDEZ VÁZQUEZ ÁNGEL GERARDO": written by surnames, a given name last."""
    words = name_key(name).split()
    return len(words) > 2 and words[-1] in GIVEN_NAMES and words[0] not in GIVEN_NAMES


def _surnames_of(key: str, other: str) -> bool:
    """ "El C. secretario Gutiérrez de Velasco:" speaks as the "Manuel Gutiérrez de Velasco"
    the opening named: surnames that end a longer name, no particle first."""
    first = key.split()[0]
    return (
        other.endswith(" " + key)
        and first not in _PARTICLES
        and first not in GIVEN_NAMES
        and " y " not in other
    )


def fuller_role(first: str | None, other: str | None) -> str | None:
    """The first role given, unless the other one extends it word for word."""
    if not first or not other:
        return first or other
    shorter = first.casefold().split()
    longer = other.casefold().split()
    extra = other.split()[len(shorter) :]
    # Only a capitalised qualifier extends an office ("Comisionada" + "Presidente"); "de este
    # Instituto" says where, which the first reading left out on purpose.
    if extra and longer[: len(shorter)] == shorter and all(word[:1].isupper() for word in extra):
        return other
    return first
