"""Specks of a scanned page read as punctuation between words.

A speck beside a word is read as a mark glued to it or standing alone, and the mark then
cuts the sentence it sits in: "en, el edificio ubicado en…" ends the venue at the comma,
"del Instituto ¡Nacional de ' Transparencia" at the stray marks. Only marks that no
Spanish prose puts there are dropped:

- a comma glued to a preposition whose next word is an article ("en, el", "de, la"): a
  preposition never ends a clause;
- a lone straight quote or apostrophe between two words: a real quote is glued to the
  word it opens or closes;
- an opening "¡" not closed by a "!" before the next "¡", on its line or the next one.

The same specks turn a list's numbers into letters; when no digit was read before them
there is nothing to count from, and ``with_first_list_numbers`` numbers the list from 1.

Only OCR text goes through here: a typed document's marks are the author's.
"""

from __future__ import annotations

import copy
import itertools
import re
from collections.abc import Sequence
from typing import Protocol, TypeVar


class Worded(Protocol):
    text: str


class Boxed(Worded, Protocol):
    confidence: float


W = TypeVar("W", bound=Worded)
B = TypeVar("B", bound=Boxed)

_PREPOSITIONS = frozenset(["a", "al", "con", "de", "del", "en", "para", "por", "sin", "sobre"])
_ARTICLES = frozenset(["el", "la", "las", "lo", "los", "un", "una", "unas", "unos"])
_LONE_QUOTES = frozenset(["'", "\u2018", "\u2019", "`", "\u00b4"])
# How many lines after the "¡" may hold its closing "!".
_EXCLAMATION_REACH = 2


def without_stray_marks(lines: list[list[W]]) -> list[list[W]]:
    """The lines without the stray marks described in the module's docstring."""
    flat = [word for line in lines for word in line]
    before = {id(nxt): word for word, nxt in itertools.pairwise(flat)}
    after = {id(word): nxt for word, nxt in itertools.pairwise(flat)}
    cleaned: list[list[W]] = []
    for index, line in enumerate(lines):
        later = [word.text for rest in lines[index : index + _EXCLAMATION_REACH] for word in rest]
        kept: list[W] = []
        for position, word in enumerate(line):
            previous, nxt = before.get(id(word)), after.get(id(word))
            if word.text in _LONE_QUOTES and previous is not None and nxt is not None:
                continue
            text = word.text
            if (
                text.endswith(",")
                and text[:-1].casefold() in _PREPOSITIONS
                and nxt is not None
                and nxt.text.casefold() in _ARTICLES
            ):
                text = text[:-1]
            if (
                text.startswith("\u00a1")
                and len(text) > 1
                and not _closed(text[1:], later[position + 1 :])
            ):
                text = text[1:]
            if text != word.text:
                word = copy.copy(word)
                word.text = text
            kept.append(word)
        cleaned.append(kept)
    return cleaned


def _closed(rest: str, following: list[str]) -> bool:
    """Whether a "!" closes the exclamation opened before ``rest`` before another opens."""
    for mark in "".join([rest, *following]):
        if mark in "!\u00a1":
            return mark == "!"
    return False


# A list's numbers read as letters with no number before them to count from ("A
# Aprobación…", "de Aprobación…" under "ORDEN DEL DÍA" for "1." and "2."): Tesseract is
# unsure of the short mark and sure of the word after it.
_UNSURE_MARK = 75.0
_SURE_WORD = 85.0
_MARK_RE = re.compile(r"^[^\W\d]{1,2}[.,)]?$")


def with_first_list_numbers(lines: list[list[B]]) -> list[list[B]]:
    """Number from 1 the items of a list under a heading whose marks were all misread.

    A heading (a line in capitals, or one ending in ":") followed by two or more lines that
    each open with an unsure mark of one or two letters before a sure capitalised word:
    those marks are the list's numbers. A line that opens with a digit ends the search,
    since ``with_list_numbers`` counts from it.
    """
    for index, line in enumerate(lines):
        if not _heading(line):
            continue
        marked: list[int] = []
        for later in range(index + 1, len(lines)):
            words = lines[later]
            if not words:
                continue
            if _heading(words) or words[0].text[:1].isdigit():
                break
            if _misread_mark(words):
                marked.append(later)
        if len(marked) >= 2:
            for number, row in enumerate(marked, start=1):
                word = copy.copy(lines[row][0])
                word.text = f"{number}."
                lines[row][0] = word
    return lines


def _heading(line: Sequence[Boxed]) -> bool:
    text = " ".join(word.text for word in line)
    letters = [char for char in text if char.isalpha()]
    return len(letters) >= 4 and (all(char.isupper() for char in letters) or text.endswith(":"))


def _misread_mark(line: Sequence[Boxed]) -> bool:
    if len(line) < 2:
        return False
    mark, word = line[0], line[1]
    return (
        mark.confidence < _UNSURE_MARK
        and bool(_MARK_RE.match(mark.text))
        and word.confidence >= _SURE_WORD
        and word.text[:1].isupper()
    )
