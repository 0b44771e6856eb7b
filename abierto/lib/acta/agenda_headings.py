"""Where the minutes take up an agenda item under its own title, written again as a heading
without its number ("NOMBRAMIENTO DEL RESPONSABLE DEL MÓDULO DE ACCESO........" over the
paragraph that settles it). Split from ``agenda``, whose ``item_positions`` also reads the
items' numbers and the "punto N" mentions.
"""

import re
from collections.abc import Iterable

from .text import fold

# A title shorter than this is too common to say which item it is ("Asuntos generales" is
# found by its number, or not at all).
MIN_TITLE_CHARS = 24
# How much of a title must stand at the heading's line start: a heading may be cut or wrap.
TITLE_PREFIX_CHARS = 40


def title_positions(
    folded: str, titles: Iterable[tuple[int, str]], start: int, end: int
) -> list[tuple[int, int]]:
    """``(position, number)`` for each item whose title opens a line of ``folded[start:end]``."""
    found: list[tuple[int, int]] = []
    for number, title in titles:
        words = fold(title).split()
        prefix = ""
        for word in words:
            prefix = f"{prefix} {word}".strip()
            if len(prefix) >= TITLE_PREFIX_CHARS:
                break
        if len(prefix) < MIN_TITLE_CHARS:
            continue
        pattern = r"(?m)^[ \t]*" + r"\s+".join(re.escape(word) for word in prefix.split())
        match = re.compile(pattern).search(folded, start, end)
        if match is not None:
            found.append((match.start(), number))
    return found
