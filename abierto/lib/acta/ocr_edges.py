"""The letterhead and footer that come back on most pages of a scan, taken out of its text.

A scanned acta prints its body's letterhead at the top of every page and the office's address
at the foot; left in, they land in the middle of whatever the page break cut (an agreement's
text read as "Blvd. Luis Donaldo Colosio 703 …"). Tesseract seldom reads them twice alike:
a stamp or a signature beside them adds scraps ("Sa Blvd. … 703, rr", "… 703, pa"), a space
goes missing ("CONSEJODE"), a phone number changes its digits. So lines are compared by their
words of three letters or more, run together, and two lines are the same when they are
close (``_SIMILAR``), not only when they are equal, and when they stand at about the same
height on the page (``_SAME_HEIGHT``): a printed letterhead does not move, while two items of a
list that a page break cut ("a) Manual de Organización …" at one page's foot, "b) Manual de
Procedimientos …" at the next one's top) do.

A line is page furniture when it comes back at the same edge (top or foot) of at least half
the pages. It is taken out only when it sits at the edge, or behind other furniture or
behind scraps without a word (a stamp's "PA", a lone "O"): a line like "Aprobado por
unanimidad" that opens a page in the middle of the text is kept unless the edge of most
pages holds it.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .ocr import OcrPage, OcrWord

# How many lines from each edge of a page are looked at.
EDGE_LINES = 6
# Lines with fewer letters than this (in their words of three letters or more) are not
# compared: "Página 3" is, "3 de 7" is not.
_MIN_KEY = 6
_SIMILAR = 0.8
# Pixels at 300 dpi (about 2 cm): how far a scanner shifts the same printed line between pages.
_SAME_HEIGHT = 240
# A line of this many letters and figures or fewer, and no word, is a scrap.
_MAX_SCRAP_MARKS = 3
_WORD_RE = re.compile(r"\S+")


def edge_key(line: list[OcrWord]) -> str:
    """A line's words of three letters or more, their letters only, run together."""
    text = " ".join(word.text for word in line)
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    words = (
        "".join(char for char in word if char.isalpha()) for word in _WORD_RE.findall(decomposed)
    )
    return "".join(word for word in words if len(word) >= 3)


def drop_repeated_edges(pages: list[OcrPage]) -> None:
    """Take out the lines that come back at the top or at the foot of most pages."""
    if len(pages) < 2:
        return
    needed = max(2, (len(pages) + 1) // 2)
    for from_foot in (False, True):
        edges = [_edge_lines(page, from_foot) for page in pages]
        furniture = _repeated(edges, needed)
        if not furniture:
            continue
        for page, lines in zip(pages, edges, strict=True):
            dropped = _peeled(lines, furniture)
            if dropped:
                page.lines = [line for i, line in enumerate(page.lines) if i not in dropped]


@dataclass(frozen=True)
class _EdgeLine:
    index: int  # in its page's lines
    key: str
    top: int  # pixels from the page's top; 0 when the words' boxes are unknown
    marks: int  # letters and figures

    def same(self, other: _EdgeLine) -> bool:
        if self.top and other.top and abs(self.top - other.top) > _SAME_HEIGHT:
            return False
        if self.key == other.key:
            return True
        matcher = difflib.SequenceMatcher(None, self.key, other.key, autojunk=False)
        return matcher.real_quick_ratio() >= _SIMILAR and matcher.ratio() >= _SIMILAR


def _edge_lines(page: OcrPage, from_foot: bool) -> list[_EdgeLine]:
    """The first (or last) ``EDGE_LINES`` lines with words."""
    indexes = [i for i, line in enumerate(page.lines) if line]
    if from_foot:
        indexes.reverse()
    return [
        _EdgeLine(
            i,
            edge_key(page.lines[i]),
            min(word.top for word in page.lines[i]),
            sum(char.isalnum() for word in page.lines[i] for char in word.text),
        )
        for i in indexes[:EDGE_LINES]
    ]


def _repeated(edges: list[list[_EdgeLine]], needed: int) -> list[_EdgeLine]:
    """The lines seen at this edge on ``needed`` pages or more, close ones counted as one."""
    groups: list[tuple[_EdgeLine, set[int]]] = []
    for page_number, lines in enumerate(edges):
        for line in lines:
            if len(line.key) < _MIN_KEY:
                continue
            group = next((g for g in groups if g[0].same(line)), None)
            if group is None:
                groups.append((line, {page_number}))
            else:
                group[1].add(page_number)
    return [line for line, seen in groups if len(seen) >= needed]


def _peeled(lines: list[_EdgeLine], furniture: list[_EdgeLine]) -> set[int]:
    """The indexes of the furniture at this edge, with the wordless scraps between them and
    the scraps of a mark or two just inside it (a stamp's "PA", initials' "2% a/")."""
    dropped: set[int] = set()
    pending: list[_EdgeLine] = []
    for line in lines:
        if len(line.key) >= _MIN_KEY and any(known.same(line) for known in furniture):
            dropped.update(scrap.index for scrap in pending)
            dropped.add(line.index)
            pending = []
        elif not line.key:
            pending.append(line)
        else:
            break
    if dropped:
        dropped.update(scrap.index for scrap in pending if scrap.marks <= _MAX_SCRAP_MARKS)
    return dropped
