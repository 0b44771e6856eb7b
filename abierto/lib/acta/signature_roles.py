"""Roles of attendees filled in from the offices printed under their names at the foot.

Signature blocks are never read as attendance (someone who signs was not necessarily there),
but the office under a signer's name gives the role of an attendee the acta named without one.
"""

import re

from .name_words import ROLE_WORDS
from .names import name_key
from .people import Person
from .signatures import best_match, signers
from .text import clean_title, fold

__all__ = ["roles_from_signatures"]


def roles_from_signatures(text: str, people: list[Person]) -> None:
    """Fill a missing role with the office printed under the person's name.

    "Ana Cecilia Mata Rodríguez\\nCoordinadora" at the foot of a minute.
    """
    for person in people:
        if person.role:
            continue
        pattern = (
            rf"(?m)^[ \t]*(?:\S+\.[ \t]+)*{re.escape(person.name)}[ \t]*,?[ \t]*\n"
            r"[ \t]*(?P<role>[^\n]{3,80})$"
        )
        match = re.search(pattern, text)
        if match is None:
            continue
        role = clean_title(match["role"])
        words = fold(role).split()
        if words and words[0].strip(".,") in ROLE_WORDS and len(words) <= 10:
            person.role = role
    _roles_from_signature_block(text, people)


def _roles_from_signature_block(text: str, people: list[Person]) -> None:
    """The office under a name of the block at the foot, the name perhaps misread by OCR."""
    unmatched = []
    for signer in signers(text):
        without_role = {person.name: person for person in people if not person.role}
        name = best_match(signer, list(without_role))
        if name is not None:
            without_role[name].role = signer.office
        else:
            unmatched.append(signer)
    # "DR. A ELO JUÁREZ / SECRETARIO": a signature written over the name left only its surname
    # legible. When one attendee alone still lacks a role and shares a surname with the line,
    # the office is theirs.
    for signer in unmatched:
        words = {word for word in name_key(signer.name).split() if len(word) > 3}
        candidates = [
            person
            for person in people
            if not person.role and words & set(name_key(person.name).split()[1:])
        ]
        if len(candidates) == 1 and sum(not person.role for person in people) == 1:
            candidates[0].role = signer.office
