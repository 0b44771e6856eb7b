"""Figures a text layer glued to the words around them, put apart: "el día13 de mayo",
"a las12:00docehoras", "Sesión Extraordinaria29/2017".

Each is found from its figures (a pattern that starts with a look-behind is tried at every
character of a long acta) and the letters beside them are checked. Split from ``normalize``.
"""

import re

from abierto.lib.spanish import MONTHS

MONTH_NAMES = "|".join([*MONTHS, "setiembre"])

# Found from the day (a pattern that starts with a look-behind is tried at every character);
# the letter before it is checked on the few found.
_GLUING_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzáéíóúñ")
_DAY_OF_MONTH_RE = re.compile(rf"\d{{1,2}}\s+de\s+(?:{MONTH_NAMES})\b", re.IGNORECASE)


def unglued_days(text: str) -> str:
    """ "celebrada el día13 de mayo": a space between the day and the letter glued before it."""
    pieces: list[str] = []
    last = 0
    for match in _DAY_OF_MONTH_RE.finditer(text):
        start = match.start()
        if start and text[start - 1].lower() in _GLUING_LETTERS:
            pieces += [text[last:start], " "]
            last = start
    pieces.append(text[last:])
    return "".join(pieces)


# A time ("12:00") or a number within its year ("29/2017") glued to the words around it by a
# text layer that lost the spaces: found from the colon or the slash and the figures after it
# (a pattern that starts with a figure is tried at every figure of the acta), the figures
# before it and the letters beside them then checked.
_AFTER_SEPARATOR_RE = re.compile(r":\d{2}|/\d{4}")
_FIGURES_BEFORE = {":": 2, "/": 4}


def unglued_figures(text: str) -> str:
    """ "a las12:00docehoras" -> "a las 12:00 docehoras": two letters glued before the figures,
    or three after them, are put apart by a space."""
    if ":" not in text and "/" not in text:
        return text
    pieces: list[str] = []
    last = 0
    for match in _AFTER_SEPARATOR_RE.finditer(text):
        separator, end = match.start(), match.end()
        start = separator
        while (
            start > max(last, separator - _FIGURES_BEFORE[text[separator]])
            and text[start - 1].isdigit()
        ):
            start -= 1
        if start == separator or (end < len(text) and text[end].isdigit()):
            continue
        before = text[start - 2 : start].lower() if start >= 2 else ""
        after = text[end : end + 3].lower()
        glued_before = len(before) == 2 and all(char in _GLUING_LETTERS for char in before)
        glued_after = len(after) == 3 and all(char in _GLUING_LETTERS for char in after)
        if not (glued_before or glued_after):
            continue
        pieces += [text[last:start], " " if glued_before else "", text[start:end]]
        pieces.append(" " if glued_after else "")
        last = end
    pieces.append(text[last:])
    return "".join(pieces)
