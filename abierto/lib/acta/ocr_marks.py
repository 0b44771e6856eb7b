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

The same specks turn a list's numbers into letters: ``with_list_numbers`` restores one from
the numbers around it ("A," after item 3 is item 4; "L." before "1/2." and "3," are items 1 to
3), and when no digit was read at all ``with_first_list_numbers`` numbers the list from 1.

Only OCR text goes through here: a typed document's marks are the author's.
"""

from __future__ import annotations

import copy
import itertools
import re
from collections.abc import Sequence
from typing import Protocol, TypeVar

from abierto.lib.roman import from_roman, to_roman


class Worded(Protocol):
    text: str


L = TypeVar("L", bound=Worded)


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


# Letters Tesseract reads for the digits of a list's numbers ("A, Asuntos generales" after
# "3. Informe…" is item 4).
_DIGIT_LOOKALIKES = str.maketrans("AZzSsGbTBgqOoIlL|", "42255667899001111")
# "1/2." for "2.": a speck before the digit read as another digit and a slash.
_ITEM_MARK_RE = re.compile(r"^(?:\d/)?([0-9AZzSsGbTBgqOoIlL|]{1,2})[.,)]$")


MAX_LINES_AFTER_ITEM = 2  # an item's title wrapped on the next line
# Short words that open a line of prose ("La Secretaria informó…"), never a misread number.
_SHORT_WORDS = frozenset(
    ["la", "el", "lo", "en", "de", "se", "su", "un", "al", "es", "si", "no", "ya", "le", "y", "o"]
)


def with_list_numbers(lines: list[list[B]]) -> list[list[B]]:
    """Restore an item number read as letters when the items around it say what it is: a
    line starting "A," right after item 3 is item 4, and "L." right before item 2 is item 1.
    Only the next (or the first) number is taken; a number read with a comma or a speck
    ("3,", "1/2.") is written back as "3.", "2."; an unsure mark of one or two letters
    before a sure word ("A Lectura…", "Ef Señalamiento…") right after an item is the next, and
    so is the next number without its stop ("3 Desarrollo…")."""
    expected: int | None = None
    unsure_before: list[B] | None = None  # a first mark read as letters, before any number
    since_item = MAX_LINES_AFTER_ITEM + 1  # lines read since the last numbered one
    for line in lines:
        if not line:
            continue
        since_item += 1
        match = _ITEM_MARK_RE.match(line[0].text)
        if (
            match is None
            and expected is not None
            and since_item <= MAX_LINES_AFTER_ITEM
            and _misread_mark(line)
            and line[0].text.casefold().rstrip(".,)") not in _SHORT_WORDS
        ):
            # "2. Lectura del orden del día…" then "A Lectura de correspondencia…": an unsure
            # mark of letters before a sure word, right after an item, is the next item's.
            _renumber(line, str(expected))
            expected, since_item = expected + 1, 0
            continue
        if (
            match is None
            and expected is not None
            and since_item <= MAX_LINES_AFTER_ITEM
            and line[0].text == str(expected)
            and len(line) > 1
            and line[1].text[:1].isupper()
        ):
            # "2. Lectura del Acta Anterior" then "3 Desarrollo de los temas…": the next
            # number, its stop lost.
            _renumber(line, str(expected))
            expected, since_item = expected + 1, 0
            continue
        if match is None or len(line) < 2 or not line[1].text[:1].isupper():
            continue
        since_item = 0
        mark = match.group(1)
        digits = mark.translate(_DIGIT_LOOKALIKES)
        if mark.isdigit():
            continues = expected is not None and int(mark) == expected
            second = expected is None and unsure_before is not None and int(mark) == 2
            misread = line[0].text.endswith(",") or "/" in line[0].text  # "3,", "1/2."
            if misread and (continues or second):
                _renumber(line, mark)
            if second and unsure_before is not None:
                _renumber(unsure_before, "1")
            expected, unsure_before = int(mark) + 1, None
            continue
        if expected is not None and digits.isdigit() and int(digits) == expected:
            _renumber(line, digits)
            expected += 1
        elif expected is None and digits == "1":
            unsure_before = line
    return lines


def _renumber(line: list[L], number: str) -> None:
    word = copy.copy(line[0])
    word.text = f"{number}."
    line[0] = word


# A list's bullets, read as a letter or a sign: "e Rosalío Medina Martínez, Secretario …",
# "+ Jafia Pacheco Valtierra, Coordinadora …". "e" before a capitalised word is no conjunction
# unless the word starts with an "i" sound ("e Ignacio", "e Hilda"), and "o", "+", "«" and "»"
# open no line of prose; two such lines on a page make a bulleted list.
_BULLET_MARKS = frozenset(["e", "o", "+", "«", "»", "*", "°", "©", "¢"])
_NOT_AFTER_E_RE = re.compile(r"^(?:[IÍ]|H[iíy])")
MIN_BULLETS = 2


def with_bullets(lines: list[list[L]]) -> list[list[L]]:
    """Write the bullets of a list read as letters or signs as "•"."""
    marked = [index for index, line in enumerate(lines) if _bullet(line)]
    if len(marked) < MIN_BULLETS:
        return lines
    for index in marked:
        word = copy.copy(lines[index][0])
        word.text = "\u2022"
        lines[index][0] = word
    return lines


def _bullet(line: Sequence[Worded]) -> bool:
    if len(line) < 3 or line[0].text not in _BULLET_MARKS:
        return False
    following = line[1].text
    if not following[:1].isupper() or not following[1:2].islower():
        return False
    return not (line[0].text == "e" and _NOT_AFTER_E_RE.match(following))


# --- Roman item numbers -------------------------------------------------------------------

# "VIL.-" for "VII.-", "VIH.-" for "VIII.-", "L-" for "I.-", "I1.-" for "II.-": Tesseract reads
# the strokes of a Roman numeral as the letters and figures that look like them.
_ROMAN_MARK_RE = re.compile(r"(?P<numeral>[IVXLHl1|]{1,6})(?P<stop>\.-|[.)\-:])")
_ROMAN_RE = re.compile(r"X{0,3}(?:IX|IV|V?I{0,3})")
_ROMAN_LETTERS = re.compile(r"[IVXLHl|]")
MIN_ROMAN_ITEMS = 3


def with_roman_numbers(lines: list[list[L]]) -> list[list[L]]:
    """Restore a Roman item number misread as other letters when the numbers around it say
    which it is: in "L- Lista…", "II.- …", the first is item I; in "VI.- …", "VIL.- …",
    "VIH.- …", "IX.- …" the two misread are VII and VIII. A misread mark is rewritten only
    when the items before it and after it agree on its number, and only in a list with at
    least ``MIN_ROMAN_ITEMS`` well-read Roman numbers."""
    marks: list[tuple[int, int, str, int | None]] = []  # (line, word, stop, number when read)
    for index, line in enumerate(lines):
        position = 1 if len(line) > 2 and not any(c.isalnum() for c in line[0].text) else 0
        if len(line) < position + 2 or not line[position + 1].text[:1].isupper():
            continue
        match = _ROMAN_MARK_RE.fullmatch(line[position].text)
        if match is None or not _ROMAN_LETTERS.search(match["numeral"]):
            continue
        numeral = match["numeral"]
        number = from_roman(numeral) if _ROMAN_RE.fullmatch(numeral) else None
        marks.append((index, position, match["stop"], number))
    if sum(number is not None for *_, number in marks) < MIN_ROMAN_ITEMS:
        return lines
    for order, (index, position, stop, number) in enumerate(marks):
        if number is not None:
            continue
        before = _implied(marks, order, -1)
        after = _implied(marks, order, 1)
        guess = before if before is not None else after
        if guess is None or (after is not None and after != guess) or guess < 1:
            continue
        marks[order] = (index, position, stop, guess)
        word = copy.copy(lines[index][position])
        word.text = f"{to_roman(guess)}{stop}"
        lines[index] = [word, *lines[index][position + 1 :]]  # (a speck before it dropped)
    return lines


def _implied(marks: list[tuple[int, int, str, int | None]], order: int, step: int) -> int | None:
    """The number the nearest read mark in direction ``step`` implies for mark ``order``."""
    other = order + step
    while 0 <= other < len(marks):
        number = marks[other][3]
        if number is not None:
            return number - (other - order)
        other += step
    return None
