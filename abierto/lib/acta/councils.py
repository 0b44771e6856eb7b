"""Bodies named after the body they belong to: a legislature's plenary and committees, and
the meetings of an Ayuntamiento.

A legislature is named by its ordinal ("la Sexagésima Sexta Legislatura"); its committees
are named without it ("Comisión de Juventud y Deporte de la Sexagésima Tercera Legislatura"
is the committee: the legislature changes every three years, the committee stays); "Sesión
Ordinaria de Cabildo" names the meeting of the Ayuntamiento the acta names elsewhere.
"""

import re

from abierto.lib.spanish import ordinal_words_to_number

from .text import fold

OPENING_CHARS = 1500
# "Comisión de Juventud y Deporte de la Sexagésima Tercera Legislatura"
OF_LEGISLATURE = r"de\s+la\s+(?:\S+\s+){1,3}legislatura"
OF_LEGISLATURE_RE = re.compile(rf"\s+{OF_LEGISLATURE}$", re.IGNORECASE)

# A bare noun is no name: "Sesión Ordinaria de Cabildo", "… de Ayuntamiento".
_BARE_NOUNS = frozenset(["cabildo", "ayuntamiento", "h. cabildo", "honorable cabildo"])
# "los integrantes del R. Ayuntamiento": the title makes it this municipality's council.
# "el H. XLI Ayuntamiento Constitucional de Tepic": the administration's numeral may follow.
_TITLED_COUNCIL_RE = re.compile(
    r"(?:(?:h|r)\.\s*|honorable\s+|republicano\s+)(?:[ivxlc]+\s+)?ayuntamiento"
)
_NAMED_COUNCIL_RE = re.compile(
    r"^(?:(?:h|r)\.\s*|honorable\s+|republicano\s+)?(?:[ivxlc]+\s+)?ayuntamiento\b.*\bde(?:l)?\s",
    re.DOTALL,
)


def named_council(best: str, mentions: list[str]) -> str:
    """ "Sesión Ordinaria de Cabildo" names the meeting of an Ayuntamiento: when the acta names
    it ("Integrantes del Ayuntamiento de Tampico"), that is the body."""
    if fold(best) not in _BARE_NOUNS:
        return best
    named = [
        mention
        for mention in mentions
        if _TITLED_COUNCIL_RE.fullmatch(fold(mention))
        or (
            _NAMED_COUNCIL_RE.match(fold(mention))
            # "los integrantes del H. Ayuntamiento de este Municipio": no name
            and fold(mention).split()[-1] not in ("municipio", "ayuntamiento")
        )
    ]
    return (sorted(named, key=str.isupper) or [best])[0]


def is_ordinal(word: str) -> bool:
    try:
        ordinal_words_to_number(word)
    except ValueError:
        return False
    return word[:1].isalpha()


# "la Sexagésima Sexta Legislatura": a legislature is named by its ordinal.
_LEGISLATURE_RE = re.compile(
    r"\b(?P<ordinal>(?:[A-ZÁÉÍÓÚ][A-Za-zÁÉÍÓÚáéíóú]+\s+){1,3})(?:LEGISLATURA|Legislatura)\b"
)


def legislature(text: str, opening_end: int) -> str:
    """A legislature's plenary, named by its ordinal ("Sexagésima Sexta Legislatura"), when
    the minutes name no other body: the first mention written in small letters if any."""
    found: list[str] = []
    for match in _LEGISLATURE_RE.finditer(text, 0, max(opening_end, OPENING_CHARS)):
        words = match["ordinal"].split()
        for length in range(min(3, len(words)), 0, -1):
            if is_ordinal(" ".join(words[-length:])):
                found.append(" ".join([*words[-length:], match.group(0).split()[-1]]))
                break
    mixed = [name for name in found if not name.isupper()]
    return (mixed or found or [""])[0]
