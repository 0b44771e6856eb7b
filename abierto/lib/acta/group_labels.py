"""Offices written as labels at the start of a line, and parties written after names.

A legislative commission's minutes list its members under labels, each name followed by
its party::

    Presidenta: Teresita de Jesús Vargas Meraz, de Morena;
    Secretarias y Secretarios: Alma Griselda Valencia Medina, de Morena; …, del PT, y
    Fausto Gallardo García, del PVEM.
    Integrantes: Claudia Alejandra Hernández Sáenz, de Morena; …

The label is each name's office (the singular of a plural one, in the person's gender when
the label names both); the party is no office.
"""

import re

from .given_names import is_feminine_given_name
from .names import singular
from .text import fold, squash

_OFFICE_STEMS = (
    r"(?:(?:vice)?presiden(?:t|cia)|secretar[ií]|integrante|vocal|consejer|regidor|s[ií]ndic|tesorer|"
    r"coordinador|comisionad|miembro|invitad|"
    # "Comisario: Lic. …", "Director: …", "Suplente: …" on their lines after "Presidente: …"
    # (not "Diputado": a Chamber commission's transcript starts lines with it, no label)
    r"(?:sub)?director|titular|representante|asesor|contralor|suplente|jef[ea]|delegad|comisari|"
    # an assembly's table: "Escrutadores: C. Name y C. Name", "Moderadora: …"
    r"rector|enlace|responsable|escrutador|moderador|relator)[a-záéíóúñ]*"  # (unfolded text too)
)
# "Consejera Presidenta:", "Consejeras y Consejeros Electorales:", "Representantes de los
# partidos políticos:": the office may be qualified by a few words before its colon.
_QUALIFIERS = r"(?:[ \t]+(?![ye][ \t])[A-Za-zÁÉÍÓÚÑáéíóúñ]{2,}){0,4}"
# "PAN: Lic. Alfonso Bravo Álvarez", "Morena: Lic. Javier Rivera" under "Representantes de los
# partidos políticos:": a party as the label, whose representative the name is. (Acronyms in
# capitals, names capitalised: "Pan:" or "Pt:" in a sentence is no label.)
_PARTY_LABELS = (
    r"PAN|PRI|PRD|PT|PVEM|MC|PES|PANAL|RSP|FXM|MORENA|Morena|Movimiento\s+Ciudadano|"
    r"Nueva\s+Alianza|Encuentro\s+Social|Partido\s+(?:de\s+la\s+|del\s+|de\s+)?[A-ZÁÉÍÓÚ][^:\n]{2,60}"
)
PARTY_LABEL_RE = re.compile(r"^\s*(?P<party>" + _PARTY_LABELS + r")[ \t]*:\s*")
# A line that starts with an office (or a party) and its colon: where a new group begins.
LINE_LABEL_SPLIT = (
    r"\n(?=[ \t]*(?:(?i:"
    + _OFFICE_STEMS
    + r")(?:[ \t]+[ye][ \t]+(?i:"
    + _OFFICE_STEMS
    + r"))?"
    + _QUALIFIERS
    + r"|(?:"
    + _PARTY_LABELS
    + r"))[ \t]*:)"
)


def party_representative(party: str) -> str:
    """ "Representante del PAN", "Representante de Morena", "Representante del Partido del
    Trabajo": the office of whoever a party's label names."""
    party = squash(party)
    article = (
        "del" if (party.isupper() and party != "MORENA") or party.startswith("Partido") else "de"
    )
    return f"Representante {article} {party}"


LINE_LABEL_RE = re.compile(
    r"^\s*(?P<office>"
    + _OFFICE_STEMS
    + r"(?:\s+[ye]\s+"
    + _OFFICE_STEMS
    + r")?"
    + _QUALIFIERS
    + r")\s*:\s*"
)

_OFFICE_ONLY_RE = re.compile(
    r"^\s*"
    + _OFFICE_STEMS
    + r"(?:\s+[ye]\s+"
    + _OFFICE_STEMS
    + r")?"
    # "Consejeras y Consejeros Electorales" (not "Consejero Juan Pérez", a speaker)
    + r"(?:\s+(?:electoral(?:es)?|ciudadan[oa]s?|propietari[oa]s?|suplentes?|ejecutiv[oa]s?|"
    r"tecnic[oa]s?|municipal(?:es)?|general(?:es)?|president[ea]s?))*\s*$"
)


def is_office_label(label: str) -> bool:
    """ "Secretarias y Secretarios", "Integrantes": a label that names an office only."""
    return _OFFICE_ONLY_RE.match(fold(label)) is not None


_PARTIES = (
    r"morena|pan|pri|prd|pt|pvem|mc|pes|panal|pna|psd|pri-pvem|movimiento\s+ciudadano|"
    r"nueva\s+alianza|encuentro\s+social|partido\s+verde(?:\s+ecologista\s+de\s+mexico)?|"
    r"partido\s+del\s+trabajo|partido\s+accion\s+nacional|accion\s+nacional|"
    r"partido\s+revolucionario\s+institucional|partido\s+de\s+la\s+revolucion\s+democratica|"
    r"convergencia|sin\s+partido"
)
# "…, de Morena", "…, del PAN", "del Grupo Parlamentario del PRI": a party, not an office.
_PARTY_RE = re.compile(
    r"^\s*(?:de(?:l)?\s+)?(?:(?:grupo\s+parlamentario|partido|fraccion\s+parlamentaria)\s+(?:de(?:l)?\s+)?)?"
    r"(?:" + _PARTIES + r")\s*[.,;]?\s*$"
)
# "Shirley Guadalupe Vázquez Romero del PT": a party run on after the name.
_TRAILING_PARTY_RE = re.compile(r",?\s+del?\s+(?:" + _PARTIES + r")\s*[.,;]?\s*$")


def is_party(role: str) -> bool:
    return _PARTY_RE.match(fold(role)) is not None


def without_party(name: str) -> str:
    found = _TRAILING_PARTY_RE.search(fold(name))
    return name[: found.start()].rstrip(" ,") if found else name


# A function named as a label ("Presidencia: Name", "Secretaría: Name, Name"): the office of
# whoever holds it, in the person's gender. ("Secretaria", without the accent, is the office.)
_FUNCTIONS = {
    "presidencia": ["Presidenta", "Presidente"],
    "vicepresidencia": ["Vicepresidenta", "Vicepresidente"],
    "secretaría": ["Secretaria", "Secretario"],
}


class Label:
    """The office a label gives: its forms in each gender, and whether it heads a group."""

    def __init__(self, office: str) -> None:
        words = re.split(r"\s+[ye]\s+", squash(office))
        qualifier = words[-1].split(maxsplit=1)[1:]
        if qualifier and all(len(word.split()) == 1 for word in words[:-1]):
            # "Consejeras y Consejeros Electorales": the qualifier is each office's
            words = [f"{word} {qualifier[0]}" for word in words[:-1]] + words[-1:]
        self.forms = []
        for word in words:
            self.forms += _FUNCTIONS.get(word.lower(), [singular(word)])
        # "Presidencia:", "Secretaría:": the function heads whoever holds it, one or several.
        self.plural = any(
            word.lower() in _FUNCTIONS or fold(singular(word)) != fold(word) for word in words
        )

    def office_of(self, name: str) -> str:
        """The label's office for ``name``: in the person's gender when it names both
        ("Secretarias y Secretarios")."""
        feminine = [form for form in self.forms if fold(form).split()[0].endswith("a")]
        masculine = [form for form in self.forms if not fold(form).split()[0].endswith("a")]
        if not (feminine and masculine):
            return self.forms[0]
        first = fold(name).split()[:1]
        return feminine[0] if first and is_feminine_given_name(first[0]) else masculine[0]
