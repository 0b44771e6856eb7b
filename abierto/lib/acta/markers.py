"""Numbered list markers: "I.", "II.-", "3)", "4.-", "PRIMERO.-".

Agendas and agreement sections are lists whose items are numbered in sequence;
searching for *the next number* ("after item III comes IV") rather than for any
number keeps figures, dates, article numbers and sub-items ("4.1") from being
read as items, and works whether the list is one item per line or run together
in a paragraph ("1. Lista de asistencia. 2. Declaratoria…").
"""

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from abierto.lib.roman import to_roman
from abierto.lib.spanish import number_to_words, ordinal_to_words

from .text import fold


class Style(StrEnum):
    """How a list numbers its items."""

    ROMAN = "roman"
    ARABIC = "arabic"
    WORDS = "words"


@dataclass(frozen=True)
class Marker:
    """The marker of item ``number`` at ``text[start:content]``."""

    number: int
    start: int
    content: int
    at_line_start: bool


_AFTER = r"[ \t]?(?:\.-|\.|\)|-|:|°\.?|º\.?)[ \t]*"


@lru_cache(maxsize=512)
def _marker_re(style: Style, number: int) -> re.Pattern[str]:
    if style is Style.ROMAN:
        token = to_roman(number).lower()
        body = rf"(?:punto\s+)?{token}{_AFTER}"
    elif style is Style.ARABIC:
        body = rf"(?:punto\s+)?{number}{_AFTER}"
    else:
        alternation = _alternation(_words_for(number))
        # A cardinal names an item only after "punto": "Punto Número Uno: Inicio de la Sesión".
        cardinal = re.escape(fold(number_to_words(number))).replace(r"\ ", r"\s+")
        body = (
            rf"(?:(?:{alternation})|punto\s+(?:numero\s+|n[uo]m\.\s*|no\.\s*)?{cardinal})"
            # "PRIMERO:\n\nLista de asistencia.": a scan may set the title on the next line
            rf"[ \t]?(?:\.-|\.|:|-)[ \t]*(?:\n[ \t]*){{0,2}}"
        )
    return re.compile(rf"(?<![\w.,/:-])(?P<marker>{body})(?=\S)")


def find_marker(
    text: str,
    folded: str,
    style: Style,
    number: int,
    start: int,
    limit: int,
    lead: int | None = None,
) -> Marker | None:
    """The first marker of item ``number`` in ``text[start:limit]`` that opens an item.

    A marker opens an item when it starts a line or follows the end of a
    sentence, and the item's text starts with a capital letter (or anything,
    at a line start). ``lead`` is where a heading ends: a marker right after it
    ("ORDEN DEL DÍA I. Lista…") opens the list even without punctuation.
    """
    pattern = _marker_re(style, number)
    for match in pattern.finditer(folded, start, limit):
        marker = _opening(text, style, number, match, lead)
        if marker is not None:
            return marker
    return None


def _opening(
    text: str, style: Style, number: int, match: re.Match[str], lead: int | None = None
) -> Marker | None:
    """The marker ``match`` found, if it opens an item (see ``find_marker``)."""
    begin = match.start("marker")
    content = match.end("marker")
    if content >= len(text):
        return None
    at_line_start = _at_line_start(text, begin)
    if style is Style.ROMAN and not text[begin:content].lstrip("PUNTOpunto ").startswith(
        to_roman(number)
    ):
        return None  # lower-case "i." or "v)" are sub-items, not items
    first = text[content]
    if lead is not None and not text[lead:begin].strip(" \t\n:.-"):
        return Marker(number, begin, content, at_line_start=at_line_start)
    if at_line_start and first not in "|":
        return Marker(number, begin, content, at_line_start=True)
    before = text[max(0, begin - 3) : begin].rstrip(" \t")
    sentence_end = not before or before[-1] in ".:;\n" or before.endswith("-")
    if sentence_end and _NUMBER_ABBREVIATION_RE.search(text, max(0, begin - 8), begin):
        return None  # "Asunto No. 4.- Venta de …": a sub-item's number, after "No."
    # "…: I.- Lectura del Orden del Día, II.- Lista de Asistencia, III.- …": a marker with its
    # dash is an item's even after a comma.
    # "…DE GUAYMAS, SONORA 7.- CLAUSURA DE LA SESIÓN.": an item in capitals that ends without
    # its full stop runs into the next marker, dash and all.
    dashed = (before.endswith(",") or before[-1:].isupper()) and text[
        begin:content
    ].rstrip().endswith(".-")
    if (sentence_end or dashed) and (first.isupper() or first in "\"'¿(«"):
        return Marker(number, begin, content, at_line_start=False)
    return None


_NUMBER_ABBREVIATION_RE = re.compile(r"\b(?i:no|n[uú]m|art|arts|fracc|inc)\.[ \t]*$")


def _words_for(number: int) -> set[str]:
    words = {fold(ordinal_to_words(number, feminine=feminine)) for feminine in (False, True)}
    words |= {word.replace(" ", "") for word in words}
    if number == 1:
        words |= {"primer"}
    return words


def _alternation(words: Iterable[str]) -> str:
    return "|".join(
        sorted((re.escape(word).replace(r"\ ", r"\s+") for word in words), key=len, reverse=True)
    )


@lru_cache(maxsize=64)
def _any_marker_re(style: Style, count: int) -> tuple[re.Pattern[str], dict[str, int]]:
    """One pattern for the markers of items 1 to ``count``, and each token's number.

    The same markers as ``_marker_re`` for each number: a token is always a whole word
    (nothing of a word or number may precede it, punctuation must follow it), so the one
    alternation finds what the per-number patterns find, in a single pass.
    """
    numbers = range(1, count + 1)
    if style is Style.ROMAN:
        numbering = {to_roman(number).lower(): number for number in numbers}
        body = rf"(?:punto\s+)?(?P<token>[ivxlc]{{1,8}}){_AFTER}"
    elif style is Style.ARABIC:
        numbering = {str(number): number for number in numbers}
        body = rf"(?:punto\s+)?(?P<token>\d{{1,3}}){_AFTER}"
    else:
        numbering = {}
        cardinals: dict[str, int] = {}
        for number in numbers:
            numbering |= dict.fromkeys(_words_for(number), number)
            cardinals[fold(number_to_words(number))] = number
        body = (
            rf"(?:(?P<token>{_alternation(numbering)})"
            rf"|punto\s+(?:numero\s+|n[uo]m\.\s*|no\.\s*)?(?P<cardinal>{_alternation(cardinals)}))"
            # "PRIMERO:\n\nLista de asistencia.": a scan may set the title on the next line
            rf"[ \t]?(?:\.-|\.|:|-)[ \t]*(?:\n[ \t]*){{0,2}}"
        )
        numbering |= {f"#{word}": number for word, number in cardinals.items()}
    return re.compile(rf"(?<![\w.,/:-])(?P<marker>{body})(?=\S)"), numbering


def find_markers(
    text: str, folded: str, style: Style, numbers: Collection[int], start: int, limit: int
) -> list[Marker]:
    """Every marker of the items ``numbers`` in ``text[start:limit]`` that opens an item, in
    one pass: what ``find_marker`` finds called for each number again and again."""
    if not numbers:
        return []
    pattern, numbering = _any_marker_re(style, max(numbers))
    found: list[Marker] = []
    for match in pattern.finditer(folded, start, limit):
        token = match["token"] if match["token"] is not None else f"#{match['cardinal']}"
        number = numbering.get(" ".join(token.split()))
        if number is None or number not in numbers:
            continue
        marker = _opening(text, style, number, match)
        if marker is not None:
            found.append(marker)
    return found


def _at_line_start(text: str, position: int) -> bool:
    line_start = text.rfind("\n", 0, position) + 1
    return not text[line_start:position].strip(" \t-•*>")


def detect_style(text: str, folded: str, start: int, limit: int) -> tuple[Style, Marker] | None:
    """The style of a list whose first item starts in ``text[start:limit]``."""
    found: list[tuple[Style, Marker]] = []
    for style in (Style.ROMAN, Style.ARABIC, Style.WORDS):
        marker = find_marker(text, folded, style, 1, start, limit, lead=start)
        if marker is not None:
            found.append((style, marker))
    if not found:
        return None
    return min(found, key=lambda pair: pair[1].start)


def read_list(
    text: str, folded: str, style: Style, first: Marker, limit: int, max_gap: int = 1600
) -> tuple[list[Marker], list[int]]:
    """Follow a numbered list from its first marker; return its markers and skipped numbers."""
    markers = [first]
    skipped: list[int] = []
    while True:
        current = markers[-1]
        window = min(limit, current.content + max_gap)
        following = find_marker(text, folded, style, current.number + 1, current.content, window)
        if following is None:
            following = find_marker(
                text, folded, style, current.number + 2, current.content, window
            )
            if following is None or not following.at_line_start:
                break
            skipped.append(current.number + 1)
        markers.append(following)
    return markers, skipped
