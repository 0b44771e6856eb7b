"""An agenda announced as a bulleted list: "… el siguiente Orden del Día:\n• Lista de
Asistencia.\n• Lectura de una Síntesis del Acta …\n• Asuntos Generales.". The bullets number
nothing, so the items are numbered from one in the order they are read; so are the items of a
list lettered "a)", "b)", "c)" (one a line, in order). A table of items ("No. | Tema |
Responsable", then "1 | Bienvenida | Presidencia") gives the title cell of each numbered row.
"""

import re

# The heading's colon at the end of its line (or the heading alone on it), then two or more
# lines opened by a bullet.
_AFTER_HEADING_RE = re.compile(r"(?:[^\n]{0,80}?:)?[ \t]*\n")
# A hyphen or a dash serves as a bullet too ("- Se aprueba …"), but not in a line of them
# ("- - - - -", an acta's filler).
_BULLET_LINE_RE = re.compile(
    r"[ \t]*[\u2022\u25aa\u25cf\u25e6\u2023\u00b7\u2043*\u2013-][ \t]+"
    r"(?P<title>(?![-\u2013\s])[^\n]+)\n?"
)
MIN_ITEMS = 2
# "Lectura de Correspondencia, y;": the list's own punctuation closing an item.
_TRAILING_RE = re.compile(r"(?:,?\s*y)?\s*[;,.]*\s*$")


def bulleted_items(text: str, heading_end: int) -> tuple[list[tuple[int, str]], int]:
    """The items (start, title) of a bulleted list right after the heading ending at
    ``heading_end``, and where the list ends; no items when there is no such list."""
    colon = _AFTER_HEADING_RE.match(text, heading_end)
    if colon is None:
        return [], heading_end
    items: list[tuple[int, str]] = []
    position = colon.end()
    while (line := _item_line(text, position, len(items))) is not None:
        title = _TRAILING_RE.sub("", line["title"].strip())
        if title:
            items.append((line.start(), title))
        position = line.end()
    if len(items) < MIN_ITEMS:
        return [], heading_end
    return items, position


# "a) Lista de asistencia.", "b.- Aprobación …": a letter in order, then its title.
_LETTERED_LINE_RE = re.compile(r"[ \t]*(?P<letter>[a-zA-Z])(?:\)|\.-|\.)[ \t]+(?P<title>[^\n]+)\n?")
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _item_line(text: str, position: int, count: int) -> re.Match[str] | None:
    """The line at ``position`` if it is the list's next item: opened by a bullet, or by the
    letter that follows the ``count`` items read."""
    bullet = _BULLET_LINE_RE.match(text, position)
    if bullet is not None:
        return bullet
    lettered = _LETTERED_LINE_RE.match(text, position)
    if lettered is None or count >= len(LETTERS) or lettered["letter"].lower() != LETTERS[count]:
        return None
    return lettered


# "1 | Bienvenida | Presidencia": a row numbered in its first cell, its title in the second.
_TABLE_ROW_RE = re.compile(r"[ \t]*(?P<number>\d{1,2})\.?[ \t]*\|[ \t]*(?P<title>[^|\n]+)[^\n]*\n?")
_TABLE_HEADER_RE = re.compile(r"[ \t]*(?i:no\.?|n[uú]m\.?|n[uú]mero|#)[ \t]*\|[^\n]*\n")


def tabled_items(text: str, heading_end: int) -> tuple[list[tuple[int, str]], int]:
    """The items (start, title) of a table of items right after the heading ending at
    ``heading_end``, numbered 1, 2, 3 … in its first column, and where it ends."""
    line_end = text.find("\n", heading_end)
    if line_end == -1 or text[heading_end:line_end].strip(" \t:"):
        return [], heading_end  # the heading is alone on its line
    position = line_end + 1
    header = _TABLE_HEADER_RE.match(text, position)
    if header is not None:
        position = header.end()
    items: list[tuple[int, str]] = []
    while (row := _TABLE_ROW_RE.match(text, position)) is not None:
        if int(row["number"]) != len(items) + 1:
            break
        items.append((row.start(), _TRAILING_RE.sub("", row["title"].strip())))
        position = row.end()
    if len(items) < MIN_ITEMS or not all(title for _, title in items):
        return [], heading_end
    return items, position
