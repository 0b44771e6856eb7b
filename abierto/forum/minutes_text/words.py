"""Words shared by every part of the acta: folding, lines, sentences, which item is which."""

from __future__ import annotations

import re
import unicodedata

from ..models import (
    AgendaItem,
)

# Where the forum sits: in-person sessions happen there unless the place names another city.
SEAT_CITY = "la Ciudad de Toluca de Lerdo, Estado de México"


def fold(text: str) -> str:
    """Lower-case ``text`` without accents and with single spaces, to compare titles."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(bare.casefold().split())


def _line(text: str) -> str:
    """One line of markup: user text with its line breaks and runs of spaces collapsed."""
    return " ".join(text.split())


def _sentence(text: str) -> str:
    text = _line(text)
    if text and text[-1] not in ".:;!?…":
        text += "."
    return text


def _without_final_period(text: str) -> str:
    return _line(text).rstrip(".")


def _paragraphs(text: str) -> list[str]:
    """A narrative typed by the facilitator, as paragraphs of markup."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    return [chunk.strip() for chunk in re.split(r"\n\s*\n", text) if chunk.strip()]


def _is_roll_call(item: AgendaItem) -> bool:
    return "lista de asistencia" in fold(item.title)


def _is_follow_up(item: AgendaItem) -> bool:
    return "seguimiento de acuerdos" in fold(item.title)


def _is_general_affairs(item: AgendaItem) -> bool:
    return "asuntos generales" in fold(item.title)


def _is_closing(item: AgendaItem) -> bool:
    return fold(item.title).startswith("clausura")


# --- Opening ----------------------------------------------------------------


def platform_name(place: str) -> str:
    """Drop a leading «Plataforma»: the acta says «la plataforma Zoom», never «Plataforma Zoom»."""
    return re.sub(r"^(?:la\s+)?plataforma\s+", "", _line(place), flags=re.IGNORECASE)
