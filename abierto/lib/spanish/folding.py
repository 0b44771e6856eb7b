"""Folding and the names of months and weekdays, shared by the readers and writers."""

import unicodedata

MONTHS = (
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
)
WEEKDAYS = ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo")

MAX_CARDINAL = 999_999_999_999
MAX_ORDINAL = 999


def _fold(text: str) -> str:
    """Lower-case ``text``, drop accents and collapse whitespace.

    NFKD (not NFD) also turns the ordinal indicators "ª" and "º" into "a" and "o".
    """
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(bare.casefold().split())
