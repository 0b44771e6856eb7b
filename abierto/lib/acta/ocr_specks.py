"""Specks of a scanned page that only the words' text shows, repaired after Tesseract.

A stop glued to a function word ("PARTIDO SOCIALDEMÓCRATA DE. MORELOS"), a lone dash at a line's
end, a bracket or bar where the margin's edge was read ("[MARZO DEL AÑO …"), an opening quote
that nothing closes ("Casián “Silva"), a degree's stop doubled ("L.A.E.."), a colon read inside
a name ("JESÚS SAÚL: MEZA TELLO") and the "ó" of "-ión" read "é" ("Sesién"). Split from
``ocr_repair``, whose repairs need where each word sat on the page.
"""

from __future__ import annotations

import copy
import itertools
import re
from collections.abc import Sequence
from typing import TypeVar

from .given_names import GIVEN_NAMES
from .ocr_repair import Boxed
from .text import fold, is_abbreviation

W = TypeVar("W", bound=Boxed)


# Words that never end a sentence or introduce a list in Spanish: a stop glued to one of
# them ("PARTIDO SOCIALDEMÓCRATA DE. MORELOS", "; EL. REPRESENTANTE") is a speck.
_FUNCTION_WORDS = frozenset(
    [
        "de",
        "del",
        "el",
        "la",
        "las",
        "los",
        "en",
        "al",
        "con",
        "por",
        "para",
        "que",
        "su",
        "sus",
        "un",
        "una",
        "y",
    ]
)
_GLUED_STOP_RE = re.compile(r"^(\w+)[.:]$")
# "Canales.en su carácter", "junio.del año": a stop between a word and the function word
# after it, read as one word; a sentence never goes on in small letters after its stop.
# "se reunieron:los integrantes": a colon read there is the same speck.
_STOP_BEFORE_FUNCTION_RE = re.compile(
    r"^(\w{2,})[.:](en|de|del|el|la|las|los|al|con|por|para|que|y|su|sus)(?=[,;:]?$)"
)
_INNER_STOP_RE = re.compile(r"^(\w+)\.(?=[A-ZÁÉÍÓÚÑ][a-záéíóúñ])")
_ION_MISREAD_RE = re.compile(r"(?<=[cstxCSTX])([iI])([éÉ])([nN])(?=[.,;:)]*$)")


def _ion(match: re.Match[str]) -> str:
    return match[1] + ("ó" if match[2] == "é" else "Ó") + match[3]


_DOUBLE_STOP_RE = re.compile(r"(?:^|\.)[A-Za-z]\.\.$")
_OPEN_QUOTE_RE = re.compile(r"^[\"\u201c\u201e](?=[A-ZÁÉÍÓÚÑ][a-záéíóúñ]|[a-záéíóúñ]{2})")
_CLOSE_QUOTE_RE = re.compile(r"[\u201d]|\w[\"]|[\"]$")
_MARGIN_BRACKET_RE = re.compile(r"^[\[|](?=[A-ZÁÉÍÓÚÑ]{2})[^\]]*$")


def without_glued_specks(lines: list[list[W]]) -> list[list[W]]:
    """Drop a stop glued to a function word followed by more words, a lone dash at a line's
    end (a speck: a word broken at a line end keeps its hyphen glued to it), and an unclosed
    bracket or bar glued to a line's first word in capitals (the edge of the margin), an
    opening quote glued to a name's word that nothing on the line closes, and "-ión" read
    "-ién" ("Sesién", "Direccién"; "recién" is a word); a stop between a function word and
    the next, read as one word ("María del.Carmen"), is a space, as is a stop before a
    function word in small letters ("Canales.en su carácter")."""
    flat = [word for line in lines for word in line]
    after = {id(word): nxt for word, nxt in itertools.pairwise(flat)}
    before = {id(nxt): word for word, nxt in itertools.pairwise(flat)}
    cleaned: list[list[W]] = []
    for line in lines:
        kept: list[W] = []
        for index, word in enumerate(line):
            if word.text == "-" and index == len(line) - 1 and index > 0:
                continue
            if _OPEN_QUOTE_RE.match(word.text) and not any(
                _CLOSE_QUOTE_RE.search(other.text) for other in line[index:]
            ):
                word = copy.copy(word)  # "Casián “Silva,": a speck read as a quote never closed
                word.text = word.text[1:]  # (or "reunidos en “las oficinas …")
            if word.text.endswith(":") and _colon_inside_name(word, line[index + 1 : index + 3]):
                word = copy.copy(word)  # "JESÚS SAÚL: MEZA TELLO": a speck inside a name
                word.text = word.text[:-1]
            if _ION_MISREAD_RE.search(word.text) and fold(word.text).strip(".,;:") != "recien":
                word = copy.copy(word)  # "Sesién", "Direccién": the "ó" of "-ión" read as "é"
                word.text = _ION_MISREAD_RE.sub(_ion, word.text)
            if _DOUBLE_STOP_RE.search(word.text):
                word = copy.copy(word)  # "L.A.E.." : a speck after the degree's last stop
                word.text = word.text[:-1]
            if index == 0 and _MARGIN_BRACKET_RE.match(word.text):
                word = copy.copy(word)  # "[MARZO DEL AÑO…": the margin's edge read as a bracket
                word.text = word.text[1:]
            following = after.get(id(word))
            if _stop_inside_capitals(before.get(id(word)), word, following) or (
                following is not None
                and _stop_inside_name(word, following, after.get(id(following)))
            ):
                word = copy.copy(word)  # "DR. GONZALO LOPEZ. GIJON, LIC. …": inside a name
                word.text = word.text[:-1]
            if _TITLE_COLON_RE.match(word.text) and _capitalised(after.get(id(word))):
                word = copy.copy(word)  # "PROF: JOSÉ JUAN VAZQUEZ": the title's stop read ":"
                word.text = word.text[:-1] + "."
            inner = _INNER_STOP_RE.match(word.text)
            if inner and inner.group(1).casefold() in _FUNCTION_WORDS:
                word = copy.copy(word)  # "María del.Carmen": a speck read between two words
                word.text = f"{inner.group(1)} {word.text[inner.end() :]}"
            glued = _STOP_BEFORE_FUNCTION_RE.match(word.text)
            if glued and not is_abbreviation(glued.group(1)):
                word = copy.copy(word)  # "Fernández Canales.en su carácter": a speck for a space
                word.text = f"{glued.group(1)} {glued.group(2)}"
            match = _GLUED_STOP_RE.match(word.text)
            nxt = after.get(id(word))
            if (
                match
                and match.group(1).casefold() in _FUNCTION_WORDS
                and nxt is not None
                and nxt.text[:1].isalnum()
            ):
                word = copy.copy(word)
                word.text = match.group(1)
            kept.append(word)
        cleaned.append(kept)
    return cleaned


_CAPITALS_WORD_RE = re.compile(r"[A-ZÁÉÍÓÚÑ]{4,}")
_TITLE_COLON_RE = re.compile(r"^(?i:dra?|lic|ing|arq|mtr[oa]|prof[a]?):$")


def _stop_inside_capitals(previous: W | None, word: W, following: W | None) -> bool:
    """Whether the stop after a name's word in capitals is a speck: a word in capitals before
    it, and one after it that a comma closes ("LOPEZ. GIJON,"), as in a list of names, or any
    word in capitals after a given name ("VICTOR HUGO. FLORES")."""
    if (
        previous is None
        or following is None
        or not word.text.endswith(".")
        or _CAPITALS_WORD_RE.fullmatch(word.text[:-1]) is None
        or _CAPITALS_WORD_RE.fullmatch(previous.text) is None
    ):
        return False
    if fold(word.text[:-1]) in GIVEN_NAMES:  # "PROFR. VICTOR HUGO. FLORES HUERTA (Asist.)"
        return _CAPITALS_WORD_RE.fullmatch(following.text) is not None
    return (
        following.text.endswith(",")
        and _CAPITALS_WORD_RE.fullmatch(following.text[:-1]) is not None
    )


# A degree written out before a name: "licenciado. Aquiles González", "José. Luis Bernal".
_PROFESSIONS = frozenset(
    [
        *("licenciado", "licenciada", "doctor", "doctora", "ingeniero", "ingeniera"),
        *("maestro", "maestra", "profesor", "profesora", "contador", "contadora"),
        *("arquitecto", "arquitecta", "medico"),
    ]
)


def _stop_inside_name(word: Boxed, following: Boxed, after: Boxed | None) -> bool:
    """Whether the stop after a profession or a given name in small letters is a speck: a
    capitalised name follows ("licenciado. Aquiles González", "y José. Luis Bernal;")."""
    if not word.text.endswith(".") or not _capitalised(following):
        return False
    core = fold(word.text[:-1])
    if core in _PROFESSIONS and word.text[:1].islower():
        return True
    return (
        core in GIVEN_NAMES
        and word.text[:1].isupper()
        and word.text[1:2].islower()
        and (fold(following.text.strip(",;")) in GIVEN_NAMES or _capitalised(after))
    )


def _capitalised(word: Boxed | None) -> bool:
    return word is not None and word.text[:1].isupper() and word.text[1:2].isalpha()


def _colon_inside_name(word: Boxed, following: Sequence[Boxed]) -> bool:
    """Whether the colon after a given name is a speck: two capitalised words (the surnames)
    follow it, where a label's colon is followed by prose ("Alberto: Buenos días")."""
    core = fold(word.text[:-1]).strip(".,;'\"")
    return (
        core in GIVEN_NAMES
        and len(following) == 2
        and all(other.text[:1].isupper() and other.text[1:2].isalpha() for other in following)
    )
