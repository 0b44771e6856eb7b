"""Officers named by the office they are in charge of: "SECRETARÍA GENERAL A CARGO DEL LIC.
SANTOS OMAR RODRÍGUEZ RAMÍREZ", "la Secretaría General está a cargo del licenciado Ignacio
Alfonso Rejón Cervantes". The office is the person's role, as the acta writes it. A
legislature's heading "PRESIDENCIA DE LA DIP. NAME" names who presides, by title only.
"""

import re

from .names import singular
from .people import Person
from .prose_list import people_in_list
from .roster import name_run, not_present
from .text import clean_title, sentences

_IN_CHARGE_RE = re.compile(
    r"(?P<office>(?:secretaria|presidencia|tesoreria|sindicatura|direccion|coordinacion|"
    r"contraloria)(?:\s+(?:general|tecnica|ejecutiva|municipal|del\s+ayuntamiento))?)\s+"
    r"(?:(?:esta|queda|quedo|estuvo)\s+)?a\s+cargo\s+(?:del|de\s+la|de)\s+"
)


def from_in_charge(text: str, folded: str) -> list[Person]:
    """The people the opening puts in charge of an office, with that office."""
    people: list[Person] = []
    for match in _IN_CHARGE_RE.finditer(folded):
        office = text[match.start("office") : match.end("office")]
        if not office[0].isupper():
            continue  # "la secretaría a cargo de…" in lower case names no office
        name, end = name_run(text, match.end())
        if name is None or not_present(folded, match.start(), end):
            continue
        people.append(Person(name, clean_title(office)))
    return people


# "PRESIDENCIA DE LA DIP.\nITZEL SOLEDAD CASTILLO ALMANZA", "PRESIDENCIA DEL C. DIP. LUIS …":
# a heading line of a legislature's minutes; the title is all it says of the person's office.
# A Diario de los Debates writes only the citizen's title ("Presidencia del\nC. ARMANDO DEL
# CASTILLO FRANCO"): the heading then says the person presides.
_PRESIDENCY_HEADING_RE = re.compile(
    r"(?:^|\n)[ \t]*presidencia\s+(?:de\s+la|del)\s+(?:c\.\s*)?"
    r"(?:(?P<title>dip[ ]?\.|diputad[oa]|sen[ ]?\.|senador(?:a)?)"
    r"|(?<=c\.)|(?<=c\.\s)|\s*\n[ \t]*c\.)[ \t]*"
    # a scan's speck read as a short word, and blank lines, before the name
    r"(?:[a-z]{1,2}[ \t]*(?=\n))?(?:\n[ \t]*){0,2}"
)


def from_presidency_heading(text: str, folded: str) -> list[Person]:
    people: list[Person] = []
    for match in _PRESIDENCY_HEADING_RE.finditer(folded):
        name, end = name_run(text, match.end())
        if name is None:
            continue
        if match["title"] is None:
            line_end = text.find("\n", end)
            if text[end : len(text) if line_end == -1 else line_end].strip():
                continue  # "Presidencia del C. Ángel Barrera. En la ciudad …" is no heading line
            people.append(Person(name, "Presidenta" if "de la" in match.group(0) else "Presidente"))
            continue
        speaking = _PRESIDENT_SPEAKS_RE.search(folded)
        if speaking:
            # "EL DIP. PRESIDENTE.- Solicito al Primer Secretario …": the transcript names the
            # one who presides by the office.
            office = text[speaking.start("office") : speaking.end("office")]
            people.append(Person(name, office[0].upper() + office[1:].lower()))
            continue
        title = text[match.start("title") : match.end("title")]
        title = title.replace(" ", "")
        people.append(Person(name, title[0].upper() + title[1:].lower()))
    return people


_PRESIDENT_SPEAKS_RE = re.compile(
    r"(?:^|\n)[ \t]*(?:el|la)\s+(?:dip\s?\.|diputad[oa]|sen\s?\.|senador(?:a)?)\s+"
    r"(?P<office>president[ea])\s*\.?\s*-"
)


# "la Presidencia nombra secretarios a los ciudadanos senador Manuel Gutiérrez de Velasco y
# diputado Ariosto Castellanos": officers appointed for the session, with that office.
_APPOINTED_RE = re.compile(
    r"\b(?:nombra|nombro|designa|designo)\s+(?:como\s+)?(?P<office>secretari[oa]s?|escrutador(?:es|as)?|"
    r"prosecretari[oa]s?)\s+(?:a\s+)?(?:(?:los|las|el|la)\s+)?(?:ciudadan[oa]s\s+|c\.\s*)?"
)


MAX_APPOINTED_CHARS = 600  # the sentence that names them


def from_appointed(text: str, folded: str) -> list[Person]:
    people: list[Person] = []
    for match in _APPOINTED_RE.finditer(folded):
        window = text[match.end() : match.end() + MAX_APPOINTED_CHARS]
        end = next((end for _, end in sentences(window, match.end())), match.end() + len(window))
        office = singular(text[match.start("office") : match.end("office")])
        for person in people_in_list(text[match.end() : end]):
            people.append(Person(person.name, office))  # "senador …": his seat, not this office
    return people
